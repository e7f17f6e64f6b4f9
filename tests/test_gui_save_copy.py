"""File > Save a copy…: the project as the window shows it, written whole to another file,
where it can be worked on: the way out the window offers for a project it cannot write."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gui_support import open_window
from pytestqt.qtbot import QtBot

from diptych.gui import project_copy
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.tag_dialog import TagValues
from diptych.storage.project import Project


def tag_names(path: Path) -> set[str]:
    with Project.open(path, read_only=True) as project:
        return {t.name for t in project.tags.all()}


def shown_tags(window: MainWindow) -> set[str]:
    return {tag.name for tag in window.session.codebook().ordered()}


@pytest.fixture
def crashed(sample: Path, tmp_path: Path) -> Path:
    """A project a crashed program left with its last change still in its log."""
    folder = tmp_path / "crashed"
    folder.mkdir()
    path = folder / "study.diptych"
    with Project.open(sample) as writer:
        writer.tags.add(name="Only in the log")
        for end in ("", "-wal", "-shm"):  # as they were when the program died
            shutil.copy(f"{sample}{end}", f"{path}{end}")
    return path


def messages_of(window: MainWindow) -> list[tuple[int, str]]:
    said: list[tuple[int, str]] = []
    window.context.messages.posted.connect(lambda level, _t, text: said.append((level, text)))
    return said


def test_a_read_only_project_is_saved_as_a_copy_holding_its_log_that_can_be_written(
    qtbot: QtBot,
    context: AppContext,
    crashed: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(qtbot, context, Project.open(crashed, read_only=True))
    assert "Only in the log" in shown_tags(window)
    alone = tmp_path / "alone.diptych"  # what a file manager copies: the file alone
    shutil.copy(crashed, alone)
    assert "Only in the log" not in tag_names(alone)
    said = messages_of(window)
    window.tags.create_tag(TagValues("Refused", "#5ED1C4", None, ""))
    assert said and "File > Save a copy…" in said[-1][1]  # the advice can be followed
    before = {end: Path(f"{crashed}{end}").read_bytes() for end in ("", "-wal")}
    target = tmp_path / "copies" / "study (copy).diptych"
    target.parent.mkdir()
    monkeypatch.setattr(project_copy, "choose_copy", lambda *_args: target)

    window.actions_.save_copy.trigger()

    qtbot.waitUntil(lambda: "Saved a copy" in window.statusBar().currentMessage(), timeout=5000)
    assert str(target) in window.statusBar().currentMessage()
    assert window.session.project.path == crashed  # the window stays
    assert "Only in the log" in tag_names(target)
    with Project.open(target) as copy:
        assert not copy.read_only
        copy.tags.add(name="Written in the copy")
    assert "Written in the copy" in tag_names(target)
    assert {end: Path(f"{crashed}{end}").read_bytes() for end in ("", "-wal")} == before


def test_a_copy_never_replaces_a_file_and_a_failure_says_so(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    there = tmp_path / "there.diptych"
    there.write_bytes(b"kept as it is")
    monkeypatch.setattr(project_copy, "choose_copy", lambda *_args: there)
    said = messages_of(window)

    window.actions_.save_copy.trigger()

    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert said[0][0] == Level.ERROR and "already exists" in said[0][1]
    assert there.name in said[0][1]
    assert there.read_bytes() == b"kept as it is"
