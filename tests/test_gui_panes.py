"""The reading area driven like a user: panes, zoom, outline, find, layout, passages."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import menu_item, open_window, point_of, select_text, shown_texts
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QTextCharFormat, QWheelEvent
from PySide6.QtWidgets import QApplication, QMenu, QToolButton, QToolTip
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.pane_area import MAX_PANES
from diptych.gui.passage_tooltip import passage_tooltip
from diptych.gui.theme import READING_POINT_SIZE
from diptych.storage.project import Project

SYMBOLIC_RESTART = 4  # a passage of the second sample article, tagged Diplomacy, with a note


def button(pane: ArticlePane, text: str) -> QToolButton:
    return next(b for b in pane.header.findChildren(QToolButton) if b.text() == text)


def move(pane: ArticlePane, step: int) -> None:
    """Move pane left (-1) or right (+1), from the pane's ☰ menu."""
    menu = pane.header.outline_menu
    menu.aboutToShow.emit()
    text = "Move pane left" if step < 0 else "Move pane right"
    action = next(a for a in menu.actions() if a.text() == text)
    action.trigger()


def articles(window: MainWindow) -> list[int | None]:
    return [p.article_id for p in window.area.panes()]


def font_size(pane: ArticlePane) -> float:
    return pane.view.document().defaultFont().pointSizeF()


# -- panes -------------------------------------------------------------------------------
def widen(qtbot: QtBot, window: MainWindow) -> None:
    """Give the reading area room (the offscreen screen is small)."""
    window.resize(1900, 900)
    qtbot.waitUntil(lambda: sum(window.area.splitter.sizes()) > 900)


def test_two_panes_side_by_side_each_with_its_title_readable(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert articles(window) == [1, 2]
    for pane in window.area.panes():
        # Narrow panes: the buttons leave no room, so the title has a line of its own.
        header, title = pane.header, pane.header.title
        assert header.title_on_own_line
        assert title.isVisible() and title.width() >= 150, title.width()
        assert title.text()[:12] == header._full_title[:12] and title.text().endswith("…")
    widen(qtbot, window)
    for pane in window.area.panes():
        header, title = pane.header, pane.header.title
        close = button(pane, "✕")

        def beside_the_buttons(header=header, title=title, close=close) -> None:  # type: ignore[no-untyped-def]
            assert not header.title_on_own_line
            assert abs(title.geometry().center().y() - close.geometry().center().y()) <= 3
            assert title.x() < close.x() and title.width() >= 200
            assert title.x() > header.outline_button.x()  # after ◀ ▶ ☰, as built

        qtbot.waitUntil(beside_the_buttons)
    assert window.area.panes()[0].header.title.text() == (
        "The Shifting Landscape: Evidence of a New Diplomatic Era"
    )


def test_panes_are_added_up_to_the_maximum(qtbot: QtBot, window: MainWindow) -> None:
    for _ in range(MAX_PANES - 2):
        window.actions_.new_pane.trigger()
    assert len(window.area.panes()) == MAX_PANES
    assert articles(window)[2:] == [None] * (MAX_PANES - 2)
    assert window.area.current is window.area.panes()[-1]
    with qtbot.waitSignal(window.context.messages.posted) as posted:
        window.actions_.new_pane.trigger()
    assert posted.args[0] == Level.INFO and f"At most {MAX_PANES} panes" in posted.args[2]
    assert len(window.area.panes()) == MAX_PANES
    sizes = window.area.splitter.sizes()
    assert max(sizes) - min(sizes) <= 2  # shared evenly


def test_closing_panes_with_the_button_and_the_menu(qtbot: QtBot, window: MainWindow) -> None:
    area = window.area
    left, right = area.panes()
    qtbot.mouseClick(button(left, "✕"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(area.panes()) == 1)
    assert area.panes() == [right] and area.current is right
    window.actions_.close_pane.trigger()
    qtbot.waitUntil(lambda: not area.panes())
    assert area.current is None and area.currentWidget() is area.hint
    assert "Open an article from the Library" in area.hint.text()


def test_moving_panes_changes_their_order_and_keeps_their_widths(
    qtbot: QtBot, window: MainWindow
) -> None:
    area = window.area
    left, right = area.panes()
    widen(qtbot, window)
    total = sum(area.splitter.sizes())
    area.splitter.setSizes([total // 3, total - total // 3])
    qtbot.waitUntil(lambda: left.width() < right.width())
    narrow = left.width()
    move(left, 1)
    assert area.panes() == [right, left]
    qtbot.waitUntil(lambda: left.x() > right.x())
    assert abs(left.width() - narrow) <= 2
    move(right, -1)  # already leftmost
    assert area.panes() == [right, left]
    move(left, -1)
    assert area.panes() == [left, right]


def test_ctrl_w_closes_the_current_pane(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.area.panes() == [window.area.panes()[0]] and len(window.area.panes()) == 1


def test_ctrl_w_gives_the_focus_to_the_neighbour_which_keeps_its_reading_place(
    qtbot: QtBot, window: MainWindow
) -> None:
    widen(qtbot, window)
    left, right = window.area.panes()
    left.go_to_offset(3000)  # mid-article: still at the top once the text wraps wider
    place = left.reading_place()
    assert place > 2500
    window.area.set_current(right)
    right.view.setFocus()
    qtbot.keyClick(right.view, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.area.panes() == [left] and window.area.current is left
    assert QApplication.focusWidget() is left.view
    # Twice as wide, the text wraps again: the line that was at the top still is.
    assert place - 150 <= left.reading_place() <= place, (place, left.reading_place())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)  # a key for the text, not the Library
    assert window.library.filter.text() == ""


def test_a_new_pane_leaves_the_others_at_their_reading_place(
    qtbot: QtBot, window: MainWindow
) -> None:
    widen(qtbot, window)
    left = window.area.panes()[0]
    left.go_to_offset(3000)
    place = left.reading_place()
    window.actions_.new_pane.trigger()
    assert len(window.area.panes()) == 3
    assert place - 150 <= left.reading_place() <= place, (place, left.reading_place())


# -- zoom --------------------------------------------------------------------------------
def test_zoom_buttons_and_keys_change_the_font_size_and_label(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[0]
    other = window.area.panes()[1]
    assert font_size(pane) == pytest.approx(READING_POINT_SIZE)
    qtbot.mouseClick(button(pane, "+"), Qt.MouseButton.LeftButton)
    assert pane.header.zoom_label.text() == "110%"
    assert font_size(pane) == pytest.approx(READING_POINT_SIZE * 1.1)
    assert font_size(other) == pytest.approx(READING_POINT_SIZE)  # each pane on its own
    for _ in range(2):
        qtbot.mouseClick(button(pane, "−"), Qt.MouseButton.LeftButton)
    assert pane.header.zoom_label.text() == "90%"
    assert font_size(pane) == pytest.approx(READING_POINT_SIZE * 0.9)
    qtbot.mouseDClick(pane.header.zoom_label, Qt.MouseButton.LeftButton)
    assert pane.header.zoom_label.text() == "100%"

    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pane.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert pane.header.zoom_label.text() == "125%"
    assert font_size(pane) == pytest.approx(READING_POINT_SIZE * 1.25)
    qtbot.keyClick(pane.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert pane.header.zoom_label.text() == "110%"
    qtbot.keyClick(pane.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert pane.header.zoom_label.text() == "100%"
    assert font_size(pane) == pytest.approx(READING_POINT_SIZE)


def ctrl_wheel(pane: ArticlePane, notches: int) -> None:
    """Turn the mouse wheel over the text with Ctrl held (one notch is 120)."""
    viewport = pane.view.viewport()
    point = QPointF(viewport.rect().center())
    event = QWheelEvent(
        point,
        QPointF(viewport.mapToGlobal(point.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def test_ctrl_and_the_mouse_wheel_zoom_the_pane_as_its_buttons_do(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[0]
    ctrl_wheel(pane, 1)
    assert pane.zoom == 110
    assert pane.header.zoom_label.text() == "110%"
    assert font_size(pane) == pytest.approx(READING_POINT_SIZE * 1.1)
    ctrl_wheel(pane, -3)
    assert pane.zoom == 80
    assert pane.header.zoom_label.text() == "80%"
    assert font_size(pane) == pytest.approx(READING_POINT_SIZE * 0.8)
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert font_size(pane) == pytest.approx(READING_POINT_SIZE)


# -- outline -----------------------------------------------------------------------------
def test_outline_menu_jumps_to_a_heading(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.area.panes()[0]
    article = window.session.project.articles.get(article_id=pane.article_id)
    headings = article.content.outline()
    target = next(h for h in headings if h.text.startswith("Voices of Recalibration"))
    bar = pane.view.verticalScrollBar()
    assert bar.value() == 0
    chosen: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu) and menu is pane.header.outline_menu
        chosen.extend(a.text().strip() for a in menu.actions())
        action = next(a for a in menu.actions() if a.text().strip() == target.text)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    QTimer.singleShot(0, pick)
    qtbot.mouseClick(pane.header.outline_button, Qt.MouseButton.LeftButton)
    assert chosen == ["Move pane left", "Move pane right", "", *(h.text for h in headings)]
    assert pane.view.textCursor().position() == pane.view.positions.to_rendered(target.start)
    assert bar.value() > 0
    heading_rect = pane.view.cursorRect()
    assert pane.view.viewport().rect().contains(heading_rect.center())


# -- find --------------------------------------------------------------------------------
def test_find_bar_counts_steps_highlights_and_closes(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.area.panes()[1]
    text = window.session.project.articles.get(article_id=2).text
    total = text.lower().count("korea")
    assert total > 3
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = pane.find_bar
    qtbot.waitUntil(bar.field.hasFocus)
    qtbot.keyClicks(bar.field, "korea")
    assert bar.count.text() == f"1 of {total}"
    first = text.lower().index("korea")
    assert pane.view.selection() == (first, first + 5)
    matches = [
        (pane.view.positions.to_display(s.cursor.selectionStart()), s.cursor.selectedText())
        for s in pane.view.extraSelections()
    ]
    assert len(matches) == total and all(m.lower() == "korea" for _, m in matches)

    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    second = text.lower().index("korea", first + 1)
    assert bar.count.text() == f"2 of {total}"
    assert pane.view.selection() == (second, second + 5)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == f"{total} of {total}"  # wraps around

    bar.field.selectAll()
    qtbot.keyClicks(bar.field, "no such words")
    assert bar.count.text() == "No matches"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert pane.view.extraSelections() == []
    assert pane.view.hasFocus()


def test_find_starts_with_the_selected_text(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.area.panes()[0]
    select_text(pane, "middle powers")
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(pane.find_bar.isVisible)
    assert pane.find_bar.field.text() == "middle powers"


def test_find_opened_again_on_the_same_words_finds_them_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[1]
    text = window.session.project.articles.get(article_id=2).text
    total = text.lower().count("korea")
    window.area.set_current(pane)
    pane.view.setFocus()
    bar = pane.find_bar
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(bar.field.hasFocus)
    qtbot.keyClicks(bar.field, "Korea")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert pane.view.textCursor().selectedText() == "Korea"  # the match stays selected

    # Ctrl+F again: the field holds the selected match, the very words searched before.
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(bar.field.hasFocus)
    assert bar.field.text() == "Korea"
    assert bar.count.text() == f"2 of {total}"
    assert len(pane.view.extraSelections()) == total
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == f"3 of {total}"
    third = [i for i in range(len(text)) if text.lower().startswith("korea", i)][2]
    assert pane.view.selection() == (third, third + 5)

    # And with nothing selected, the words left in the field are searched again too.
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    pane.view.moveCursor(pane.view.textCursor().MoveOperation.Start)
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(bar.field.hasFocus)
    assert bar.count.text() == f"1 of {total}"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 of {total}"


# -- layout ------------------------------------------------------------------------------
def test_layout_is_restored_when_the_project_is_opened_again(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    window = open_window(qtbot, context, Project.open(sample))
    for dock in window.docks.values():  # room for three panes on the small offscreen screen
        dock.close()
    area = window.area
    left, right = area.panes()
    move(left, 1)  # Xi's visit first
    for _ in range(2):
        qtbot.mouseClick(button(left, "+"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button(right, "−"), Qt.MouseButton.LeftButton)
    third = area.add_pane(1)
    assert third is not None
    qtbot.waitUntil(lambda: not third.is_loading)
    qtbot.waitUntil(lambda: sum(area.splitter.sizes()) > 700)
    total = sum(area.splitter.sizes())
    area.splitter.setSizes([total - 480, 240, 240])
    qtbot.waitUntil(lambda: right.width() > third.width() + 20)
    area.set_current(right)
    window.close()

    again = open_window(qtbot, context, Project.open(sample))
    panes = again.area.panes()
    assert articles(again) == [2, 1, 1]
    assert [p.zoom for p in panes] == [90, 125, 100]
    assert [p.header.zoom_label.text() for p in panes] == ["90%", "125%", "100%"]
    assert font_size(panes[1]) == pytest.approx(READING_POINT_SIZE * 1.25)
    # The window comes back narrower (clamped to the 800-pixel offscreen screen), so the
    # sizes shrink towards the panes' minimum; the wide first pane stays the widest.
    restored = again.area.splitter.sizes()
    assert restored[0] > restored[1] + 50 and abs(restored[1] - restored[2]) <= 3, restored
    assert again.area.current is panes[0]


def quit_with_an_empty_third_pane(qtbot: QtBot, context: AppContext, sample: Path) -> None:
    """Three panes (the third one empty), the first one widest, the second one current."""
    window = open_window(qtbot, context, Project.open(sample))
    for dock in window.docks.values():  # room for three panes on the small offscreen screen
        dock.close()
    window.actions_.new_pane.trigger()
    area = window.area
    assert articles(window) == [1, 2, None]
    qtbot.waitUntil(lambda: sum(area.splitter.sizes()) > 700)
    total = sum(area.splitter.sizes())
    area.splitter.setSizes([total - 480, 240, 240])
    left, right = area.panes()[:2]
    qtbot.waitUntil(lambda: left.width() > right.width() + 50)
    area.set_current(right)
    window.close()


def test_an_empty_pane_is_restored_with_the_sizes_and_the_current_pane(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    quit_with_an_empty_third_pane(qtbot, context, sample)
    again = open_window(qtbot, context, Project.open(sample))
    assert articles(again) == [1, 2, None]
    restored = again.area.splitter.sizes()
    assert restored[0] > restored[1] + 50 and abs(restored[1] - restored[2]) <= 3, restored
    assert again.area.current is again.area.panes()[1]


def test_a_pane_whose_article_is_gone_is_left_out_with_its_size(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    quit_with_an_empty_third_pane(qtbot, context, sample)
    with Project.open(sample) as project:
        project.articles.remove(article_id=2)
    again = open_window(qtbot, context, Project.open(sample))
    assert articles(again) == [1, None]
    restored = again.area.splitter.sizes()
    assert restored[0] > restored[1] + 50, restored
    assert again.area.current is again.area.panes()[0]  # the current pane's neighbour


# -- passages in a pane ------------------------------------------------------------------
def test_clicking_a_highlight_shows_its_passage_in_the_editor(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[1]
    passage = window.session.passage(SYMBOLIC_RESTART)
    qtbot.mouseClick(
        pane.view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(pane, passage.start + 3)
    )
    assert window.editor.current_passage() == SYMBOLIC_RESTART
    assert pane.selected_passage == SYMBOLIC_RESTART
    wave = QTextCharFormat.UnderlineStyle.WaveUnderline
    outlined = [s for s in pane.view.extraSelections() if s.format.underlineStyle() == wave]
    assert [pane.view.positions.to_display(s.cursor.selectionStart()) for s in outlined] == [
        passage.start
    ]
    # A click on plain text leaves the passage selected; a drag selects text, not passages.
    qtbot.mouseClick(
        pane.view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(pane, passage.end + 40)
    )
    assert window.editor.current_passage() == SYMBOLIC_RESTART


def show_tooltip(qtbot: QtBot, pane: ArticlePane, offset: int) -> None:
    viewport = pane.view.viewport()
    point = point_of(pane, offset)
    QApplication.sendEvent(
        viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    )


def test_hovering_a_highlight_shows_its_tags_and_note(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.area.panes()[1]
    passage = window.session.passage(SYMBOLIC_RESTART)
    tip = passage_tooltip(window.session, SYMBOLIC_RESTART)
    assert "Diplomacy" in tip and "Framing used by both articles; who coined it?" in tip
    assert "Diptych sample" in tip  # the coder
    show_tooltip(qtbot, pane, passage.start + 2)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == tip
    show_tooltip(qtbot, pane, passage.end + 30)  # plain text: no tooltip
    qtbot.waitUntil(lambda: not QToolTip.isVisible())


def open_text_menu(pane: ArticlePane, offset: int) -> QMenu:
    viewport = pane.view.viewport()
    point = point_of(pane, offset)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def test_context_menu_on_a_selection_offers_the_tags(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    pane = window.area.panes()[0]
    start, end = select_text(pane, "middle powers")
    menu = open_text_menu(pane, start + 2)
    texts = shown_texts(menu)
    assert texts[0] == "Tag selection…" and "Copy" in texts
    # the Edit menu's words, key letter and all, and its key beside them
    assert menu.actions()[0].text() == f"{window.actions_.tag_selection.text()}\tCtrl+T"
    submenu = menu_item(menu, "Tag with").menu()
    assert isinstance(submenu, QMenu)
    book = window.session.codebook()
    tags = window.session.ordered_tags()
    assert [a.text() for a in submenu.actions()] == [
        # '&&' in a menu item reads '&' (a single '&' marks the item's key letter); a
        # sub-tag is indented under its parent, as in the Codebook
        f"{'    ' * (book.level(tag.id) - 1)}{tag.name.replace('&', '&&')}\t{number}"
        for number, tag in enumerate(tags, start=1)
    ]
    assert any(a.text().startswith("    ") for a in submenu.actions())
    security = next(a for a in submenu.actions() if a.text() == "Security\t3")
    menu.close()
    security.trigger()
    with Project.open(sample, read_only=True) as project:
        codebook = project.tags.codebook()
        tagged = [
            [codebook[t].name for t in p.tag_ids]
            for p in project.annotations.query(article_id=1)
            if (p.start, p.end) == (start, end)
        ]
    assert tagged == [["Security"]]


def test_context_menu_on_a_passage_removes_a_tag(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    pane = window.area.panes()[1]
    passage = window.session.passage(SYMBOLIC_RESTART)
    menu = open_text_menu(pane, passage.start + 2)
    texts = shown_texts(menu)
    assert texts == ["Remove tag Diplomacy", "Add tag…", "Edit note", "Delete passage"]
    assert texts[1] == window.editor.add_tag_button.text()  # the Passage panel's words
    assert window.editor.current_passage() == SYMBOLIC_RESTART
    remove = menu.actions()[0]
    menu.close()
    remove.trigger()
    assert window.session.passage(SYMBOLIC_RESTART).tag_ids == ()
    window.actions_.undo.trigger()
    assert len(window.session.passage(SYMBOLIC_RESTART).tag_ids) == 1


def test_context_menu_with_nothing_to_do_says_so(window: MainWindow) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    menu = open_text_menu(pane, 600)
    assert [(a.text(), a.isEnabled()) for a in menu.actions()] == [("Select text to tag it", False)]
    menu.close()


def test_a_table_right_after_a_list_adds_no_empty_bullet(window: MainWindow) -> None:
    pane = window.area.panes()[1]  # its list of takeaways is followed by a table
    document = pane.view.document()
    block = document.begin()
    empty_items = []
    while block.isValid():
        if block.textList() is not None and not block.text().strip():
            empty_items.append(block.blockNumber())
        block = block.next()
    assert empty_items == []


def test_f3_steps_through_matches_with_find_open_in_both_panes(
    qtbot: QtBot, window: MainWindow
) -> None:
    left, right = window.area.panes()
    for pane in (left, right):
        window.area.set_current(pane)
        pane.open_find()
        qtbot.keyClicks(pane.find_bar.field, "korea")
    total = right.find_bar.count.text().split(" of ")[1]
    assert right.find_bar.count.text() == f"1 of {total}"
    qtbot.keyClick(right.find_bar.field, Qt.Key.Key_F3)
    assert right.find_bar.count.text() == f"2 of {total}"
    qtbot.keyClick(right.find_bar.field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert right.find_bar.count.text() == f"1 of {total}"
    right.view.setFocus()  # F3 also works from the text of the pane
    qtbot.keyClick(right.view, Qt.Key.Key_F3)
    assert right.find_bar.count.text() == f"2 of {total}"
    assert left.find_bar.count.text().startswith("1 of ")  # the other pane stays put


def test_reading_place_is_restored_and_a_new_article_starts_at_the_top(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    window = open_window(qtbot, context, Project.open(sample))
    window.area.panes()[0].go_to_offset(7785)  # the conclusion, far down the first article
    window.area.set_current(window.area.panes()[1])
    window.close()

    again = open_window(qtbot, context, Project.open(sample))
    left, right = again.area.panes()
    bar = left.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0)
    top = left.view.offset_at(QPoint(4, 4))
    assert 7785 - 80 <= top <= 7785 + 10, top  # the heading is at the top again
    assert again.area.current is right  # restoring the place did not move the focus
    assert right.view.verticalScrollBar().value() == 0

    left.show_article(2)  # another article in the same pane starts at its beginning
    qtbot.waitUntil(lambda: not left.is_loading)
    qtbot.wait(50)  # a queued scroll would land here
    assert left.view.offset_at(QPoint(4, 4)) == 0 and bar.value() < 40


def test_the_pane_the_keyboard_or_a_margin_bar_moves_to_becomes_the_current_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    left, right = window.area.panes()
    window.area.set_current(right)
    right.view.setFocus()
    qtbot.waitUntil(right.view.hasFocus)

    # Tab (or a click where the caret already is) moves the focus without moving the caret.
    left.view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(left.view.hasFocus)
    assert window.area.current is left
    qtbot.keyClick(left.view, Qt.Key.Key_F8)
    assert left.view.index is not None
    assert window.coding.selected == left.view.index.marks()[0].annotation_id

    # A click on a passage's bar in the margin selects it and goes to its pane, so that
    # F8, F2, Ctrl+F and the zoom keys act there.
    window.area.set_current(right)
    right.view.setFocus()
    qtbot.waitUntil(right.view.hasFocus)
    mark = left.view.index.marks()[0]
    left.scroll_to_offset(mark.start)
    left.margin.repaint()
    bar = next(rect for rect, passage in left.margin._bars if passage == mark.annotation_id)
    qtbot.mouseClick(left.margin, Qt.MouseButton.LeftButton, pos=bar.center())
    assert window.coding.selected == mark.annotation_id
    assert window.area.current is left
    assert left.view.hasFocus()


def test_a_new_pane_never_pushes_the_window_off_its_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    for dock in window.docks.values():  # a window that fits on the small offscreen screen
        dock.close()
    screen = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: window.minimumWidth() < screen.width() - 40)
    window.resize(screen.width() - 40, 600)
    qtbot.waitUntil(lambda: window.frameGeometry().width() <= screen.width())
    messages: list[str] = []
    window.context.messages.posted.connect(lambda _level, _title, text: messages.append(text))
    for _ in range(MAX_PANES - 2):
        window.actions_.new_pane.trigger()
        QApplication.processEvents()
        assert window.frameGeometry().right() <= screen.right(), len(window.area.panes())
    assert 2 < len(window.area.panes()) < MAX_PANES  # some fit beside the two, not all
    assert messages[-1] == (
        "There is no room for another pane beside these: close a pane, hide a panel "
        "(View menu), or make the window wider."
    )


def test_a_new_pane_never_pushes_a_window_placed_right_of_the_edge_off_its_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    # A narrow window placed in the middle of its screen: it grew by a pane's width at each
    # pane opened, its right edge (and the panels there) going off the screen.
    for dock in window.docks.values():
        dock.close()
    screen = window.screen().availableGeometry()
    width = screen.width() * 3 // 4
    qtbot.waitUntil(lambda: window.minimumWidth() < width)
    window.resize(width, 600)
    window.move(screen.x() + screen.width() // 5, screen.y())
    qtbot.waitUntil(lambda: window.frameGeometry().right() < screen.right() - 20)
    messages: list[str] = []
    window.context.messages.posted.connect(lambda _level, _title, text: messages.append(text))
    for _ in range(MAX_PANES - 2):
        window.actions_.new_pane.trigger()
        QApplication.processEvents()
        assert window.frameGeometry().right() <= screen.right(), len(window.area.panes())
    assert len(window.area.panes()) < MAX_PANES
    assert messages[-1] == (
        "There is no room for another pane beside these: close a pane, hide a panel "
        "(View menu), or make the window wider."
    )


def test_find_left_open_searches_the_next_article_shown_in_the_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    pane.view.setFocus()
    bar = pane.find_bar
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(bar.field.hasFocus)
    qtbot.keyClicks(bar.field, "korea")
    assert bar.count.text().startswith("1 of ")

    pane.show_article(1)  # e.g. double-clicked in the Library, the bar still open
    qtbot.waitUntil(lambda: pane.article_id == 1 and not pane.is_loading)
    text = window.session.project.articles.get(article_id=1).text
    total = text.lower().count("korea")
    assert bar.isVisible() and bar.count.text() == f"1 of {total}"
    assert len(pane.view.extraSelections()) == total
    bar.field.setFocus()
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    second = text.lower().index("korea", text.lower().index("korea") + 1)
    assert bar.count.text() == f"2 of {total}"
    assert pane.view.selection() == (second, second + 5)


def test_esc_in_the_text_closes_the_find_bar(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    pane.view.setFocus()
    bar = pane.find_bar
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(bar.field.hasFocus)
    qtbot.keyClicks(bar.field, "korea")
    pane.view.setFocus()  # back in the text, reading the matches
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(pane.view, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert pane.view.extraSelections() == []
    assert pane.view.hasFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Escape)  # with the bar closed, Esc does nothing
    assert not bar.isVisible() and pane.view.hasFocus()
