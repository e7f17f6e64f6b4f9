"""An Arabic or Hebrew quote, title or note in the Passages list is laid out right to left:
aligned right and cut short on its left, where a reader of the script stops (the "…"
stood on the right, beside its first word); English cells stay left to right."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from diptych.gui.bidi_cells import right_to_left
from diptych.gui.context import AppContext
from diptych.gui.passage_cells import Column
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

TITLE = "تقرير المياه"
TEXT = "أعلنت وزارة المياه والري عن خطة لإعادة تأهيل شبكة المياه في العاصمة خلال ثلاث سنوات."


def test_a_right_to_left_quote_and_title_are_laid_out_right_to_left(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    with Project.create(tmp_path / "water.diptych") as project:
        arabic = project.articles.add(
            parsed=parse_article(f"{TITLE}\n\n{TEXT}".encode(), name="w.txt")
        )
        english = project.articles.add(parsed=parse_article(b"Port\n\nShips sailed.", name="p.txt"))
        tag = project.tags.add(name="Water")
        text = project.articles.get(article_id=arabic.id).text
        start = text.index("وزارة")
        project.annotations.add(article_id=arabic.id, start=start, end=len(text), tag_ids=[tag.id])
        ships = project.articles.get(article_id=english.id).text.index("Ships sailed.")
        project.annotations.add(
            article_id=english.id, start=ships, end=ships + 13, tag_ids=[tag.id]
        )
    window = open_window(qtbot, context, Project.open(tmp_path / "water.diptych"))
    table = window.passages.table
    model = table.model()
    directions = {}
    for row in range(model.rowCount()):
        for column in (Column.ARTICLE, Column.QUOTE):
            index = model.index(row, column)
            option = QStyleOptionViewItem()
            table.itemDelegateForIndex(index).initStyleOption(option, index)
            directions[option.text] = option.direction
    assert directions[TITLE] == Qt.LayoutDirection.RightToLeft
    assert directions[TEXT[TEXT.index("وزارة") :]] == Qt.LayoutDirection.RightToLeft
    assert directions["Ships sailed."] == Qt.LayoutDirection.LeftToRight
    assert directions["Port"] == Qt.LayoutDirection.LeftToRight


def test_the_first_letter_with_a_direction_decides() -> None:
    assert right_to_left("«وزارة» 2024")
    assert right_to_left("2024: שלום")
    assert not right_to_left("The word سلام in English")
    assert not right_to_left("12345")
