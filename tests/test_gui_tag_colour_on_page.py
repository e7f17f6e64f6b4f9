"""A tag of the page's own colour still shows: a white tag on the light page and a black
one on a dark page are filled with the nearest colour that stands out, and the text on the
fill still reads at 4.5:1."""

from __future__ import annotations

import pytest
from gui_support import keyboard_in, painted_colors, select_text
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.contrast import MIN_MARK_CONTRAST, MIN_TEXT_CONTRAST, contrast, painted_over
from diptych.gui.highlighter import HighlightTheme
from diptych.gui.main_window import MainWindow
from diptych.gui.tag_dialog import TagValues

LIGHT, DARK = (QColor("#FFFFFF"), QColor("#000000")), (QColor("#323232"), QColor("#E6E6E6"))


@pytest.mark.parametrize(
    ("page", "ink", "dark", "color"),
    [
        (*LIGHT, False, "#FFFFFF"),
        (*LIGHT, False, "#F4F4F4"),
        (*DARK, True, "#000000"),
        (*DARK, True, "#323232"),
        (*DARK, True, "#1A1A1A"),
    ],
)
def test_a_tag_of_the_pages_colour_is_filled_so_that_it_shows(
    qapp: QApplication, page: QColor, ink: QColor, dark: bool, color: str
) -> None:
    fill = painted_over(HighlightTheme(dark=dark, page=page, ink=ink).fill(color), page)
    assert contrast(fill, page) >= MIN_MARK_CONTRAST - 0.05
    assert contrast(fill, ink) >= MIN_TEXT_CONTRAST


def test_other_tag_colours_are_filled_as_before(qapp: QApplication) -> None:
    page, ink = LIGHT
    theme = HighlightTheme(page=page, ink=ink)
    fill = theme.fill("#F6C945")
    assert (fill.red(), fill.green(), fill.blue(), fill.alpha()) == (0xF6, 0xC9, 0x45, 170)


def test_a_passage_of_a_white_tag_shows_on_the_page(qtbot: QtBot, window: MainWindow) -> None:
    window.tags.create_tag(TagValues("Chalk", "#FFFFFF", None, ""))
    chalk = next(t for t in window.session.ordered_tags() if t.name == "Chalk")
    pane = keyboard_in(qtbot, window, 0)
    start, end = select_text(pane, "bedrock")
    window.coding.apply_tag(chalk.id)  # as the tag palette (Ctrl+T) applies it
    qtbot.waitUntil(lambda: any(p.start == start for p in window.session.article_passages(
        pane.article_id or 0)))  # fmt: skip
    cursor = pane.view.textCursor()
    cursor.clearSelection()
    pane.view.setTextCursor(cursor)  # the selection's own colour out of the way
    page = pane.view.palette().color(QPalette.ColorRole.Base)
    qtbot.waitUntil(lambda: all(contrast(c, page) >= 1.3 for c in painted_colors(pane, start, end)))
    assert painted_colors(pane, start, end)


def test_the_margin_bar_of_a_white_tag_shows_on_the_margin(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.tags.create_tag(TagValues("Chalk", "#FFFFFF", None, ""))
    chalk = next(t for t in window.session.ordered_tags() if t.name == "Chalk")
    pane = keyboard_in(qtbot, window, 0)
    start, _ = select_text(pane, "bedrock")
    pane.view.ensureCursorVisible()
    window.coding.apply_tag(chalk.id)
    margin = pane.margin
    page = margin.palette().window().color()

    def bar_colors() -> list[QColor]:
        image = margin.grab().toImage()
        cursor = pane.view.textCursor()
        cursor.setPosition(pane.view.positions.to_rendered(start))
        viewport = pane.view.viewport()
        y = margin.mapFromGlobal(viewport.mapToGlobal(pane.view.cursorRect(cursor).center())).y()
        return [image.pixelColor(x, y) for x in range(image.width())]

    qtbot.waitUntil(lambda: any(contrast(c, page) >= 1.3 for c in bar_colors()))
