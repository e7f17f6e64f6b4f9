"""Every key of the window's menus reaches its own command, and only it, from where the
analyst codes: the article, the Passages list, the Library and the Codebook (Qt says
"Ambiguous shortcut overload" and does nothing when two commands share a key there). The
commands are caught as the key reaches them, so that none opens a dialog here."""

from __future__ import annotations

import pytest
from gui_support import keyboard_in, select_text
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcutEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow

# F2 is the note's key only in the reading area and the Passages list (it renames in the
# Library and the Codebook, as their own key).
READING_ONLY = {"Edit &note"}
# Alt+Up and Alt+Down move the selected tag only from the Codebook, where it is seen.
CODEBOOK_ONLY = {"Move tag &up", "Move tag do&wn"}
DEVICE_KEYS = Qt.Key.Key_Back.value


class ShortcutCatcher(QObject):
    """Holds back the shortcut events sent to the actions, noting which and whether Qt
    found the key ambiguous."""

    def __init__(self) -> None:
        super().__init__()
        self.caught: list[tuple[str, bool]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut and isinstance(watched, QAction):
            assert isinstance(event, QShortcutEvent)
            self.caught.append((watched.text(), event.isAmbiguous()))
            return True
        return super().eventFilter(watched, event)


def place(window: MainWindow, name: str) -> QWidget:
    return {"article": window.area.panes()[0].view, "passages": window.passages.table,
            "library": window.library.view, "codebook": window.tags.view}[name]  # fmt: skip


@pytest.mark.parametrize("where", ["article", "passages", "library", "codebook"])
def test_each_menu_key_reaches_its_own_command_only(
    qtbot: QtBot, window: MainWindow, where: str
) -> None:
    pane = keyboard_in(qtbot, window, 0)
    for words in ("delicate", "choreography"):  # Undo and Redo with something to do
        select_text(pane, words)
        qtbot.keyClick(pane.view, Qt.Key.Key_1)
    window.session.undo_stack.undo()
    # Back and Forward with somewhere to go: the pane shows the other article, then its own
    # again, and goes back once
    first, second = pane.article_id, window.area.panes()[1].article_id
    assert first is not None and second is not None
    for article_id in (second, first):
        pane.show_article(article_id)
        qtbot.waitUntil(lambda: not pane.is_loading)
    window.actions_.back.trigger()
    qtbot.waitUntil(lambda: pane.article_id == second and not pane.is_loading)
    assert window.actions_.back.isEnabled() and window.actions_.forward.isEnabled()
    actions = [a for a in vars(window.actions_).values() if isinstance(a, QAction)]
    keyed = [a for a in actions if a.shortcuts()]
    assert len(keyed) > 20
    catcher = ShortcutCatcher()
    for action in keyed:
        action.installEventFilter(catcher)
    for docks in ("library", "codebook", "passages"):
        window.docks[docks].show()
    widget = place(window, where)
    top = window.session.codebook().children(None)
    window.tags.select_tag(top[1].id)  # a tag that can move up and down
    problems = []
    for action in keyed:
        if where in ("library", "codebook") and action.text() in READING_ONLY:
            continue
        if where != "codebook" and action.text() in CODEBOOK_ONLY:
            continue
        for sequence in action.shortcuts():
            combination = sequence[0]
            if combination.key().value >= DEVICE_KEYS:
                continue  # Undo, Find, Zoom In… keys of some keyboards, which QTest cannot type
            widget.setFocus()
            qtbot.waitUntil(widget.hasFocus)
            catcher.caught.clear()
            qtbot.keyClick(widget, combination.key(), combination.keyboardModifiers())
            if catcher.caught != [(action.text(), False)]:
                problems.append((action.text(), sequence.toString(), list(catcher.caught)))
    assert problems == []
    assert not any(a.text() in ("&Undo", "&Redo") and not a.isEnabled() for a in keyed)
    # Backspace deletes where the keyboard is; it never takes the pane back
    assert all(QKeySequence("Backspace") not in a.shortcuts() for a in keyed)
    assert QApplication.focusWidget() is widget  # the keys were held back
