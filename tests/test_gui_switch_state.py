"""Opening another project in the window: nothing of the project left shows in the next
one's window (undo steps, a search, the title), and a note typed just before, its pause
not yet over, is saved in the project it was typed in, never in the next one."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from diptych.gui import dialogs
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project

NOTE = "Ask the harbour master about the night shifts."


def test_the_next_project_s_window_starts_clean_and_the_typed_note_stays_behind(
    qtbot: QtBot,
    launched: MainWindow,
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = tmp_path / "Other.diptych"
    Project.create(other).close()
    passage = launched.session.project.annotations.query()[0]
    launched.coding.select_passage(passage.id)
    launched.editor.edit_note()
    launched.editor.note.selectAll()
    qtbot.keyClicks(launched.editor.note, NOTE)  # no pause: not saved yet
    qtbot.keyClicks(launched.search.field, "trade")
    qtbot.waitUntil(lambda: launched.search.results.count() > 0, timeout=10_000)

    monkeypatch.setattr(dialogs, "choose_project_to_open", lambda _parent, _folder: other)
    launched.actions_.open_project.trigger()
    opened = launched.launcher.window  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not isValid(launched), timeout=10_000)

    assert opened.windowTitle().startswith("Other")
    assert not opened.actions_.undo.isEnabled()
    assert opened.search.field.text() == "" and opened.search.results.count() == 0
    assert opened.editor.note.toPlainText() == ""
    assert [a.text() for a in opened.actions_.recent.actions()][:2] == [
        "Other.diptych",
        "sample.diptych",
    ]
    with Project.open(sample, read_only=True) as project:
        assert project.annotations.get(annotation_id=passage.id).note == NOTE
    with Project.open(other, read_only=True) as project:
        assert project.annotations.query() == []
