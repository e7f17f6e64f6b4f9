"""The tag dialog from the keyboard: OK, Cancel and each field have a key letter of their
own (Alt and the letter underlined), where Alt+O typed an "o" into the name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.session import ProjectSession
from diptych.gui.tag_dialog import TagDialog


def open_dialog(qtbot: QtBot, session: ProjectSession) -> TagDialog:
    dialog = TagDialog(session.codebook())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def press_alt(qtbot: QtBot, key: Qt.Key) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, Qt.KeyboardModifier.AltModifier)


def test_alt_o_in_the_name_is_ok(qtbot: QtBot, session: ProjectSession) -> None:
    dialog = open_dialog(qtbot, session)
    qtbot.keyClicks(dialog.name, "Sanctions")
    press_alt(qtbot, Qt.Key.Key_O)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == TagDialog.DialogCode.Accepted
    assert dialog.values().name == "Sanctions"


def test_alt_c_is_cancel(qtbot: QtBot, session: ProjectSession) -> None:
    dialog = open_dialog(qtbot, session)
    qtbot.keyClicks(dialog.name, "Sanctions")
    press_alt(qtbot, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == TagDialog.DialogCode.Rejected


@pytest.mark.parametrize(
    ("key", "field"),
    [
        (Qt.Key.Key_N, "name"),
        (Qt.Key.Key_L, "chosen_swatch"),  # the tag's colour, whose neighbours the arrows reach
        (Qt.Key.Key_P, "parent_box"),
        (Qt.Key.Key_K, "key_box"),
        (Qt.Key.Key_D, "description"),
    ],
)
def test_alt_and_a_fields_letter_moves_the_keyboard_into_it(
    qtbot: QtBot, session: ProjectSession, key: Qt.Key, field: str
) -> None:
    dialog = open_dialog(qtbot, session)
    dialog.ok_button.setFocus()  # somewhere else
    press_alt(qtbot, key)
    qtbot.wait(200)  # a button for a buddy would be clicked by now: nothing is
    wanted = (
        next(s for s in dialog.swatches if s.chosen)
        if field == "chosen_swatch"
        else getattr(dialog, field)
    )
    assert QApplication.focusWidget() is wanted
    assert QApplication.activeModalWidget() in (None, dialog)  # no colour picker over it
    assert dialog.isVisible() and dialog.name.text() == ""


def test_no_two_share_a_letter(qtbot: QtBot, session: ProjectSession) -> None:
    dialog = open_dialog(qtbot, session)
    texts = [w.text() for w in dialog.findChildren(QWidget) if hasattr(w, "text")]
    texts = [t for t in texts if isinstance(t, str) and "&" in t.replace("&&", "")]
    keys = [t[t.index("&") + 1].lower() for t in texts]
    assert sorted(keys) == sorted("nlpkdoc"), texts
