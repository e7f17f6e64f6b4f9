"""File > Export with a folder that cannot be looked at (no permission on a folder above it,
a network folder gone stale): the folder of the last export, kept from an earlier session,
or one typed in Save to. The dialog opens and says what is wrong, never a crash."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from gui_support import open_export_dialog
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.settings import ExportChoices


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder that every look inside is refused, as without permission to enter it."""
    folder = tmp_path / "locked"
    (folder / "exports").mkdir(parents=True)
    real_stat = Path.stat

    def stat(self: Path, *, follow_symlinks: bool = True) -> object:
        if folder in self.parents:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_stat(self, follow_symlinks=follow_symlinks)

    monkeypatch.setattr(Path, "stat", stat)
    return folder


def test_the_last_export_s_folder_that_cannot_be_looked_at_is_not_offered(
    qtbot: QtBot, window: MainWindow, context: AppContext, locked: Path
) -> None:
    context.settings.set_export_choices(ExportChoices(fmt="csv", folder=locked / "exports"))

    dialog = open_export_dialog(qtbot, window)

    assert dialog.fmt() == "csv"
    assert not dialog.output.text().startswith(str(locked))
    assert dialog.output.text().endswith("Sample project.csv")


def test_a_folder_typed_that_cannot_be_looked_at_is_said_on_export(
    qtbot: QtBot, window: MainWindow, context: AppContext, locked: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    context.messages.posted.connect(lambda *args: posted.append(args))
    dialog = open_export_dialog(qtbot, window)
    typed = str(locked / "exports" / "notes")
    dialog.output.setText(typed)
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    assert dialog.output.text() == typed + ".html"

    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    errors = [text for level, _title, text in posted if level == Level.ERROR]
    assert len(errors) == 1
    assert "cannot be written" in errors[0] and "Permission denied" in errors[0]
    assert dialog.isVisible() and dialog.worker is None  # nothing started, the choice stays
