"""Diptych told to stop from outside (SIGTERM at a shutdown or from ``kill``, SIGHUP as
its terminal or session closes): the note being typed is saved at once, not lost with the
pause it waited for, and the window closes as Ctrl+Q closes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.stop_signals import StopSignals, keep_what_is_typed

NOTE = "Typed a moment before the shutdown."


@pytest.fixture
def stops(qapp: QApplication) -> Iterator[tuple[StopSignals, list[str]]]:
    """Stop signals handled for this test only; each end of the application recorded."""
    ended: list[str] = []
    handler = StopSignals(qapp, quit_app=lambda: ended.append("quit"))
    yield handler, ended
    handler.uninstall()


def saved_notes(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [note for (note,) in conn.execute("SELECT note FROM annotations")]


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_stop_signal_saves_the_note_being_typed_and_closes_the_window(
    qtbot: QtBot, window: MainWindow, stops: tuple[StopSignals, list[str]], number: int
) -> None:
    handler, ended = stops
    passage = window.session.project.annotations.query()[0]
    window.coding.select_passage(passage.id)
    window.editor.edit_note()
    window.editor.note.selectAll()
    qtbot.keyClicks(window.editor.note, NOTE)
    path = window.session.project.path
    assert NOTE not in saved_notes(path)  # saved after a pause in the typing, not yet

    os.kill(os.getpid(), number)
    qtbot.waitUntil(lambda: ended == ["quit"], timeout=5000)
    assert handler.stopped and window.closed and not window.isVisible()
    assert NOTE in saved_notes(path)


def test_other_signals_leave_the_window_alone(
    qtbot: QtBot, window: MainWindow, stops: tuple[StopSignals, list[str]]
) -> None:
    handler, ended = stops
    previous = signal.signal(signal.SIGUSR1, lambda *_: None)
    try:
        os.kill(os.getpid(), signal.SIGUSR1)
        qtbot.wait(100)
    finally:
        signal.signal(signal.SIGUSR1, previous)
    assert not handler.stopped and ended == [] and window.isVisible()


def test_a_logouts_request_to_save_keeps_the_note_and_the_window(
    qtbot: QtBot, qapp: QApplication, window: MainWindow, stops: tuple[StopSignals, list[str]]
) -> None:
    _handler, ended = stops
    passage = window.session.project.annotations.query()[0]
    window.coding.select_passage(passage.id)
    window.editor.edit_note()
    window.editor.note.selectAll()
    qtbot.keyClicks(window.editor.note, NOTE)
    keep_what_is_typed(qapp)  # what the session manager's commitDataRequest calls
    assert NOTE in saved_notes(window.session.project.path)
    assert ended == [] and window.isVisible()  # the session may still be cancelled


def test_the_application_ends_cleanly_on_sigterm(sample: Path) -> None:
    """The real application, in a process of its own: SIGTERM ends it as Ctrl+Q does, its
    layout kept (it used to be ended at once by the signal)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    config = Path(env["XDG_CONFIG_HOME"])
    process = subprocess.Popen(
        [sys.executable, "-m", "diptych.gui", "open", str(sample)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        backups = Path(env["XDG_DATA_HOME"])
        deadline = time.monotonic() + 60
        # The backup taken a second after the window is up: the window is up.
        while not list(backups.rglob("*on-open.diptych")) and time.monotonic() < deadline:
            assert process.poll() is None, process.communicate()[1][-3000:]
            time.sleep(0.1)
        assert list(backups.rglob("*on-open.diptych"))
        process.send_signal(signal.SIGTERM)
        _out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err[-3000:]
    settings = next(config.rglob("diptych.ini")).read_text()
    assert "geometry" in settings.lower()
