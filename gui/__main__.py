"""The ``diptych`` command: the command line, with ``open`` starting the window."""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Qt is imported only when a command needs it
    from collections.abc import Sequence
    from pathlib import Path
    from types import FrameType

    from diptych.gui.paths import AppPaths


def open_window(project: Path | None) -> int:
    """Start the window on ``project`` (None: the last project, or the sample project).

    The cycle collector waits until the window is up: start-up allocates many thousands
    of long-lived objects (modules, Qt enums, widgets) and collecting among them only
    delays the first paint. :func:`run_application` turns it back on as soon as its event
    loop runs (and it is on again here whatever happens).
    """
    gc.disable()
    try:
        # Qt is imported only for the window, without PySide6's import hook
        from diptych.gui.feature_hook import drop_feature_hook

        drop_feature_hook()
        from diptych.gui.app import run_application

        return run_application(project)
    finally:
        gc.enable()


def _window_paths() -> AppPaths:
    """The window's per-user folders, which Qt names from the application's names: set
    here as the window sets them (gui.app), for a command that reads what the window keeps."""
    from PySide6.QtCore import QCoreApplication

    from diptych.gui.paths import APP_NAME, ORGANIZATION, AppPaths

    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    return AppPaths.located()


def backups_of(project: Path) -> int:
    """How many backups the window keeps of the file at ``project``, in its per-user
    folders (which Qt names: imported only to say whether a damaged file has backups)."""
    from diptych.storage.backup_folders import backups_for_path

    return len(backups_for_path(_window_paths().backups, project))


def coder_name() -> str:
    """The coder's name given in the window (Edit > Coder name…), or "": read from the
    window's settings file (which Qt names: imported only for ``annotate``)."""
    from PySide6.QtCore import QSettings

    from diptych.gui.settings import CODER_KEY, SETTINGS_FILE
    from diptych.storage.passage_coders import coder_as_given

    path = _window_paths().config / SETTINGS_FILE
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    return coder_as_given(str(settings.value(CODER_KEY, "") or ""))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``diptych`` command. A ^C while it starts (its modules loaded,
    its arguments read), before it has opened anything, stops it at once, as it stops a
    command at work: "diptych: interrupted", status 130, no traceback."""
    before = signal.signal(signal.SIGINT, _interrupted_while_starting) or signal.SIG_DFL

    def started() -> None:  # from now on, the command's own ^C handling
        signal.signal(signal.SIGINT, before)

    try:
        from diptych.storage.cli import main as cli_main

        return cli_main(
            argv, open_gui=open_window, backups_of=backups_of, coder_name=coder_name,
            started=started,
        )  # fmt: skip
    finally:
        started()


def _interrupted_while_starting(signum: int, frame: FrameType | None) -> None:
    """Stop at once: nothing was opened yet (written straight to the terminal: the handler
    may run while Python's own output is in the middle of a write)."""
    with contextlib.suppress(OSError):  # no standard error (2>&-)
        os.write(2, b"diptych: interrupted\n")
    os._exit(130)


if __name__ == "__main__":
    sys.exit(main())
