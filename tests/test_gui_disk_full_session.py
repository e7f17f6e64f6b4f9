"""The disk fills in the middle of a session: the edit that could not be saved is refused
with a message, the window and its undo stack agree with the file, nothing saved before is
lost, and the next edit once space is freed saves as usual.

The disk is made full for real in SQLite (``PRAGMA max_page_count``): each write then needs
a page the file may not grow by, and SQLite rolls the transaction back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import FullDisk, select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.project import Project

QUOTE = "renewed diplomatic engagement"


@pytest.fixture
def errors(window: MainWindow) -> list[str]:
    said: list[str] = []
    window.context.messages.posted.connect(
        lambda level, _title, text: said.append(text) if level == Level.ERROR else None
    )
    return said


@pytest.fixture
def full(window: MainWindow) -> Iterator[FullDisk]:
    yield FullDisk(window.session.project)


def quotes_in_file(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        return sorted(p.exact for p in project.annotations.query())


def tag_by_key(qtbot: QtBot, window: MainWindow) -> int:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    return pane.article_id or 0


def test_a_passage_tagged_on_a_full_disk_is_refused_and_the_window_agrees_with_the_file(
    qtbot: QtBot, window: MainWindow, full: FullDisk, errors: list[str]
) -> None:
    path = window.session.project.path
    saved = quotes_in_file(path)
    stack = window.session.undo_stack
    steps = stack.count()

    article_id = tag_by_key(qtbot, window)

    assert errors and "the disk is full" in errors[-1] and path.name in errors[-1]
    assert stack.count() == steps  # nothing to undo: nothing happened
    assert QUOTE not in [p.exact for p in window.session.article_passages(article_id)]
    assert quotes_in_file(path) == saved

    full.free()
    tag_by_key(qtbot, window)

    assert stack.count() == steps + 1
    assert QUOTE in [p.exact for p in window.session.article_passages(article_id)]
    assert quotes_in_file(path) == sorted([*saved, QUOTE])
    stack.undo()
    assert quotes_in_file(path) == saved
    assert QUOTE not in [p.exact for p in window.session.article_passages(article_id)]


def test_a_tag_renamed_on_a_full_disk_keeps_its_name_in_the_window_and_the_file(
    qtbot: QtBot, window: MainWindow, full: FullDisk, errors: list[str]
) -> None:
    from diptych.gui.tag_dialog import TagValues

    tag = window.session.codebook().ordered()[0]
    steps = window.session.undo_stack.count()

    window.tags.update_tag(tag.id, TagValues("Renamed", tag.color, tag.parent_id, ""))

    assert errors and "the disk is full" in errors[-1]
    assert window.session.undo_stack.count() == steps
    assert window.session.codebook().ordered()[0].name == tag.name
    with Project.open(window.session.project.path, read_only=True) as project:
        assert tag.name in {t.name for t in project.tags.all()}
