"""Tab goes through the Passage panel's tag chips where they are seen: before Add tag…."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_chips import TagChip


def press(qtbot: QtBot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> QWidget | None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)
    return QApplication.focusWidget()


def test_tab_moves_from_chip_to_chip_then_to_add_tag(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.editor
    passages = window.session.project.annotations.query()
    # One passage then another, as clicks on highlights show them: the chips are rebuilt.
    editor.show_passage(next(p for p in passages if len(p.tag_ids) == 1).id)
    editor.show_passage(next(p for p in passages if len(p.tag_ids) == 2).id)
    removes = [c.remove_button for c in editor.chips.findChildren(TagChip) if c.isVisible()]
    removes.sort(key=lambda b: b.mapTo(editor, b.rect().topLeft()).x())
    assert len(removes) == 2
    removes[0].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is removes[0])
    assert press(qtbot, Qt.Key.Key_Tab) is removes[1]
    assert press(qtbot, Qt.Key.Key_Tab) is editor.add_tag_button
    assert press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier) is removes[1]
