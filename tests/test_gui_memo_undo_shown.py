"""Undo and redo of a memo say which memo they change, and show a tag's memo they change
while another tag's is shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.commands import quote_start
from diptych.gui.main_window import MainWindow
from diptych.gui.tag_values import TagValues
from diptych.storage.model import MemoKind


def _tag_id(window: MainWindow, name: str) -> int:
    return next(t.id for t in window.session.codebook().ordered() if t.name == name)


def _type_memo(qtbot: QtBot, window: MainWindow, kind: MemoKind, words: str) -> None:
    field = {
        MemoKind.PROJECT: window.memos.project_memo,
        MemoKind.ARTICLE: window.memos.article_memo,
        MemoKind.TAG: window.memos.tag_memo,
    }[kind]
    field.setFocus()
    qtbot.keyClicks(field, words)
    window.area.current.view.setFocus()  # leaving the field saves it
    qtbot.waitUntil(lambda: window.session.undo_stack.canUndo())


def test_undoing_a_tag_memo_shows_that_memo_and_names_its_tag(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    tree = window.tags.view
    security, trade = _tag_id(window, "Security"), _tag_id(window, "Trade")
    tree.select_tag(security)
    _type_memo(qtbot, window, MemoKind.TAG, "Hard security only.")
    assert window.actions_.undo.text() == "&Undo Edit memo on tag “Security”"

    tree.select_tag(trade)  # the memo shown is Trade's now
    assert window.memos.tag_memo.toPlainText() == ""
    window.actions_.undo.trigger()

    assert window.session.memo_text(MemoKind.TAG, security) == ""
    assert window.statusBar().currentMessage() == "Undone: Edit memo on tag “Security”"
    assert window.tags.model.tag(tree.currentIndex()).id == security
    assert window.memos.tag_label.full_text() == "Memo on tag “Security”"

    tree.select_tag(trade)
    window.actions_.redo.trigger()
    assert window.tags.model.tag(tree.currentIndex()).id == security
    assert window.memos.tag_memo.toPlainText() == "Hard security only."


def test_the_project_and_article_memos_are_named_in_undo(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    _type_memo(qtbot, window, MemoKind.PROJECT, "Aim.")
    assert window.actions_.undo.text() == "&Undo Edit project memo"
    article_id = window.area.current.article_id
    title = next(a.title for a in window.session.articles() if a.id == article_id)
    _type_memo(qtbot, window, MemoKind.ARTICLE, "Cites customs data.")
    # A long title is cut as messages cut a passage's quote.
    assert window.actions_.undo.text() == f"&Undo Edit memo on article “{quote_start(title)}”"


def test_undoing_an_article_memo_shows_it_with_its_article(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    left, right = window.area.panes()
    assert window.area.current is right
    _type_memo(qtbot, window, MemoKind.ARTICLE, "Cites customs data.")
    step = window.session.undo_stack.undoText()
    qtbot.mouseClick(left.view.viewport(), Qt.MouseButton.LeftButton)  # reading the other
    assert window.area.current is left
    assert window.memos.article_memo.toPlainText() == ""

    window.actions_.undo.trigger()
    assert window.session.memo_text(MemoKind.ARTICLE, right.article_id) == ""
    # The memo undone is shown: its article's pane is the current one, with the keyboard;
    # the panes keep their articles.
    assert window.area.current is right and right.view.hasFocus()
    assert [p.article_id for p in window.area.panes()] == [left.article_id, right.article_id]
    assert window.memos.article_memo.target_id == right.article_id
    assert window.statusBar().currentMessage() == f"Undone: {step}"

    qtbot.mouseClick(left.view.viewport(), Qt.MouseButton.LeftButton)
    window.actions_.redo.trigger()
    assert window.area.current is right
    assert window.memos.article_memo.toPlainText() == "Cites customs data."


def test_undoing_the_memo_of_an_article_in_no_pane_says_how_to_see_it(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    left, right = window.area.panes()
    _type_memo(qtbot, window, MemoKind.ARTICLE, "Cites customs data.")
    step = window.session.undo_stack.undoText()
    window.area.close_pane(right)
    assert window.area.current is left

    window.actions_.undo.trigger()
    assert window.session.memo_text(MemoKind.ARTICLE, 2) == ""
    assert window.area.current is left and len(window.area.panes()) == 1
    assert window.statusBar().currentMessage() == (
        f"Undone: {step}, whose article is in no pane: open it from the Library"
        " (double-click it, or Enter) to see its memo."
    )
    window.actions_.redo.trigger()
    assert window.statusBar().currentMessage().startswith(f"Redone: {step}, whose article")


def test_a_tag_named_in_several_words_reads_as_one_in_its_steps(
    qtbot: QtBot, window: MainWindow
) -> None:
    tree = window.tags.view
    security = _tag_id(window, "Security")
    tag = window.session.codebook()[security]
    renamed = TagValues(
        name="Public opinion", color=tag.color, parent_id=tag.parent_id, description=tag.description
    )
    window.tags.update_tag(security, renamed, name=tag.name)
    assert window.actions_.undo.text() == "&Undo Rename tag “Security” to “Public opinion”"
    tree.select_tag(security)
    _type_memo(qtbot, window, MemoKind.TAG, "Polls only.")
    assert window.actions_.undo.text() == "&Undo Edit memo on tag “Public opinion”"
