"""The Codebook and the tag palette show which digit key applies each of the first nine tags."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_dialog import TagValues
from diptych.gui.tag_palette import TAG_ROLE, TagPalette


def key_ink(view: QAbstractItemView, index: QModelIndex) -> int:
    """Pixels unlike the row's background at the right end of the row (where its key is)."""
    image: QImage = view.viewport().grab().toImage()
    rect = view.visualRect(index)
    right = min(rect.right(), view.viewport().width() - 1)
    background = image.pixelColor(QPoint(right, rect.top() + 1))
    ink = 0
    for x in range(right - 16, right + 1):
        for y in range(rect.top() + 2, rect.bottom() - 1):
            color = image.pixelColor(QPoint(x, y))
            if abs(color.lightness() - background.lightness()) > 60:
                ink += 1
    return ink


def with_ten_tags(window: MainWindow) -> list[int]:
    """Tags enough for one to have no key; their ids in codebook order."""
    for n in range(10 - len(window.session.ordered_tags())):
        window.tags.create_tag(TagValues(f"Extra {n}", "#777777", None, ""))
    return [tag.id for tag in window.session.ordered_tags()]


def test_the_codebook_shows_the_keys_of_the_first_nine_tags(
    qtbot: QtBot, window: MainWindow
) -> None:
    ids = with_ten_tags(window)
    view, model = window.tags.view, window.tags.model
    window.tags.resize(320, 600)
    qtbot.waitUntil(lambda: view.visualRect(model.index_of(ids[9])).isValid())
    assert key_ink(view, model.index_of(ids[0])) > 0  # "1"
    assert key_ink(view, model.index_of(ids[8])) > 0  # "9"
    assert key_ink(view, model.index_of(ids[9])) == 0  # the tenth has no key


def test_the_tag_palette_shows_the_keys(qtbot: QtBot, window: MainWindow) -> None:
    ids = with_ten_tags(window)
    palette = TagPalette(window)
    qtbot.addWidget(palette)
    palette.open_at(window.session.codebook(), window.mapToGlobal(QPoint(50, 50)))
    qtbot.waitExposed(palette)
    model = palette.model
    rows = {int(model.item(r).data(TAG_ROLE)): r for r in range(10)}
    first, ninth, tenth = (model.index(rows[ids[i]], 0) for i in (0, 8, 9))
    assert key_ink(palette.list, first) > 0 and key_ink(palette.list, ninth) > 0
    assert key_ink(palette.list, tenth) == 0
    qtbot.keyClicks(palette.field, "Extra")  # filtered: each row keeps its own tag's key
    rows = {int(model.item(r).data(TAG_ROLE)): r for r in range(model.rowCount() - 1)}
    assert key_ink(palette.list, model.index(rows[ids[8]], 0)) > 0  # "9"
    assert key_ink(palette.list, model.index(rows[ids[9]], 0)) == 0
    palette.hide()
