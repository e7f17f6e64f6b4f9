"""A project file made read-only while its window is open: the first change it refuses is
said once, naming the file and what to do, and not shown as saved; the project opens again
read-only in the same window, its panes kept, and from then on its edits are greyed saying
why and the keys that would edit are answered in the status bar, as for a project opened
read-only. (The superuser writes any file: the tests make it immutable then.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import keyboard_in, open_window, select_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot
from test_project_file import unwritable

from diptych.gui.context import AppContext
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.read_only_reopen import Reopening
from diptych.storage.errors import ReadOnlyProjectError
from diptych.storage.model import Annotation
from diptych.storage.project import Project

QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article
Posted = list[tuple[int, str, str]]


@pytest.fixture
def posted(launched: MainWindow) -> Posted:
    said: Posted = []
    launched.context.messages.posted.connect(lambda *args: said.append(args))
    return said


@pytest.fixture
def made_read_only(qtbot: QtBot, launched: MainWindow, sample: Path) -> Iterator[Path]:
    """The window's project file, its panes built, made read-only while it is open."""
    qtbot.waitUntil(lambda: all(not p.is_loading for p in launched.area.panes()), timeout=10_000)
    with unwritable(sample):
        yield sample


def passages_in(path: Path) -> list[Annotation]:
    with Project.open(path, read_only=True) as project:
        return project.annotations.query()


def reopened(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The window that took the place of ``window``, its panes built."""
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: launcher.window is not window)
    shown = launcher.window
    assert shown is not None
    qtbot.waitExposed(shown)
    qtbot.waitUntil(lambda: all(not p.is_loading for p in shown.area.panes()), timeout=10_000)
    return shown


def said_once(posted: Posted, path: Path) -> str:
    """The one box that says the file was made read-only, and what to do."""
    boxes = [text for level, _title, text in posted if level > Level.INFO]
    assert len(boxes) == 1, posted
    text = boxes[0]
    assert str(path) in text and "made read-only while it was open" in text
    assert "Make the file writable and open it again" in text and "File > Save a copy" in text
    return text


def shown_box(window: MainWindow) -> QMessageBox:
    """The message box shown over ``window``, which is the one left on the screen."""
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def test_a_tag_key_refused_is_said_once_and_the_window_becomes_read_only(
    qtbot: QtBot, launched: MainWindow, made_read_only: Path, posted: Posted
) -> None:
    before = passages_in(made_read_only)
    articles = [p.article_id for p in launched.area.panes()]
    pane = keyboard_in(qtbot, launched, 1)
    start, end = select_text(pane, QUOTE)
    pane.view.ensureCursorVisible()
    places = [p.reading_place() for p in launched.area.panes()]
    assert places[1] > 0  # read on, down the article

    qtbot.keyClick(pane.view, Qt.Key.Key_1)

    window = reopened(qtbot, launched)
    said_once(posted, made_read_only)
    assert passages_in(made_read_only) == before  # nothing saved lost, nothing new
    assert window.session.read_only and window.session.undo_stack.count() == 0
    assert [p.article_id for p in window.area.panes()] == articles
    qtbot.waitUntil(lambda: [p.reading_place() for p in window.area.panes()] == places)
    shown = window.session.article_passages(articles[1] or 0)
    assert not any(p.start == start and p.end == end for p in shown)  # not shown as saved
    assert window.passages.model.rowCount() == len(before)
    new_tag = window.actions_.new_tag
    assert not new_tag.isEnabled() and "read-only project" in new_tag.toolTip()
    note = window.editor.note
    assert "read-only project" in note.toolTip() + note.placeholderText()

    box = shown_box(window)
    assert str(made_read_only) in box.text()
    box.close()
    posted.clear()  # from now on, the keys are answered in the status bar
    pane = keyboard_in(qtbot, window, 1)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    assert [(level, "read-only" in text) for level, _title, text in posted] == [(Level.INFO, True)]
    assert passages_in(made_read_only) == before
    qtbot.keyClick(pane.view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pane.view, Qt.Key.Key_F8)  # a passage in the Passage panel
    qtbot.waitUntil(lambda: window.coding.selected != 0)
    assert note.isReadOnly()


def test_a_new_tag_refused_is_neither_saved_nor_listed(
    qtbot: QtBot,
    launched: MainWindow,
    made_read_only: Path,
    posted: Posted,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from diptych.gui.tag_dialog import TagDialog

    def named(dialog: TagDialog) -> int:
        dialog.name.setText("Refused tag")
        return TagDialog.DialogCode.Accepted

    monkeypatch.setattr(TagDialog, "exec", named)
    tags = len(launched.session.ordered_tags())

    launched.actions_.new_tag.trigger()

    window = reopened(qtbot, launched)
    said_once(posted, made_read_only)
    with Project.open(made_read_only, read_only=True) as project:
        assert project.tags.find(name="Refused tag") is None
    assert [t.name for t in window.session.ordered_tags()].count("Refused tag") == 0
    assert len(window.session.ordered_tags()) == tags
    new_tag = window.actions_.new_tag
    assert not new_tag.isEnabled() and "read-only project" in new_tag.toolTip()


def test_import_asks_for_no_file_once_the_file_is_made_read_only(
    qtbot: QtBot, launched: MainWindow, made_read_only: Path, posted: Posted
) -> None:
    asked: list[str] = []
    launched.importer.dialogs.article_files = lambda: asked.append("files") or []  # type: ignore[method-assign]

    launched.actions_.import_articles.trigger()

    window = reopened(qtbot, launched)
    assert asked == []  # no file chosen in vain: the import's own connection would refuse it
    assert "nothing can be imported into it" in said_once(posted, made_read_only)
    import_articles = window.actions_.import_articles
    assert not import_articles.isEnabled() and "read-only project" in import_articles.toolTip()


def test_a_note_refused_is_given_back_and_not_shown_as_saved(
    qtbot: QtBot, launched: MainWindow, made_read_only: Path, posted: Posted
) -> None:
    passage = next(p for p in passages_in(made_read_only) if p.note)
    launched.coding.select_passage(passage.id)
    note = launched.editor.note
    qtbot.waitUntil(lambda: note.toPlainText() == passage.note)
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    note.moveCursor(note.textCursor().MoveOperation.End)

    qtbot.keyClicks(note, " Typed as the file was made read-only.")

    window = reopened(qtbot, launched)  # at the pause in typing, the save was refused
    text = said_once(posted, made_read_only)
    assert "What was typed and not saved" in text
    assert passage.note + " Typed as the file was made read-only." in text
    stored = next(p for p in passages_in(made_read_only) if p.id == passage.id)
    assert stored.note == passage.note
    window.coding.select_passage(passage.id)
    qtbot.waitUntil(lambda: window.editor.note.toPlainText() == passage.note)
    assert window.editor.note.isReadOnly()


def test_an_undo_refused_keeps_the_step_it_would_take_back(
    qtbot: QtBot, launched: MainWindow, sample: Path, posted: Posted
) -> None:
    qtbot.waitUntil(lambda: all(not p.is_loading for p in launched.area.panes()), timeout=10_000)
    pane = keyboard_in(qtbot, launched, 1)
    start, end = select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)  # saved while the file could be written
    tagged = passages_in(sample)
    assert any(p.start == start and p.end == end for p in tagged)

    with unwritable(sample):
        launched.actions_.undo.trigger()

        window = reopened(qtbot, launched)
        said_once(posted, sample)
        assert passages_in(sample) == tagged
        shown = window.session.article_passages(pane.article_id or 0)
        assert any(p.start == start and p.end == end for p in shown)
        assert not window.actions_.undo.isEnabled()


def test_a_project_that_cannot_be_opened_again_stays_refusing_every_change(
    qtbot: QtBot,
    launched: MainWindow,
    made_read_only: Path,
    posted: Posted,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from diptych.gui import read_only_reopen

    def refused(path: Path, **_options: object) -> Project:
        raise ReadOnlyProjectError("holds recent changes that cannot be read", path=path)

    before = passages_in(made_read_only)
    monkeypatch.setattr(read_only_reopen.Project, "open", refused)
    pane = keyboard_in(qtbot, launched, 1)
    select_text(pane, QUOTE)

    qtbot.keyClick(pane.view, Qt.Key.Key_1)

    qtbot.waitUntil(lambda: len(posted) == 1)
    text = said_once(posted, made_read_only)
    assert "could not be opened again read-only" in text
    assert launched.launcher.window is launched  # type: ignore[attr-defined]
    shown_box(launched).close()
    posted.clear()
    pane = keyboard_in(qtbot, launched, 1)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)  # answered in the status bar
    assert [(level, "read-only" in text) for level, _title, text in posted] == [(Level.INFO, True)]
    monkeypatch.undo()
    assert passages_in(made_read_only) == before


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "opened read-only"])
def test_a_window_whose_project_refused_nothing_stays_as_it_is(
    qtbot: QtBot, context: AppContext, sample: Path, read_only: bool
) -> None:
    window = open_window(qtbot, context, Project.open(sample, read_only=read_only))
    launcher: Launcher = window.launcher  # type: ignore[attr-defined]
    said: Posted = []
    context.messages.posted.connect(lambda *args: said.append(args))
    context.messages.projectMadeReadOnly.emit("another window's project", "")
    assert window.findChild(Reopening) is None  # none under way
    QApplication.processEvents()  # where one would be done
    assert launcher.window is window and said == []


def test_a_long_note_given_back_is_in_a_field_that_keeps_the_box_within_the_screen(
    qtbot: QtBot, launched: MainWindow, made_read_only: Path, posted: Posted
) -> None:
    passage = next(p for p in passages_in(made_read_only) if p.note)
    launched.coding.select_passage(passage.id)
    note = launched.editor.note
    qtbot.waitUntil(lambda: note.toPlainText() == passage.note)
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    note.moveCursor(note.textCursor().MoveOperation.End)
    lines = "".join(f"\nLine {n} of a long note." for n in range(70))
    note.insertPlainText(lines)  # 70 lines typed, then the pause: the save is refused
    qtbot.keyClicks(note, " END")

    window = reopened(qtbot, launched)
    said_once(posted, made_read_only)
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)), timeout=5000)
    box = shown_box(window)
    qtbot.waitExposed(box)
    field = box.findChild(QPlainTextEdit, "givenBackText")
    assert field is not None and field.isReadOnly()
    typed = field.toPlainText()
    assert typed.endswith("Line 69 of a long note. END") and "Line 0 of" in typed
    assert "Line 35 of" not in box.text()  # the note is in the field, not the message
    screen = box.screen().availableGeometry()
    assert box.frameGeometry().height() <= screen.height()
    assert field.verticalScrollBar().maximum() > 0  # it scrolls to the end
    copy = next(b for b in box.findChildren(QPushButton) if b.text() == "Copy Text")
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == typed
    assert box.isVisible()  # copying leaves the box open, to read on
