"""The tag palette (Ctrl+T): typing a tag's whole name and pressing Enter applies that tag,
even when another tag whose path merely contains the name is listed above it."""

from __future__ import annotations

from gui_support import select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_palette import TagPalette

QUOTE = "renewed diplomatic engagement"


def open_palette(qtbot: QtBot, window: MainWindow) -> TagPalette:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    return palette


def tags_of_quote(window: MainWindow) -> list[list[str]]:
    codebook = window.session.project.tags.codebook()
    return [
        [codebook.path(t) for t in p.tag_ids]
        for p in window.session.project.annotations.query()
        if p.exact == QUOTE
    ]


def rows(palette: TagPalette) -> list[str]:
    return [palette.model.item(r).text() for r in range(palette.model.rowCount())]


def test_enter_applies_the_tag_named_exactly_not_the_first_listed(
    qtbot: QtBot, window: MainWindow
) -> None:
    economy = next(t.id for t in window.session.ordered_tags() if t.name == "Economy")
    window.session.add_tag(name="Economic security", parent_id=economy)
    palette = open_palette(qtbot, window)
    qtbot.keyClicks(palette.field, "security")
    assert rows(palette) == ["Economy/Economic security", "Security"]
    assert palette.list.currentIndex().row() == 1

    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert not palette.isVisible()
    assert tags_of_quote(window) == [["Security"]]


def test_without_an_exact_name_enter_still_applies_the_first_match(
    qtbot: QtBot, window: MainWindow
) -> None:
    palette = open_palette(qtbot, window)
    qtbot.keyClicks(palette.field, "summ")
    assert rows(palette) == ["Diplomacy/Summitry", "Create tag “summ”"]
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert tags_of_quote(window) == [["Diplomacy/Summitry"]]


def test_the_palette_finds_a_tag_without_its_accents_or_curly_quotes(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.add_tag(name="Economía política")
    window.session.add_tag(name="Xi’s visit")
    palette = open_palette(qtbot, window)
    qtbot.keyClicks(palette.field, "economia")
    assert rows(palette)[0] == "Economía política"
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert tags_of_quote(window) == [["Economía política"]]

    palette = open_palette(qtbot, window)
    qtbot.keyClicks(palette.field, "xi's")
    assert rows(palette)[0] == "Xi’s visit"
