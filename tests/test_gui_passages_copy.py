"""Ctrl+C in the Passages list copies the passages selected (the current one if none is),
each quote with the article, heading and tags it is cited with and its note: the list's own
copy took one cell of the current row (a quote, or an article's title), whatever rows were
selected. The list's menus offer Copy too."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_gui_keys_passages import go_to_passages

from diptych.gui.main_window import MainWindow
from diptych.gui.passage_list_bulk_menu import several_passages_menu
from diptych.gui.passage_list_menu import passage_menu
from diptych.storage.model import Annotation

CONTROL = Qt.KeyboardModifier.ControlModifier


def clipboard() -> str:
    return QApplication.clipboard().text()


def passages(window: MainWindow) -> list[Annotation]:
    return list(window.session.project.annotations.query())


def test_ctrl_c_copies_every_passage_selected_with_its_citation_and_note(
    qtbot: QtBot, window: MainWindow
) -> None:
    go_to_passages(qtbot, window)
    table = window.passages.table
    qtbot.keyClick(table, Qt.Key.Key_A, CONTROL)
    qtbot.keyClick(table, Qt.Key.Key_C, CONTROL)
    plain = clipboard()
    everyone = passages(window)
    assert len(everyone) > 3
    for passage in everyone:
        assert f"“{passage.exact}”" in plain
        if passage.note.strip():
            assert passage.note.strip() in plain
    titles = {window.session.project.articles.get(article_id=p.article_id).title for p in everyone}
    for title in titles:
        assert f"— {title}" in plain
    assert "Economy/Trade" in plain
    assert window.statusBar().currentMessage().startswith(f"Copied {len(everyone)} passages")


def test_ctrl_c_on_one_row_copies_that_passage_whatever_cell_is_current(
    qtbot: QtBot, window: MainWindow
) -> None:
    go_to_passages(qtbot, window)
    table = window.passages.table
    qtbot.keyClick(table, Qt.Key.Key_Down)
    chosen = window.session.passage(window.passages.current_passage() or 0)
    qtbot.keyClick(table, Qt.Key.Key_C, CONTROL)
    plain = clipboard()
    assert plain.startswith(f"“{chosen.exact}”\n— ")
    assert plain.count("“") == 1  # that passage alone


def test_the_menus_offer_copy(qtbot: QtBot, window: MainWindow) -> None:
    go_to_passages(qtbot, window)
    panel = window.passages
    menu = passage_menu(panel, panel.table.currentIndex())
    copy = next(a for a in menu.actions() if a.text() == "&Copy")
    QApplication.clipboard().clear()
    copy.trigger()
    current = window.session.passage(panel.current_passage() or 0)
    assert clipboard().startswith(f"“{current.exact}”")
    ids = [p.id for p in passages(window)][:2]
    several = several_passages_menu(panel, ids)
    copy = next(a for a in several.actions() if a.text() == "&Copy 2 passages")
    copy.trigger()
    assert clipboard().count("“") == 2
