"""The passage panel says in full who coded a passage and when, even in a narrow dock."""

from __future__ import annotations

import pytest

from diptych.gui.passage_editor import PassageEditor
from diptych.gui.session import ProjectSession

DOCK_WIDTH = 310  # the Passage panel beside two articles on a laptop screen


def test_the_coder_and_time_of_a_passage_are_not_cut_off(qtbot, session: ProjectSession) -> None:
    editor = PassageEditor(session)
    qtbot.addWidget(editor)
    editor.resize(DOCK_WIDTH, 420)
    editor.show()
    qtbot.waitExposed(editor)
    passage = next(p for p in session.project.annotations.query() if p.coder)
    editor.show_passage(passage.id)
    qtbot.waitUntil(lambda: editor.meta.width() > 0)
    full = editor.meta.full_text()
    assert passage.coder in full and "updated" in full
    assert editor.meta.text().replace("\n", " ") == full  # nothing elided
    assert editor.meta.height() >= editor.meta.sizeHint().height()  # every line shows


@pytest.mark.parametrize("width", [160, 200, 240, 280, 400])
def test_in_a_narrow_panel_the_meta_takes_a_row_of_its_own_rather_than_be_cut(
    qtbot, session: ProjectSession, width: int
) -> None:
    editor = PassageEditor(session)
    qtbot.addWidget(editor)
    editor.resize(width, 600)
    editor.show()
    qtbot.waitExposed(editor)
    passage = next(p for p in session.project.annotations.query() if p.coder)
    editor.show_passage(passage.id)
    meta, button = editor.meta, editor.delete_button

    def whole() -> None:
        lines = meta.text().split("\n")
        assert " ".join(lines) == meta.full_text()  # broken between words, none cut
        assert all(meta.fontMetrics().horizontalAdvance(line) <= meta.width() for line in lines)
        assert meta.height() >= meta.sizeHint().height()
        assert not meta.geometry().intersects(button.geometry())

    qtbot.waitUntil(whole)
