"""A project restored from a backup in another window: this window shows the backup's
content and says what happened and where its own work since that backup went (it used to
reload without a word, its passages vanishing as if deleted)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.tag_values import TagValues
from diptych.gui.window_messages import RESTORED_ELSEWHERE
from diptych.storage.backup import backup_project
from diptych.storage.backup_folders import list_backups
from diptych.storage.project import Project


def warnings(posted: list[tuple[int, str, str]]) -> list[str]:
    return [text for level, _title, text in posted if level == Level.WARNING]


def test_a_restore_in_another_window_is_said_here(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    with Project.open(sample) as project:
        backup = backup_project(project, root=window.context.paths.backups, reason="hourly")
    window.tags.create_tag(TagValues("Coded here since", "#5ED1C4", None, ""))
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))

    other = Launcher(window.context)  # another window on the project restores the backup
    other_window = other.show_project(Project.open(sample))
    qtbot.waitExposed(other_window)
    other.restore(other_window, backup)
    assert other.window is not None and other.window is not other_window
    qtbot.waitExposed(other.window)
    window.session.show_changes_from_elsewhere()  # as the next look at the file does

    assert warnings(posted) == [RESTORED_ELSEWHERE]  # here, not in the window that restored
    assert "Coded here since" not in [t.name for t in window.session.ordered_tags()]
    folder = window.context.paths.backups / window.session.project.info().uuid
    (kept,) = [b for b in list_backups(folder) if b.reason == "before-restore"]
    with Project.open(kept.path, read_only=True) as before:
        assert "Coded here since" in [t.name for t in before.tags.all()]

    other.window.session.project.tags.add(name="Theirs")  # an ordinary change: no such word
    window.session.show_changes_from_elsewhere()
    assert warnings(posted) == [RESTORED_ELSEWHERE]
    assert "Theirs" in [t.name for t in window.session.ordered_tags()]
    other.window.close()
    other.window.deleteLater()
