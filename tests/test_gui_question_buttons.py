"""A question before removing articles or deleting a tag is answered by buttons named for
what they do (Remove / Cancel, Delete / Cancel), where it offered Yes and No; Escape and
Cancel still answer no, Enter and the named button yes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs


def answer(act: Callable[[QMessageBox], None], seen: list[list[str]]) -> None:
    """Once the next question is up, record its buttons' texts and let ``act`` answer it."""

    def run() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(5, run)
            return
        seen.append(sorted(b.text().replace("&", "") for b in box.buttons()))
        act(box)

    QTimer.singleShot(0, run)


def click(text: str) -> Callable[[QMessageBox], None]:
    def act(box: QMessageBox) -> None:
        button = next((b for b in box.buttons() if b.text().replace("&", "") == text), None)
        if button is None:  # no such button: the question is closed and ``seen`` tells
            box.reject()
            return
        button.click()

    return act


def key(pressed: Qt.Key) -> Callable[[QMessageBox], None]:
    def act(box: QMessageBox) -> None:
        QTest.keyClick(QApplication.focusWidget() or box, pressed)

    return act


@pytest.mark.parametrize(
    ("title", "verb"), [("Remove article", "Remove"), ("Delete tag", "Delete")]
)
def test_the_buttons_name_the_action_and_cancel(qtbot: QtBot, title: str, verb: str) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[list[str]] = []

    answer(click(verb), seen)
    assert dialogs.ask_plain(parent, title, "Really?") is True
    answer(click("Cancel"), seen)
    assert dialogs.ask_plain(parent, title, "Really?") is False

    assert seen == [sorted([verb, "Cancel"])] * 2


def test_escape_answers_no_and_enter_yes(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[list[str]] = []

    answer(key(Qt.Key.Key_Escape), seen)
    assert dialogs.ask_plain(parent, "Remove articles", "Remove 2 articles?") is False
    answer(key(Qt.Key.Key_Return), seen)
    assert dialogs.ask_plain(parent, "Remove articles", "Remove 2 articles?") is True
    assert seen == [["Cancel", "Remove"]] * 2
