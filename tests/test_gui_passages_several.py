"""Several passages selected in the Passages list (Shift or Ctrl with the arrows or a
click) are deleted with Del, or tagged and untagged from their menu, each as one undo
step; Ctrl+click selects a row without opening its passage; a read-only project greys
the menu's edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import menu_item, open_window, shown_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_cells import PASSAGE_ID_ROLE
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def popup_menu(qtbot: QtBot) -> QMenu:
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def first_rows_selected(qtbot: QtBot, window: MainWindow, count: int) -> list[int]:
    """Choose the first row from the keyboard, Shift+Down to ``count`` rows; their ids."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table = window.passages.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Up)  # the first row chosen, wherever the table began
    for _ in range(count - 1):
        qtbot.keyClick(table, Qt.Key.Key_Down, SHIFT)
    chosen = window.passages.selection.selected_passages()
    model = table.model()
    assert chosen == [model.index(row, 0).data(PASSAGE_ID_ROLE) for row in range(count)]
    return chosen


def menu_of_selection(qtbot: QtBot, window: MainWindow) -> QMenu:
    table = window.passages.table
    qtbot.keyClick(table, Qt.Key.Key_F10, SHIFT)
    return popup_menu(qtbot)


def stored_ids(window: MainWindow) -> set[int]:
    return {p.id for p in window.session.project.annotations.query()}


def test_del_deletes_the_selected_passages_as_one_step_and_ctrl_z_puts_them_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = stored_ids(window)
    chosen = first_rows_selected(qtbot, window, 3)
    said = "3 passages selected: Del deletes them, Shift+F10 tags or untags them all."
    assert window.statusBar().currentMessage() == said
    table = window.passages.table
    qtbot.keyClick(table, Qt.Key.Key_Down)  # one row again: no longer said
    assert window.statusBar().currentMessage() == ""
    qtbot.keyClick(table, Qt.Key.Key_Home)
    for _ in range(2):
        qtbot.keyClick(table, Qt.Key.Key_Down, SHIFT)
    assert window.passages.selection.selected_passages() == chosen
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert stored_ids(window) == before - set(chosen)
    assert window.session.undo_stack.undoText() == "Delete 3 passages"
    assert window.statusBar().currentMessage() == "3 passages deleted — Ctrl+Z to undo"
    assert len(window.passages.selection.selected_passages()) == 1  # the next row, alone
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert stored_ids(window) == before
    rows = {table.model().index(r, 0).data(PASSAGE_ID_ROLE) for r in range(3)}
    assert rows == set(chosen)  # back in the list


def test_the_menu_of_several_tags_them_all_and_undo_takes_off_only_what_it_put_on(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = window.session
    chosen = first_rows_selected(qtbot, window, 3)
    before = {i: set(session.passage(i).tag_ids) for i in chosen}
    carried = before[chosen[0]]
    # A tag the first passage carries and another of them does not.
    tag_id = next(
        t for t in carried if any(t not in session.passage(i).tag_ids for i in chosen[1:])
    )
    name = session.codebook().path(tag_id)
    menu = menu_of_selection(qtbot, window)
    texts = [shown_text(a.text()) for a in menu.actions() if not a.isSeparator()]
    assert texts == [
        "Tag 3 passages with", "Remove a tag from 3 passages",
        "Copy 3 passages", "Delete 3 passages",
    ]  # fmt: skip
    submenu = menu_item(menu, "Tag 3 passages with").menu()
    assert submenu is not None
    book = session.codebook()
    assert [shown_text(a.text()) for a in submenu.actions()] == [
        "    " * (book.level(t.id) - 1) + t.name
        for t in book.ordered()  # as a tree
    ]
    tag_action = next(
        a for a in submenu.actions() if shown_text(a.text()).strip() == name.split("/")[-1]
    )
    menu.hide()
    tag_action.trigger()
    assert all(tag_id in session.passage(i).tag_ids for i in chosen)
    assert session.undo_stack.undoText() == f"Tag 3 passages with “{name}”"
    assert window.passages.selection.selected_passages() == chosen  # kept for the next
    qtbot.keyClick(window.passages.table, Qt.Key.Key_Z, CTRL)
    assert {i: set(session.passage(i).tag_ids) for i in chosen} == before  # the first kept it


def test_removing_a_tag_from_several_offers_only_their_tags_and_is_one_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = window.session
    chosen = first_rows_selected(qtbot, window, 2)
    before = {i: set(session.passage(i).tag_ids) for i in chosen}
    menu = menu_of_selection(qtbot, window)
    submenu = menu_item(menu, "Remove a tag from 2 passages").menu()
    assert submenu is not None
    book = session.codebook()
    offered = [shown_text(a.text()) for a in submenu.actions()]
    carried = set().union(*before.values())
    assert offered == [t.name for t in book.ordered() if t.id in carried]
    tag_id = next(iter(before[chosen[0]]))
    action = next(a for a in submenu.actions() if shown_text(a.text()) == book[tag_id].name)
    menu.hide()
    action.trigger()
    assert all(tag_id not in session.passage(i).tag_ids for i in chosen)
    qtbot.keyClick(window.passages.table, Qt.Key.Key_Z, CTRL)
    assert {i: set(session.passage(i).tag_ids) for i in chosen} == before


def test_ctrl_click_selects_another_row_without_opening_its_passage(
    qtbot: QtBot, window: MainWindow
) -> None:
    table = window.passages.table
    model = table.model()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(window, 0))
    first = model.index(0, 0).data(PASSAGE_ID_ROLE)
    qtbot.waitUntil(lambda: window.coding.selection.selected == first)
    last = model.rowCount() - 1
    with qtbot.assertNotEmitted(window.passages.passageActivated, wait=100):
        qtbot.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, CTRL, pos=_row_point(window, last)
        )
    assert window.passages.selection.selected_passages() == [
        first,
        model.index(last, 0).data(PASSAGE_ID_ROLE),
    ]
    # A right-click on one of them: the menu of both.
    point = _row_point(window, last)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, table.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(table.viewport(), event)
    menu = popup_menu(qtbot)
    assert shown_text(menu.actions()[-1].text()) == "Delete 2 passages"
    menu.close()


def test_a_read_only_project_greys_the_menu_of_several(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    window = open_window(qtbot, context, Project.open(sample, read_only=True))
    first_rows_selected(qtbot, window, 2)
    menu = menu_of_selection(qtbot, window)
    enabled = [shown_text(a.text()) for a in menu.actions() if a.isEnabled() and a.text()]
    assert enabled == ["Copy 2 passages"]  # copying changes nothing
    menu.close()
    before = stored_ids(window)
    qtbot.keyClick(window.passages.table, Qt.Key.Key_Delete)
    assert stored_ids(window) == before
    assert "read-only" in window.statusBar().currentMessage()


def _row_point(window: MainWindow, row: int) -> QPoint:
    table = window.passages.table
    return table.visualRect(table.model().index(row, 2)).center()


def test_home_and_end_choose_the_first_and_last_passage_and_shift_selects_up_to_them(
    qtbot: QtBot, window: MainWindow
) -> None:
    first_rows_selected(qtbot, window, 1)
    table = window.passages.table
    model = table.model()
    ids = [model.index(row, 0).data(PASSAGE_ID_ROLE) for row in range(model.rowCount())]
    scrolled = table.horizontalScrollBar().value()
    qtbot.keyClick(table, Qt.Key.Key_End)
    assert window.passages.selection.selected_passages() == [ids[-1]]
    assert window.editor.current_passage() == ids[-1]  # chosen, as the arrows choose
    assert table.horizontalScrollBar().value() == scrolled  # the quotes stay in sight
    qtbot.keyClick(table, Qt.Key.Key_Home, CTRL)
    assert window.passages.selection.selected_passages() == [ids[0]]
    qtbot.keyClick(table, Qt.Key.Key_End, SHIFT)
    assert window.passages.selection.selected_passages() == ids


def test_a_tag_all_of_them_carry_already_changes_nothing_and_says_so(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = window.session
    chosen = first_rows_selected(qtbot, window, 2)
    shared = set(session.passage(chosen[0]).tag_ids) & set(session.passage(chosen[1]).tag_ids)
    tag_id = next(iter(shared)) if shared else session.passage(chosen[0]).tag_ids[0]
    if not shared:  # give the second the first's tag, so that both carry it
        window.passages.tag_passages(chosen[1:], tag_id)
    steps = session.undo_stack.count()
    window.passages.tag_passages(chosen, tag_id)
    assert session.undo_stack.count() == steps
    name = session.codebook().path(tag_id)
    assert window.statusBar().currentMessage() == f"Both passages carry “{name}” already."


def test_deleting_many_at_once_asks_first(
    qtbot: QtBot, context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+A then Del in the list: every passage listed would go. Ten or more are asked
    about once (Cancel keeps them); fewer go at once, as one does."""
    path = tmp_path / "many.diptych"
    with Project.create(path) as project:
        text = " ".join(f"word{n}" for n in range(40))
        article = project.articles.add(parsed=parse_article(text.encode(), name="w.txt"))
        tag = project.tags.add(name="Word")
        stored = project.articles.get(article_id=article.id).text
        for n in range(12):
            start = stored.index(f"word{n} ")
            project.annotations.add(
                article_id=article.id, start=start, end=start + len(f"word{n}"), tag_ids=[tag.id]
            )
    window = open_window(qtbot, context, Project.open(path))
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(
        dialogs, "ask_plain", lambda _parent, _title, text: asked.append(text) or answer[0]
    )
    first_rows_selected(qtbot, window, 1)
    table = window.passages.table
    qtbot.keyClick(table, Qt.Key.Key_A, CTRL)
    assert len(window.passages.selection.selected_passages()) == 12
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert asked == [
        "Delete these 12 passages with their tags and notes? Edit > Undo (Ctrl+Z) brings them"
        " all back."
    ]
    assert len(stored_ids(window)) == 12  # cancelled: all kept
    answer[0] = True
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert stored_ids(window) == set()
    window.actions_.undo.trigger()
    assert len(stored_ids(window)) == 12


def test_undoing_a_deletion_of_several_selects_them_all_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    chosen = first_rows_selected(qtbot, window, 3)
    table = window.passages.table
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert not stored_ids(window) & set(chosen)
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    assert set(chosen) <= stored_ids(window)
    qtbot.waitUntil(lambda: window.passages.selection.selected_passages() == chosen)
    assert window.passages.current_passage() == chosen[0]
