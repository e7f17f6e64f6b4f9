"""The export dialog offers what the chosen format uses: grouping for Markdown, CSV and
the HTML report only, and the articles for every format but a codebook, which an export
with no article checked is not refused for."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow
from diptych.storage.exporting import FORMATS


def open_dialog(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    dialog = ExportDialog(window.session, window.workers, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize(
    ("fmt", "grouped", "articles"),
    [
        ("md", True, True),
        ("csv", True, True),
        ("html", True, True),
        ("json", False, True),
        ("qdpx", False, True),
        ("qdc", False, False),
    ],
)
def test_only_what_the_format_uses_is_offered(
    qtbot: QtBot, window: MainWindow, fmt: str, grouped: bool, articles: bool
) -> None:
    assert set(FORMATS) == {"md", "csv", "html", "json", "qdpx", "qdc"}
    dialog = open_dialog(qtbot, window)
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    assert dialog.by_tag.isEnabled() is grouped and dialog.by_article.isEnabled() is grouped
    assert dialog.articles.isEnabled() is articles
    dialog.reject()


def test_a_codebook_is_exported_with_no_article_checked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.articles.set_all(False)
    target = tmp_path / "codebook.qdc"
    dialog.output.setText(str(target))
    assert dialog.fmt() == "qdc"
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert b"<CodeBook" in target.read_bytes()
