"""Deleting a tag from the Codebook moves its sub-tags up one level into its place, not to
the end of the codebook; Ctrl+Z puts back the order exactly as it was."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def shown_tree(window: MainWindow, parent: QModelIndex | None = None) -> list[object]:
    """The Codebook's rows as the tree shows them: names, each followed by its sub-tags'."""
    model = window.tags.model
    parent = parent or QModelIndex()
    rows: list[object] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        tag = model.tag(index)
        assert tag is not None
        rows.append(tag.name)
        if model.rowCount(index):
            rows.append(shown_tree(window, index))
    return rows


def orders(window: MainWindow) -> dict[int, tuple[int | None, int]]:
    return {
        t.id: (t.parent_id, t.sort_order) for t in window.session.project.tags.codebook().ordered()
    }


def test_a_deleted_tag_s_sub_tags_take_its_place_and_undo_puts_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    codebook = window.session.codebook()
    parent = next(t for t in codebook.children(None) if codebook.children(t.id))
    top = [t.name for t in codebook.children(None)]
    at = top.index(parent.name)
    assert at < len(top) - 1  # tags after it, for its sub-tags to land before
    subtags = [t.name for t in codebook.children(parent.id)]
    before, before_orders = shown_tree(window), orders(window)

    window.tags.confirm = lambda *_args: True
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tags.select_tag(parent.id)
    window.tags.view.setFocus()
    qtbot.waitUntil(window.tags.view.hasFocus)
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Delete)

    now = [t.name for t in window.session.codebook().children(None)]
    assert now == [*top[:at], *subtags, *top[at + 1 :]]
    assert [row for row in shown_tree(window) if isinstance(row, str)][: at + len(subtags)] == [
        *top[:at],
        *subtags,
    ]
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shown_tree(window) == before
    assert orders(window) == before_orders  # the numbers too, not only the order
    window.session.undo_stack.redo()
    assert [t.name for t in window.session.codebook().children(None)] == now
