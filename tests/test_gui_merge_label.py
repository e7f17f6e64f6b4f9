"""The merge dialog says what merging a tag does before it is done."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QToolButton
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_merge_says_where_the_passages_and_sub_tags_go(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def cancel(_parent, _title, label, _items, *_args):  # type: ignore[no-untyped-def]
        asked.append(label)
        return "", False

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(cancel))
    panel = window.tags
    diplomacy = next(t for t in window.session.ordered_tags() if t.name == "Diplomacy")
    panel.select_tag(diplomacy.id)
    merge = next(b for b in panel.findChildren(QToolButton) if b.accessibleName() == "Merge tag")
    qtbot.mouseClick(merge, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    said = asked[0].casefold()
    assert "passages" in said and "sub-tags" in said and "removed" in said and "ctrl+z" in said
    assert any(t.name == "Diplomacy" for t in window.session.ordered_tags())  # cancelled
