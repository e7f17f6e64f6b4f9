"""The HTML report's summary line counts in words that agree with the number: "1 passage
· 1 article · 1 tag", not "1 passages · 1 articles"."""

from __future__ import annotations

from pathlib import Path

from gui_support import keyboard_in, open_export_dialog, select_text
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


def test_a_passage_coded_by_a_second_analyst_is_counted_apart_in_the_report(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    pane = keyboard_in(qtbot, window, 0)
    window.session.coder = "Ana"  # as Edit > Coder name… leaves it
    select_text(pane, "bedrock")
    qtbot.keyClick(pane.view, Qt.Key.Key_1)  # the Codebook's first tag
    dialog = open_export_dialog(qtbot, window)
    dialog.format.setCurrentIndex(dialog.format.findData("html"))
    target = tmp_path / "report.html"
    dialog.output.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=10_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    html = target.read_text(encoding="utf-8")
    table = html.split("<h2>Passages per coder</h2>", 1)[1].split("</table>", 1)[0]
    rows = [row for row in table.splitlines() if row.startswith("<tr><td")]
    names = [row.split("<bdi>")[1].split("</bdi>")[0] for row in rows]
    assert names == ["Diptych sample", "Ana"]
    assert '<bdi>Ana</bdi></td><td class="n">1</td>' in table
