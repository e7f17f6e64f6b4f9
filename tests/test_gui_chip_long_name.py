"""A tag with a long name (a sentence, as some codebooks have) does not widen the Passage
panel: its chip shortens the name to the room there is, whole in its tooltip, and shows it
whole where there is room."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.passage_editor import PassageEditor
from diptych.gui.session import ProjectSession
from diptych.gui.tag_chips import TagChip

LONG = "Economic coercion and retaliation through informal trade restrictions"
DOCK_WIDTH = 310  # the Passage panel beside two articles on a laptop screen


def test_a_long_tag_name_is_shortened_in_a_narrow_panel_not_widening_it(
    qtbot: QtBot, session: ProjectSession
) -> None:
    tag = session.add_tag(name=LONG)
    passage = next(p for p in session.project.annotations.query() if p.tag_ids)
    session.set_passage_tags(passage.id, [*passage.tag_ids, tag.id])
    editor = PassageEditor(session)
    qtbot.addWidget(editor)
    editor.resize(DOCK_WIDTH, 420)
    editor.show()
    qtbot.waitExposed(editor)
    editor.show_passage(passage.id)
    chip = next(c for c in editor.chips.findChildren(TagChip) if c.tag_id == tag.id)
    qtbot.waitUntil(lambda: chip.isVisible() and chip.label.text() != LONG)
    # The panel may be as narrow as it was: the chip asks for no more than a few letters.
    assert editor.minimumSizeHint().width() < DOCK_WIDTH
    assert chip.geometry().right() < editor.chips.width()  # inside the panel, not cut off
    assert chip.label.text().endswith("…") and LONG.startswith(chip.label.text()[:-1])
    assert chip.remove_button.isVisible()
    assert chip.remove_button.geometry().right() <= chip.width()
    assert LONG in chip.toolTip()

    editor.resize(900, 420)  # room for the whole name
    qtbot.waitUntil(lambda: chip.label.text() == LONG)
