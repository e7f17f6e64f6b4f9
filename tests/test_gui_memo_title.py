"""The Memos panel names the article whose memo it shows by the article's current title."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.article_commands import RenameArticle
from diptych.gui.commands import perform
from diptych.gui.main_window import MainWindow


def test_the_memo_heading_follows_a_rename_and_its_undo_and_redo(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.memos
    left = window.area.panes()[0]
    window.area.set_current(left)
    assert left.article_id is not None
    old = window.session.project.articles.summary(article_id=left.article_id).title
    assert panel.article_label.full_text() == f"Memo on “{old}”"
    field = panel.article_memo
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Being typed")
    field.save()  # its own undo step, before the rename's
    perform(window.session, RenameArticle(window.session, left.article_id, "Seoul summit"))
    assert panel.article_label.full_text() == "Memo on “Seoul summit”"
    assert field.toPlainText() == "Being typed"  # the memo being typed is left alone
    for _ in range(2):
        window.actions_.undo.trigger()
        assert panel.article_label.full_text() == f"Memo on “{old}”"
        window.actions_.redo.trigger()
        assert panel.article_label.full_text() == "Memo on “Seoul summit”"
    assert window.session.memo_text(field.kind, left.article_id) == "Being typed"
