"""The tag column shows a colour swatch for each of a passage's tags: it showed only the
first tag's, and a second tag, its name cut off, did not show at a glance. Tags beyond
what fits are counted ("+3"), and the tooltip lists them all."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle
from pytestqt.qtbot import QtBot

from diptych.gui import passage_tag_cell
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_cells import Column
from diptych.gui.passage_tag_cell import SWATCH_SHARE, Swatches, fit_swatches

TRADE, EVIDENCE = "#F7A85C", "#C39BE8"  # the tags of the passage "The bilateral trade…"


def row_of(window: MainWindow, quote_start: str) -> int:
    model = window.passages.model
    return next(
        r for r in range(model.rowCount()) if model.passage(r).exact.startswith(quote_start)
    )


def tag_cell(window: MainWindow, row: int) -> tuple[QImage, QRect]:
    """The table as painted, and where the tag cell of ``row`` is in it."""
    table = window.passages.table
    index = table.model().index(row, Column.TAGS)
    table.scrollTo(index)
    return table.viewport().grab().toImage(), table.visualRect(index)


def colors_in(image: QImage, rect: QRect) -> set[str]:
    return {image.pixelColor(x, y).name().upper() for x, y in points(rect)}


def test_each_tag_of_a_passage_has_its_swatch(window: MainWindow) -> None:
    row = row_of(window, "The bilateral trade")
    image, cell = tag_cell(window, row)
    assert {TRADE, EVIDENCE} <= colors_in(image, cell)
    tooltip = window.passages.model.index(row, Column.TAGS).data(Qt.ItemDataRole.ToolTipRole)
    assert "Economy/Trade" in tooltip and "Evidence" in tooltip


def test_the_swatches_keep_their_colours_on_the_selected_row(
    qtbot: QtBot, window: MainWindow
) -> None:
    table = window.passages.table
    row = row_of(window, "The bilateral trade")
    table.setFocus()
    table.selectRow(row)
    qtbot.waitUntil(table.hasFocus)
    image, cell = tag_cell(window, row)
    assert {TRADE, EVIDENCE} <= colors_in(image, cell)


def test_tags_beyond_what_fits_are_counted(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = window.session
    book = session.codebook()
    every_tag = [tag.id for tag in book.ordered()]
    passage = next(p for p in session.project.annotations.query() if p.exact.startswith("symbolic"))
    session.set_passage_tags(passage.id, every_tag)
    window.passages.table.horizontalHeader().resizeSection(Column.TAGS, 70)
    fitted: list[Swatches] = []
    fit = passage_tag_cell.fit_swatches

    def fitting(*args: object) -> Swatches:
        fitted.append(fit(*args))  # type: ignore[arg-type]
        return fitted[-1]

    monkeypatch.setattr(passage_tag_cell, "fit_swatches", fitting)
    image, cell = tag_cell(window, row_of(window, "symbolic"))
    told = [s for s in fitted if s.shown + int(s.more[1:] or 0) == len(every_tag)]
    assert told and told[-1].more, fitted
    shown = told[-1].shown
    assert 1 <= shown < len(every_tag)
    colors = [book[t].color.upper() for t in every_tag]
    painted = colors_in(image, cell)
    assert set(colors[:shown]) <= painted
    assert not set(colors[shown:]) & painted
    # "+N" is written after the swatches, in the text's colour
    table = window.passages.table
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    left = cell.left() + margin + shown * (told[-1].each + passage_tag_cell.SWATCH_GAP)
    more = QRect(
        left, cell.top(), table.fontMetrics().horizontalAdvance(told[-1].more), cell.height()
    )
    text = table.palette().color(QPalette.ColorRole.Text)
    assert any(close(image.pixelColor(x, y), text) for x, y in points(more))


def points(rect: QRect) -> list[tuple[int, int]]:
    return [
        (x, y)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    ]


def close(a: QColor, b: QColor) -> bool:
    return all(abs(x - y) <= 60 for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


@pytest.fixture
def metrics(qapp: object) -> QFontMetrics:
    return QFontMetrics(QFont())


def test_one_tag_has_a_square_swatch_and_several_narrower_ones(metrics: QFontMetrics) -> None:
    one = fit_swatches(1, 120, metrics)
    assert (one.shown, one.more) == (1, "") and one.width == passage_tag_cell.SWATCH
    two = fit_swatches(2, 120, metrics)
    assert (two.shown, two.more) == (2, "") and two.width == one.width  # two in one's room
    assert fit_swatches(0, 120, metrics) == Swatches()


def test_swatches_leave_the_names_their_share(metrics: QFontMetrics) -> None:
    many = fit_swatches(12, 80, metrics)
    assert many.shown + int(many.more[1:]) == 12 and many.more.startswith("+")
    assert many.width <= 80 * SWATCH_SHARE
    tiny = fit_swatches(3, 10, metrics)
    assert tiny.shown == 1 and tiny.more == "+2"  # at least one swatch, however narrow


def test_a_name_too_long_for_its_cell_ends_in_an_ellipsis(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[str] = []
    draw_text = QPainter.drawText

    def drawing(painter: QPainter, *args: object) -> None:
        drawn.append(str(args[-1]))
        draw_text(painter, *args)  # type: ignore[call-overload]

    monkeypatch.setattr(QPainter, "drawText", drawing)
    window.passages.table.horizontalHeader().resizeSection(Column.TAGS, 60)
    tag_cell(window, row_of(window, "symbolic"))  # tagged Diplomacy alone
    assert "Diplomacy" not in drawn
    assert any(text.startswith("Dip") and text.endswith("…") for text in drawn), drawn
