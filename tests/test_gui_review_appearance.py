"""How passages look on real screens: dark pages and fractional high-DPI scales."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from diptych.gui.highlighter import HighlightTheme
from diptych.gui.passage_index import Mark
from diptych.storage.palette import PALETTE

LIGHT_PAGE, DARK_PAGE = QColor("#FFFFFF"), QColor("#17181A")


def luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def over(color: QColor, page: QColor) -> QColor:
    """``color`` (with its alpha) painted on ``page``."""
    a = color.alpha() / 255
    return QColor(
        round(color.red() * a + page.red() * (1 - a)),
        round(color.green() * a + page.green() * (1 - a)),
        round(color.blue() * a + page.blue() * (1 - a)),
    )


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_line_under_overlapping_passages_stands_out_from_their_fill(
    qtbot: QtBot, dark: bool
) -> None:
    """Where passages overlap, an underline shows it; on a dark page it was darker than the
    dark fill around it (contrast about 1.5:1) and could hardly be seen."""
    theme = HighlightTheme(dark=dark)
    page = DARK_PAGE if dark else LIGHT_PAGE
    worst = []
    for first, second in itertools.combinations(PALETTE, 2):
        marks = (Mark(1, 0, 10, (first,)), Mark(2, 5, 15, (second,)))
        fmt = theme.format(marks)
        fill = over(fmt.background().color(), page)
        worst.append((contrast(fmt.underlineColor(), fill), first, second))
    ratio, first, second = min(worst)
    assert ratio >= 3.0, f"underline of {first}+{second} on the {page.name()} page: {ratio:.2f}"
