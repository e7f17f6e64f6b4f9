"""Keys 1-9 tag the selection on keyboard layouts whose digits are typed with Shift.

On the French AZERTY layout the digit row types "&é\"'(-è_ç" and Shift gives the digits, so
the key event for "1" carries Shift and the text "1". Such events are built here as the
platform delivers them and sent to the real article view.
"""

from __future__ import annotations

from gui_support import select_text
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow

SHIFT = Qt.KeyboardModifier.ShiftModifier
QUOTE = "renewed diplomatic engagement"


def press(pane: ArticlePane, key: Qt.Key, modifiers: Qt.KeyboardModifier, text: str) -> bool:
    """Send a key press to the view as the platform does; True if the view took it."""
    event = QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text)
    QApplication.sendEvent(pane.view, event)
    return event.isAccepted()


def tag_keys(window: MainWindow) -> list[int]:
    pressed: list[int] = []
    window.area.tagKeyPressed.connect(pressed.append)
    return pressed


def test_shift_and_a_key_typing_a_digit_tags_as_the_digit_does(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[0]
    window.area.set_current(pane)
    pressed = tag_keys(window)
    # AZERTY: Shift with the "&" key types "1"; X11 reports the key as Key_1, others as "&".
    press(pane, Qt.Key.Key_1, SHIFT, "1")
    press(pane, Qt.Key.Key_Ampersand, SHIFT, "3")
    # The keypad, with Shift held too.
    press(pane, Qt.Key.Key_2, SHIFT | Qt.KeyboardModifier.KeypadModifier, "2")
    assert pressed == [1, 3, 2]


def test_shift_with_a_digit_tags_the_selected_text(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    start, end = select_text(pane, QUOTE)
    article = pane.article_id or 0
    before = len(window.session.project.annotations.query(article_id=article))
    assert press(pane, Qt.Key.Key_1, SHIFT, "1")
    passages = window.session.project.annotations.query(article_id=article)
    assert len(passages) == before + 1
    assert any((p.start, p.end) == (start, end) for p in passages)


def test_keys_typing_no_digit_or_with_ctrl_or_alt_do_not_tag(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = window.area.panes()[0]
    window.area.set_current(pane)
    pressed = tag_keys(window)
    press(pane, Qt.Key.Key_Exclam, SHIFT, "!")  # Shift+1 on a US layout
    press(pane, Qt.Key.Key_1, SHIFT, "!")
    press(pane, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier, "1")
    press(pane, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier, "1")
    press(pane, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier | SHIFT, "1")
    press(pane, Qt.Key.Key_Eacute, Qt.KeyboardModifier.NoModifier, "é")  # AZERTY unshifted
    assert pressed == []
    # The digit row pressed alone still tags, as before.
    press(pane, Qt.Key.Key_4, Qt.KeyboardModifier.NoModifier, "4")
    assert pressed == [4]


def test_shift_and_the_arrows_still_select_text(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.area.panes()[0]
    window.area.set_current(pane)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    press(pane, Qt.Key.Key_Right, SHIFT, "")
    press(pane, Qt.Key.Key_Right, SHIFT, "")
    assert pane.view.textCursor().hasSelection()
    assert len(pane.view.textCursor().selectedText()) == 2
