"""The HTML report's summary line counts in words that agree with the number: "1 passage
· 1 article · 1 tag", not "1 passages · 1 articles"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.check_list import CheckList
from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow


def only(check_list: CheckList, label: str) -> None:
    """Leave only the item ``label`` checked (its leading indent ignored)."""
    items = [check_list.item(row) for row in range(check_list.count())]
    for item in items:
        keep = item.text().strip() == label
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)


def test_one_passage_of_one_article_is_counted_in_the_singular(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = ExportDialog(window.session, window.workers, window)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    xi = next(a.title for a in window.session.articles() if a.title.startswith("Xi"))
    only(dialog.articles, xi)
    only(dialog.tags, "Diplomacy")
    target = tmp_path / "report.html"
    dialog.output.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    html = target.read_text(encoding="utf-8")
    summary = next(line for line in html.splitlines() if 'class="summary"' in line)
    assert (
        " · 1 passage · 1 article · 1 tag · coded by <bdi>Diptych sample</bdi> · grouped by tag"
        in summary
    )
