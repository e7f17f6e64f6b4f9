"""A tag deleted in another window while this window's Edit tag dialog is open: OK says
the tag is gone, instead of an unexpected error, and nothing is changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.tag_dialog import TagDialog
from diptych.storage.project import Project


def test_editing_a_tag_deleted_elsewhere_meanwhile_says_it_is_gone(
    qtbot: QtBot, window: MainWindow, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    panel = window.tags
    security = next(t.id for t in window.session.ordered_tags() if t.name == "Security")

    def exec_while_deleted_elsewhere(dialog: TagDialog) -> int:
        dialog.name.setText("Safety")
        with Project.open(sample) as other:  # another window deletes the tag meanwhile
            other.tags.delete(tag_id=security)
        window.session.on_watch_timeout()  # this window notices while the dialog is open
        return TagDialog.DialogCode.Accepted

    monkeypatch.setattr(TagDialog, "exec", exec_while_deleted_elsewhere)
    panel.select_tag(security)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    errors = [(title, text) for level, title, text in posted if level == Level.ERROR]
    assert errors == [
        ("Edit tag", "The tag “Security” was deleted in another window; nothing was changed.")
    ]
    with Project.open(sample, read_only=True) as project:
        assert {t.name for t in project.tags.all()} & {"Security", "Safety"} == set()
    assert not window.session.undo_stack.canUndo()
