"""A DISPLAY that names an X display nobody answers on (ssh without X forwarding, a session
that has ended) is said in one line, status 2, as no DISPLAY at all is: not Qt's abort,
which tells the user to install or reinstall libraries that are there."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.gui.app import no_display_message


def _closed_display() -> int:
    """A display number that no X server listens on, locally or on TCP."""
    for number in range(7474, 7574):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", 6000 + number))
            except OSError:
                continue
        return number
    pytest.skip("no free display number")


def _start(display: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    environment = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DISPLAY": display}
    return subprocess.run(
        [sys.executable, "-m", "diptych.gui", "open"],
        capture_output=True, text=True, env=environment, check=False, timeout=60,
    )  # fmt: skip


@pytest.mark.parametrize("host", ["", "localhost"])
def test_a_display_that_cannot_be_reached_is_a_clear_message(tmp_path: Path, host: str) -> None:
    display = f"{host}:{_closed_display()}" + (".0" if host else "")
    done = _start(display, tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert "no display to open the window on" in done.stderr
    assert f"the display {display} that DISPLAY names cannot be reached" in done.stderr
    assert "diptych --help" in done.stderr


@pytest.fixture
def x_server() -> Iterator[str]:
    """A virtual X display, as a desktop session's."""
    if shutil.which("Xvfb") is None:
        pytest.skip("no Xvfb here")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "640x480x24"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as numbers:
            number = numbers.readline().strip()
        if not number:
            pytest.skip("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            server.wait(timeout=10)


def test_a_display_that_answers_opens_the_window(
    x_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", x_server)
    assert no_display_message() is None


def test_only_the_x_platform_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    display = f":{_closed_display()}"
    monkeypatch.setenv("DISPLAY", display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert no_display_message() is None
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert "cannot be reached" in (no_display_message() or "")
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")  # the window opens on Wayland
    assert no_display_message() is None
