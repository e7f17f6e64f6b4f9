"""Memos on the project and on the current article, from the Memos panel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.model import MemoKind
from diptych.storage.project import Project


def memo_in_file(path: Path, kind: MemoKind, target_id: int | None = None) -> str:
    with Project.open(path, read_only=True) as project:
        memo = project.memos.get(kind=kind, target_id=target_id)
        return memo.text if memo else ""


def test_project_memo_is_shown_edited_saved_and_undone(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    panel = window.memos
    welcome = memo_in_file(sample, MemoKind.PROJECT)
    assert welcome.startswith("# Welcome to Diptych")
    assert panel.project_memo.toPlainText() == welcome
    field = panel.project_memo
    field.setFocus()
    field.moveCursor(field.textCursor().MoveOperation.End)
    qtbot.keyClicks(field, "Aim: compare the framings.")
    qtbot.waitUntil(
        lambda: memo_in_file(sample, MemoKind.PROJECT).endswith("compare the framings."),
        timeout=5000,
    )
    assert window.actions_.undo.text() == "&Undo Edit project memo"
    window.actions_.undo.trigger()
    assert memo_in_file(sample, MemoKind.PROJECT) == welcome
    assert field.toPlainText() == welcome


def test_article_memo_follows_the_current_pane(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    panel = window.memos
    left, right = window.area.panes()
    window.area.set_current(left)
    assert panel.article_label.full_text().startswith("Memo on “The Shifting Landscape")
    field = panel.article_memo
    field.setFocus()
    qtbot.keyClicks(field, "Long-form analysis; cites customs data.")
    window.area.set_current(right)  # switching saves the memo being typed
    assert memo_in_file(sample, MemoKind.ARTICLE, left.article_id) == (
        "Long-form analysis; cites customs data."
    )
    assert panel.article_label.full_text().startswith("Memo on “Xi’s South Korea")
    assert field.toPlainText() == ""
    window.area.set_current(left)
    assert field.toPlainText() == "Long-form analysis; cites customs data."


def test_an_article_memo_being_typed_stays_when_its_pane_shows_the_article_again(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    left = window.area.panes()[0]
    window.area.set_current(left)
    field = window.memos.article_memo
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "First thoughts")
    left.reload()  # before the pause-save: a light/dark switch, a text changed elsewhere
    qtbot.waitUntil(lambda: not left.is_loading)
    assert field.toPlainText() == "First thoughts"
    qtbot.keyClicks(field, " and more")
    field.save()
    assert memo_in_file(sample, MemoKind.ARTICLE, left.article_id) == "First thoughts and more"


def test_esc_in_a_memo_saves_it_and_goes_back_to_the_article(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    """As in a passage's note: Esc leaves the memo, saved, for the current pane's text."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _left, right = window.area.panes()
    window.area.set_current(right)
    window.actions_.show_memos.trigger()
    field = window.memos.article_memo
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Seen on the way.")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert right.view.hasFocus()
    assert right.article_id is not None
    assert memo_in_file(sample, MemoKind.ARTICLE, right.article_id) == "Seen on the way."
    assert field.toPlainText() == "Seen on the way."  # Esc takes nothing back
