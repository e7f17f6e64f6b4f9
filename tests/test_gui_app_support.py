"""The crash handler, the coder's name, the about boxes, and starting without a display."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import MessageBridge, install_excepthook
from diptych.storage.errors import InputError


def test_an_unexpected_error_is_logged_and_reported(qtbot: QtBot, tmp_path: Path) -> None:
    bridge = MessageBridge()
    log = tmp_path / "logs" / "crash.log"
    previous = sys.excepthook
    try:
        install_excepthook(bridge, log)
        try:
            raise ZeroDivisionError("a bug")
        except ZeroDivisionError as exc:
            with qtbot.waitSignal(bridge.crashed) as crashed:
                sys.excepthook(type(exc), exc, exc.__traceback__)
        assert crashed.args[0] == "ZeroDivisionError: a bug"
        assert "Traceback" in crashed.args[1] and "a bug" in log.read_text(encoding="utf-8")
        # A known error that escaped is still just a message, not a crash.
        with qtbot.waitSignal(bridge.posted) as posted:
            error = InputError("there is no tag 'x'")
            sys.excepthook(InputError, error, None)
        assert posted.args[2] == "There is no tag 'x'."  # shown as a sentence
    finally:
        sys.excepthook = previous


def test_the_window_shows_a_crash_dialog_with_the_details(qtbot: QtBot, window: MainWindow) -> None:
    window.context.messages.crashed.emit("KeyError: 'x'", "Traceback (most recent call last): ...")
    boxes = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]
    assert any("Everything saved so far is safe" in b.text() for b in boxes)
    box = next(b for b in boxes if "KeyError" in b.text())
    assert box.detailedText().startswith("Traceback")
    box.close()


def test_coder_name_is_asked_remembered_and_recorded(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_coder", lambda _parent, current: "Ann Analyst")
    window.actions_.coder.trigger()
    assert window.session.coder == "Ann Analyst"
    assert window.coder_label.text() == "Coder: Ann Analyst"
    assert window.context.settings.coder() == "Ann Analyst"
    article = window.session.project.articles.all()[0]
    passage = window.session.add_passage(article_id=article.id, start=0, end=5, tag_ids=[])
    assert passage.coder == "Ann Analyst"


def test_starting_without_a_display_is_a_clear_message(tmp_path: Path) -> None:
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "diptych.gui", "open"],
        capture_output=True, text=True, env=environment, check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "no display" in done.stderr and done.stderr.count("\n") == 1


def test_every_icon_and_the_application_icon_load(qtbot: QtBot) -> None:
    from diptych.gui.icons import NAMES, app_icon, icon

    for name in NAMES:
        assert not icon(name).pixmap(24).isNull(), name
    image = app_icon().pixmap(64).toImage()
    assert not image.isNull()
    assert image.pixelColor(32, 4).alpha() == 0 and image.pixelColor(16, 32).alpha() == 255


def test_a_damaged_sample_project_is_moved_aside_and_created_again(tmp_path: Path) -> None:
    from gui_support import make_context

    from diptych.gui.project_opening import open_sample_anyway

    context = make_context(tmp_path / "user")
    sample = context.paths.sample_project
    sample.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)  # a damaged file
    project = open_sample_anyway(context)
    try:
        assert project.path == sample and len(project.articles.all()) == 2
    finally:
        project.close()
    kept = [p for p in sample.parent.iterdir() if "could not be opened" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"SQLite format 3")


def test_the_same_crash_again_and_again_is_one_box_and_the_status_bar(
    qtbot: QtBot, window: MainWindow
) -> None:
    def crash_boxes() -> list[QMessageBox]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible() and "Unexpected" in w.windowTitle()
        ]

    bridge = window.context.messages
    for _ in range(5):  # an error that comes back with every event
        bridge.crashed.emit("AttributeError: Slot 'X::' not found.", "")
    assert len(crash_boxes()) == 1
    assert (
        window.statusBar()
        .currentMessage()
        .startswith("The same unexpected error again (AttributeError: Slot 'X::' not found.)")
    )
    crash_boxes()[0].close()
    qtbot.waitUntil(lambda: not crash_boxes())
    bridge.crashed.emit("AttributeError: Slot 'X::' not found.", "")  # right after: no box
    assert crash_boxes() == []
    bridge.crashed.emit("KeyError: 'y'", "Traceback ...")  # another error: its own box
    (box,) = crash_boxes()
    assert "KeyError" in box.text()
    box.close()
