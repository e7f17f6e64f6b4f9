"""An article with passages, notes, a memo and tags removed from the Library (Del, after
the question), then Ctrl+Z, Ctrl+Shift+Z and Ctrl+Z again: its passages come back with
the same ids, uuids, places, tags and notes, its memo with its id, the panes that showed it
show it again (painted in its tags' colours), and the Memos panel shows its memo."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_undo_sweep import check_window, twice  # noqa: F401  (a fixture)

from diptych.gui import dialogs
from diptych.gui.commands import quote_start
from diptych.gui.main_window import MainWindow
from diptych.storage.model import MemoKind

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
MEMO = "Compare with the *first* visit."


def article_rows(path: Path, article_id: int) -> dict[str, Any]:
    """The article's row, its passages with their tags, and its memo, from the file."""
    conn = sqlite3.connect(path)
    try:
        article = conn.execute(
            "SELECT id, uuid, title, display_text FROM articles WHERE id = ?", (article_id,)
        ).fetchall()
        passages = conn.execute(
            "SELECT id, uuid, start_pos, end_pos, exact, note FROM annotations"
            " WHERE article_id = ? ORDER BY id",
            (article_id,),
        ).fetchall()
        tagged = conn.execute(
            "SELECT t.* FROM annotation_tags t JOIN annotations a ON a.id = t.annotation_id"
            " WHERE a.article_id = ? ORDER BY 1, 2",
            (article_id,),
        ).fetchall()
        memos = conn.execute(
            "SELECT id, uuid, text FROM memos WHERE article_id = ?", (article_id,)
        ).fetchall()
    finally:
        conn.close()
    return {"article": article, "passages": passages, "tagged": tagged, "memos": memos}


def press(qtbot: QtBot, window: MainWindow, modifiers: Qt.KeyboardModifier) -> None:
    """Ctrl+Z (or Ctrl+Shift+Z) with the keyboard in the Library."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.library.view.setFocus()
    qtbot.waitUntil(window.library.view.hasFocus)
    qtbot.keyClick(window.library.view, Qt.Key.Key_Z, modifiers)


def shown(window: MainWindow) -> list[int | None]:
    return [pane.article_id for pane in window.area.panes()]


def check_back(qtbot: QtBot, window: MainWindow, before: dict[str, Any], panes: list) -> None:
    assert article_rows(window.session.project.path, 2) == before
    qtbot.waitUntil(lambda: shown(window) == panes)
    qtbot.waitUntil(lambda: all(not p.is_loading for p in window.area.panes()), timeout=10_000)
    check_window(qtbot, window)
    window.area.set_current(window.area.panes()[1])
    qtbot.waitUntil(lambda: window.memos.article_memo.target_id == 2)
    assert window.memos.article_memo.toPlainText() == MEMO


@pytest.mark.usefixtures("twice")
def test_an_article_removed_with_del_comes_back_whole_in_both_panes(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = window.session
    session.project.memos.set(kind=MemoKind.ARTICLE, target_id=2, text=MEMO)
    first = session.article_passages(2)[0].id
    session.project.annotations.set_note(annotation_id=first, note="Why?")
    session.reload_all()
    path = session.project.path
    before, panes = article_rows(path, 2), shown(window)
    assert len(before["passages"]) >= 2 and before["tagged"] and before["memos"]
    monkeypatch.setattr(dialogs, "ask_plain", lambda *_args: True)
    window.library.select_article(2)
    window.library.view.setFocus()
    qtbot.keyClick(window.library.view, Qt.Key.Key_Delete)
    assert article_rows(path, 2)["article"] == []
    qtbot.waitUntil(lambda: shown(window) == [1])

    press(qtbot, window, CONTROL)
    check_back(qtbot, window, before, panes)
    press(qtbot, window, CONTROL | SHIFT)
    assert article_rows(path, 2)["article"] == []
    qtbot.waitUntil(lambda: shown(window) == [1])
    check_window(qtbot, window)
    press(qtbot, window, CONTROL)
    check_back(qtbot, window, before, panes)


def test_undoing_a_removal_after_the_article_was_imported_again_says_so(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from diptych.storage.exporting import collect
    from diptych.storage.project import Project
    from diptych.storage.refiqda_export import export_qdpx
    from diptych.storage.refiqda_import import import_exchange_file

    session = window.session
    copy = tmp_path / "copy.qdpx"  # a copy of the project, taken before the removal
    copy.write_bytes(export_qdpx(collect(session.project), None))
    removed = session.project.articles.get(article_id=2)
    monkeypatch.setattr(dialogs, "ask_plain", lambda *_args: True)
    window.library.select_article(2)
    window.library.view.setFocus()
    qtbot.keyClick(window.library.view, Qt.Key.Key_Delete)
    # The copy brings the article back, imported in another window (this window's own
    # import is a step Ctrl+Z takes first).
    with Project.open(session.project.path) as other_window:
        import_exchange_file(other_window, path=copy)
    session.on_watch_timeout()  # the window's next look at the file
    (again,) = [a for a in session.project.articles.all() if a.uuid == removed.uuid]
    before = article_rows(session.project.path, again.id)
    assert window.actions_.undo.text() == f"&Undo Remove article “{quote_start(removed.title)}”"

    press(qtbot, window, CONTROL)

    (box,) = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert removed.title in box.text() and "in the project again" in box.text()
    assert "retry" not in box.text()  # the step is gone: trying again cannot work
    box.close()
    assert [a.id for a in session.project.articles.all() if a.uuid == removed.uuid] == [again.id]
    assert article_rows(session.project.path, again.id) == before
    assert not window.actions_.undo.isEnabled() and window.actions_.undo.text() == "&Undo"
