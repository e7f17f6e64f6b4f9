"""A second import started while one is under way waits its turn, then runs: its progress
says that it waits, and none of its files are lost to the first import's write."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_support import open_window, select_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage import import_files
from diptych.storage.project import Project

QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article


class HeldWrite:
    """The first import's write transaction held open until :meth:`release` (as a folder of
    long files takes a while to write), the other imports' not held."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.writing = threading.Event()
        self.released = threading.Event()
        self.written: list[list[str]] = []  # each write's file names, in turn
        original = import_files.add_new_articles

        def add_new_articles(project, read, *, advice, keep_going=lambda: True):  # type: ignore[no-untyped-def]
            self.written.append(sorted(path.name for path, _parsed in read))
            first = len(self.written) == 1

            def held() -> bool:  # asked inside the write transaction
                if first:
                    self.writing.set()
                    self.released.wait(30)
                return keep_going()

            return original(project, read, advice=advice, keep_going=held)

        monkeypatch.setattr(import_files, "add_new_articles", add_new_articles)

    def release(self) -> None:
        self.released.set()


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldWrite]:
    write = HeldWrite(monkeypatch)
    yield write
    write.release()  # never left waiting, whatever the test found


def folder(tmp_path: Path, name: str) -> Path:
    place = tmp_path / name
    place.mkdir()
    for day in (1, 2):
        text = f"{name} day {day}\n\nNotes of day {day} in {name}.\n"
        (place / f"{name} day {day}.txt").write_text(text, encoding="utf-8")
    return place


def choosing(monkeypatch: pytest.MonkeyPatch, folders: list[Path]) -> None:
    chosen = iter(folders)
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a: str(next(chosen)))
    )


def posted(window: MainWindow) -> list[tuple[int, str, str]]:
    said: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: said.append(args))
    return said


def progress_texts(window: MainWindow) -> list[str]:
    return [d.labelText() for d in window.findChildren(QProgressDialog) if d.isVisible()]


def titles(window: MainWindow) -> list[str]:
    return [a.title for a in window.session.articles()]


def until(qtbot: QtBot, check: Callable[[], bool]) -> None:
    qtbot.waitUntil(check, timeout=20_000)


def test_a_folder_imported_during_another_import_waits_its_turn_then_comes_in(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, held: HeldWrite,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    first, second = folder(tmp_path, "Week 1"), folder(tmp_path, "Week 2")
    choosing(monkeypatch, [first, second])
    said = posted(window)
    imported: list[list[int]] = []
    window.importer.imported.connect(imported.append)

    window.actions_.import_folder.trigger()
    until(qtbot, held.writing.is_set)  # the first import writes...
    window.actions_.import_folder.trigger()  # ...as the second is asked for

    waiting = (
        "Waiting for the import under way to end, then reading the files in the folder Week 2…"
    )
    until(qtbot, lambda: waiting in progress_texts(window))
    assert (Level.INFO, "Diptych", "The folder Week 2 will be imported once the import under"
            " way ends.") in said  # fmt: skip
    assert held.written == [["Week 1 day 1.txt", "Week 1 day 2.txt"]]  # the second has not begun

    held.release()
    until(qtbot, lambda: len(imported) == 2)

    assert [level for level, _title, _text in said if level != Level.INFO] == []
    assert len(held.written) == 2
    for week in ("Week 1", "Week 2"):
        assert {f"{week} day 1", f"{week} day 2"} <= set(titles(window))
    steps = [window.session.undo_stack.text(i) for i in range(window.session.undo_stack.count())]
    assert len([s for s in steps if s.startswith("Import")]) == 2  # one undo for each
    assert progress_texts(window) == []


def test_cancel_while_it_waits_imports_nothing_of_it_and_leaves_the_first_alone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, held: HeldWrite,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    first, second = folder(tmp_path, "Week 1"), folder(tmp_path, "Week 2")
    choosing(monkeypatch, [first, second])
    said = posted(window)
    imported: list[list[int]] = []
    window.importer.imported.connect(imported.append)
    window.actions_.import_folder.trigger()
    until(qtbot, held.writing.is_set)
    window.actions_.import_folder.trigger()
    until(qtbot, lambda: any("Week 2" in text for text in progress_texts(window)))
    dialogs = [d for d in window.findChildren(QProgressDialog) if "Week 2" in d.labelText()]
    assert len(dialogs) == 1
    cancel = dialogs[0].findChild(QPushButton)
    assert cancel.text() == "Cancel"

    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    assert (Level.INFO, "Diptych", "Import cancelled; nothing was imported.") in said
    held.release()
    until(qtbot, lambda: len(imported) == 1)
    assert len(held.written) == 1
    assert {"Week 1 day 1", "Week 1 day 2"} <= set(titles(window))
    assert not any(t.startswith("Week 2") for t in titles(window))
    until(qtbot, lambda: not window.workers.busy)


def test_a_change_refused_while_the_import_writes_names_the_import_not_another_program(
    qtbot: QtBot, context: AppContext, sample: Path, tmp_path: Path, held: HeldWrite,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr("diptych.storage.database.BUSY_TIMEOUT_MS", 200)  # not 5 s
    window = open_window(qtbot, context, Project.open(sample))
    choosing(monkeypatch, [folder(tmp_path, "Week 1")])
    said = posted(window)
    window.actions_.import_folder.trigger()
    until(qtbot, held.writing.is_set)

    pane = window.area.panes()[1]
    window.area.set_current(pane)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)  # tag it: refused, the import holds the file

    errors = [text for level, _title, text in said if level == Level.ERROR]
    assert errors == [
        f"{sample}: is busy: the import under way in this window is writing to it, so that"
        " change was not saved. Make it again once the import has ended."
    ]
    held.release()
    until(qtbot, lambda: not window.workers.busy)
    window.area.set_current(pane)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)  # once it has ended, it is saved
    stack = window.session.undo_stack
    assert stack.text(stack.index() - 1).startswith("Tag")
