"""An article shown in a pane is removed by another window: a passage tagged on it before
the window has looked at the file again is refused with a message naming the article by
its title, nothing is half saved, and the window shows the project as it is now at once."""

from __future__ import annotations

from pathlib import Path

from gui_support import select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.project import Project

QUOTE = "renewed diplomatic engagement"


def test_tagging_an_article_another_window_removed_is_refused_and_the_pane_follows(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    said: list[tuple[int, str]] = []
    window.context.messages.posted.connect(lambda level, _t, text: said.append((level, text)))
    window.session.watch(False)  # the other window's change is not seen before the key
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    article_id = pane.article_id or 0
    title = window.session.project.articles.get(article_id=article_id).title
    steps = window.session.undo_stack.count()
    select_text(pane, QUOTE)
    with Project.open(sample) as other:
        other.articles.remove(article_id=article_id)

    qtbot.keyClick(pane.view, Qt.Key.Key_1)

    errors = [text for level, text in said if level == Level.ERROR]
    assert len(errors) == 1 and f"“{title}” was removed" in errors[0]  # as the user knows it
    assert "passage was not saved" in errors[0]
    assert window.session.undo_stack.count() == steps
    with Project.open(sample, read_only=True) as project:
        assert QUOTE not in [p.exact for p in project.annotations.query()]
        assert project.db.execute("PRAGMA foreign_key_check").fetchall() == []
    # Shown at once, not at the window's next look at the file (turned off here).
    qtbot.waitUntil(lambda: pane.article_id != article_id, timeout=1000)
    assert title not in [a.title for a in window.session.articles()]
