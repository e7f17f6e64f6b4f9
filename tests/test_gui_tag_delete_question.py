"""Deleting a tag from the codebook asks with the window's one plain-text question box."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.main_window import MainWindow

Seen = list[tuple[str, Qt.TextFormat, str]]


def answer_next_question(button: QMessageBox.StandardButton, seen: Seen) -> QTimer:
    """Click ``button`` of the next question box once it is up (it runs its own event loop);
    its title, text format and text go in ``seen``. Keep the timer returned until then."""
    timer = QTimer()

    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            timer.stop()
            seen.append((box.windowTitle(), box.textFormat(), box.text()))
            box.button(button).click()

    timer.timeout.connect(click)
    timer.start(10)
    return timer


def test_delete_key_asks_in_plain_text_and_no_keeps_the_tag_yes_deletes_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.tags
    assert panel.confirm is dialogs.ask_plain  # the one shared question, not a copy of it
    tag = window.session.add_tag(name="<i>Bold & co")  # names are never markup
    panel.select_tag(tag.id)
    panel.view.setFocus()

    seen: Seen = []
    answering = answer_next_question(QMessageBox.StandardButton.No, seen)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert not answering.isActive()
    title, text_format, text = seen[-1]
    assert (title, text_format) == ("Delete tag", Qt.TextFormat.PlainText)
    assert "“<i>Bold & co”" in text
    assert tag.id in window.session.codebook()

    answering = answer_next_question(QMessageBox.StandardButton.Yes, seen)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert not answering.isActive() and len(seen) == 2
    assert tag.id not in window.session.codebook()
    window.actions_.undo.trigger()
    assert tag.id in window.session.codebook()
