"""A second import started while one is under way waits its turn, then runs: it has no
progress box until then (one box at a time), the box under way and the status bar name it,
the status bar with a Cancel of its own, and none of its files are lost to the first
import's write."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_support import open_window, select_text
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot
from test_gui_exchange_partial import study

from diptych.gui.context import AppContext
from diptych.gui.import_progress import WaitingInBar
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage import import_files
from diptych.storage.project import Project

QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article


class HeldWrite:
    """The first imports' write transactions (``holds`` of them) each held open until
    released (as a folder of long files takes a while to write), the others' not held."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, holds: int = 1) -> None:
        self.writes = [threading.Event() for _ in range(holds)]
        self.releases = [threading.Event() for _ in range(holds)]
        self.writing = self.writes[0]
        self.written: list[list[str]] = []  # each write's file names, in turn
        original = import_files.add_new_articles

        def add_new_articles(project, read, *, advice, keep_going=lambda: True):  # type: ignore[no-untyped-def]
            self.written.append(sorted(path.name for path, _parsed in read))
            turn = len(self.written) - 1

            def held() -> bool:  # asked inside the write transaction
                if turn < holds:
                    self.writes[turn].set()
                    self.releases[turn].wait(30)
                return keep_going()

            return original(project, read, advice=advice, keep_going=held)

        monkeypatch.setattr(import_files, "add_new_articles", add_new_articles)

    def release(self, turn: int = 0) -> None:
        self.releases[turn].set()

    def release_all(self) -> None:
        for released in self.releases:
            released.set()


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldWrite]:
    write = HeldWrite(monkeypatch)
    yield write
    write.release_all()  # never left waiting, whatever the test found


@pytest.fixture
def held_twice(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldWrite]:
    write = HeldWrite(monkeypatch, holds=2)
    yield write
    write.release_all()


class BoxCount(QObject):
    """The most progress boxes the window showed at once, counted as each is shown."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self.most = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QProgressDialog):
            shown = {d for d in self.window.findChildren(QProgressDialog) if d.isVisible()}
            self.most = max(self.most, len(shown | {watched}))
        return False


@pytest.fixture
def box_count(window: MainWindow) -> Iterator[BoxCount]:
    count = BoxCount(window)
    QApplication.instance().installEventFilter(count)
    yield count
    QApplication.instance().removeEventFilter(count)


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


def boxes(window: MainWindow) -> list[QProgressDialog]:
    return [d for d in window.findChildren(QProgressDialog) if d.isVisible()]


def progress_texts(window: MainWindow) -> list[str]:
    return [d.labelText() for d in boxes(window)]


def waiting_in_bar(window: MainWindow) -> list[WaitingInBar]:
    """What waits, as the status bar shows it, left to right."""
    shown = [w for w in window.statusBar().findChildren(WaitingInBar) if w.isVisible()]
    return sorted(shown, key=lambda w: w.x())


def titles(window: MainWindow) -> list[str]:
    return [a.title for a in window.session.articles()]


def until(qtbot: QtBot, check: Callable[[], bool]) -> None:
    qtbot.waitUntil(check, timeout=20_000)


NOTE = "Next, once this one ends: the folder Week 2.\nIts Cancel is in the status bar."


def second_asked_for(
    qtbot: QtBot, window: MainWindow, held: HeldWrite, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> QProgressDialog:  # fmt: skip
    """Week 1's import, its box shown, writing; Week 2's asked for meanwhile: Week 1's box."""
    choosing(monkeypatch, [folder(tmp_path, "Week 1"), folder(tmp_path, "Week 2")])
    window.actions_.import_folder.trigger()
    until(qtbot, held.writing.is_set)  # the first import writes...
    until(qtbot, lambda: len(boxes(window)) == 1)  # ...its box shown
    first = boxes(window)[0]
    window.actions_.import_folder.trigger()  # ...as the second is asked for
    return first


def test_a_folder_imported_during_another_import_waits_its_turn_then_comes_in(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, held_twice: HeldWrite,
    monkeypatch: pytest.MonkeyPatch, box_count: BoxCount,
) -> None:  # fmt: skip
    said = posted(window)
    imported: list[list[int]] = []
    window.importer.imported.connect(imported.append)

    first = second_asked_for(qtbot, window, held_twice, tmp_path, monkeypatch)

    qtbot.wait(1000)  # twice the time a box takes to show
    assert boxes(window) == [first]  # the one under way's box only, naming what waits
    assert (Level.INFO, "Diptych", "The folder Week 2 will be imported once the import under"
            " way ends.") in said  # fmt: skip
    assert [w.label.text() for w in waiting_in_bar(window)] == ["Waiting: the folder Week 2"]
    said_first = first.labelText().split("\n\n")  # what it does, then what waits
    assert len(said_first) == 2 and "Week 2" not in said_first[0]
    assert said_first[1] == NOTE
    assert held_twice.written == [["Week 1 day 1.txt", "Week 1 day 2.txt"]]  # not begun

    held_twice.release(0)
    until(qtbot, held_twice.writes[1].is_set)  # the second writes, in its turn...
    until(qtbot, lambda: len(boxes(window)) == 1 and boxes(window)[0] is not first)
    second = boxes(window)[0]  # ...its own box shown, as the first's has gone
    assert second is window.importer.progress.shown
    assert "Next" not in second.labelText() and waiting_in_bar(window) == []
    held_twice.release(1)
    until(qtbot, lambda: len(imported) == 2)

    assert [level for level, _title, _text in said if level != Level.INFO] == []
    assert len(held_twice.written) == 2
    for week in ("Week 1", "Week 2"):
        assert {f"{week} day 1", f"{week} day 2"} <= set(titles(window))
    steps = [window.session.undo_stack.text(i) for i in range(window.session.undo_stack.count())]
    assert len([s for s in steps if s.startswith("Import")]) == 2  # one undo for each
    assert progress_texts(window) == []
    assert box_count.most == 1


def test_with_two_waiting_the_box_under_way_names_both_and_the_next_box_the_last(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, held_twice: HeldWrite,
    monkeypatch: pytest.MonkeyPatch, box_count: BoxCount,
) -> None:  # fmt: skip
    imported: list[list[int]] = []
    window.importer.imported.connect(imported.append)
    choosing(monkeypatch, [folder(tmp_path, f"Week {n}") for n in (1, 2, 3)])
    for _ in range(3):
        window.actions_.import_folder.trigger()
        until(qtbot, held_twice.writing.is_set)

    first = window.importer.progress.shown
    assert first is not None
    assert first.labelText().split("\n\n")[1] == (
        "Next, once this one ends: the folder Week 2, then the folder Week 3.\n"
        "Each has a Cancel in the status bar."
    )
    in_bar = ["Waiting: the folder Week 2", "Waiting: the folder Week 3"]  # in turn
    until(qtbot, lambda: [w.label.text() for w in waiting_in_bar(window)] == in_bar)

    held_twice.release(0)
    until(qtbot, held_twice.writes[1].is_set)  # the second under way, the third waits
    until(qtbot, lambda: window.importer.progress.shown not in (None, first))
    second = window.importer.progress.shown
    assert second is not None
    assert second.labelText().split("\n\n")[1] == (
        "Next, once this one ends: the folder Week 3.\nIts Cancel is in the status bar."
    )
    assert [w.label.text() for w in waiting_in_bar(window)] == ["Waiting: the folder Week 3"]
    held_twice.release(1)
    until(qtbot, lambda: len(imported) == 3)
    assert box_count.most <= 1 and waiting_in_bar(window) == []
    steps = [window.session.undo_stack.text(i) for i in range(window.session.undo_stack.count())]
    assert len([s for s in steps if s.startswith("Import")]) == 3


def test_cancel_while_it_waits_imports_nothing_of_it_and_leaves_the_first_alone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, held: HeldWrite,
    monkeypatch: pytest.MonkeyPatch, box_count: BoxCount,
) -> None:  # fmt: skip
    said = posted(window)
    imported: list[list[int]] = []
    window.importer.imported.connect(imported.append)
    first = second_asked_for(qtbot, window, held, tmp_path, monkeypatch)
    until(qtbot, lambda: NOTE in first.labelText())
    [waiting] = waiting_in_bar(window)
    assert waiting.cancel.text() == "Cancel"
    assert waiting.cancel.accessibleName() == "Cancel the folder Week 2"

    qtbot.mouseClick(waiting.cancel, Qt.MouseButton.LeftButton)

    # named: the import under way goes on, and its box is still shown
    assert (Level.INFO, "Diptych", "Import of the folder Week 2 cancelled; nothing was"
            " imported.") in said  # fmt: skip
    until(qtbot, lambda: waiting_in_bar(window) == [])
    assert boxes(window) == [first] and "Next" not in first.labelText()  # the first goes on
    held.release()
    until(qtbot, lambda: len(imported) == 1)
    assert len(held.written) == 1
    assert {"Week 1 day 1", "Week 1 day 2"} <= set(titles(window))
    assert not any(t.startswith("Week 2") for t in titles(window))
    until(qtbot, lambda: not window.workers.busy)
    assert box_count.most == 1


def test_cancel_in_the_box_under_way_cancels_that_import_only(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, held: HeldWrite,
    monkeypatch: pytest.MonkeyPatch, box_count: BoxCount,
) -> None:  # fmt: skip
    said = posted(window)
    imported: list[list[int]] = []
    window.importer.imported.connect(imported.append)
    first = second_asked_for(qtbot, window, held, tmp_path, monkeypatch)
    until(qtbot, lambda: NOTE in first.labelText())

    qtbot.mouseClick(first.findChild(QPushButton), Qt.MouseButton.LeftButton)  # its Cancel
    held.release()  # Cancel is heard at the first's next step

    until(qtbot, lambda: len(imported) == 1)  # the second comes in, in its turn
    assert (Level.INFO, "Diptych", "Import cancelled; nothing was imported.") in said
    assert {"Week 2 day 1", "Week 2 day 2"} <= set(titles(window))
    assert not any(t.startswith("Week 1") for t in titles(window))
    until(qtbot, lambda: not window.workers.busy)
    assert box_count.most == 1 and waiting_in_bar(window) == []


def test_a_refi_qda_file_cancelled_while_it_waits_is_named_and_imports_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, held: HeldWrite, box_count: BoxCount,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    said = posted(window)
    choosing(monkeypatch, [folder(tmp_path, "Week 1")])
    window.actions_.import_folder.trigger()
    until(qtbot, held.writing.is_set)
    exchange = study(tmp_path)

    window.importer.import_files([exchange])

    [waiting] = waiting_in_bar(window)
    assert waiting.label.text() == "Waiting: the file study.qdpx"
    qtbot.mouseClick(waiting.cancel, Qt.MouseButton.LeftButton)
    assert said[-1] == (
        Level.INFO, "Diptych", "Import of the file study.qdpx cancelled; nothing was imported."
    )  # fmt: skip
    held.release()
    until(qtbot, lambda: not window.workers.busy)
    assert "Field notes" not in titles(window)
    assert box_count.most <= 1 and waiting_in_bar(window) == []


def test_an_update_waiting_for_an_import_is_named_in_its_box_then_comes_in(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, held: HeldWrite, box_count: BoxCount,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    choosing(monkeypatch, [folder(tmp_path, "Week 1")])
    window.actions_.import_folder.trigger()
    until(qtbot, held.writing.is_set)
    until(qtbot, lambda: len(boxes(window)) == 1)
    article = window.session.articles()[0]
    newer = tmp_path / article.source_name
    text = window.session.project.articles.get(article_id=article.id).text
    newer.write_text(f"{text}\n\nOne more paragraph.\n", encoding="utf-8")  # its next version

    window.importer.reimport(article.id, newer)

    [first] = boxes(window)
    update = f"the update of “{article.title}” from {article.source_name}"
    assert first.labelText().endswith(
        f"Next, once this one ends: {update}.\nIts Cancel is in the status bar."
    )
    assert [w.label.text() for w in waiting_in_bar(window)] == [f"Waiting: {update}"]
    with qtbot.waitSignal(window.importer.reimported, timeout=20_000):
        held.release()
    assert box_count.most == 1 and waiting_in_bar(window) == []
    assert window.session.undo_stack.text(window.session.undo_stack.count() - 1).startswith(
        "Update"
    )


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
