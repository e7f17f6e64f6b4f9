"""The window's project file moved, deleted or replaced while the window is open: the
window finds it again, says what it did, and nothing written before or after is lost."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from diptych.gui.context import AppContext
from diptych.gui.file_place_watch import FileNotice, FilePlaceWatch
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.tag_dialog import TagValues
from diptych.storage import project_copies
from diptych.storage.errors import DiskFullError
from diptych.storage.project import Project


@pytest.fixture
def launched(
    qtbot: QtBot, context: AppContext, tmp_path: Path, sample: Path
) -> Iterator[MainWindow]:
    """A window on a project of its own folder, with the launcher that watches its file."""
    folder = tmp_path / "projects"
    folder.mkdir()
    path = folder / "study.diptych"
    shutil.copy(sample, path)
    launcher = Launcher(context)
    window = launcher.show_project(Project.open(path))
    window.launcher = launcher  # type: ignore[attr-defined]
    qtbot.waitExposed(window)
    yield window
    if isValid(window) and window.isVisible():
        window.close()


def tag_names(path: Path) -> set[str]:
    with Project.open(path, read_only=True) as project:
        return {t.name for t in project.tags.all()}


def warnings_of(window: MainWindow, level: Level = Level.WARNING) -> list[str]:
    """The messages of ``level`` about the project file the window will give, no other."""
    seen: list[str] = []
    window.context.messages.posted.connect(
        lambda said, title, text: (
            seen.append(text) if said == level and title == "Project file" else None
        )
    )
    return seen


def notice_of(window: MainWindow) -> str:
    """What the bar across the window says about its project file ("" when not shown)."""
    notice = window.findChild(FileNotice)
    return notice.text() if notice is not None and notice.isVisible() else ""


def add_tag(window: MainWindow, name: str) -> None:
    window.tags.create_tag(TagValues(name, "#5ED1C4", None, ""))


def test_a_project_renamed_while_open_is_followed_and_keeps_every_change(
    qtbot: QtBot, launched: MainWindow
) -> None:
    window = launched
    path = window.session.project.path
    add_tag(window, "Before the rename")
    seen = warnings_of(window, Level.INFO)  # in the status bar: nothing to do, no box
    boxes = warnings_of(window)
    backups_failed: list[str] = []
    window.context.messages.posted.connect(
        lambda _level, _title, text: backups_failed.append(text) if "Backup" in text else None
    )
    moved = path.with_name("study renamed.diptych")
    path.rename(moved)

    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert window.session.project.path == moved
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)  # of the file moved
    assert backups_failed == []
    assert "moved or renamed" in seen[0] and str(moved) in seen[0]
    assert window.statusBar().currentMessage() == seen[0] and boxes == []
    add_tag(window, "After the rename")
    window.close()
    names = tag_names(moved)
    assert {"Before the rename", "After the rename"} <= names
    assert not path.exists() and not Path(f"{path}-wal").exists()
    assert window.context.settings.last_project() == moved.resolve()


def test_a_project_deleted_while_open_is_written_again_in_its_place(
    qtbot: QtBot, launched: MainWindow
) -> None:
    window = launched
    path = window.session.project.path
    add_tag(window, "Typed before")
    boxes = warnings_of(window)
    path.unlink()

    qtbot.waitUntil(lambda: bool(notice_of(window)), timeout=5000)
    said = notice_of(window)
    assert path.exists() and f"{path} is gone from its place while the project was open" in said
    assert "moved (to another disk, say), deleted, or its disk was unplugged" in said
    assert f"again as {path}, and saves there: this file is the complete project." in said
    assert "A copy moved elsewhere lacks the changes made since" in said
    assert "Delete" not in said  # this file may be the only complete copy
    assert boxes == []  # told in the bar, not in a box
    add_tag(window, "Typed after")
    window.close()
    assert {"Typed before", "Typed after"} <= tag_names(path)


def test_a_project_replaced_while_open_is_kept_and_the_other_file_left_alone(
    qtbot: QtBot, launched: MainWindow, tmp_path: Path
) -> None:
    window = launched
    path = window.session.project.path
    add_tag(window, "Mine")
    other = tmp_path / "other.diptych"
    with Project.create(other) as elsewhere:  # another version, as a synchronised folder brings it
        elsewhere.tags.add(name="From elsewhere")
    os.replace(other, path)

    qtbot.waitUntil(lambda: bool(notice_of(window)), timeout=5000)
    kept = window.session.project.path
    assert kept != path and kept.parent == path.parent and "(kept " in kept.name
    said = notice_of(window)
    assert "replaced by another file" in said and str(kept) in said
    add_tag(window, "Mine, later")
    window.close()
    assert {"Mine", "Mine, later"} <= tag_names(kept)
    assert tag_names(path) == {"From elsewhere"}  # the other file is as it came


def test_a_copy_that_cannot_be_written_is_told_once_and_tried_again_until_it_can(
    qtbot: QtBot, launched: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = launched
    path = window.session.project.path
    add_tag(window, "Mine")
    attempts: list[Path] = []
    full = [True]
    real_copy = project_copies.copy_open_project

    def full_disk_at_first(project: Project, target: Path) -> None:
        attempts.append(target)
        if full[0]:
            raise DiskFullError("could not be written (the disk is full)", path=target)
        real_copy(project, target)

    monkeypatch.setattr(project_copies, "copy_open_project", full_disk_at_first)
    boxes: list[str] = []
    window.context.messages.posted.connect(
        lambda level, _title, text: boxes.append(text) if level != Level.INFO else None
    )
    told: list[str] = []  # each thing the bar said
    path.unlink()

    qtbot.waitUntil(lambda: bool(notice_of(window)), timeout=10_000)
    notice = window.findChild(FileNotice)
    assert notice is not None
    told.append(notice_of(window))
    notice.label.setText("")  # what the bar says next is a new telling
    tried = len(attempts)
    qtbot.waitUntil(lambda: len(attempts) >= tried + 4, timeout=10_000)  # two looks more
    assert notice_of(window) == ""  # told once, not at every look
    full[0] = False  # some space freed
    qtbot.waitUntil(lambda: bool(notice_of(window)), timeout=10_000)
    told.append(notice_of(window))
    assert attempts[:2] == [path, window.context.paths.data / path.name]  # there, then there
    assert str(path) in told[0] and "the disk is full" in told[0] and "tries again" in told[0]
    assert "is gone from its place" in told[1] and boxes == []
    add_tag(window, "After")
    window.close()
    assert {"Mine", "After"} <= tag_names(path)


def test_a_note_typed_just_before_the_window_closes_on_a_renamed_file_is_saved(
    qtbot: QtBot, launched: MainWindow
) -> None:
    window = launched
    path = window.session.project.path
    passage = window.session.project.annotations.query()[0]
    window.editor.show_passage(passage.id)
    window.editor.note.setPlainText("Written just before closing")  # not saved yet
    moved = path.with_name("study renamed.diptych")
    path.rename(moved)

    window.close()  # sooner than the window's next look at its file

    assert window.session.project.path == moved
    with Project.open(moved, read_only=True) as saved:
        note = saved.annotations.get(annotation_id=passage.id).note
    assert note == "Written just before closing"


def write_over(path: Path, data: bytes) -> None:
    """Write ``data`` into the file at ``path`` where it is, as ``cp`` does."""
    with path.open("r+b") as file:
        file.truncate(0)
        file.write(data)


def type_where_the_focus_is(qtbot: QtBot, text: str) -> None:
    """Type ``text`` key by key into whichever widget has the focus at each key, as a user
    does, whatever pops up meanwhile."""
    for key in text:
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, key)


@pytest.mark.parametrize("what", ["deleted", "replaced", "overwritten"])
def test_a_note_typed_while_the_file_is_deleted_replaced_or_overwritten_keeps_every_key(
    qtbot: QtBot, launched: MainWindow, tmp_path: Path, what: str
) -> None:
    window = launched
    path = window.session.project.path
    passage = window.session.project.annotations.query()[0]
    window.editor.show_passage(passage.id)
    note = window.editor.note
    window.activateWindow()
    note.setFocus()
    qtbot.waitUntil(note.hasFocus, timeout=5000)
    note.setPlainText("")
    type_where_the_focus_is(qtbot, "Said once")
    boxes: list[str] = []  # anything that would be told in a box: a warning or an error
    window.context.messages.posted.connect(
        lambda level, _title, text: boxes.append(text) if level != Level.INFO else None
    )
    if what == "deleted":
        path.unlink()
    else:
        other = tmp_path / "other.diptych"
        Project.create(other).close()
        if what == "replaced":
            os.replace(other, path)
        else:  # the window goes on with its backup's copy, where the passage is
            qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
            write_over(path, other.read_bytes())

    qtbot.waitUntil(lambda: bool(notice_of(window)), timeout=5000)
    type_where_the_focus_is(qtbot, " then more")

    assert note.toPlainText() == "Said once then more" and note.hasFocus()
    told = "is gone from its place" if what == "deleted" else f"was {what}"
    assert told in notice_of(window) and boxes == []
    assert QApplication.activeModalWidget() is None
    notice = window.findChild(FileNotice)
    assert notice is not None
    qtbot.mouseClick(notice.dismiss, Qt.MouseButton.LeftButton)
    assert notice_of(window) == "" and note.hasFocus()  # the click left the note the keys
    window.close()
    with Project.open(window.session.project.path, read_only=True) as saved:
        assert saved.annotations.get(annotation_id=passage.id).note == "Said once then more"


def test_another_project_copied_over_the_open_file_is_left_alone_and_the_backup_kept(
    qtbot: QtBot, launched: MainWindow, tmp_path: Path
) -> None:
    window = launched
    path = window.session.project.path
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)  # on open
    add_tag(window, "Since the backup")
    other = tmp_path / "other.diptych"
    with Project.create(other) as elsewhere:
        elsewhere.tags.add(name="From elsewhere")
    data = other.read_bytes()
    errors: list[str] = []
    window.context.messages.posted.connect(
        lambda level, _title, text: errors.append(text) if level == Level.ERROR else None
    )
    write_over(path, data)

    qtbot.waitUntil(lambda: bool(notice_of(window)), timeout=5000)
    kept = window.session.project.path
    said = notice_of(window)
    assert kept != path and kept.parent == path.parent and "(kept " in kept.name
    assert f"{path} was overwritten" in said and str(kept) in said
    assert "last automatic backup" in said
    shown = {tag.name for tag in window.session.codebook().ordered()}
    assert "Since the backup" not in shown  # the window shows what the copy holds
    add_tag(window, "Made again")
    assert errors == [] and not window.session.read_only
    window.close()
    assert path.read_bytes() == data and not Path(f"{path}-wal").exists()
    assert tag_names(path) == {"From elsewhere"}
    names = tag_names(kept)  # the project as it was backed up when opened, and after
    assert "Since the backup" not in names and "Made again" in names
    assert shown <= names
    with Project.open(kept, read_only=True) as copy, Project.open(other, read_only=True) as o:
        assert copy.info().uuid != o.info().uuid


def test_a_project_copied_over_after_turning_to_another_program_keeps_every_change(
    qtbot: QtBot, launched: MainWindow, tmp_path: Path
) -> None:
    window = launched
    path = window.session.project.path
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)  # on open
    opened = window.backups.last
    add_tag(window, "Coded before the copy")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)  # a terminal
    window.backups.after_gap.timeout.emit()  # 10 s after the backup on open
    qtbot.waitUntil(lambda: window.backups.last != opened, timeout=5000)
    other = tmp_path / "other.diptych"
    with Project.create(other) as elsewhere:
        elsewhere.tags.add(name="From elsewhere")
    write_over(path, other.read_bytes())  # cp other.diptych project.diptych

    qtbot.waitUntil(lambda: bool(notice_of(window)), timeout=5000)
    kept = window.session.project.path
    assert kept != path and "(kept " in kept.name
    shown = {tag.name for tag in window.session.codebook().ordered()}
    assert "Coded before the copy" in shown
    window.close()
    assert "Coded before the copy" in tag_names(kept)
    assert tag_names(path) == {"From elsewhere"}


def test_a_change_refused_as_the_file_left_is_told_in_the_bar_and_the_file_found_at_once(
    qtbot: QtBot, launched: MainWindow
) -> None:
    window = launched
    path = window.session.project.path
    watch = window.findChild(FilePlaceWatch)
    assert watch is not None
    watch.timer.stop()  # only the refusal makes the window look
    boxes: list[str] = []
    window.context.messages.posted.connect(
        lambda level, _title, text: boxes.append(text) if level != Level.INFO else None
    )
    path.unlink()

    add_tag(window, "Refused")  # the project refuses it: its file is gone from its name

    assert "not saved" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: bool(notice_of(window)), timeout=5000)
    said = notice_of(window)
    assert "is gone from its place" in said and "was not saved" in said
    assert boxes == [] and QApplication.activeModalWidget() is None
    add_tag(window, "Made again")
    window.close()
    names = tag_names(path)
    assert "Made again" in names and "Refused" not in names


def test_the_log_is_never_folded_into_another_project_copied_over_the_file(
    qtbot: QtBot, launched: MainWindow, tmp_path: Path
) -> None:
    window = launched
    path = window.session.project.path
    watch = window.findChild(FilePlaceWatch)
    assert watch is not None
    watch.timer.stop()  # its own look comes too late: only the session's timer runs
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    add_tag(window, "In the log")  # the session folds it once the log is left alone
    other = tmp_path / "other.diptych"
    with Project.create(other) as elsewhere:
        elsewhere.tags.add(name="From elsewhere")
    data = other.read_bytes()
    write_over(path, data)

    qtbot.waitUntil(lambda: bool(notice_of(window)) or path.read_bytes() != data, timeout=10_000)
    assert path.read_bytes() == data  # nothing of the log reached it
    assert "was overwritten" in notice_of(window)
    window.close()
    assert path.read_bytes() == data and tag_names(path) == {"From elsewhere"}


def test_the_first_start_on_the_new_sample_project_tells_nothing_and_keeps_no_copy(
    qtbot: QtBot, context: AppContext
) -> None:
    """The first start makes the sample project from its template: the window's looks at
    the file take it for the project's own, through a change and its fold."""
    from diptych.gui.project_opening import open_or_create

    path = context.paths.sample_project
    assert not path.exists()
    launcher = Launcher(context)
    window = launcher.show_project(open_or_create(context, None))
    window.launcher = launcher  # type: ignore[attr-defined]
    qtbot.waitExposed(window)
    watch = window.findChild(FilePlaceWatch)
    assert watch is not None and window.session.project.path == path
    watch.follow()
    add_tag(window, "First tag")
    watch.follow()
    window.session.project.fold_log()
    watch.follow()
    assert notice_of(window) == ""
    assert window.session.project.path == path and not window.session.project.read_only
    assert sorted(p.name for p in path.parent.glob("*.diptych")) == [path.name]
    window.close()


def test_an_older_copy_of_the_same_project_copied_over_it_is_noticed_and_left_alone(
    qtbot: QtBot, launched: MainWindow, tmp_path: Path
) -> None:
    import subprocess

    window = launched
    path = window.session.project.path
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)  # on open
    older = tmp_path / "older.diptych"
    subprocess.run(["cp", str(path), str(older)], check=True)  # kept by hand, or a colleague's
    add_tag(window, "Confirmed")
    assert window.session.project.fold_log()  # in the file itself, as the window folds it
    watch = window.findChild(FilePlaceWatch)
    assert watch is not None
    watch.follow()  # its next look, before the copy is made
    subprocess.run(["cp", str(older), str(path)], check=True)  # written in place

    qtbot.waitUntil(lambda: bool(notice_of(window)), timeout=5000)
    kept = window.session.project.path
    said = notice_of(window)
    assert kept != path and "(kept " in kept.name
    assert f"{path} was overwritten" in said and str(kept) in said
    window.close()
    assert path.read_bytes() == older.read_bytes()  # left as it came
    assert "Confirmed" not in tag_names(path)


def test_after_an_overwrite_undo_starts_afresh_instead_of_blaming_another_window(
    qtbot: QtBot, launched: MainWindow, tmp_path: Path
) -> None:
    window = launched
    path = window.session.project.path
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    add_tag(window, "Since the backup")
    assert window.actions_.undo.isEnabled()
    write_over(path, other_project_bytes(tmp_path))

    qtbot.waitUntil(lambda: bool(notice_of(window)), timeout=5000)
    assert "cannot be undone" in notice_of(window)
    assert not window.session.undo_stack.canUndo() and not window.actions_.undo.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "another window" not in window.statusBar().currentMessage()
    window.close()


def other_project_bytes(tmp_path: Path) -> bytes:
    other = tmp_path / "other.diptych"
    with Project.create(other) as elsewhere:
        elsewhere.tags.add(name="From elsewhere")
    return other.read_bytes()
