"""A tag palette row shows the digit key that tags with its tag at its right end; what a screen
reader reads of the row says it too (", key 4"), as a Codebook row's does: the tag's own key,
whatever the row's place in a filtered list, and nothing for a tag beyond the ninth."""

from __future__ import annotations

from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_palette import KEY_ROLE, TagPalette

QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article


def open_palette(qtbot: QtBot, window: MainWindow) -> TagPalette:
    """Ctrl+T on text selected in an article, as the user opens the palette."""
    pane = keyboard_in(qtbot, window, 1)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    return palette


def spoken_rows(palette: TagPalette) -> list[str]:
    """What a screen reader reads of each row of the palette's list."""
    interface = QAccessible.queryAccessibleInterface(palette.list)
    assert interface is not None
    return [
        interface.child(n).text(QAccessible.Text.Name)
        for n in range(interface.childCount())
        if interface.child(n).role() == QAccessible.Role.ListItem
    ]


def test_each_row_s_key_is_said_after_its_colour(qtbot: QtBot, window: MainWindow) -> None:
    palette = open_palette(qtbot, window)
    tags = window.session.ordered_tags()
    spoken = spoken_rows(palette)
    assert len(spoken) == len(tags) > 1
    for number, (said, tag) in enumerate(zip(spoken, tags, strict=True), start=1):
        assert said.startswith(f"{tag.name}, ") or f"/{tag.name}, " in said
        assert said.endswith(f", key {number}")
    shown = [palette.model.item(r).data(KEY_ROLE) for r in range(palette.model.rowCount())]
    assert shown == list(range(1, len(tags) + 1))  # the figures drawn are the keys said
    palette.hide()


def test_a_filtered_row_says_its_tag_s_key_not_its_place(qtbot: QtBot, window: MainWindow) -> None:
    tags = window.session.ordered_tags()
    last = tags[-1]
    palette = open_palette(qtbot, window)
    qtbot.keyClicks(palette.field, last.name)
    spoken = spoken_rows(palette)
    assert spoken and spoken[0].endswith(f", key {len(tags)}")
    assert len(tags) > 1  # its place in the list (1) is not its key
    palette.hide()


def test_a_tag_beyond_the_ninth_has_no_key_said(qtbot: QtBot, window: MainWindow) -> None:
    for name in ("Eighth", "Ninth", "Tenth"):  # the sample's seven tags, and three more
        window.session.add_tag(name=name)
    palette = open_palette(qtbot, window)
    spoken = {said.split(",")[0]: said for said in spoken_rows(palette)}
    assert spoken["Ninth"].endswith(", key 9")
    assert "key" not in spoken["Tenth"]
    palette.hide()
