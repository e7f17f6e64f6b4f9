"""Errors in the user's environment shown as clear messages, with nothing lost.

Each test checks the message (its level, the file it names, the advice) and that the
window and its project are as they were and still work.

Read-only projects are opened with ``read_only=True``: the tests run as root, for whom
file permissions do not make a file read-only.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from damaged_files import damage
from gui_support import open_window, select_text
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.tag_dialog import TagValues
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project
from diptych.storage.schema import SCHEMA_VERSION

QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article

Message = tuple[int, str, str]


@pytest.fixture
def messages(context: AppContext) -> list[Message]:
    posted: list[Message] = []
    context.messages.posted.connect(lambda *args: posted.append(args))
    return posted


def passage_count(path: Path) -> int:
    with Project.open(path, read_only=True) as project:
        return project.annotations.count()


def tag_with_key_1(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.area.panes()[1]
    window.area.set_current(pane)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)


def still_works(window: MainWindow, launcher: Launcher, sample: Path) -> None:
    """The same window is open on the same project, which can still be read and changed."""
    assert launcher.window is window and window.isVisible()
    assert window.session.project.path == sample
    assert [a.id for a in window.session.project.articles.all()] == [1, 2]
    window.tags.create_tag(TagValues("Still here", "#5ED1C4", None, ""))
    assert window.session.project.tags.find(name="Still here") is not None


# -- opening a file that is not a usable project -----------------------------------------


def other_programs_database(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.close()


def newer_project(path: Path) -> None:
    create_sample_project(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()


@pytest.mark.parametrize(
    ("make", "what", "advice"),
    [
        (lambda p: (create_sample_project(p).close(), damage(p)), "is damaged", "no backup of it"),
        (lambda p: p.write_text("Minutes of the meeting\n" * 20), "not a Diptych project",
         "rename it to end in .txt, .md or .html and import it (File > Import articles…)."),
        (other_programs_database, "another program's database",
         "Only its name ends in .diptych: choose a project file that Diptych saved."),
        (newer_project, "newer version of Diptych", "Open it with the newer Diptych"),
    ],
    ids=["damaged", "text file", "other database", "newer format"],
)  # fmt: skip
def test_a_file_that_cannot_be_opened_is_a_message_and_the_window_stays(
    window: MainWindow,
    sample: Path,
    tmp_path: Path,
    messages: list[Message],
    make,  # type: ignore[no-untyped-def]
    what: str,
    advice: str,
) -> None:
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]
    bad = tmp_path / "elsewhere" / "Field study.diptych"
    bad.parent.mkdir()
    make(bad)
    before = bad.read_bytes()

    launcher.open_path(bad)

    errors = [m for m in messages if m[0] == Level.ERROR]
    assert len(errors) == 1, messages
    _level, title, text = errors[0]
    assert title == "Open project"
    assert str(bad) in text and what in text and advice in text
    shown = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert [(b.icon(), b.windowTitle(), b.text()) for b in shown] == [
        (QMessageBox.Icon.Critical, "Open project", text)
    ]
    assert bad.read_bytes() == before  # left exactly as it was
    still_works(window, launcher, sample)


def test_a_missing_file_is_a_message(
    window: MainWindow, sample: Path, tmp_path: Path, messages: list[Message]
) -> None:
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]
    gone = tmp_path / "gone.diptych"
    launcher.open_path(gone)
    assert messages[-1][0] == Level.ERROR and f"{gone}: does not exist" in messages[-1][2]
    assert not gone.exists()
    still_works(window, launcher, sample)


# -- a read-only project ------------------------------------------------------------------
@pytest.fixture
def read_only(qtbot: QtBot, context: AppContext, sample: Path) -> MainWindow:
    return open_window(qtbot, context, Project.open(sample, read_only=True))


def test_a_read_only_project_says_so_in_the_title(read_only: MainWindow) -> None:
    assert read_only.windowTitle() == "Sample project — sample.diptych (read-only) — Diptych"


def test_tagging_a_read_only_project_is_refused_and_changes_nothing(
    qtbot: QtBot, read_only: MainWindow, sample: Path, messages: list[Message]
) -> None:
    before = passage_count(sample)
    tag_with_key_1(qtbot, read_only)  # said in the status bar, before any change is tried
    assert messages and messages[-1][0] == Level.INFO
    assert str(sample) in messages[-1][2] and "read-only" in messages[-1][2]
    assert passage_count(sample) == before
    assert read_only.session.undo_stack.count() == 0
    pane = read_only.area.panes()[1]
    assert pane.view.index is not None and len(pane.view.index.marks()) == 3  # nothing new

    read_only.tags.create_tag(TagValues("Refused", "#5ED1C4", None, ""))
    assert messages[-1][0] == Level.ERROR
    assert read_only.session.project.tags.find(name="Refused") is None


def test_importing_into_a_read_only_project_is_refused(
    read_only: MainWindow, tmp_path: Path, messages: list[Message]
) -> None:
    article = tmp_path / "note.txt"
    article.write_text("A note\n\nWith a line.\n")
    drop_files(read_only, [article])
    assert messages[-1][:1] == (Level.ERROR,) and "read-only" in messages[-1][2]
    assert read_only.library.model.rowCount() == 2


# -- article files that cannot be imported -----------------------------------------------
def drop_files(window: MainWindow, paths: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPointF(window.rect().center())
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    window.dropEvent(QDropEvent(point, Qt.DropAction.CopyAction, data, buttons, modifiers))


def test_files_that_cannot_be_imported_are_named_and_the_others_imported(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path, messages: list[Message]
) -> None:
    good = tmp_path / "good.md"
    good.write_text("# A good article\n\nIt imports.\n")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    unsupported = tmp_path / "slides.pptx"
    unsupported.write_bytes(b"PK\x03\x04 not really")

    drop_files(window, [binary, good, unsupported])
    qtbot.waitUntil(lambda: any(m[0] == Level.WARNING for m in messages), timeout=10_000)

    warning = next(m for m in messages if m[0] == Level.WARNING)
    assert warning[1] == "Import" and warning[2].startswith("2 files could not be imported")
    assert str(binary) in warning[2] and str(unsupported) in warning[2]
    assert str(good) not in warning[2]
    with Project.open(sample, read_only=True) as project:
        assert [a.title for a in project.articles.all()][2:] == ["A good article"]
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 3)


# -- a project locked by another program -------------------------------------------------
@pytest.fixture
def locked(sample: Path) -> Iterator[sqlite3.Connection]:
    """Another program holding the write lock on the project."""
    other = sqlite3.connect(sample, isolation_level=None)
    yield other
    if other.in_transaction:
        other.execute("ROLLBACK")
    other.close()


def test_a_project_locked_by_another_program_is_a_message_and_nothing_is_lost(
    qtbot: QtBot,
    context: AppContext,
    sample: Path,
    locked: sqlite3.Connection,
    messages: list[Message],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Read when the project is opened: wait 0.2 s for a lock, not 5 s.
    monkeypatch.setattr("diptych.storage.database.BUSY_TIMEOUT_MS", 200)
    window = open_window(qtbot, context, Project.open(sample))
    before = passage_count(sample)
    locked.execute("BEGIN EXCLUSIVE")
    locked.execute("UPDATE project_info SET value = value WHERE key = 'name'")

    tag_with_key_1(qtbot, window)

    errors = [m for m in messages if m[0] == Level.ERROR]
    assert len(errors) == 1
    assert f"{sample}: is busy: another program is writing to it" in errors[0][2]
    assert "try again in a moment" in errors[0][2]
    assert window.session.undo_stack.count() == 0

    locked.execute("ROLLBACK")  # the other program is done
    assert passage_count(sample) == before
    tag_with_key_1(qtbot, window)  # trying again works
    assert passage_count(sample) == before + 1
    assert window.session.undo_stack.count() == 1


def test_a_link_dropped_from_a_browser_says_only_files_can_be_imported(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path, messages: list[Message]
) -> None:
    good = tmp_path / "good.md"
    good.write_text("# A good article\n\nIt imports.\n")
    data = QMimeData()
    data.setUrls([QUrl("https://example.org/news/story.html"), QUrl.fromLocalFile(str(good))])
    point = QPointF(window.rect().center())
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    window.dropEvent(QDropEvent(point, Qt.DropAction.CopyAction, data, buttons, modifiers))

    warning = next(m for m in messages if m[0] == Level.WARNING)
    assert warning[1] == "Import"
    assert "https://example.org/news/story.html" in warning[2] and "Save the page" in warning[2]
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 3, timeout=10_000)
    with Project.open(sample, read_only=True) as project:
        assert [a.title for a in project.articles.all()][2:] == ["A good article"]


def test_only_links_dropped_import_nothing(
    window: MainWindow, sample: Path, messages: list[Message]
) -> None:
    data = QMimeData()
    data.setUrls([QUrl(f"https://example.org/{n}") for n in range(5)])
    point = QPointF(window.rect().center())
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    window.dropEvent(QDropEvent(point, Qt.DropAction.CopyAction, data, buttons, modifiers))

    assert [m[0] for m in messages] == [Level.WARNING]
    assert "https://example.org/0" in messages[0][2] and "and 2 more" in messages[0][2]
    assert passage_count(sample) > 0 and window.library.model.rowCount() == 2
