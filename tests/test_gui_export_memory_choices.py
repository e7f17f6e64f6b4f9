"""File > Export offers the format, grouping and folder of the last export written: in the
same window, in the window of another project or of a restored backup, and after Diptych is
started again. The articles and tags chosen, Untagged passages with them, are not carried
over: they are one project's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import make_context, open_export_dialog, open_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.export_dialog import ExportDialog
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.settings import ExportChoices
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project


def untagged_checked(dialog: ExportDialog) -> bool:
    return dialog.tags.item(dialog.tags.count() - 1).checkState() == Qt.CheckState.Checked


def export_csv_by_article_without_untagged(qtbot: QtBot, window: MainWindow, out: Path) -> None:
    """Export as the user does: CSV, By article, Untagged passages and one tag left out."""
    dialog = open_export_dialog(qtbot, window)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    qtbot.mouseClick(dialog.by_article, Qt.MouseButton.LeftButton)
    dialog.tags.item(dialog.tags.count() - 1).setCheckState(Qt.CheckState.Unchecked)
    dialog.tags.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.output.setText(str(out / "table.csv"))
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def assert_offered_as_last(dialog: ExportDialog, out: Path) -> None:
    assert dialog.fmt() == "csv"
    assert dialog.by_article.isChecked() and not dialog.by_tag.isChecked()
    assert untagged_checked(dialog)  # the tag list's last item, ticked as the tags are
    assert Path(dialog.output.text()) == out / "Sample project.csv"
    # The tags and articles are all offered again: a choice of them is one project's.
    assert dialog.tags.checked() is None
    assert dialog.articles.checked() is None


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def test_the_next_export_offers_the_format_and_grouping_of_the_last(
    qtbot: QtBot, window: MainWindow, out: Path
) -> None:
    first = open_export_dialog(qtbot, window)
    assert first.fmt() == "md" and first.by_tag.isChecked() and untagged_checked(first)
    first.reject()
    export_csv_by_article_without_untagged(qtbot, window, out)
    assert_offered_as_last(open_export_dialog(qtbot, window), out)


def test_a_closed_dialog_leaves_the_choices_offered_as_they_were(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_export_dialog(qtbot, window)
    dialog.format.setCurrentIndex(dialog.format.findData("json"))
    dialog.by_article.setChecked(True)
    dialog.reject()
    again = open_export_dialog(qtbot, window)
    assert again.fmt() == "md" and again.by_tag.isChecked()


def test_the_choices_are_offered_again_after_a_restart(
    qtbot: QtBot, window: MainWindow, out: Path, tmp_path: Path, sample: Path
) -> None:
    export_csv_by_article_without_untagged(qtbot, window, out)
    window.close()
    started_again = make_context(tmp_path / "user")  # the same settings file, read afresh
    other = open_window(qtbot, started_again, Project.open(sample))
    assert_offered_as_last(open_export_dialog(qtbot, other), out)


def test_a_restored_backup_s_window_offers_the_last_export_s_choices(
    qtbot: QtBot, launched: MainWindow, out: Path
) -> None:
    launcher: Launcher = launched.launcher  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: launched.backups.last is not None, timeout=5000)
    backup = launched.backups.last
    assert backup is not None
    export_csv_by_article_without_untagged(qtbot, launched, out)
    launcher.restore(launched, backup)
    restored = launcher.window
    assert restored is not None and restored is not launched
    qtbot.waitExposed(restored)
    assert_offered_as_last(open_export_dialog(qtbot, restored), out)


def test_another_project_s_window_offers_the_format_and_folder_but_not_the_tags(
    qtbot: QtBot, launched: MainWindow, out: Path, tmp_path: Path
) -> None:
    launcher: Launcher = launched.launcher  # type: ignore[attr-defined]
    export_csv_by_article_without_untagged(qtbot, launched, out)
    other_path = tmp_path / "other.diptych"
    create_sample_project(other_path).close()
    launcher.open_path(other_path)
    other = launcher.window
    assert other is not None and other is not launched
    qtbot.waitExposed(other)
    assert_offered_as_last(open_export_dialog(qtbot, other), out)


def test_a_format_no_longer_known_offers_markdown_without_a_word(
    qtbot: QtBot, window: MainWindow, context: AppContext
) -> None:
    gone = Path(context.paths.data) / "gone"
    context.settings.set_export_choices(ExportChoices(fmt="docx", group_by="?", folder=gone))
    dialog = open_export_dialog(qtbot, window)
    assert dialog.fmt() == "md"
    assert dialog.by_tag.isChecked() and untagged_checked(dialog)
    assert dialog.output.text().endswith("Sample project.md")
    assert window.statusBar().currentMessage() == ""
