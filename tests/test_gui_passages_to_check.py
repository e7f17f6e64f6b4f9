"""After an update from a newer file, the passages it found only approximately stay marked
in the Passages list ("≈", with a tooltip saying since which update), can be listed alone
("To check" in its filters), and are marked as checked with Ctrl+K or the list's menu, as
a step that Ctrl+Z takes back; the update's box says where to find them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gui_support import menu_item, open_window, point_of, shown_texts
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QToolTip
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from test_anchor_edges import INTERVIEW, REWRITTEN
from test_gui_margin_tooltip import hover

from diptych.gui.article_pane import ArticlePane
from diptych.gui.commands import perform
from diptych.gui.context import AppContext
from diptych.gui.import_messages import TO_CHECK_WHERE
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.passage_cells import PASSAGE_ID_ROLE, Column
from diptych.gui.passage_checks import NONE_TO_CHECK, MarkPassagesChecked
from diptych.gui.passage_commands import DeletePassage, ReattachPassage
from diptych.gui.passage_filter import PassageFilter
from diptych.gui.passage_model import PassageTableModel
from diptych.storage.project import Project

REWORDED = "The union says wages have fallen behind inflation for three years."
KEPT = "End of the transcript."
SHORTENED = "They can hold out much longer - maybe a month."


def updated(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> dict[str, int]:
    """An interview with three passages, updated to a reworded version: the passages' ids
    by their quotes before."""
    path = tmp_path / "interview.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.importer.import_files([path])
    article_id = imported.args[0][0]
    text = window.session.project.articles.get(article_id=article_id).text
    ids = {}
    for quote in (REWORDED, KEPT, SHORTENED):
        start = text.index(quote)
        passage = window.session.add_passage(
            article_id=article_id, start=start, end=start + len(quote), tag_ids=[]
        )
        ids[quote] = passage.id
    newer = tmp_path / "v2" / "interview.txt"
    newer.parent.mkdir()
    newer.write_text(REWRITTEN, encoding="utf-8")
    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.importer.reimport(article_id, newer)
    return ids


def marked(window: MainWindow) -> set[int]:
    """The passages to check, as the file has them."""
    rows = window.session.project.db.execute("SELECT annotation_id FROM passages_to_check")
    return {row[0] for row in rows}


def listed(window: MainWindow) -> list[int]:
    table = window.passages.table
    model = table.model()
    return [model.index(row, 0).data(PASSAGE_ID_ROLE) for row in range(model.rowCount())]


def row_of(window: MainWindow, passage_id: int) -> int:
    return listed(window).index(passage_id)


def choose_to_check(qtbot: QtBot, window: MainWindow) -> None:
    """Choose "To check" in the Passages list's filters, from the keyboard."""
    combo = window.passages.check_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText().startswith("To check")


def test_the_update_box_says_where_to_find_the_passages_to_check(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    updated(qtbot, window, tmp_path)
    level, _title, said = next(p for p in posted if p[2].startswith("Updated “Transcript"))
    assert level == Level.WARNING  # a box
    assert "2 found approximately (worth a look: “The union says pay has fallen" in said
    assert said.endswith(f"orphaned. {TO_CHECK_WHERE} Ctrl+Z undoes the update.")
    assert "“≈”" in TO_CHECK_WHERE and "“To check”" in TO_CHECK_WHERE and "Ctrl+K" in said
    assert "the caret is in, in the article" in TO_CHECK_WHERE  # Ctrl+K works there too


def test_the_list_marks_the_passages_to_check_and_lists_them_alone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ids = updated(qtbot, window, tmp_path)
    assert marked(window) == {ids[REWORDED], ids[SHORTENED]}
    model = window.passages.table.model()
    reworded = model.index(row_of(window, ids[REWORDED]), Column.QUOTE)
    assert (
        reworded.data()
        == "≈ The union says pay has fallen behind inflation for three straight years,"
    )
    tip = reworded.data(Qt.ItemDataRole.ToolTipRole)
    assert "Found approximately after the update of " in tip
    assert f"Before, it quoted “{REWORDED}”." in tip
    kept = model.index(row_of(window, ids[KEPT]), Column.QUOTE)
    assert kept.data() == KEPT and "Found approximately" not in kept.data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert window.passages.check_combo.itemText(1) == "To check (2)"

    choose_to_check(qtbot, window)
    assert sorted(listed(window)) == sorted([ids[REWORDED], ids[SHORTENED]])
    window.passages.check_combo.setCurrentIndex(0)  # All passages
    assert ids[KEPT] in listed(window)


def test_ctrl_k_marks_the_selected_passages_as_checked_and_ctrl_z_marks_them_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ids = updated(qtbot, window, tmp_path)
    choose_to_check(qtbot, window)
    table = window.passages.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)  # the first row chosen
    first = table.currentIndex().data(PASSAGE_ID_ROLE)
    qtbot.keyClick(table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert marked(window) == {ids[REWORDED], ids[SHORTENED]} - {first}
    assert first not in listed(window)  # no longer to check
    assert window.passages.check_combo.currentText() == "To check (1)"
    assert window.session.undo_stack.undoText().startswith("Mark passage “")
    assert window.session.undo_stack.undoText().endswith("” as checked")
    assert window.statusBar().currentMessage() == "Passage marked as checked — Ctrl+Z to undo"

    window.session.undo_stack.undo()
    assert marked(window) == {ids[REWORDED], ids[SHORTENED]}
    assert first in listed(window)
    window.session.undo_stack.redo()
    assert first not in marked(window)

    # Both left, selected together: one step
    window.session.undo_stack.undo()
    table.setFocus()
    table.selectAll()
    qtbot.keyClick(table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert marked(window) == set() and listed(window) == []
    assert window.session.undo_stack.undoText() == "Mark 2 passages as checked"
    assert window.passages.no_match.isVisibleTo(window.passages)
    window.session.undo_stack.undo()
    assert marked(window) == {ids[REWORDED], ids[SHORTENED]}


def test_ctrl_k_on_a_passage_not_to_check_says_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ids = updated(qtbot, window, tmp_path)
    table = window.passages.table
    table.setFocus()
    window.passages.select_passage(ids[KEPT])
    steps = window.session.undo_stack.count()
    qtbot.keyClick(table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == NONE_TO_CHECK
    assert window.session.undo_stack.count() == steps
    assert marked(window) == {ids[REWORDED], ids[SHORTENED]}


def _open_menu(qtbot: QtBot, send: Callable[[], None]) -> QMenu:
    send()
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def _right_click(window: MainWindow, row: int) -> None:
    table = window.passages.table
    point: QPoint = table.visualRect(table.model().index(row, 2)).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, table.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(table.viewport(), event)


def test_the_menu_of_a_passage_to_check_marks_it_as_checked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ids = updated(qtbot, window, tmp_path)
    menu = _open_menu(qtbot, lambda: _right_click(window, row_of(window, ids[KEPT])))
    assert "Mark as checked" not in shown_texts(menu)  # nothing to check there
    menu.hide()
    menu = _open_menu(qtbot, lambda: _right_click(window, row_of(window, ids[SHORTENED])))
    assert shown_texts(menu) == [
        "Go to passage", "Edit note", "Copy", "Mark as checked", "", "Delete passage"
    ]  # fmt: skip
    action = menu_item(menu, "Mark as checked")
    assert action.shortcut().toString() == "Ctrl+K"
    menu.hide()
    action.trigger()
    assert marked(window) == {ids[REWORDED]}
    window.session.undo_stack.undo()
    assert marked(window) == {ids[REWORDED], ids[SHORTENED]}


def test_deleting_a_passage_to_check_takes_its_mark_and_undo_puts_it_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ids = updated(qtbot, window, tmp_path)
    window.passages.select_passage(ids[REWORDED])
    window.passages.delete_current()
    assert marked(window) == {ids[SHORTENED]}
    assert window.passages.check_combo.itemText(1) == "To check (1)"
    window.session.undo_stack.undo()
    assert marked(window) == {ids[REWORDED], ids[SHORTENED]}
    model = window.passages.table.model()
    quote = model.index(row_of(window, ids[REWORDED]), Column.QUOTE).data()
    assert quote.startswith("≈ ")  # back in the list as it was


def test_undoing_the_update_takes_the_marks_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ids = updated(qtbot, window, tmp_path)
    assert marked(window)
    window.session.undo_stack.undo()  # the update
    assert marked(window) == set()
    model = window.passages.table.model()
    assert model.index(row_of(window, ids[REWORDED]), Column.QUOTE).data() == REWORDED
    assert window.passages.check_combo.itemText(1) == "To check (0)"
    window.session.undo_stack.redo()
    assert marked(window) == {ids[REWORDED], ids[SHORTENED]}


def test_fitting_a_passage_to_check_takes_its_mark_and_undo_puts_it_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ids = updated(qtbot, window, tmp_path)
    passage = window.session.passage(ids[SHORTENED])
    fit = ReattachPassage(
        window.session, passage.id, passage.start, passage.end + 7, "Fit passage to selection"
    )
    assert perform(window.session, fit)
    assert marked(window) == {ids[REWORDED]}
    assert window.passages.check_combo.itemText(1) == "To check (1)"
    window.session.undo_stack.undo()
    assert marked(window) == {ids[REWORDED], ids[SHORTENED]}


def test_hovering_a_passage_to_check_in_its_article_says_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ids = updated(qtbot, window, tmp_path)
    pane = window.area.current
    assert pane is not None and pane.view.index is not None
    pane.margin.repaint()
    for passage_id, to_check in ((ids[SHORTENED], True), (ids[KEPT], False)):
        bar = next(rect for rect, shown in pane.margin._bars if shown == passage_id)
        hover(pane.margin, bar.center())
        qtbot.waitUntil(QToolTip.isVisible)
        assert ("≈ Found approximately after the update of " in QToolTip.text()) is to_check
        QToolTip.hideText()
        qtbot.waitUntil(lambda: not QToolTip.isVisible())


def test_the_table_filtered_to_check_passes_the_model_tester(
    qtmodeltester: ModelTester, qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ids = updated(qtbot, window, tmp_path)
    model = PassageTableModel(window.session, PassageFilter(to_check=True))
    qtmodeltester.check(model, force_py=True)  # and it keeps checking the changes below
    assert {model.passage(r).id for r in range(model.rowCount())} == {
        ids[REWORDED],
        ids[SHORTENED],
    }
    window.session.mark_passages_checked([ids[REWORDED]])
    assert [model.passage(r).id for r in range(model.rowCount())] == [ids[SHORTENED]]
    assert model.to_check_count() == 1
    window.session.undo_stack.undo()  # the update: no passage to check
    assert model.rowCount() == 0 and model.to_check_count() == 0


def test_ctrl_k_again_and_again_goes_down_the_passages_to_check(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ids = updated(qtbot, window, tmp_path)
    _box_read(qtbot)  # the keys go to the window's shortcuts, as the user's do
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    choose_to_check(qtbot, window)
    table = window.passages.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home)
    first, second = listed(window)
    qtbot.keyClick(table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert listed(window) == [second]
    # The row now in its place is the chosen one: framed, highlighted, and Ctrl+K's
    assert table.currentIndex().row() == 0
    assert window.passages.selection.selected_passages() == [second]
    assert window.coding.selected == second  # shown in the article and the Passage panel
    qtbot.keyClick(table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert marked(window) == set() and listed(window) == []
    assert {first, second} == {ids[REWORDED], ids[SHORTENED]}
    qtbot.keyClick(table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    said = window.statusBar().currentMessage()
    assert said == NONE_TO_CHECK and "approximately" not in said  # not what the list says


def test_ctrl_k_after_a_click_on_a_row_marks_the_passage_it_opened(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ids = updated(qtbot, window, tmp_path)
    _box_read(qtbot)
    choose_to_check(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table = window.passages.table
    cell = table.model().index(row_of(window, ids[SHORTENED]), Column.QUOTE)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(cell).center()
    )
    qtbot.waitUntil(lambda: window.coding.selected == ids[SHORTENED])  # shown in its article
    assert table.hasFocus()  # a click leaves the keys in the list
    qtbot.keyClick(table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert marked(window) == {ids[REWORDED]}
    assert window.statusBar().currentMessage() == "Passage marked as checked — Ctrl+Z to undo"
    window.session.undo_stack.undo()
    assert marked(window) == {ids[REWORDED], ids[SHORTENED]}


def _box_read(qtbot: QtBot) -> None:
    """The update's box closed, as the user does before going on (it holds the keys)."""
    box = QApplication.activeModalWidget()
    if box is not None:
        box.close()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def _caret_into(qtbot: QtBot, window: MainWindow, passage_id: int) -> ArticlePane:
    """The keyboard in the article, the caret moved into the passage as a user moves it."""
    _box_read(qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.current
    assert pane is not None
    pane.view.setFocus()
    qtbot.waitUntil(pane.view.hasFocus)
    start = window.session.passage(passage_id).start
    pane.view.select_range(start + 1, start + 1)
    qtbot.keyClick(pane.view, Qt.Key.Key_Right)
    assert window.coding.selected == passage_id
    return pane


def test_ctrl_k_with_the_caret_in_a_passage_to_check_in_its_article_marks_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ids = updated(qtbot, window, tmp_path)
    pane = _caret_into(qtbot, window, ids[REWORDED])
    qtbot.keyClick(pane.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert marked(window) == {ids[SHORTENED]}
    assert window.session.undo_stack.undoText().endswith("” as checked")

    steps = window.session.undo_stack.count()
    pane = _caret_into(qtbot, window, ids[KEPT])  # no mark: nothing done, and said
    qtbot.keyClick(pane.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == NONE_TO_CHECK
    assert window.session.undo_stack.count() == steps
    assert marked(window) == {ids[SHORTENED]}


def _article_menu(qtbot: QtBot, pane: ArticlePane, passage_id: int) -> QMenu:
    point = point_of(pane, pane.session.passage(passage_id).start + 2)
    viewport = pane.view.viewport()
    return _open_menu(
        qtbot,
        lambda: QApplication.sendEvent(
            viewport,
            QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point)),
        ),
    )


def test_the_articles_menu_on_a_passage_to_check_marks_it_as_checked(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ids = updated(qtbot, window, tmp_path)
    pane = _caret_into(qtbot, window, ids[KEPT])
    menu = _article_menu(qtbot, pane, ids[KEPT])
    assert "Mark as checked" not in shown_texts(menu)  # nothing to check there
    menu.hide()
    menu = _article_menu(qtbot, pane, ids[SHORTENED])
    action = menu_item(menu, "Mark as checked")
    assert action.shortcut().toString() == "Ctrl+K"
    menu.hide()
    action.trigger()
    assert marked(window) == {ids[REWORDED]}


def test_to_check_counts_the_passages_the_other_filters_leave_as_the_orphans_tab_does(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    ids = updated(qtbot, window, tmp_path)
    panel = window.passages
    choose_to_check(qtbot, window)
    qtbot.keyClicks(panel.search, "union")  # the reworded passage's words, not the other's
    assert listed(window) == [ids[REWORDED]]
    assert panel.check_combo.currentText() == "To check (1 of 2)"
    panel.search.clear()
    qtbot.keyClicks(panel.search, "unheard")  # in no passage
    assert listed(window) == []
    assert panel.check_combo.currentText() == "To check (0 of 2)"
    window.session.mark_passages_checked([ids[REWORDED]])  # and as marks come and go
    assert panel.check_combo.currentText() == "To check (0 of 1)"
    panel.search.clear()
    assert panel.check_combo.currentText() == "To check (1)"
    assert listed(window) == [ids[SHORTENED]]


def test_undoing_mark_checked_after_the_update_was_undone_in_another_window_says_so(
    qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    ids = updated(qtbot, window, tmp_path)
    other = open_window(qtbot, context, Project.open(window.session.project.path))
    session = other.session
    passages = [session.passage(ids[REWORDED]), session.passage(ids[SHORTENED])]
    assert perform(session, MarkPassagesChecked(session, passages))
    assert marked(window) == set()
    window.session.undo_stack.undo()  # the update, in the first window
    session.undo_stack.undo()  # Mark as checked, in the other
    assert marked(window) == set()  # nothing moved the passages: nothing to check
    said = other.statusBar().currentMessage()
    assert said.startswith("2 passages are not marked “≈” to check again: the article no")
    window.session.undo_stack.redo()  # the update again: its marks with it
    assert marked(window) == {ids[REWORDED], ids[SHORTENED]}


def test_a_deleted_passage_put_back_after_the_update_was_undone_elsewhere_is_not_marked(
    qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    ids = updated(qtbot, window, tmp_path)
    other = open_window(qtbot, context, Project.open(window.session.project.path))
    assert perform(other.session, DeletePassage(other.session, ids[SHORTENED]))
    window.session.undo_stack.undo()  # the update, in the first window
    other.session.undo_stack.undo()  # the deletion, in the other
    assert window.session.passage(ids[SHORTENED]).exact.startswith("They can hold out much")
    assert marked(window) == set()
    said = other.statusBar().currentMessage()
    assert said.startswith("Passage “They can hold out much longer, maybe a m…” is not marked")
    assert "the update that found it approximately" in said
