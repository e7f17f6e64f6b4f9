"""Browse… in File > Export: the file dialog names the kind of file it saves, a name
chosen without a file type gets the format's without replacing a file of that name
unasked, and a file type of the user's own is kept, as when it is typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow


def dialog_with(qtbot: QtBot, window: MainWindow, questions: list[str]) -> ExportDialog:
    def confirm(_parent: object, _title: str, text: str) -> bool:
        questions.append(text)
        return False  # keep the file that is there

    dialog = ExportDialog(window.session, window.workers, window, confirm=confirm)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def browse_to(
    qtbot: QtBot, dialog: ExportDialog, monkeypatch: pytest.MonkeyPatch, name: Path
) -> list[str]:
    """Click Browse…, the file dialog answering ``name``; what it was asked to show."""
    kinds: list[str] = []

    def answer(*args: object) -> tuple[str, str]:
        kinds.append(str(args[3]))
        return str(name), kinds[-1]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    browse = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Browse…")
    qtbot.mouseClick(browse, Qt.MouseButton.LeftButton)
    return kinds


def test_a_file_the_added_suffix_names_is_not_replaced_unasked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions: list[str] = []
    dialog = dialog_with(qtbot, window, questions)
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    earlier = tmp_path / "report.html"
    earlier.write_text("an earlier report, to keep", encoding="utf-8")
    browse_to(qtbot, dialog, monkeypatch, tmp_path / "report")  # no file "report": not asked
    assert dialog.output.text() == str(earlier)

    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)

    assert len(questions) == 1 and str(earlier) in questions[0]
    assert dialog.worker is None
    assert earlier.read_text(encoding="utf-8") == "an earlier report, to keep"


def test_the_file_dialog_names_the_format_and_keeps_a_file_type_of_the_users_own(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = dialog_with(qtbot, window, [])
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    kinds = browse_to(qtbot, dialog, monkeypatch, tmp_path / "notes.txt")
    assert kinds == ["CSV table (Excel) (*.csv)"]
    assert dialog.output.text() == str(tmp_path / "notes.txt")
    assert dialog.destination() == tmp_path / "notes.txt"
    assert dialog.fmt() == "csv"


@pytest.mark.parametrize(("typed", "shown"), [("notes", "notes.md"), ("", "")])
def test_browse_opens_where_export_would_save_a_bare_name(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    typed: str,
    shown: str,
) -> None:
    """A bare name typed ("notes"), or none, opens the file dialog in the dialog's folder,
    where Export saves it, not in the folder the program was started from."""
    dialog = dialog_with(qtbot, window, [])
    folder = Path(dialog.output.text()).parent
    monkeypatch.chdir(tmp_path)  # the program started elsewhere
    dialog.output.setText(typed)
    asked: list[str] = []

    def answer(*args: object) -> tuple[str, str]:
        asked.append(str(args[2]))
        return "", ""  # cancelled

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert asked == [str(folder / shown) if shown else str(folder)]
    assert dialog.output.text() == typed  # cancelled: as typed
