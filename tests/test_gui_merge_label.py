"""The merge dialog says what merging a tag does before it is done."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QPushButton, QToolButton
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


def test_the_merge_dialog_names_the_tag_being_merged(qtbot: QtBot, window: MainWindow) -> None:
    """It said "Merge the selected tag into this one", never which tag that was. A tag's
    name is shown as typed, markup or not."""
    session = window.session
    summitry = next(t for t in session.ordered_tags() if t.name == "Summitry")
    session.update_tag(summitry.id, name="Summits &amp; <br>talks")
    seen: list[tuple[str, list[str]]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, QInputDialog), dialog
            shown = [label for label in dialog.findChildren(QLabel) if label.isVisible()]
            seen.append((dialog.labelText(), [label.text() for label in shown]))
            assert all(label.textFormat() == Qt.TextFormat.PlainText for label in shown)
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    window.tags.select_tag(summitry.id)
    QTimer.singleShot(0, look)
    window.actions_.merge_tag.trigger()  # Tags > Merge tag into…
    assert len(seen) == 1
    said, shown = seen[0]
    assert as_drawn(said).startswith(
        "Merge “Diplomacy/Summits &amp; <br>talks” into the tag chosen below:"
    )
    assert said in shown
    assert any(t.name == "Summits &amp; <br>talks" for t in session.ordered_tags())  # cancelled


def as_drawn(text: str) -> str:
    """A label's text as a label with a buddy draws it: "&&" as "&", "&D" as an underlined D."""
    return re.sub("&(.)", r"\1", text)


def test_a_long_tag_with_an_ampersand_is_named_whole_in_a_dialog_that_fits_the_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = window.session
    economy = next(t for t in session.ordered_tags() if t.name == "Economy")
    long_name = "R&D: bilateral economic cooperation agreements signed at the 2026 summit"
    session.add_tag(name=long_name, parent_id=economy.id)
    tag = next(t for t in session.ordered_tags() if t.name == long_name)
    seen: list[tuple[str, bool]] = []
    screen = QGuiApplication.primaryScreen().availableGeometry()

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        try:
            assert isinstance(dialog, QInputDialog), dialog
            label = next(x for x in dialog.findChildren(QLabel) if x.isVisible())
            buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
            inside = all(
                screen.contains(b.mapToGlobal(b.rect().topLeft()))
                and screen.contains(b.mapToGlobal(b.rect().bottomRight()))
                for b in buttons
            )
            seen.append((as_drawn(label.text()), inside and dialog.width() <= screen.width()))
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    window.tags.select_tag(tag.id)
    QTimer.singleShot(0, look)
    window.actions_.merge_tag.trigger()
    assert len(seen) == 1
    drawn, fits = seen[0]
    assert drawn.startswith(f"Merge “Economy/{long_name}” into the tag chosen below:")
    assert f"and “Economy/{long_name}” is removed" in drawn
    assert fits, "the dialog's buttons off the screen"
