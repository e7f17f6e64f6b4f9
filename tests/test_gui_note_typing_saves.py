"""What is typed in a note is saved while the user types on, and a save the file refuses
while typing is neither lost nor said in a box that takes the next keys.

- Typing on without a pause is saved every few seconds: only a pause saved it, and a
  paragraph typed steadily was lost to a crash.
- A save refused while typing (a full disk, the project file deleted) is said in the
  status bar and tried again until the file takes it: it was tried again only when more
  was typed, and a full disk put up a box after each pause, which the next key closed.
- Closing with a note the file refuses asks one question, which says why.
- A box that opens while the user types (the passage deleted in another window, its note
  given back) does not take the keys typed on as its answer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import FullDisk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from diptych.gui import autosave, dialogs
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.typing_guard import GUARD_MS
from diptych.storage.project import Project


def stored_note(path: Path, passage_id: int) -> str:
    with Project.open(path, read_only=True) as project:
        return project.annotations.get(annotation_id=passage_id).note


def typing_in_a_note(qtbot: QtBot, window: MainWindow) -> int:
    passage = next(p for p in window.session.project.annotations.query() if p.note)
    window.editor.show_passage(passage.id)
    note = window.editor.note
    note.setFocus()
    qtbot.waitUntil(note.hasFocus)
    note.moveCursor(note.textCursor().MoveOperation.End)
    return passage.id


def posted(window: MainWindow) -> list[tuple[int, str, str]]:
    said: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: said.append(args))
    return said


def boxes(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_typing_on_without_a_pause_is_saved_every_few_seconds(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage_id = typing_in_a_note(qtbot, window)
    before = window.editor.note.toPlainText()
    typed = ""
    for _ in range((autosave.SAVE_TYPING_MS + 800) // 200):  # never a pause of 600 ms
        qtbot.keyClicks(window.editor.note, "ab ")
        typed += "ab "
        qtbot.wait(200)
    stored = stored_note(window.session.project.path, passage_id)
    assert stored.startswith(before) and len(stored) >= len(before) + len(typed) // 2


def test_a_note_refused_by_a_full_disk_while_typing_is_kept_said_and_saved_later(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    passage_id = typing_in_a_note(qtbot, window)
    said = posted(window)
    full = FullDisk(window.session.project)
    qtbot.keyClicks(window.editor.note, " one")
    qtbot.wait(autosave.SAVE_PAUSE_MS + 300)  # the pause's save: refused
    qtbot.keyClicks(window.editor.note, " two")
    qtbot.wait(autosave.SAVE_PAUSE_MS + 300)  # and again
    assert boxes(window) == []  # nothing to take the keys typed next
    assert [level for level, _title, _text in said] == [Level.INFO]  # said once
    assert "not saved yet" in said[0][2] and "disk" in said[0][2]
    assert window.editor.note.toPlainText().endswith(" one two")
    assert not stored_note(window.session.project.path, passage_id).endswith(" one two")

    full.free()  # nothing more typed: tried again on its own
    qtbot.waitUntil(
        lambda: stored_note(window.session.project.path, passage_id).endswith(" one two"),
        timeout=autosave.RETRY_MS + 2000,
    )
    assert "is saved now" in said[-1][2]


def test_closing_with_a_refused_note_asks_one_question_that_says_why(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    typing_in_a_note(qtbot, window)
    said = posted(window)
    asked: list[str] = []
    answer = [False]

    def ask(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(dialogs, "ask_to_lose", ask)
    full = FullDisk(window.session.project)
    qtbot.keyClicks(window.editor.note, " last words")
    window.close()
    assert window.isVisible()
    assert len(asked) == 1 and "disk" in asked[0] and "Close the window anyway" in asked[0]
    assert [level for level, _t, _x in said if level != Level.INFO] == []  # no box before it
    assert "stays open" in said[-1][2]
    full.free()
    answer[0] = True
    window.close()
    assert not window.isVisible()


def test_a_box_opened_while_typing_does_not_take_the_keys_typed_on(
    qtbot: QtBot, window: MainWindow, sample: Path
) -> None:
    passage_id = typing_in_a_note(qtbot, window)
    window.session.watch(False)  # the window looks at the file when the test says
    qtbot.keyClicks(window.editor.note, " half a thought")
    with Project.open(sample) as other:
        other.annotations.delete(annotation_id=passage_id)
    window.session.on_watch_timeout()  # the note is given back in a box
    (box,) = boxes(window)
    given_back = box.findChild(QPlainTextEdit, "givenBackText")  # its own field
    assert given_back is not None and given_back.toPlainText().endswith(" half a thought")
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Escape):
        qtbot.keyClick(box, key)  # typed on, or pressed at the wrong moment
    assert box.isVisible()
    assert not any(button.isEnabled() for button in box.buttons())
    qtbot.waitUntil(lambda: all(b.isEnabled() for b in box.buttons()), timeout=GUARD_MS * 3)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())


def test_a_box_opened_when_nobody_types_answers_at_once(qtbot: QtBot, window: MainWindow) -> None:
    window.area.panes()[0].view.setFocus()
    window.context.messages.warning("Something to read.")
    (box,) = boxes(window)
    assert all(button.isEnabled() for button in box.buttons())
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())


def test_a_note_typed_as_the_project_file_is_deleted_is_saved_in_the_file_written_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    passage_id = typing_in_a_note(qtbot, window)
    path = window.session.project.path
    path.unlink()
    qtbot.keyClicks(window.editor.note, " [typed as it went]")
    qtbot.waitUntil(
        lambda: path.exists() and stored_note(path, passage_id).endswith(" [typed as it went]"),
        timeout=8000,
    )
    assert window.editor.note.toPlainText().endswith(" [typed as it went]")
