"""A single click on a tag in the Codebook selects it (to edit it, to see its memo) and tags
nothing, also on desktops that open items with one click; a double-click or Enter tags the
selected text, as the Codebook's tooltip says."""

from __future__ import annotations

from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

QUOTE = "renewed diplomatic engagement"


class OneClickDesktop(QProxyStyle):
    """The style of a desktop that opens an item with one click (as KDE's once did)."""

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returned: QStyleHintReturn | None = None,
    ) -> int:
        if hint == QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick:
            return 1
        return super().styleHint(hint, option, widget, returned)


def passages_with(window: MainWindow, quote: str) -> int:
    return sum(1 for p in window.session.project.annotations.query() if p.exact == quote)


def test_one_click_on_a_tag_tags_nothing_a_double_click_or_enter_does(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.tags.view
    # A base style of its own (a proxy owns its base: the application's must stay), and
    # the view its owner, so that it lives as long as the view does.
    style = OneClickDesktop(QStyleFactory.create("Fusion"))
    style.setParent(view)
    view.setStyle(style)
    assert view.style().styleHint(QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick)
    pane = keyboard_in(qtbot, window, 1)
    select_text(pane, QUOTE)
    security = next(t for t in window.session.ordered_tags() if t.name == "Security")
    index = view.tag_model.index_of(security.id)
    point = view.visualRect(index).center()

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.currentIndex() == index  # selected, to edit it
    assert passages_with(window, QUOTE) == 0

    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert passages_with(window, QUOTE) == 1

    window.actions_.undo.trigger()
    select_text(pane, QUOTE)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert passages_with(window, QUOTE) == 1
