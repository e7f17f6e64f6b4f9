"""File > Export: articles of the same title are told apart in the list of articles."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from gui_support import open_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.export_dialog import ExportDialog
from diptych.gui.note_html import text_to_html
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


def test_twins_show_their_file_names_and_the_one_left_out_stays_out(
    qtbot: QtBot, tmp_path: Path, context: AppContext
) -> None:
    path = tmp_path / "twins.diptych"
    with Project.open(path, create=True, name="Twins") as project:
        for name, body in (("outlet-a.md", "Text A."), ("outlet-b.md", "Text B.")):
            parsed = parse_article(f"# Press release\n\n{body}\n".encode(), name=name)
            article = project.articles.add(parsed=parsed)
            text = project.articles.get(article_id=article.id).text
            project.annotations.add(article_id=article.id, start=text.index("Text"),
                                    end=text.index("Text") + 6)  # fmt: skip
        project.articles.add(parsed=parse_article(b"# Unique\n\nAlone.\n", name="u.md"))
    window = open_window(qtbot, context, Project.open(path))
    window.actions_.export.trigger()
    dialog = window.findChild(ExportDialog)
    assert isinstance(dialog, ExportDialog)
    qtbot.waitExposed(dialog)
    items = [dialog.articles.item(row) for row in range(dialog.articles.count())]
    assert [item.text() for item in items] == [
        "Press release (outlet-a.md)",
        "Press release (outlet-b.md)",
        "Unique",  # a title of its own needs no file name
    ]
    assert items[1].toolTip() == text_to_html("Press release\noutlet-b.md")
    # The user can leave out the second copy knowingly: its passage is not exported.
    dialog.articles.setCurrentItem(items[1])
    dialog.articles.setFocus()
    qtbot.keyClick(dialog.articles, Qt.Key.Key_Space)
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    target = tmp_path / "a-only.csv"
    dialog.output.clear()
    qtbot.keyClicks(dialog.output, str(target))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    rows = list(csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    assert [r["quote"] for r in rows] == ["Text A"]
