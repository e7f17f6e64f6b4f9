"""File > Restore from backup… into a project file made read-only since it was opened: the
box says to make the file writable, as every other read-only message does, not to check
the disk and the folder; the project is unchanged."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from test_project_file import unwritable

from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level


def test_a_restore_into_a_read_only_file_says_to_make_it_writable(
    qtbot: QtBot, launched: MainWindow, sample: Path
) -> None:
    window = launched
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    backup = window.backups.last
    assert backup is not None
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    before = sample.read_bytes()

    with unwritable(sample):
        launcher.restore(window, backup)

    [(level, title, text)] = posted
    assert (level, title) == (Level.ERROR, "Restore from backup")
    assert text.startswith(f"{sample}: could not be restored from {backup}")
    assert text.endswith("It is unchanged. Make the file writable, then restore again.")
    assert "Check the disk" not in text
    assert launcher.window is window and sample.read_bytes() == before
