"""Turning to another pane (a click, or text selected there) leaves the passage of the pane
left: the Passage panel no longer offers its note for editing, and 1-9 tag what is
selected in the new pane, never the passage the reader can no longer see there."""

from __future__ import annotations

from gui_support import point_of
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.storage.model import Annotation

LEFT = Qt.MouseButton.LeftButton


def _passages(pane: ArticlePane) -> list[Annotation]:
    query = pane.session.project.annotations.query(article_id=pane.article_id)
    return sorted((p for p in query if not p.is_orphan), key=lambda p: p.start)


def _click_a_highlight(qtbot: QtBot, window: MainWindow) -> tuple[int, ArticlePane]:
    """Click the left pane's first passage, as in the usability test; the passage and the
    right pane."""
    window.activateWindow()  # the tag keys are window shortcuts
    qtbot.waitUntil(window.isActiveWindow)
    left, right = window.area.panes()
    assert left.article_id != right.article_id
    passage = _passages(left)[0]
    middle = (passage.start + passage.end) // 2
    qtbot.mouseClick(left.view.viewport(), LEFT, pos=point_of(left, middle))
    assert window.coding.selected == passage.id
    assert window.editor.current_passage() == passage.id
    return passage.id, right


def _plain_text(pane: ArticlePane) -> tuple[int, int]:
    """A stretch of a few words in ``pane`` that no passage covers."""
    text = pane.session.project.articles.get(article_id=pane.article_id or 0).text
    covered = {i for p in _passages(pane) for i in range(p.start, p.end)}
    start = next(
        i
        for i in range(len(text) - 20)
        if text[i - 1 : i] == " " and not covered & set(range(i, i + 20))
    )
    return start, text.index(" ", start + 10)


def _hint_shown(window: MainWindow) -> bool:
    editor = window.editor
    return editor.current_passage() is None and editor.pages.currentWidget() is editor.placeholder


def test_selecting_text_in_another_pane_leaves_the_passage_clicked_in_the_first(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage, right = _click_a_highlight(qtbot, window)
    start, end = _plain_text(right)
    viewport = right.view.viewport()
    qtbot.mousePress(viewport, LEFT, pos=point_of(right, start))
    qtbot.mouseMove(viewport, point_of(right, end - 1))
    qtbot.mouseRelease(viewport, LEFT, pos=point_of(right, end - 1))
    assert right.view.textCursor().hasSelection()
    assert window.area.current is right
    assert _hint_shown(window)  # no note to type onto the left pane's passage
    assert window.coding.selected == 0

    tag = window.session.codebook().tag_of_key(3)
    assert tag is not None
    tags_before = window.session.passage(passage).tag_ids
    qtbot.keyClick(right.view, Qt.Key.Key_3)
    new = [p for p in _passages(right) if tag.id in p.tag_ids and p.start <= start < p.end]
    assert len(new) == 1  # the text selected, tagged
    assert window.session.passage(passage).tag_ids == tags_before
    assert window.editor.current_passage() == new[0].id


def test_clicking_plain_text_in_another_pane_shows_the_hint(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage, right = _click_a_highlight(qtbot, window)
    start, _end = _plain_text(right)
    qtbot.mouseClick(right.view.viewport(), LEFT, pos=point_of(right, start + 2))
    assert _hint_shown(window)
    steps = window.session.undo_stack.count()
    qtbot.keyClick(right.view, Qt.Key.Key_3)
    assert window.session.undo_stack.count() == steps  # nothing tagged, nothing to tag
    assert "not in this pane" not in window.statusBar().currentMessage()
    assert window.session.passage(passage).tag_ids  # left as it was


def test_a_highlight_clicked_in_another_pane_is_the_one_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    _passage, right = _click_a_highlight(qtbot, window)
    there = _passages(right)[0]
    middle = (there.start + there.end) // 2
    qtbot.mouseClick(right.view.viewport(), LEFT, pos=point_of(right, middle))
    assert window.coding.selected == there.id
    assert window.editor.current_passage() == there.id


def test_text_selected_in_the_passage_s_own_pane_keeps_it_for_fitting(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage, _right = _click_a_highlight(qtbot, window)
    left = window.area.panes()[0]
    start, end = _plain_text(left)
    viewport = left.view.viewport()
    qtbot.mousePress(viewport, LEFT, pos=point_of(left, start))
    qtbot.mouseMove(viewport, point_of(left, end - 1))
    qtbot.mouseRelease(viewport, LEFT, pos=point_of(left, end - 1))
    assert window.editor.current_passage() == passage  # Fit passage to selection needs it
