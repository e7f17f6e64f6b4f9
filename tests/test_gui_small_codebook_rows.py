"""Every row of the codebook has one height, tall enough for a tag named in any script, so
that the tree measures one row instead of all of them when a big codebook is laid out."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from diptych.gui.codebook_rows import CodebookRowDelegate
from diptych.gui.main_window import MainWindow
from diptych.gui.tag_key_delegate import TagKeyDelegate
from diptych.gui.tag_model import TagTreeModel

NAMES = [
    "A tag with a long name that goes on well past the width of the codebook " * 2,
    "中文标签",  # Chinese: a fallback font taller than the interface font's line
    "ｗｉｄｅ",
    "हिन्दी",  # Devanagari
    "한국어",
    "Ελληνικά",
]


def every_index(model: TagTreeModel, parent: QModelIndex | None = None) -> Iterator[QModelIndex]:
    parent = parent or QModelIndex()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index
        yield from every_index(model, index)


def row_option(window: MainWindow) -> QStyleOptionViewItem:
    """The option the codebook tree gives its delegate for a row."""
    option = QStyleOptionViewItem()
    window.tags.view.initViewItemOption(option)
    return option


def test_every_row_has_one_height_and_none_is_too_short(qtbot: QtBot, window: MainWindow) -> None:
    session, panel = window.session, window.tags
    ids = [session.add_tag(name=name).id for name in NAMES]
    nested = session.add_tag(name="Nested deep", parent_id=ids[0]).id
    session.add_tag(name="中文 below", parent_id=nested)
    view, model = panel.view, panel.model
    view.expandAll()
    assert view.uniformRowHeights()
    indexes = list(every_index(model))
    assert len(indexes) == 7 + len(NAMES) + 2
    assert any(panel.view.key_of(i) is not None for i in indexes)  # rows with a key hint...
    assert any(panel.view.key_of(i) is None for i in indexes)  # ...and rows without
    assert any(i.parent().parent().isValid() for i in indexes)  # a row two levels down

    delegate = view.itemDelegate()
    assert isinstance(delegate, CodebookRowDelegate)
    option = row_option(window)
    heights = {delegate.sizeHint(option, i).height() for i in indexes}
    assert len(heights) == 1  # what the tree takes for each row is true of every row
    height = heights.pop()
    for index in indexes:
        # No row is cut short: each is as tall as its swatch and name need at least.
        assert height >= TagKeyDelegate.sizeHint(delegate, option, index).height(), index.data()
        view.scrollTo(index)
        qtbot.waitUntil(lambda index=index: view.visualRect(index).isValid())
        assert view.visualRect(index).height() == height


class CountingDelegate(CodebookRowDelegate):
    """The codebook's delegate, counting the rows it measures."""

    measured = 0

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        self.measured += 1
        return super().sizeHint(option, index)


def test_laying_out_a_big_codebook_measures_one_row_not_each(window: MainWindow) -> None:
    session, panel = window.session, window.tags
    counting = CountingDelegate(panel.view.key_of, panel.view.letters, panel.view)
    panel.view.setItemDelegate(counting)
    for n in range(400):
        session.add_tag(name=f"Tag {n:03}")
    assert panel.model.rowCount() > 400
    # Scrolled by pixels (the macOS style's way), the tree needs the height of each row.
    panel.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    counting.measured = 0
    panel.view.doItemsLayout()
    panel.view.updateGeometries()
    panel.view.viewport().grab()  # a paint, as when the project opens
    assert 0 < counting.measured < 40  # a row or so, and those painted; not 400


def test_only_the_scripts_the_names_use_are_measured(window: MainWindow) -> None:
    """Measuring a letter loads a fallback font for its script (~30 ms at start-up for a
    handful of scripts nobody used): a codebook in Latin letters measures none other."""
    panel = window.tags
    assert panel.view.letters() == ""
    window.session.add_tag(name="中文标签")
    window.session.add_tag(name="Ελληνικά")
    assert panel.view.letters() == "".join(sorted(set("中文标签Ελληνικά")))
