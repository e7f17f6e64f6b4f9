"""Which tables read right to left (as the HTML report decides it), and the widths of a
right-to-left long table's columns fitted to the pane."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextLength

from diptych.gui.table_direction import fitted_shares, reads_right_to_left
from diptych.storage.document import BlockKind
from diptych.storage.text_builder import TextBuilder


def table(*rows: tuple[str, ...]) -> tuple[str, list]:
    builder = TextBuilder()
    for row, cells in enumerate(rows):
        for col, cell in enumerate(cells):
            builder.begin(BlockKind.CELL, table=0, row=row, col=col)
            builder.add(cell)
    article = builder.build()
    return article.text, list(article.blocks)


@pytest.mark.parametrize(
    ("rows", "backwards"),
    [
        ((("עיר", "אוכלוסייה"), ("ירושלים", "981,711")), True),
        ((("2024", "1,234"), ("القاهرة", "Cairo")), True),  # figures have no direction
        ((("City", "People"), ("ירושלים", "981,711")), False),  # its first letter is Latin
        ((("1", "2"), ("3", "4")), False),
    ],
)
def test_a_table_reads_right_to_left_if_its_first_letter_does(
    rows: tuple[tuple[str, ...], ...], backwards: bool
) -> None:
    assert reads_right_to_left(*table(*rows)) is backwards


def test_columns_of_text_share_what_the_columns_of_words_leave() -> None:
    fixed = QTextLength.Type.FixedLength
    widths = [
        QTextLength(QTextLength.Type.PercentageLength, 75),
        QTextLength(fixed, 50),
        QTextLength(QTextLength.Type.PercentageLength, 25),
        QTextLength(fixed, 90),
    ]
    fitted = fitted_shares(widths, [75, 0, 25, 0], 540, least=22)
    assert [(w.type(), w.rawValue()) for w in fitted] == [
        (fixed, 300),
        (fixed, 50),
        (fixed, 100),
        (fixed, 90),
    ]
    narrow = fitted_shares(widths, [75, 0, 25, 0], 150, least=22)
    assert [w.rawValue() for w in narrow] == [22, 50, 22, 90]
