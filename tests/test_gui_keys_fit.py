"""Making a passage longer or shorter from the keyboard: F8 to it, Shift and the arrows
from its start, then Shift+F10 and "Fit passage … to the selection". The passage keeps its
tags and note; undo gives it back its text. An orphan is re-attached the same way."""

from __future__ import annotations

from gui_support import shown_text, shown_texts
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.model import Annotation
from diptych.storage.sample import SAMPLE_FILES, sample_bytes

SHIFT = Qt.KeyboardModifier.ShiftModifier


def first_passage(qtbot: QtBot, window: MainWindow) -> tuple[ArticlePane, Annotation]:
    """F8 from the top of the left pane: its first passage selected, the caret at its start."""
    window.activateWindow()  # window shortcuts need the active window
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[0]
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)
    passage = window.session.passage(window.coding.selected)
    assert pane.view.positions.to_display(pane.view.textCursor().position()) == passage.start
    return pane, passage


def choose_from_the_menu(qtbot: QtBot, pane: ArticlePane, starts: str) -> None:
    """Shift+F10, then Down until the item whose words start with ``starts``, then Enter."""
    qtbot.keyClick(pane.view, Qt.Key.Key_F10, SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    texts = shown_texts(menu)
    assert any(t.startswith(starts) for t in texts), texts
    for _ in texts:
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        active = menu.activeAction()
        if active is not None and shown_text(active.text()).startswith(starts):
            break
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def test_a_passage_made_longer_with_the_keyboard_keeps_its_tags_and_note(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, before = first_passage(qtbot, window)
    count = len(window.session.project.annotations.query())
    longer = len(before.exact) + 6
    for _ in range(longer):
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, SHIFT)
    assert pane.selection() == (before.start, before.start + longer)

    choose_from_the_menu(qtbot, pane, "Fit passage “")
    after = window.session.passage(before.id)
    assert (after.start, after.end) == (before.start, before.start + longer)
    assert (after.tag_ids, after.note) == (before.tag_ids, before.note)
    assert window.coding.selected == pane.selected_passage == before.id
    assert pane.view.index is not None and pane.view.index.get(before.id).end == after.end
    assert len(window.session.project.annotations.query()) == count  # no new passage

    qtbot.keyClick(pane.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    undone = window.session.passage(before.id)
    assert (undone.start, undone.end) == (before.start, before.end)


def test_a_passage_made_shorter_with_the_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    pane, before = first_passage(qtbot, window)
    count = len(window.session.project.annotations.query())
    for _ in range(5):
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, SHIFT)
    choose_from_the_menu(qtbot, pane, "Fit passage “")
    after = window.session.passage(before.id)
    assert (after.start, after.end) == (before.start, before.start + 5)
    assert len(window.session.project.annotations.query()) == count  # no new passage
    assert window.actions_.undo.text() == "&Undo Fit passage to selection"


def test_no_fit_is_offered_for_text_beside_the_selected_passage(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, before = first_passage(qtbot, window)
    pane.view.select_range(before.end, before.end + 10)  # beside it, not over it
    qtbot.keyClick(pane.view, Qt.Key.Key_F10, SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    texts = shown_texts(menu)
    assert "Copy" in texts and not any(t.startswith("Fit passage") for t in texts)
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def test_an_orphan_is_re_attached_to_text_selected_with_the_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    pane = window.area.panes()[1]
    article = window.session.project.articles.get(article_id=pane.article_id or 0)
    source = sample_bytes(SAMPLE_FILES[1]).decode()
    assert "symbolic restart" in source and article.source_name == SAMPLE_FILES[1]
    parsed = parse_article(
        source.replace("symbolic restart", "fresh beginning").encode(), name=SAMPLE_FILES[1]
    )
    window.session.replace_article_text(article.id, parsed)
    orphan = next(p for p in window.session.project.annotations.query() if p.is_orphan)
    qtbot.waitUntil(lambda: not pane.is_loading and pane.view.index is not None)
    window.passages.select_passage(orphan.id)
    window.coding.select_passage(orphan.id)  # as choosing it in the Orphans list does

    text = window.session.project.articles.get(article_id=article.id).text
    start = text.index("fresh beginning")
    window.area.set_current(pane)
    pane.view.select_range(start, start)
    pane.view.setFocus()
    for _ in "fresh beginning":
        qtbot.keyClick(pane.view, Qt.Key.Key_Right, SHIFT)
    choose_from_the_menu(qtbot, pane, "Re-attach passage “symbolic restart”")

    back = window.session.passage(orphan.id)
    assert not back.is_orphan and back.exact == "fresh beginning"
    assert (back.tag_ids, back.note) == (orphan.tag_ids, orphan.note)
    assert pane.view.index is not None and orphan.id in pane.view.index


def test_fit_is_offered_at_once_for_text_selected_in_a_passage_not_chosen_yet(
    qtbot: QtBot, window: MainWindow
) -> None:
    # Text dragged over from a passage's start with no passage chosen: Shift+F10 chose the
    # passage at the caret only after it had built the menu, which then had no Fit item.
    pane, before = first_passage(qtbot, window)
    window.coding.select_passage(0)
    assert window.coding.selected == 0
    cursor = pane.view.textCursor()
    cursor.setPosition(pane.view.positions.to_rendered(before.start))
    cursor.setPosition(
        pane.view.positions.to_rendered(before.start + 10), QTextCursor.MoveMode.KeepAnchor
    )
    pane.view.setTextCursor(cursor)
    assert pane.selection() == (before.start, before.start + 10)

    choose_from_the_menu(qtbot, pane, "Fit passage “")
    after = window.session.passage(before.id)
    assert (after.start, after.end) == (before.start, before.start + 10)
    assert after.tag_ids == before.tag_ids
