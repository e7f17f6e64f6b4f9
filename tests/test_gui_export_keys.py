"""File > Export from the keyboard: each field has a key of its own (Alt and the letter
underlined in its label), as the menus do, where only Tab, round the whole dialog,
reached the Save to field or the tags."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.export_dialog import ExportDialog
from diptych.gui.main_window import MainWindow


def open_dialog(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    window.actions_.export.trigger()
    dialog = window.findChild(ExportDialog)
    assert isinstance(dialog, ExportDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def press_alt(qtbot: QtBot, key: Qt.Key) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, Qt.KeyboardModifier.AltModifier)


@pytest.mark.parametrize(
    ("key", "field"),
    [
        (Qt.Key.Key_A, "articles"),
        (Qt.Key.Key_T, "tags"),
        (Qt.Key.Key_S, "output"),
        (Qt.Key.Key_F, "format"),
    ],
)
def test_alt_and_a_fields_letter_moves_the_keyboard_into_it(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, field: str
) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.browse.setFocus()  # somewhere else
    press_alt(qtbot, key)
    assert QApplication.focusWidget() is getattr(dialog, field)


def test_alt_g_and_alt_r_choose_the_grouping(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.output.setFocus()
    assert dialog.by_tag.isChecked()
    press_alt(qtbot, Qt.Key.Key_R)
    qtbot.waitUntil(dialog.by_article.isChecked)  # a button's key clicks it, shown pressed first
    press_alt(qtbot, Qt.Key.Key_G)
    qtbot.waitUntil(dialog.by_tag.isChecked)


def test_no_two_fields_share_a_key(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    texts = [w.text() for w in dialog.findChildren(QWidget) if hasattr(w, "text")]
    texts = [t for t in texts if isinstance(t, str) and "&" in t.replace("&&", "")]
    keys = [t[t.index("&") + 1].lower() for t in texts]
    assert len(keys) >= 8 and len(set(keys)) == len(keys), texts
    headings = [label for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    assert {label.buddy() for label in headings} == {
        dialog.format,
        dialog.articles,
        dialog.tags,
        dialog.output,
    }
