"""A tag or a passage deleted, then brought back by importing a copy of the project taken
before (a .qdpx, imported in another window): Ctrl+Z on the deletion says that it is in the
project again, by its name, and keeps it as the import brought it, instead of a box about
a conflict to "retry" (the step is gone: trying again cannot work)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from gui_support import keyboard_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.exporting import collect
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdpx
from diptych.storage.refiqda_import import import_exchange_file

CONTROL = Qt.KeyboardModifier.ControlModifier


def undo_after_importing_a_copy(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    delete: Callable[[], None],
) -> str:
    """Take a copy, ``delete``, import the copy, press Ctrl+Z: the box's text."""
    copy = tmp_path / "copy.qdpx"
    copy.write_bytes(export_qdpx(collect(window.session.project), None))
    delete()
    # Imported in another window (this window's own import is a step Ctrl+Z takes first).
    with Project.open(window.session.project.path) as other_window:
        import_exchange_file(other_window, path=copy)
    window.session.on_watch_timeout()  # the window's next look at the file
    assert window.actions_.undo.text().startswith("&Undo Delete")
    pane = keyboard_in(qtbot, window, 1)
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    (box,) = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    text = box.text()
    box.close()
    assert "in the project again" in text and "retry" not in text
    assert not window.actions_.undo.isEnabled()
    return text


def test_a_deleted_tag_imported_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = window.session
    diplomacy = next(t for t in session.ordered_tags() if t.name == "Diplomacy")
    window.tags.confirm = lambda *_args: True  # type: ignore[method-assign]  # Del: yes

    def delete() -> None:
        window.tags.select_tag(diplomacy.id)
        window.tags.view.setFocus()
        qtbot.keyClick(window.tags.view, Qt.Key.Key_Delete)

    said = undo_after_importing_a_copy(qtbot, window, tmp_path, monkeypatch, delete)

    assert "The tag 'Diplomacy' is in the project again" in said
    (back,) = [t for t in session.ordered_tags() if t.uuid == diplomacy.uuid]
    assert back.name == "Diplomacy"


def test_a_deleted_passage_imported_again(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = window.session
    passage = session.article_passages(2)[0]

    def delete() -> None:
        pane = keyboard_in(qtbot, window, 1)
        window.coding.select_passage(passage.id)
        pane.select_passage(passage.id)
        qtbot.keyClick(pane.view, Qt.Key.Key_Delete)
        assert passage.id not in {p.id for p in session.project.annotations.query()}

    said = undo_after_importing_a_copy(qtbot, window, tmp_path, monkeypatch, delete)

    assert f"The passage '{passage.exact[:12]}" in said
    (back,) = [p for p in session.project.annotations.query() if p.uuid == passage.uuid]
    assert (back.start, back.end, back.tag_ids) == (passage.start, passage.end, passage.tag_ids)
