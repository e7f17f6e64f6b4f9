"""Redoing a tag merge leaves the merged tag alone when another window renamed, recoloured,
described or moved it after the undo: the redo is refused and says what changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui.commands import perform
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.tag_commands import MergeTags
from diptych.storage.errors import ChangedMeanwhileError
from diptych.storage.project import Project


def tag_id(project: Project, name: str) -> int:
    return next(t.id for t in project.tags.all() if t.name == name)


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        ({"name": "Security (Bob)"}, "renamed (it was 'Security')"),
        ({"color": "#112233"}, "given another colour"),
        ({"description": "Bob's definition"}, "given another description"),
    ],
)
def test_redoing_a_merge_keeps_a_tag_edited_since(
    sample: Path, edit: dict[str, str], said: str
) -> None:
    with Project.open(sample) as mine, Project.open(sample) as other:
        source, target = tag_id(mine, "Security"), tag_id(mine, "Culture & society")
        removal = mine.tags.merge(source_id=source, target_id=target)
        restored = mine.tags.restore(removal=removal)
        other.tags.update(tag_id=source, **edit)  # type: ignore[arg-type]
        before = (mine.tags.all(), mine.annotations.query())

        with pytest.raises(
            ChangedMeanwhileError, match=said.replace("(", r"\(").replace(")", r"\)")
        ):
            mine.tags.merge(source_id=source, target_id=target, redoing=removal, expected=restored)

        assert (mine.tags.all(), mine.annotations.query()) == before


def test_redoing_a_merge_nothing_changed_since_merges_again(sample: Path) -> None:
    with Project.open(sample) as mine:
        source, target = tag_id(mine, "Security"), tag_id(mine, "Culture & society")
        removal = mine.tags.merge(source_id=source, target_id=target)
        restored = mine.tags.restore(removal=removal)
        mine.tags.merge(source_id=source, target_id=target, redoing=removal, expected=restored)
        assert "Security" not in {t.name for t in mine.tags.all()}


def test_the_windows_redo_of_a_merge_is_refused_when_the_tag_was_moved_since(
    qtbot: QtBot, window: MainWindow, context: AppContext, sample: Path
) -> None:
    session = window.session
    source, target = (tag_id(session.project, n) for n in ("Security", "Culture & society"))
    assert perform(session, MergeTags(session, source, target))
    window.actions_.undo.trigger()
    with Project.open(sample) as other:  # another window nests it under Economy
        other.tags.move(tag_id=source, parent_id=tag_id(other, "Economy"))
    posted: list[tuple[int, str, str]] = []
    context.messages.posted.connect(lambda *args: posted.append(args))

    window.actions_.redo.trigger()

    errors = [text for level, _title, text in posted if level == Level.ERROR]
    assert len(errors) == 1
    assert errors[0].startswith("The tag 'Security' was moved in the codebook since")
    assert errors[0].endswith("Merge it by hand (Tags > Merge tag into…) if it should go.")
    assert "Security" in {t.name for t in session.ordered_tags()}


def test_redoing_a_merge_keeps_a_tag_given_sub_tags_since(sample: Path) -> None:
    with Project.open(sample) as mine, Project.open(sample) as other:
        source, target = tag_id(mine, "Diplomacy"), tag_id(mine, "Culture & society")
        removal = mine.tags.merge(source_id=source, target_id=target)
        restored = mine.tags.restore(removal=removal)
        bobs = other.tags.add(name="Bob's sub-tag", parent_id=source)
        before = mine.tags.all()

        with pytest.raises(ChangedMeanwhileError, match="'Diplomacy' was given sub-tags since"):
            mine.tags.merge(source_id=source, target_id=target, redoing=removal, expected=restored)

        assert mine.tags.all() == before
        assert mine.tags.get(tag_id=bobs.id).parent_id == source
