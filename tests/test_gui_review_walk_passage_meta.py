"""The passage panel says in full who coded a passage and when, even in a narrow dock."""

from __future__ import annotations

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
