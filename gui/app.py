"""Starting Diptych: the application object, its per-user folders and crash log, and the
first project shown (or why the window cannot open). Switching projects later is the
:class:`~diptych.gui.launcher.Launcher`'s."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from diptych.gui.context import AppContext
from diptych.gui.file_dialog_columns import watch_file_dialogs
from diptych.gui.icons import app_icon
from diptych.gui.launcher import Launcher
from diptych.gui.messages import as_shown, install_excepthook
from diptych.gui.paths import APP_NAME, ORGANIZATION
from diptych.gui.project_opening import (
    missing_project,
    open_or_create,
    open_project,
    open_sample_anyway,
    opened_instead,
)
from diptych.gui.theme import is_dark
from diptych.storage.errors import DiptychError, readable_text
from diptych.storage.project import Project


def no_display_message() -> str | None:
    """Why the window cannot open here, or None (Linux without X11 or Wayland, or with an
    X display that does not answer: ssh without X forwarding, a session that has ended)."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return None  # offscreen, wayland, … : Qt's own choice
    display = os.environ.get("DISPLAY", "")
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return None  # the window opens on Wayland
    if not display:
        why, where = "neither DISPLAY nor WAYLAND_DISPLAY is set", "a desktop session"
    elif x_display_answers(display):
        return None
    else:
        why = f"the display {display} that DISPLAY names cannot be reached"
        where = "a desktop session (over ssh, with X forwarding: ssh -X)"
    return (
        f"diptych: there is no display to open the window on ({why}). Run it in {where}, "
        "or use the command line: diptych --help"
    )


def x_display_answers(display: str) -> bool:
    """Whether the X display ``display`` accepts a connection, as Qt's xcb platform would
    make it (the same library, the same rules for the name and for the authority file).
    True when that cannot be told (no libxcb to ask): Qt then says what is wrong itself.
    A connection made and closed again costs about a millisecond."""
    import ctypes

    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(os.fsencode(display), None)  # never NULL: an error one
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)


def keep_start_up_objects() -> None:
    """Take every object made so far out of the cycle collector's rounds (``gc.freeze``).

    Called once the modules are imported and before the first window is built. What
    exists then (modules, classes, functions, Qt's enum classes: ~50,000 objects) lives
    as long as the process, yet each full collection walked all of it again: 15-80 ms on
    this machine, at moments the collector chooses, such as while a big project's
    passages arrive. Windows, panes and a project's data come later and are collected as
    before: only what start-up had already dropped (a few hundred objects) is kept for good.
    """
    gc.freeze()


def run_application(project_path: Path | None) -> int:
    """Start the window; returns the exit status."""
    message = no_display_message()
    if message is not None:
        print(message, file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QTimer.singleShot(0, gc.enable)  # paused while starting (diptych.gui.__main__)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("diptych")
    app.setWindowIcon(app_icon())
    if is_dark():  # a dark window: check boxes' and radio buttons' edges made to show
        from diptych.gui.indicator_edges import outline_indicators_if_dark

        outline_indicators_if_dark(app, True)
    try:
        context = AppContext.standard()
    except OSError as exc:  # a full disk, a read-only home folder
        where = readable_text(str(exc.filename)) if exc.filename else "its data folder"
        return cannot_start(
            f"Diptych cannot create {where} ({exc.strerror or exc}), where it keeps its"
            " settings, the sample project and the backups. Free some disk space, or make"
            " that folder writable, then start Diptych again."
        )
    install_excepthook(context.messages, context.paths.crash_log)
    watch_file_dialogs(app)
    keep_start_up_objects()
    try:
        launcher = start(context, project_path)
    except DiptychError as exc:  # a named file not there, or not even the sample project
        return cannot_start(str(exc), as_shown(exc))
    QTimer.singleShot(0, lambda: _handle_stop_signals(app))
    status = app.exec()
    del launcher
    return status


def _handle_stop_signals(app: QApplication) -> None:
    """SIGTERM and SIGHUP keep what is typed and close the window (see stop_signals)."""
    from diptych.gui.stop_signals import handle_stop_signals

    handle_stop_signals(app)


def cannot_start(text: str, shown: str | None = None) -> int:
    """Say why the window cannot open, on the terminal (``text``) and in a message box
    (``shown``, if the window words it otherwise); the exit status."""
    print(f"diptych: {text}", file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Critical, "Diptych", text if shown is None else shown)
    box.setTextFormat(Qt.TextFormat.PlainText)  # a file name is never markup
    box.exec()
    return 2


def _last_project_instead(context: AppContext, failed: Path) -> Project | None:
    """The project used last, opened in the stead of ``failed`` (a file named on the
    command line that cannot be opened); None if there is none, or it cannot be opened."""
    last = context.settings.last_project()
    if last is None or last == failed or last == context.paths.sample_project:
        return None
    try:
        return open_project(last, context.paths.backups)
    except DiptychError:
        return None


def start(context: AppContext, project_path: Path | None) -> Launcher:
    """Show the window on ``project_path`` (None: the last project, or the sample project).

    A project that cannot be opened (the one named on the command line or opened from the
    file manager, or the last one) is reported over the window, which starts on the sample
    project instead, with an offer to restore the file from a backup when it is damaged
    and has one: the advice to restore it can be followed there and then. A project named
    on the command line is reported on the terminal too (the window then opens the project
    used last, if it can, rather than the sample), and is the error raised when not
    even the sample project can be opened. A damaged sample project is moved aside and
    made again. A last project that is no longer where it was is said to be so over the
    window, which opens the project before it (or the sample project).

    A file named that does not exist is the error raised: no window opens, on another
    project or on none (the name may have been typed for a new project, which is made
    otherwise).
    """
    missing = missing_project(project_path) if project_path is not None else None
    if missing is not None:
        raise missing
    launcher = Launcher(context)
    gone = context.settings.last_project_gone() if project_path is None else None
    try:
        project = open_or_create(context, project_path)
    except DiptychError as exc:
        failed = project_path or context.settings.last_project() or context.paths.sample_project
        instead = _last_project_instead(context, failed) if project_path is not None else None
        if instead is None:
            try:
                instead = open_sample_anyway(context)
            except DiptychError:
                if project_path is None:
                    raise
                raise exc from None  # the file asked for is what cannot be opened, and is said
        # Shown in the stead of a file asked for by name: the next start still opens the
        # project the user worked on last.
        launcher.show_project(instead, recent=project_path is None)
        said = launcher.report_open_error(failed, exc)
        if project_path is not None:
            print(f"diptych: {said}", file=sys.stderr)
        context.messages.info(opened_instead(context, instead, failed), "Open project")
        return launcher
    launcher.show_project(project)
    if gone is not None:
        context.messages.warning(
            f"{gone.name}, the project open when Diptych was last closed, is no longer in "
            f"{gone.parent}: it was moved, renamed or deleted, or its disk is not there now. "
            f"{project.path.name} was opened instead. Open it from its new place with "
            "File > Open project.",
            "Open project",
        )
    return launcher
