"""Context menus, right-clicked again and again, are closed and gone each time."""

from __future__ import annotations

from gui_support import menu_item, point_of, select_text, shown_text, shown_texts
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.document import Heading

ROUNDS = 5


def menus(owner: QWidget) -> int:
    """How many menus ``owner`` holds (a context menu is a child of the panel showing it)."""
    return len(owner.findChildren(QMenu))


def right_click(qtbot: QtBot, viewport: QWidget, point: QPoint) -> QMenu:
    """Right-click ``point`` of ``viewport`` (a mouse's context menu event); the menu shown."""
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def dismiss(qtbot: QtBot, menu: QMenu) -> None:
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def choose(qtbot: QtBot, menu: QMenu, text: str) -> None:
    """Click the item of ``menu`` that reads ``text``."""
    action = menu_item(menu, text)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def test_the_reading_area_menu_and_its_tag_submenu_go_when_closed(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    passage = next(
        p for p in window.session.project.annotations.query() if p.article_id == pane.article_id
    )
    before = menus(window)
    for _ in range(ROUNDS):
        select_text(pane, "renewed diplomatic engagement")  # the menu then has "Tag with ▸"
        menu = right_click(qtbot, pane.view.viewport(), point_of(pane, passage.start + 1))
        assert any(a.menu() for a in menu.actions())
        dismiss(qtbot, menu)
    qtbot.waitUntil(lambda: menus(window) == before)


def test_add_a_tag_in_the_menu_of_a_passage_tags_that_passage_not_the_selection(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    passage = next(
        p for p in window.session.project.annotations.query() if p.article_id == pane.article_id
    )
    select_text(pane, "renewed diplomatic engagement")
    menu = right_click(qtbot, pane.view.viewport(), point_of(pane, passage.start + 1))
    choose(qtbot, menu, "Add tag…")
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    assert palette.hint.text().startswith("Add a tag to the passage “")
    new_tag = next(t for t in window.session.ordered_tags() if t.id not in passage.tag_ids)
    qtbot.keyClicks(palette.field, window.session.codebook().path(new_tag.id))
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    assert new_tag.id in window.session.passage(passage.id).tag_ids
    assert not any(
        p.exact == "renewed diplomatic engagement"
        for p in window.session.project.annotations.query()
    )


def test_the_codebook_menu_goes_when_closed_or_used(qtbot: QtBot, window: MainWindow) -> None:
    view = window.tags.view
    point = view.visualRect(window.tags.model.index(0, 0)).center()
    before = menus(window.tags)
    for _ in range(ROUNDS):
        dismiss(qtbot, right_click(qtbot, view.viewport(), point))
    qtbot.waitUntil(lambda: menus(window.tags) == before)

    menu = right_click(qtbot, view.viewport(), point)
    with qtbot.waitSignal(window.tags.showPassagesRequested):
        choose(qtbot, menu, "Show its passages")
    qtbot.waitUntil(lambda: menus(window.tags) == before)


def test_the_library_menu_goes_when_closed_or_used(qtbot: QtBot, window: MainWindow) -> None:
    view = window.library.view
    point = view.visualRect(window.library.proxy.index(0, 0)).center()
    before = menus(window.library)
    for _ in range(ROUNDS):
        dismiss(qtbot, right_click(qtbot, view.viewport(), point))
    qtbot.waitUntil(lambda: menus(window.library) == before)

    menu = right_click(qtbot, view.viewport(), point)
    with qtbot.waitSignal(window.library.openRequested):
        choose(qtbot, menu, "Open in new pane")
    qtbot.waitUntil(lambda: menus(window.library) == before)


def test_tag_names_with_an_ampersand_read_as_they_are_in_the_menus(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    book = window.session.codebook()
    tag = next(t for t in window.session.ordered_tags() if "&" in t.name)  # Culture & society
    passage = next(
        p
        for p in window.session.project.annotations.query()
        if p.article_id == pane.article_id and tag.id in p.tag_ids
    )
    select_text(pane, "renewed diplomatic engagement")
    menu = right_click(qtbot, pane.view.viewport(), point_of(pane, passage.start + 1))
    submenu = next(a.menu() for a in menu.actions() if a.menu())
    assert tag.name in shown_texts(submenu)
    assert f"Remove tag {tag.name}" in shown_texts(menu)
    choose(qtbot, menu, f"Remove tag {tag.name}")
    assert tag.id not in window.session.passage(passage.id).tag_ids
    assert book[tag.id].name == tag.name


def test_headings_with_an_ampersand_read_as_they_are_in_the_outline_menu(
    qtbot: QtBot, window: MainWindow
) -> None:
    header = window.area.panes()[0].header
    header.set_outline([Heading(level=1, text="Trade & tariffs", start=0)])
    header.outline_menu.aboutToShow.emit()
    headings = [a for a in header.outline_menu.actions() if a not in header.moves]
    assert [shown_text(a.text()) for a in headings] == ["Trade & tariffs"]


def test_shift_f10_opens_the_menu_of_the_passage_at_the_caret(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    passage = next(
        p for p in window.session.project.annotations.query() if p.article_id == pane.article_id
    )
    pane.view.select_range(passage.start + 2, passage.start + 2)  # the caret inside it
    pane.view.setFocus()
    before = menus(window)
    qtbot.keyClick(pane.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    assert "Delete passage" in shown_texts(menu)
    assert window.coding.selected == passage.id
    dismiss(qtbot, menu)
    qtbot.waitUntil(lambda: menus(window) == before)
