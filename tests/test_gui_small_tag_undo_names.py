"""Edit > Undo names the tag a codebook edit changed, and what changed when that is one
thing: "Rename tag A to B", "Change colour of tag A"; an '&' in a name shows as written."""

from __future__ import annotations

from dataclasses import replace

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_dialog import TagValues


def values_of(window: MainWindow, tag_id: int) -> TagValues:
    """What the tag dialog returns for a tag left as it is."""
    tag = window.session.codebook()[tag_id]
    return TagValues(
        name=tag.name, color=tag.color, parent_id=tag.parent_id, description=tag.description
    )


def tag_id(window: MainWindow, name: str) -> int:
    return next(t.id for t in window.session.ordered_tags() if t.name == name)


def test_undo_names_the_renamed_the_recoloured_and_the_edited_tag(window: MainWindow) -> None:
    panel, undo = window.tags, window.actions_.undo
    culture = tag_id(window, "Culture & society")
    same = values_of(window, culture)

    panel.update_tag(culture, replace(same, name="Culture & arts"), name=same.name)
    assert undo.text() == "&Undo Rename tag “Culture && society” to “Culture && arts”"
    undo.trigger()
    assert window.actions_.redo.text() == (
        "&Redo Rename tag “Culture && society” to “Culture && arts”"
    )

    panel.update_tag(culture, replace(same, color="#2E7D32"), name=same.name)
    assert undo.text() == "&Undo Change colour of tag “Culture && society”"
    undo.trigger()

    panel.update_tag(culture, replace(same, description="Arts, customs"), name=same.name)
    assert undo.text() == "&Undo Change description of tag “Culture && society”"
    undo.trigger()

    panel.update_tag(culture, replace(same, name="Culture", color="#2E7D32"), name=same.name)
    assert undo.text() == "&Undo Edit tag “Culture && society”"
    undo.trigger()

    trade = tag_id(window, "Trade")  # nested: named by its path, as namesakes may be
    security = tag_id(window, "Security")
    path = window.session.codebook().path(trade)
    assert "/" in path
    panel.update_tag(trade, replace(values_of(window, trade), parent_id=security), name="Trade")
    assert undo.text() == f"&Undo Move tag “{path}”"
    undo.trigger()
    moved = replace(values_of(window, trade), parent_id=security, color="#2E7D32")
    panel.update_tag(trade, moved, name="Trade")
    assert undo.text() == f"&Undo Edit tag “{path}”"
    assert window.session.codebook().path(trade) == "Security/Trade"


def test_undo_names_the_deleted_and_the_merged_tag(window: MainWindow) -> None:
    panel, undo = window.tags, window.actions_.undo
    culture, security = tag_id(window, "Culture & society"), tag_id(window, "Security")
    panel.merge_into(culture, security)
    assert undo.text() == "&Undo Merge tag “Culture && society” into “Security”"
    undo.trigger()

    panel.confirm = lambda *_args: True  # "Delete" answered
    panel.select_tag(culture)
    panel.delete_tag()
    assert culture not in [t.id for t in window.session.ordered_tags()]
    assert undo.text() == "&Undo Delete tag “Culture && society”"
