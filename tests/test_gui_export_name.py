"""The export dialog suggests a free file name for whichever format is chosen."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow


def dialog_on(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    dialog = ExportDialog(window.session, window.workers, window)
    qtbot.addWidget(dialog)
    return dialog


def choose(dialog: ExportDialog, key: str) -> str:
    dialog.format.setCurrentIndex(dialog.format.findData(key))
    return dialog.output.text()


def test_after_a_markdown_export_the_html_report_is_not_numbered(
    qtbot: QtBot, window: MainWindow
) -> None:
    (Path.home() / "Sample project.md").write_text("an earlier export", encoding="utf-8")
    dialog = dialog_on(qtbot, window)
    assert dialog.output.text() == str(Path.home() / "Sample project (2).md")
    assert choose(dialog, "html") == str(Path.home() / "Sample project.html")
    assert choose(dialog, "md") == str(Path.home() / "Sample project (2).md")


def test_switching_to_a_format_whose_file_exists_suggests_a_free_name(
    qtbot: QtBot, window: MainWindow
) -> None:
    (Path.home() / "Sample project.csv").write_text("an earlier table", encoding="utf-8")
    dialog = dialog_on(qtbot, window)
    assert dialog.output.text() == str(Path.home() / "Sample project.md")
    assert choose(dialog, "csv") == str(Path.home() / "Sample project (2).csv")


def test_a_name_the_user_typed_keeps_its_name_with_the_new_suffix(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    (Path.home() / "Sample project.md").write_text("an earlier export", encoding="utf-8")
    dialog = dialog_on(qtbot, window)
    dialog.output.setText(str(tmp_path / "Sample project (2).md"))  # typed: not a suggestion
    assert choose(dialog, "html") == str(tmp_path / "Sample project (2).html")


def test_nothing_chosen_is_said_before_asking_to_replace_a_file(
    qtbot: QtBot, window: MainWindow
) -> None:
    existing = Path.home() / "Sample project.md"
    existing.write_text("my own notes", encoding="utf-8")
    questions: list[str] = []

    def confirm(_parent: object, _title: str, text: str) -> bool:
        questions.append(text)
        return True

    errors: list[str] = []
    window.session.messages.posted.connect(lambda _level, _title, text: errors.append(text))
    dialog = ExportDialog(window.session, window.workers, window, confirm=confirm)
    qtbot.addWidget(dialog)
    dialog.output.setText(str(existing))
    dialog.articles.set_all(False)
    dialog.start()
    assert errors == ["Choose at least one article, and one tag or Untagged passages, to export."]
    assert questions == []  # not asked to replace a file for an export that cannot run
    assert existing.read_text(encoding="utf-8") == "my own notes"
