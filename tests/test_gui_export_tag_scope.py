"""File > Export with only the Trade tag ticked: the HTML report holds the project memo
and the memo of the article with the Trade passage, not the memo of the article without
one, and counts only that article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from gui_support import open_export_dialog
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.model import MemoKind
from diptych.storage.project import Project

TRADE_ARTICLE = "Memo on the article with the Trade passage."
OTHER_ARTICLE = "Memo on the article without a Trade passage."


@pytest.fixture
def sample(sample: Path) -> Path:
    """The sample project with a memo on each article (only the first has a Trade passage)."""
    with Project.open(sample) as project:
        first, second = project.articles.all()
        project.memos.set(kind=MemoKind.ARTICLE, target_id=first.id, text=TRADE_ARTICLE)
        project.memos.set(kind=MemoKind.ARTICLE, target_id=second.id, text=OTHER_ARTICLE)
    return sample


def test_a_report_of_one_tag_has_only_the_memos_of_its_articles(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = open_export_dialog(qtbot, window)
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    none = next(
        b for b in dialog.findChildren(QPushButton) if b.accessibleName() == "Include no tags"
    )
    qtbot.mouseClick(none, Qt.MouseButton.LeftButton)
    trade = next(
        dialog.tags.item(row)
        for row in range(dialog.tags.count())
        if dialog.tags.item(row).text().strip() == "Trade"
    )
    trade.setCheckState(Qt.CheckState.Checked)
    output = tmp_path / "trade.html"
    dialog.output.setText(str(output))
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    page = output.read_text(encoding="utf-8")
    assert "Welcome to Diptych" in page  # the project memo is the project's
    assert TRADE_ARTICLE in page
    assert OTHER_ARTICLE not in page
    summary = re.search(r'<p class="summary">(.*?)</p>', page)
    assert summary is not None and " · 1 article · " in summary[1]
