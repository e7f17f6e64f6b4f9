"""Typing a tag path such as Economy/Tariffs in the tag palette (Ctrl+T)."""

from __future__ import annotations

from gui_support import select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_palette import TagPalette

QUOTE = "renewed diplomatic engagement"


def open_palette(qtbot: QtBot, window: MainWindow, quote: str | None = QUOTE) -> TagPalette:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    window.coding.select_passage(0)
    if quote:
        select_text(pane, quote)
    else:
        pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    return palette


def rows(palette: TagPalette) -> list[str]:
    return [palette.model.item(r).text() for r in range(palette.model.rowCount())]


def tag_paths_of(window: MainWindow, quote: str) -> list[list[str]]:
    codebook = window.session.project.tags.codebook()
    return [
        [codebook.path(t) for t in p.tag_ids]
        for p in window.session.project.annotations.query()
        if p.exact == quote
    ]


def test_an_existing_path_is_that_tag_and_enter_applies_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    palette = open_palette(qtbot, window)
    qtbot.keyClicks(palette.field, "economy/trade")
    assert rows(palette) == ["Economy/Trade"]  # no "Create" row

    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert not palette.isVisible()
    assert tag_paths_of(window, QUOTE) == [["Economy/Trade"]]


def test_a_new_last_part_is_created_under_the_existing_tag_as_one_undo_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = {t.id for t in window.session.project.tags.all()}
    steps = window.session.undo_stack.count()
    palette = open_palette(qtbot, window)
    qtbot.keyClicks(palette.field, "Economy/Tariffs")
    assert rows(palette)[-1] == "Create tag “Tariffs” under “Economy”"

    qtbot.keyClick(palette.field, Qt.Key.Key_Down)
    qtbot.keyClick(palette.field, Qt.Key.Key_Down)
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert not palette.isVisible()
    assert tag_paths_of(window, QUOTE) == [["Economy/Tariffs"]]
    tariffs = window.session.project.tags.find(name="Economy/Tariffs")
    assert tariffs is not None and tariffs.name == "Tariffs"
    assert window.session.undo_stack.count() == steps + 1
    assert window.actions_.undo.text() == "&Undo Tag with new tag “Economy/Tariffs”"

    window.actions_.undo.trigger()
    assert {t.id for t in window.session.project.tags.all()} == before
    assert tag_paths_of(window, QUOTE) == []


def test_missing_parents_are_created_too(qtbot: QtBot, window: MainWindow) -> None:
    palette = open_palette(qtbot, window, quote=None)  # nothing selected: only adds tags
    qtbot.keyClicks(palette.field, "Economy/Policy/Tariffs")
    assert rows(palette) == ["Create tags “Policy/Tariffs” under “Economy”"]

    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    codebook = window.session.project.tags.codebook()
    assert {"Economy/Policy", "Economy/Policy/Tariffs"} <= {
        codebook.path(t.id) for t in codebook.ordered()
    }
    assert window.actions_.undo.text() == (
        "&Undo New tags “Economy/Policy”, “Economy/Policy/Tariffs”"
    )
    window.actions_.undo.trigger()
    assert window.session.project.tags.find(name="Economy/Policy") is None


def test_an_unfinished_path_offers_nothing_to_create(qtbot: QtBot, window: MainWindow) -> None:
    palette = open_palette(qtbot, window)
    qtbot.keyClicks(palette.field, "Economy/")
    assert not any(row.startswith("Create") for row in rows(palette))


def test_only_the_tag_typed_takes_a_key_not_the_tags_made_to_hold_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    # The sample's seven tags have keys 1-7: two keys are left.
    palette = open_palette(qtbot, window)
    qtbot.keyClicks(palette.field, "Labour/Wages")
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert tag_paths_of(window, QUOTE) == [["Labour/Wages"]]
    codebook = window.session.codebook()
    labour = window.session.project.tags.find(name="Labour")
    wages = window.session.project.tags.find(name="Labour/Wages")
    assert labour is not None and wages is not None
    assert codebook.key(labour.id) is None  # a heading for Wages, rarely applied itself
    assert codebook.key(wages.id) == 8

    palette = open_palette(qtbot, window, quote=None)  # nothing selected: only adds tags
    qtbot.keyClicks(palette.field, "Labour/Strikes")
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    strikes = window.session.project.tags.find(name="Labour/Strikes")
    assert strikes is not None and window.session.codebook().key(strikes.id) == 9
    window.actions_.undo.trigger()
    window.actions_.undo.trigger()
    window.actions_.redo.trigger()
    labour = window.session.project.tags.find(name="Labour")
    assert labour is not None and window.session.codebook().key(labour.id) is None


def test_a_slash_typed_twice_makes_no_empty_tag_name(qtbot: QtBot, window: MainWindow) -> None:
    palette = open_palette(qtbot, window)
    qtbot.keyClicks(palette.field, "Economy//Tariffs")
    assert rows(palette)[-1] == "Create tag “Tariffs” under “Economy”"

    palette.list.setCurrentIndex(palette.model.index(palette.model.rowCount() - 1, 0))
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert tag_paths_of(window, QUOTE) == [["Economy/Tariffs"]]


def test_a_slash_at_the_start_makes_a_top_level_tag_beside_a_sub_tag_of_its_name(
    qtbot: QtBot, window: MainWindow
) -> None:
    # Trade is only a sub-tag: typed alone, it is that tag; after '/', a new top-level one.
    palette = open_palette(qtbot, window)
    qtbot.keyClicks(palette.field, "Trade")
    assert not any(row.startswith("Create") for row in rows(palette))
    palette.hide()

    palette = open_palette(qtbot, window)
    qtbot.keyClicks(palette.field, "/Trade")
    assert rows(palette) == ["Economy/Trade", "Create tag “Trade” at the top level"]
    palette.list.setCurrentIndex(palette.model.index(1, 0))
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    codebook = window.session.codebook()
    trades = [t for t in window.session.project.tags.all() if t.name == "Trade"]
    assert sorted(codebook.path(t.id) for t in trades) == ["Economy/Trade", "Trade"]
    assert tag_paths_of(window, QUOTE) == [["Trade"]]

    palette = open_palette(qtbot, window, quote=None)  # the new one is now the exact match
    qtbot.keyClicks(palette.field, "/trade")
    assert not any(row.startswith("Create") for row in rows(palette))
    current = palette.model.item(palette.list.currentIndex().row()).text()
    assert current.startswith("Trade")
