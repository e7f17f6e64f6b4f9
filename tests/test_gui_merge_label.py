"""The merge dialog says what merging a tag does before it is done."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from diptych.gui import tag_panel
from diptych.gui.main_window import MainWindow


def test_merge_says_where_the_passages_and_sub_tags_go(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def cancel(_parent, _title, label, _items, *_args):  # type: ignore[no-untyped-def]
        asked.append(label)
        return "", False

    monkeypatch.setattr(tag_panel, "choose_item", cancel)
    panel = window.tags
    diplomacy = next(t for t in window.session.ordered_tags() if t.name == "Diplomacy")
    panel.select_tag(diplomacy.id)
    merge = next(b for b in panel.findChildren(QToolButton) if b.accessibleName() == "Merge tag")
    qtbot.mouseClick(merge, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    said = asked[0].casefold()
    assert "passages" in said and "sub-tags" in said and "removed" in said and "ctrl+z" in said
    assert any(t.name == "Diplomacy" for t in window.session.ordered_tags())  # cancelled


def test_the_merge_button_says_merge_and_is_the_default(qtbot: QtBot, window: MainWindow) -> None:
    seen: list[tuple[str, bool, str]] = []

    def look(dialog: QInputDialog) -> None:
        default = next(b for b in dialog.findChildren(QPushButton) if b.isDefault())
        seen.append((default.text(), dialog.isVisible(), dialog.windowTitle()))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Escape closes it, merging nothing

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, QInputDialog), dialog
            look(dialog)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()  # never leave a test hanging in a modal loop

    panel = window.tags
    diplomacy = next(t for t in window.session.ordered_tags() if t.name == "Diplomacy")
    panel.select_tag(diplomacy.id)
    QTimer.singleShot(0, run)
    panel.merge_tag()
    assert seen == [("Merge", True, "Merge “Diplomacy”")]
    assert any(t.name == "Diplomacy" for t in window.session.ordered_tags())
