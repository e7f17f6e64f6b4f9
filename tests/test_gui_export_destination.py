"""Where File > Export writes: a bare file name goes in the folder the dialog showed (not
wherever the program was started from), the message gives the whole path, and the open
project file is never what an export replaces."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_export_dialog
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.project import Project


def messages_of(window: MainWindow) -> list[tuple[int, str, str]]:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    return posted


def test_a_bare_file_name_is_saved_in_the_folder_the_dialog_showed(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started_in = tmp_path / "started-in"
    started_in.mkdir()
    monkeypatch.chdir(started_in)
    posted = messages_of(window)
    dialog = open_export_dialog(qtbot, window)
    beside = window.session.project.path.parent  # the first export goes beside the project
    assert Path(dialog.output.text()).parent == beside
    dialog.output.selectAll()
    qtbot.keyClicks(dialog.output, "notes.md")
    with qtbot.waitSignal(dialog.exported, timeout=10_000) as exported:
        qtbot.keyClick(dialog.output, Qt.Key.Key_Return)  # Enter exports
    written = beside / "notes.md"
    assert exported.args[0] == str(written)
    assert written.read_text(encoding="utf-8").startswith("# ")
    assert list(started_in.iterdir()) == []
    assert posted[-1][2].startswith(f"Exported to {written} (")


def test_the_open_project_file_is_never_replaced_by_an_export(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    articles = len(window.session.articles())
    questions: list[str] = []

    def confirm(_parent: object, _title: str, text: str) -> bool:
        questions.append(text)
        return True  # even an analyst who says "Replace" keeps the project

    dialog = ExportDialog(window.session, window.workers, window, confirm=confirm)
    qtbot.addWidget(dialog)
    posted = messages_of(window)
    dialog.output.setText(str(sample))
    dialog.start()
    assert dialog.worker is None and dialog.export_button.isEnabled()
    assert questions == []
    level, title, text = posted[-1]
    assert (level, title) == (Level.ERROR, "Export")
    assert str(sample) in text and "project" in text and "another name" in text
    with Project.open(sample, read_only=True) as project:
        assert len(project.articles.all()) == articles


@pytest.mark.parametrize(
    ("typed", "as_csv"),
    [
        ("Report 2024.03", "Report 2024.03.csv"),  # a dot of its own: kept
        ("Study v1.2.md", "Study v1.2.csv"),
        ("notes.txt", "notes.csv"),  # a file type: replaced
        ("notes", "notes.csv"),
    ],
)
def test_choosing_a_format_keeps_a_dotted_name_whole(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, typed: str, as_csv: str
) -> None:
    dialog = open_export_dialog(qtbot, window)
    dialog.output.setText(str(tmp_path / typed))
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    assert dialog.output.text() == str(tmp_path / as_csv)
    dialog.reject()
