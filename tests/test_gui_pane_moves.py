"""A pane's Move pane left and right (heading its ☰ menu) are offered only where moving the
pane changes what is seen: not the leftmost pane left, the rightmost right, a pane alone,
nor an empty pane past another empty one; they follow panes added, closed, moved and
filled. (The header's ◀ and ▶ go Back and Forward: tests/test_gui_pane_history.py.)"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.gui.pane_area import PaneArea
from diptych.gui.pane_layout import pane_layout, restore_pane_layout


def offered(area: PaneArea) -> list[tuple[bool, bool]]:
    """For each pane from left to right: (Move pane left enabled, Move pane right enabled)."""
    return [
        (p.header.move_left_action.isEnabled(), p.header.move_right_action.isEnabled())
        for p in area.panes()
    ]


def move(pane: ArticlePane, text: str) -> None:
    """Choose ``text`` (Move pane left or right) in the pane's ☰ menu."""
    menu = pane.header.outline_menu
    menu.aboutToShow.emit()
    chosen = next(a for a in menu.actions() if a.text() == text)
    assert chosen.isEnabled()
    chosen.trigger()


def test_the_move_buttons_are_offered_only_where_a_pane_can_move(
    qtbot: QtBot, window: MainWindow
) -> None:
    area = window.area
    left, right = area.panes()
    assert offered(area) == [(False, True), (True, False)]

    third = area.add_pane()
    assert third is not None
    assert offered(area) == [(False, True), (True, True), (True, False)]

    # Move pane right on the left pane moves it to the middle; left on the new rightmost.
    move(left, "Move pane right")
    assert area.panes() == [right, left, third]
    assert offered(area) == [(False, True), (True, True), (True, False)]
    move(third, "Move pane left")
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


def test_the_moves_head_the_outline_menu_only_while_the_pane_can_move(
    qtbot: QtBot, window: MainWindow
) -> None:
    area = window.area
    left, _right = area.panes()
    menu = left.header.outline_menu
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["Move pane left", "Move pane right"] and menu.actions()[2].isSeparator()
    assert len(texts) > 3  # the headings follow
    area.close_pane(area.panes()[1])
    menu.aboutToShow.emit()
    assert "Move pane right" not in [a.text() for a in menu.actions()]  # alone


def test_an_empty_pane_beside_another_empty_pane_offers_no_move(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Swapping two empty panes changes nothing seen: their moves are greyed, as their zoom
    buttons are; beside an article they still move the pane."""
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
    move(third, "Move pane right")
    assert area.panes() == [fourth, third]
