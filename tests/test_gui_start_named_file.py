"""``diptych open FILE`` (or a project opened from the file manager) when FILE cannot be
opened: the window starts on the sample project and says why over it, offering the file's
backups when it is damaged and has some, so that the advice to restore it can be
followed; the file itself is left as it was. (A file that is not there opens no window:
tests/test_gui_start_missing_file.py.)"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from damaged_files import damage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.app import start
from diptych.gui.context import AppContext
from diptych.gui.launcher import Launcher
from diptych.gui.messages import Level
from diptych.gui.restore_dialog import RestoreOffer
from diptych.storage.backup import backup_project
from diptych.storage.sample import create_sample_project
from diptych.storage.schema import SCHEMA_VERSION
from diptych.storage.sqlite_errors import RESTORE_ADVICE

Message = tuple[int, str, str]


def started(qtbot: QtBot, context: AppContext, path: Path) -> Launcher:
    """``start`` as ``diptych open PATH`` calls it; the window it shows."""
    launcher = start(context, path)
    assert launcher.window is not None
    qtbot.addWidget(launcher.window)
    assert launcher.window.isVisible()
    return launcher


def offers(qtbot: QtBot) -> RestoreOffer:
    def shown() -> list[RestoreOffer]:
        widgets = QApplication.topLevelWidgets()
        return [o for o in widgets if isinstance(o, RestoreOffer) and o.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()))
    return shown()[0]


def errors_posted(context: AppContext) -> list[Message]:
    posted: list[Message] = []
    context.messages.posted.connect(lambda *args: posted.append(args))
    return posted


def test_a_damaged_project_named_on_the_command_line_opens_the_window_offering_its_backup(
    qtbot: QtBot, context: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "Field study.diptych"
    with create_sample_project(path) as project:
        project.tags.add(name="Before the damage")
        backup_project(project, root=context.paths.backups)
        project.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(path)
    damaged = path.read_bytes()

    launcher = started(qtbot, context, path)

    assert launcher.window is not None
    assert launcher.window.session.project.path == context.paths.sample_project
    offer = offers(qtbot)
    assert offer.text() == "Field study.diptych is damaged."
    assert path.read_bytes() == damaged  # untouched until a backup is chosen
    assert f"diptych: {path}: is damaged" in capsys.readouterr().err  # the terminal is told

    offer.restore_button.click()
    qtbot.waitUntil(lambda: offer.dialog.isVisible())
    offer.dialog.restore_button.click()
    qtbot.waitUntil(
        lambda: launcher.window is not None and launcher.window.session.project.path == path
    )
    assert launcher.window.session.project.tags.find(name="Before the damage") is not None
    qtbot.addWidget(launcher.window)
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("Field study (damaged ")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged


def test_a_damaged_project_without_backups_is_said_over_the_window_without_promising_them(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    posted = errors_posted(context)
    path = tmp_path / "Never backed up.diptych"
    create_sample_project(path).close()
    damage(path)
    damaged = path.read_bytes()

    launcher = started(qtbot, context, path)

    assert launcher.window is not None
    assert launcher.window.session.project.path == context.paths.sample_project
    errors = [text for level, _title, text in posted if level == Level.ERROR]
    assert len(errors) == 1
    assert errors[0].startswith(f"{path}: is damaged")
    assert RESTORE_ADVICE not in errors[0]  # no backup is offered: none is promised
    assert "no backup of it" in errors[0]
    assert path.read_bytes() == damaged


def newer_project(path: Path) -> None:
    with create_sample_project(path) as project:
        project.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")


def text_file(path: Path) -> None:
    path.write_text("Minutes of the trade talks\n" * 20, encoding="utf-8")


def other_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (newer_project, "newer version of Diptych"),
        (text_file, "is not a Diptych project"),
        (other_database, "is another program's database"),
    ],
)
def test_other_projects_that_cannot_be_opened_are_said_over_the_window_and_left_as_they_are(
    qtbot: QtBot, context: AppContext, tmp_path: Path, make: Callable[[Path], None], said: str
) -> None:
    posted = errors_posted(context)
    path = tmp_path / "Study.diptych"
    make(path)
    before = path.read_bytes()

    launcher = started(qtbot, context, path)

    assert launcher.window is not None
    assert launcher.window.session.project.path == context.paths.sample_project
    errors = [text for level, _title, text in posted if level == Level.ERROR]
    assert len(errors) == 1 and errors[0].startswith(f"{path}: ") and said in errors[0]
    assert path.read_bytes() == before  # nothing changed
    offered = [o for o in QApplication.topLevelWidgets() if isinstance(o, RestoreOffer)]
    assert not [o for o in offered if o.isVisible()]


def test_a_named_file_that_cannot_be_opened_leaves_the_window_on_the_project_used_last(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    """It showed the Sample project without a word, and work done next went into it."""
    last = tmp_path / "Fieldwork.diptych"
    create_sample_project(last).close()
    context.settings.add_recent(last)
    posted = errors_posted(context)
    path = tmp_path / "From a colleague.diptych"
    newer_project(path)

    launcher = started(qtbot, context, path)

    assert launcher.window is not None
    assert launcher.window.session.project.path == last
    said = launcher.window.message_bar.currentMessage()
    assert said == f"{last} (the project used last) is open: {path} could not be opened."
    assert any(level == Level.ERROR and "newer version" in text for level, _t, text in posted)
    assert context.settings.last_project() == last


def test_the_sample_project_shown_instead_says_so_in_the_status_bar(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "From a colleague.diptych"
    newer_project(path)

    launcher = started(qtbot, context, path)

    assert launcher.window is not None
    assert launcher.window.session.project.path == context.paths.sample_project
    said = launcher.window.message_bar.currentMessage()
    assert said.startswith(f"The Sample project is open: {path} could not be opened.")
