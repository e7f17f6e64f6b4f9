"""The Passage panel in a small window: its parts never draw over one another."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from diptych.gui.commands import perform
from diptych.gui.passage_commands import SetPassageTags
from diptych.gui.passage_editor import PassageEditor
from diptych.gui.session import ProjectSession
from diptych.gui.tag_chips import TagChip


def shown_with_every_tag(qtbot, session: ProjectSession, width: int, height: int) -> PassageEditor:
    passage = next(iter(session.project.annotations.query()))
    every = tuple(tag.id for tag in session.codebook().ordered())
    assert perform(session, SetPassageTags(session, passage.id, every))
    editor = PassageEditor(session)
    qtbot.addWidget(editor)
    editor.resize(width, height)
    editor.show()
    qtbot.waitExposed(editor)
    editor.show_passage(passage.id)
    qtbot.waitUntil(lambda: len([c for c in editor.findChildren(TagChip) if c.isVisible()]) > 3)
    return editor


def placed(editor: PassageEditor, widget: QWidget) -> QRect:
    """The widget's rectangle in the editor's coordinates."""
    return QRect(widget.mapTo(editor, widget.rect().topLeft()), widget.size())


@pytest.mark.parametrize(("width", "height"), [(300, 260), (220, 420), (420, 200)])
def test_no_part_of_the_panel_overlaps_another(qtbot, session, width: int, height: int) -> None:
    editor = shown_with_every_tag(qtbot, session, width, height)
    parts = [
        editor.title,
        editor.quote,
        editor.chips,
        editor.preview_button,
        editor.note_pages,
        editor.meta,
        editor.delete_button,
    ]
    qtbot.waitUntil(
        lambda: editor.chips.height() >= editor.chips.flow.heightForWidth(editor.chips.width())
    )
    rects = [(part, placed(editor, part)) for part in parts if part.isVisible()]
    for i, (first, one) in enumerate(rects):
        for second, other in rects[i + 1 :]:
            assert not one.intersects(other), (first, one, second, other)
    chip_row = placed(editor, editor.chips)
    for chip in [c for c in editor.findChildren(TagChip) if c.isVisible()]:
        assert chip_row.contains(placed(editor, chip)), chip.label.full_text()
    assert editor.note_pages.height() >= 60  # room to write a note in


def test_the_chip_row_asks_for_the_height_its_wrapped_chips_take(qtbot, session) -> None:
    editor = shown_with_every_tag(qtbot, session, 220, 600)
    row = editor.chips
    needed = row.flow.heightForWidth(row.width())
    assert needed > row.add_button.sizeHint().height() * 2  # wrapped onto several lines
    assert row.minimumSizeHint().height() <= needed
    assert row.hasHeightForWidth()
    assert row.height() >= needed
