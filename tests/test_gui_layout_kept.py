"""The window's layout is saved as the user works, not only when it closes: a window ended
from outside (a crash, a logout) opens again with the panes it had, where it fell back to
the first start's two panes."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import make_context, open_window
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.layout_keeper import KEEP_EVERY_MS
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project


def test_the_panes_open_are_kept_without_closing_the_window(
    qtbot: QtBot, context: AppContext, window: MainWindow, tmp_path: Path, sample: Path
) -> None:
    qtbot.waitUntil(lambda: window._layout_keeper is not None)
    keeper = window._layout_keeper
    assert keeper is not None and keeper.timer.interval() == KEEP_EVERY_MS
    assert keeper.timer.isActive()
    first, second = window.area.panes()
    window.area.close_pane(second)  # the reader's own layout: one pane, the first article
    keeper.timer.timeout.emit()  # half a minute later
    # Ended from outside: never closed, its layout not saved on closing.
    started_again = make_context(tmp_path / "user")
    other = open_window(qtbot, started_again, Project.open(sample))
    assert [p.article_id for p in other.area.panes()] == [first.article_id]


def test_nothing_is_written_while_nothing_changed(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.waitUntil(lambda: window._layout_keeper is not None)
    keeper = window._layout_keeper
    assert keeper is not None
    saved: list[object] = []
    monkeypatch.setattr("diptych.gui.window_layout.save", lambda w: saved.append(w))
    keeper.timer.timeout.emit()  # the first look: saved as it is
    keeper.timer.timeout.emit()
    assert saved == [window]
    window.area.add_pane()
    keeper.timer.timeout.emit()
    keeper.timer.timeout.emit()
    assert saved == [window, window]  # once more, for the one change
