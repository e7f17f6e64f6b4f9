"""Where File > Export writes when the Save to field names a folder: inside it (not a file
beside it named after it), and a folder that does not exist is refused at once, in words
that say so (not once the whole export has run, with advice to free disk space)."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_export_dialog
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level


def type_destination(qtbot: QtBot, dialog: ExportDialog, text: str) -> None:
    dialog.output.selectAll()
    qtbot.keyClicks(dialog.output, text)


@pytest.mark.parametrize("ending", ["/", ""])
def test_a_folder_typed_gets_the_export_inside_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, ending: str
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog = open_export_dialog(qtbot, window)
    type_destination(qtbot, dialog, f"{folder}{ending}")
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as exported:
        qtbot.keyClick(dialog.output, Qt.Key.Key_Return)
    written = Path(exported.args[0])
    assert written.parent == folder
    assert written.name == f"{window.session.project.info().name}.md"
    assert written.read_text(encoding="utf-8").startswith("# ")
    assert not (tmp_path / "exports.md").exists()


def test_a_folder_that_does_not_exist_is_refused_before_the_export_runs(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    dialog = open_export_dialog(qtbot, window)
    missing = tmp_path / "no such folder"
    type_destination(qtbot, dialog, str(missing / "notes.md"))
    qtbot.keyClick(dialog.output, Qt.Key.Key_Return)
    assert dialog.worker is None and dialog.export_button.isEnabled() and dialog.isVisible()
    level, title, text = posted[-1]
    assert (level, title) == (Level.ERROR, "Export")
    assert f"{missing} does not exist" in text
    assert "disk space" not in text
    assert not missing.exists()


def test_a_folder_typed_stays_a_folder_when_the_format_changes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    dialog = open_export_dialog(qtbot, window)
    type_destination(qtbot, dialog, f"{folder}/")
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.output.text() == f"{folder}/"  # not "exports.csv" beside it
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as exported:
        qtbot.keyClick(dialog.output, Qt.Key.Key_Return)
    assert Path(exported.args[0]) == folder / f"{window.session.project.info().name}.csv"
