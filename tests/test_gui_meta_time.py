"""Wrapped in a narrow Passage panel, the time a passage was updated stays with its date."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui.passage_cells import local_time
from diptych.gui.passage_editor import PassageEditor
from diptych.gui.session import ProjectSession


@pytest.mark.parametrize("width", [280, 300, 310, 330])  # the panel beside two articles
def test_the_date_and_time_are_on_one_line(
    qtbot: QtBot, session: ProjectSession, width: int
) -> None:
    editor = PassageEditor(session)
    qtbot.addWidget(editor)
    editor.resize(width, 420)
    editor.show()
    qtbot.waitExposed(editor)
    passage = next(p for p in session.project.annotations.query() if p.coder)
    editor.show_passage(passage.id)
    qtbot.waitUntil(lambda: editor.meta.width() > 0)
    date, time = local_time(passage.updated_at).split(" ")
    lines = editor.meta.text().split("\n")
    assert len(lines) >= 2  # the panel is narrow enough to wrap it
    assert any(date in line and time in line for line in lines), lines
