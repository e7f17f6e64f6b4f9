"""The outline menu indents headings below the article's own top level."""

from __future__ import annotations

from PySide6.QtWidgets import QStyle

from diptych.gui.pane_header import PaneHeader
from diptych.storage.document import Heading


def outline_texts(qtbot, headings: list[Heading]) -> list[str]:
    header = PaneHeader()
    qtbot.addWidget(header)
    header.set_outline(headings)
    header.outline_menu.aboutToShow.emit()
    return [action.text() for action in header.outline_menu.actions()]


def test_an_article_whose_headings_begin_at_level_two_lists_them_unindented(qtbot) -> None:
    headings = [
        Heading(level=2, text="Tariff schedules", start=10),
        Heading(level=3, text="Steel", start=40),
        Heading(level=2, text="What analysts watch", start=90),
    ]
    assert outline_texts(qtbot, headings) == [
        "Tariff schedules",
        "    Steel",
        "What analysts watch",
    ]


def test_a_title_heading_keeps_the_sections_below_it_indented(qtbot) -> None:
    headings = [Heading(level=1, text="Ports", start=0), Heading(level=2, text="Tariffs", start=9)]
    assert outline_texts(qtbot, headings) == ["Ports", "    Tariffs"]


def test_a_long_outline_scrolls_rather_than_covering_the_screen_in_columns(qtbot) -> None:
    header = PaneHeader()
    qtbot.addWidget(header)
    header.set_outline([Heading(level=2, text=f"Part {n}", start=n * 100) for n in range(70)])
    header.outline_menu.aboutToShow.emit()
    menu = header.outline_menu
    assert menu.style().styleHint(QStyle.StyleHint.SH_Menu_Scrollable, None, menu)
    header.set_outline([Heading(level=2, text="Short", start=0)])
