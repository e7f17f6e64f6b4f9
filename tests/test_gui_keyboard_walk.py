"""A reader's walk through two panes with the keys only: selecting text, tag keys, Del, F2
and a note, Ctrl+Z and Ctrl+Shift+Z, F8, Ctrl+Tab, the arrows, the palette, the Passages
list. After every key, the article, the Passage panel and the list agree on the selected
passage, a pane outlines only that one, and nothing went wrong; F2 opens only a passage
outlined where the keyboard is, and a tag key on selected words outlines their passage."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ACTIONS = [
    "select", "select", "tag key", "del", "f2", "undo", "undo", "redo", "f8", "next pane",
    "arrows", "palette", "list",
]  # fmt: skip


class Walk:
    """The window, the panes and what happened so far (shown when a check fails)."""

    def __init__(self, qtbot: QtBot, window: MainWindow, seed: int) -> None:
        self.qtbot, self.window = qtbot, window
        self.random = random.Random(seed)
        self.panes = window.area.panes()[:2]
        self.steps: list[str] = []
        self.problems: list[str] = []
        window.context.messages.crashed.connect(lambda summary, _: self.problems.append(summary))
        window.context.messages.posted.connect(
            lambda level, _title, text: self.problems.append(text) if level else None
        )

    def pane_with_keyboard(self) -> ArticlePane | None:
        focus = QApplication.focusWidget()
        return next((p for p in self.panes if focus is not None and p.isAncestorOf(focus)), None)

    def select_words(self, pane: ArticlePane) -> None:
        """Select up to 40 characters in view, as Shift and the arrows do."""
        text = pane.session.project.articles.get(article_id=pane.article_id or 0).text
        start = self.random.randrange(0, min(len(text) - 40, 3000))
        end = start + self.random.randrange(1, 40)
        view = pane.view
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.positions.to_rendered(start))
        view.setTextCursor(cursor)
        view.ensureCursorVisible()
        cursor.setPosition(view.positions.to_rendered(end), QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        view.ensureCursorVisible()

    def tag_key(self, pane: ArticlePane, focus: QWidget) -> None:
        selected = pane.selection()
        text = pane.session.project.articles.get(article_id=pane.article_id or 0).text
        words = selected is not None and not text[slice(*selected)].isspace()
        self.qtbot.keyClick(focus, self.random.choice([Qt.Key.Key_1, Qt.Key.Key_2]))
        if words:  # their passage (new, or the one of just these words) is outlined
            assert pane.selected_passage == self.window.coding.selected != 0, self.steps
            assert self.window.coding.selection.not_outlined(pane) == "", self.steps

    def f2(self, pane: ArticlePane, focus: QWidget) -> None:
        self.qtbot.keyClick(focus, Qt.Key.Key_F2)
        note = self.window.editor.note
        if note.hasFocus():
            assert pane.selected_passage == self.window.coding.selected, self.steps
            assert self.window.coding.selection.not_outlined(pane) == "", self.steps
            self.qtbot.keyClicks(note, f" n{len(self.steps)}")
            self.qtbot.keyClick(note, Qt.Key.Key_Escape)

    def palette(self, focus: QWidget) -> None:
        self.qtbot.keyClick(focus, Qt.Key.Key_T, CONTROL)
        palette = self.window.coding.palette
        if palette.isVisible():
            self.qtbot.keyClicks(palette.field, self.random.choice(["", "Econ", "Walked"]))
            self.qtbot.keyClick(palette.field, Qt.Key.Key_Return)
            palette.hide()

    def list_keys(self, focus: QWidget) -> None:
        self.qtbot.keyClick(focus, Qt.Key.Key_P, CONTROL | SHIFT)
        table = self.window.passages.table
        self.qtbot.waitUntil(table.hasFocus)
        self.qtbot.keyClick(table, Qt.Key.Key_Down)
        self.qtbot.keyClick(table, self.random.choice([Qt.Key.Key_Delete, Qt.Key.Key_Return]))
        if not self.pane_with_keyboard():
            self.qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, CONTROL)

    def step(self) -> None:
        qtbot, pane = self.qtbot, self.pane_with_keyboard()
        focus = QApplication.focusWidget()
        action = self.random.choice(ACTIONS)
        if pane is None or focus is None:
            action = "next pane"
        self.steps.append(action)
        if action == "select" and pane is not None:
            self.select_words(pane)
        elif action == "tag key" and pane is not None and focus is not None:
            self.tag_key(pane, focus)
        elif action == "f2" and pane is not None and focus is not None:
            self.f2(pane, focus)
        elif action == "palette" and focus is not None:
            self.palette(focus)
        elif action == "list" and focus is not None:
            self.list_keys(focus)
        elif action == "arrows" and focus is not None:
            for _ in range(self.random.randrange(1, 20)):
                qtbot.keyClick(focus, self.random.choice([Qt.Key.Key_Right, Qt.Key.Key_Down]))
        else:
            key, modifiers = {
                "del": (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
                "undo": (Qt.Key.Key_Z, CONTROL),
                "redo": (Qt.Key.Key_Z, CONTROL | SHIFT),
                "f8": (Qt.Key.Key_F8, Qt.KeyboardModifier.NoModifier),
                "next pane": (Qt.Key.Key_Tab, CONTROL),
            }[action]
            qtbot.keyClick(focus or self.window, key, modifiers)

    def check(self) -> None:
        window, steps = self.window, self.steps
        selected = window.coding.selected
        assert not self.problems, (steps, self.problems)
        if selected:
            window.session.passage(selected)  # there
        for pane in window.area.panes():
            assert pane.selected_passage in (0, selected), steps
        assert (window.editor.current_passage() or 0) == selected, steps
        focus = QApplication.focusWidget()
        assert focus is not None and focus.isVisible(), steps


@pytest.mark.parametrize("seed", range(4))
def test_a_walk_with_the_keys_keeps_the_selected_passage_one_and_the_same(
    qtbot: QtBot, window: MainWindow, seed: int
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    walk = Walk(qtbot, window, seed)
    window.area.set_current(walk.panes[1])
    walk.panes[1].view.setFocus()
    qtbot.waitUntil(walk.panes[1].view.hasFocus)
    for _ in range(60):
        walk.step()
        walk.check()
