"""Undoing (or redoing) the signing of passages with another coder's name leaves a passage
another window signed with yet another name since as that window signed it."""

from __future__ import annotations

from pathlib import Path

import pytest

from diptych.storage.errors import ChangedMeanwhileError
from diptych.storage.passage_coders import sign, unsign
from diptych.storage.project import Project


def coders(project: Project, ids: list[int]) -> list[str]:
    return [project.annotations.get(annotation_id=i).coder for i in ids]


def test_undo_of_a_signing_keeps_a_name_given_since_in_another_window(sample: Path) -> None:
    with Project.open(sample) as mine, Project.open(sample) as other:
        first, second = (p.id for p in mine.annotations.query()[:2])
        before = coders(mine, [first, second])
        signing = sign(mine, [first, second], "Ann")
        sign(other, [first], "Ben")  # the other window signs the first passage meanwhile

        kept = unsign(mine, signing)

        assert kept == (first,)
        assert coders(mine, [first, second]) == ["Ben", before[1]]
        assert {c.name for c in mine.annotations.coders()} >= {"Ben", before[1]}
        assert "Ann" not in {c.name for c in mine.annotations.coders()}


def test_redo_of_a_signing_keeps_a_name_given_since_in_another_window(sample: Path) -> None:
    with Project.open(sample) as mine, Project.open(sample) as other:
        first, second = (p.id for p in mine.annotations.query()[:2])
        signing = sign(mine, [first, second], "Ann")
        assert unsign(mine, signing) == ()
        sign(other, [second], "Ben")  # signed meanwhile, after the undo

        again = sign(mine, [first, second], "Ann", again=signing)

        assert again.kept == (second,)
        assert coders(mine, [first, second]) == ["Ann", "Ben"]
        assert unsign(mine, again) == ()  # and undone again: only the first was changed
        assert coders(mine, [second]) == ["Ben"]


def test_a_passage_signed_since_in_another_window_is_not_deleted_by_undo(sample: Path) -> None:
    with Project.open(sample) as mine, Project.open(sample) as other:
        made = mine.annotations.add(article_id=1, start=4, end=12, tag_ids=[1], coder="Ann")
        sign(other, [made.id], "Ben")

        with pytest.raises(ChangedMeanwhileError, match="coder's name"):
            mine.annotations.delete(annotation_id=made.id, expected=made)  # undoing its making

        assert coders(mine, [made.id]) == ["Ben"]


def test_passages_deleted_together_are_refused_when_one_was_signed_since(sample: Path) -> None:
    with Project.open(sample) as mine, Project.open(sample) as other:
        made = [
            mine.annotations.add(article_id=1, start=s, end=s + 8, tag_ids=[1], coder="Ann")
            for s in (4, 40)
        ]
        sign(other, [made[1].id], "Ben")

        with pytest.raises(ChangedMeanwhileError, match="coder's name"):
            mine.annotations.delete_many(expected=made)

        assert coders(mine, [p.id for p in made]) == ["Ann", "Ben"]
