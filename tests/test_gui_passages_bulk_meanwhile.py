"""Many passages deleted or tagged from the Passages list, when another window changed one
of them since: the redo or undo is refused as a whole, saying which passage and why, and
that work stays (the other passages untouched too); the list shows the project as it is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_passages_bulk_once import ARTICLES, EACH, big, every_row_chosen, stored  # noqa: F401

from diptych.gui import dialogs
from diptych.gui.commands import quote_start
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project


def failures(window: MainWindow) -> list[str]:
    """The messages the window's session will post saying an undo or redo failed."""
    seen: list[str] = []
    window.session.messages.posted.connect(
        lambda _level, title, text: seen.append(text) if title == "Undo/redo failed" else None
    )
    return seen


def test_redoing_a_deletion_of_many_keeps_them_all_if_one_was_written_on_meanwhile(
    qtbot: QtBot,
    big: tuple[MainWindow, int],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, tag_id = big
    monkeypatch.setattr(dialogs, "ask_plain", lambda *_args, **_kwargs: True)
    said = failures(window)
    chosen = every_row_chosen(qtbot, window)
    qtbot.keyClick(window.passages.table, Qt.Key.Key_Delete)
    window.actions_.undo.trigger()
    with Project.open(window.session.project.path) as other:  # another window
        other.annotations.set_note(annotation_id=chosen[40], note="Written in the other window")
    window.actions_.redo.trigger()
    assert len(said) == 1 and "note, tags or coder's name" in said[0]
    assert stored(window, tag_id) == ARTICLES * EACH  # none deleted
    assert window.session.passage(chosen[40]).note == "Written in the other window"
    qtbot.waitUntil(lambda: window.passages.model.rowCount() == len(chosen))


def test_undoing_a_tagging_of_many_names_the_passage_deleted_meanwhile_and_keeps_the_tag(
    qtbot: QtBot,
    big: tuple[MainWindow, int],  # noqa: F811
) -> None:
    window, _tag_id = big
    project = window.session.project
    other_tag = project.tags.add(name="Other", color="#445566").id
    window.session.tagsChanged.emit()
    said = failures(window)
    chosen = every_row_chosen(qtbot, window)
    window.passages.tag_passages(chosen, other_tag)
    gone = window.session.passage(chosen[100])
    with Project.open(project.path) as other:  # another window
        other.annotations.delete(annotation_id=gone.id)
    window.actions_.undo.trigger()
    assert said == [
        f"The passage “{quote_start(gone.exact)}” was deleted, perhaps in another window, so"
        f" “Tag {len(chosen)} passages with “Other”” cannot be undone."
    ]
    assert stored(window, other_tag) == len(chosen) - 1  # the tag stays on the others
    qtbot.waitUntil(lambda: window.passages.model.rowCount() == len(chosen) - 1)
