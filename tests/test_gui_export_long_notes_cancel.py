"""File > Export of passages with long notes: the progress bar moves, and Cancel stops
the export at once. Progress was counted per thousand passages only: with notes of
thousands of characters the bar stood at 0% for minutes, and Cancel took a minute."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_export_dialog, open_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.storage.annotations import NewAnnotation
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project

LONG_NOTE = (
    "# Heading\nSome **bold** and _em_ text, a link https://example.org/page?id=1 and"
    " <b>html</b>.\n- item one\n- item two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
) * 60  # about 10,000 characters of Markdown


@pytest.fixture
def long_notes(tmp_path: Path) -> Path:
    """The sample project with 1,600 passages, each with a long note under two tags: an
    export of some seconds, however busy the machine."""
    path = tmp_path / "long-notes.diptych"
    with create_sample_project(path) as project:
        tags = tuple(t.id for t in project.tags.all())[:2]
        items = [
            NewAnnotation(1, start, start + 12, tags, note=f"Note {start}\n\n{LONG_NOTE}")
            for start in range(1_600)
        ]
        project.annotations.add_many(items=items)
    return path


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_bar_moves_and_cancel_stops_the_export_at_once(
    qtbot: QtBot, tmp_path: Path, context: AppContext, long_notes: Path, fmt: str
) -> None:
    window = open_window(qtbot, context, Project.open(long_notes))
    dialog = open_export_dialog(qtbot, window)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    target = tmp_path / f"notes.{fmt}"
    dialog.output.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    # The bar moves while the export is under way, long before its end.
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=20_000)
    assert dialog.progress.value() < dialog.progress.maximum()
    with qtbot.waitSignal(window.context.messages.posted, timeout=20_000) as posted:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert posted.args[2] == "Export cancelled; nothing was written."
    assert dialog.export_button.isEnabled() and not target.exists()
