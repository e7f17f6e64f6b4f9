"""A pane's ◀ and ▶ are offered only where moving the pane changes what is seen: not the
leftmost pane left, the rightmost right, a pane alone, nor an empty pane past another empty
one; they follow panes added, closed, moved and filled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.pane_area import PaneArea
from diptych.gui.pane_layout import pane_layout, restore_pane_layout


def offered(area: PaneArea) -> list[tuple[bool, bool]]:
    """For each pane from left to right: (◀ enabled, ▶ enabled)."""
    return [
        (p.header.left_button.isEnabled(), p.header.right_button.isEnabled()) for p in area.panes()
    ]


def test_the_move_buttons_are_offered_only_where_a_pane_can_move(
    qtbot: QtBot, window: MainWindow
) -> None:
    area = window.area
    left, right = area.panes()
    assert left.header.left_button.text() == "◀" and left.header.right_button.text() == "▶"
    assert offered(area) == [(False, True), (True, False)]

    third = area.add_pane()
    assert third is not None
    assert offered(area) == [(False, True), (True, True), (True, False)]

    # ▶ clicked on the left pane moves it to the middle; ◀ on the new rightmost pane.
    qtbot.mouseClick(left.header.right_button, Qt.MouseButton.LeftButton)
    assert area.panes() == [right, left, third]
    assert offered(area) == [(False, True), (True, True), (True, False)]
    qtbot.mouseClick(third.header.left_button, Qt.MouseButton.LeftButton)
    assert area.panes() == [right, third, left]
    assert offered(area) == [(False, True), (True, True), (True, False)]

    area.close_pane(right)
    assert area.panes() == [third, left]
    assert offered(area) == [(False, True), (True, False)]
    area.close_pane(left)
    assert offered(area) == [(False, False)]  # alone: it cannot move


def test_a_pane_added_in_the_middle_and_panes_restored_are_told_where_they_stand(
    qtbot: QtBot, window: MainWindow
) -> None:
    area = window.area
    middle = area.add_pane(index=1)
    assert middle is not None and area.panes()[1] is middle
    assert offered(area) == [(False, True), (True, True), (True, False)]
    state = pane_layout(area)
    restore_pane_layout(area, state, {a.id for a in window.session.articles()})
    assert len(area.panes()) == 3
    assert offered(area) == [(False, True), (True, True), (True, False)]


def test_moving_a_pane_to_the_end_from_the_keyboard_leaves_the_focus_on_the_other_arrow(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    area = window.area
    left, right = area.panes()
    button = left.header.right_button
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert area.panes() == [right, left]
    # Not on ✕, where Space again would close the pane.
    assert left.header.left_button.hasFocus()
    qtbot.keyClick(left.header.left_button, Qt.Key.Key_Space)
    assert area.panes() == [left, right]
    assert left.header.right_button.hasFocus()
    assert offered(area) == [(False, True), (True, False)]


def test_an_empty_pane_beside_another_empty_pane_offers_no_move(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Swapping two empty panes changes nothing seen: ◀ and ▶ between them are greyed, as
    their zoom buttons are; beside an article they still move the pane."""
    area = window.area
    first, second = area.panes()
    third = area.add_pane()
    assert third is not None and third.article_id is None
    assert offered(area) == [(False, True), (True, True), (True, False)]
    fourth = area.add_pane()
    assert fourth is not None
    assert offered(area) == [(False, True), (True, True), (True, False), (False, False)]
    assert not fourth.header.zoom_in_button.isEnabled()

    assert first.article_id is not None
    area.close_pane(first)
    area.close_pane(second)
    assert offered(area) == [(False, False), (False, False)]  # two empty panes

    articles = window.session.articles()
    fourth.show_article(articles[0].id)
    qtbot.waitUntil(lambda: not fourth.is_loading)
    assert offered(area) == [(False, True), (True, False)]  # beside an article again
    qtbot.mouseClick(third.header.right_button, Qt.MouseButton.LeftButton)
    assert area.panes() == [fourth, third]
