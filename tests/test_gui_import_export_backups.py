"""After File > Restore from backup, the list of backups offers first the way back: the
state the restore replaced. The window's backup on open of the restored project is the
backup just restored, byte for byte: it is not listed again on top, where choosing the
preselected entry restored the very state the project was already in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.restore_dialog import RestoreDialog
from diptych.gui.tag_dialog import TagValues
from diptych.storage.backup_folders import list_backups
from diptych.storage.project import Project


def listed_by_restore(qtbot: QtBot, window: MainWindow) -> tuple[list[str], Path | None]:
    """What File > Restore from backup lists, and the entry it preselects (then Cancel)."""
    listed: list[str] = []
    chosen: list[Path | None] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        listed.extend(dialog.list.item(r).text() for r in range(dialog.list.count()))
        chosen.append(dialog.chosen())
        dialog.reject()

    QTimer.singleShot(0, look)
    window.actions_.restore_backup.trigger()
    qtbot.waitUntil(lambda: bool(chosen))
    return listed, chosen[0]


def test_after_a_restore_the_state_it_replaced_is_offered_first(
    qtbot: QtBot, launched: MainWindow
) -> None:
    window = launched
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    opened = window.backups.last
    assert opened is not None
    window.tags.create_tag(TagValues("Kept by the safety backup", "#5ED1C4", None, ""))

    launcher.restore(window, opened)
    restored = launcher.window
    assert restored is not None and restored is not window
    qtbot.waitExposed(restored)
    qtbot.waitUntil(lambda: restored.backups.last is not None, timeout=5000)
    assert restored.backups.last == opened  # the state restored is that backup already

    listed, preselected = listed_by_restore(qtbot, restored)
    assert len(listed) == 2
    assert "(before a restore, " in listed[0] and "(when opened, " in listed[1]
    folder = restored.backups.folder()
    safety = [b.path for b in list_backups(folder) if b.reason == "before-restore"]
    assert preselected == safety[0]
    with Project.open(safety[0], read_only=True) as project:
        assert project.tags.find(name="Kept by the safety backup") is not None


def test_restoring_again_without_a_change_still_offers_the_way_back_first(
    qtbot: QtBot, launched: MainWindow
) -> None:
    window = launched
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    opened = window.backups.last
    assert opened is not None
    window.tags.create_tag(TagValues("Added later", "#5ED1C4", None, ""))
    launcher.restore(window, opened)  # back to the project as it was opened
    restored = launcher.window
    assert restored is not None
    qtbot.waitExposed(restored)
    qtbot.waitUntil(lambda: restored.backups.last is not None, timeout=5000)
    folder = restored.backups.folder()
    later = next(b.path for b in list_backups(folder) if b.reason == "before-restore")

    launcher.restore(restored, later)  # changed my mind: forward again, nothing changed

    again = launcher.window
    assert again is not None and again is not restored
    qtbot.waitExposed(again)
    assert again.session.project.tags.find(name="Added later") is not None
    newest = list_backups(folder)[0]
    assert newest.reason == "before-restore" and newest.path != later
    with Project.open(newest.path, read_only=True) as project:
        assert project.tags.find(name="Added later") is None  # the state just replaced
