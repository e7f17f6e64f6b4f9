"""Merging tags keeps what was written about them: the merged tag's memo joins the target's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.model import MemoKind
from diptych.storage.project import Project


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "memos.diptych"


@pytest.fixture
def project(path: Path) -> Iterator[Project]:
    with Project.create(path) as project:
        yield project


def tag_memos(path: Path) -> dict[str, str]:
    """Each tag's memo text by tag path, as saved in the file."""
    with Project.open(path, read_only=True) as reader:
        codebook = reader.tags.codebook()
        return {
            codebook.path(m.target_id): m.text
            for m in reader.memos.all()
            if m.kind is MemoKind.TAG and m.target_id is not None
        }


def test_the_merged_tags_memo_moves_to_a_target_without_one(project: Project, path: Path) -> None:
    econ = project.tags.add(name="Econ")
    economy = project.tags.add(name="Economy")
    project.memos.set(kind=MemoKind.TAG, target_id=econ.id, text="Why *Econ* matters.")

    removal = project.tags.merge(source_id=econ.id, target_id=economy.id)

    assert tag_memos(path) == {"Economy": "Why *Econ* matters."}
    project.tags.restore(removal=removal)
    assert tag_memos(path) == {"Econ": "Why *Econ* matters."}


def test_the_merged_tags_memo_is_added_after_the_targets_and_undo_restores_both(
    project: Project, path: Path
) -> None:
    econ = project.tags.add(name="Econ")
    trade = project.tags.add(name="Trade", parent_id=econ.id)
    economy = project.tags.add(name="Economy")
    their_trade = project.tags.add(name="Trade", parent_id=economy.id)
    project.memos.set(kind=MemoKind.TAG, target_id=econ.id, text="Econ memo")
    project.memos.set(kind=MemoKind.TAG, target_id=economy.id, text="Economy memo\n")
    project.memos.set(kind=MemoKind.TAG, target_id=trade.id, text="Trade in goods")
    project.memos.set(kind=MemoKind.TAG, target_id=their_trade.id, text="Kept")
    before = {m.id: m for m in project.memos.all()}

    removal = project.tags.merge(source_id=econ.id, target_id=economy.id)

    assert tag_memos(path) == {
        "Economy": "Economy memo\n\n*From the tag “Econ”, merged here.*\n\nEcon memo",
        "Economy/Trade": "Kept\n\n*From the tag “Trade”, merged here.*\n\nTrade in goods",
    }
    project.tags.restore(removal=removal)
    assert {m.id: m for m in project.memos.all()} == before


def test_a_blank_memo_leaves_the_targets_untouched(project: Project, path: Path) -> None:
    econ = project.tags.add(name="Econ")
    economy = project.tags.add(name="Economy")
    project.memos.set(kind=MemoKind.TAG, target_id=econ.id, text="  \n")
    project.memos.set(kind=MemoKind.TAG, target_id=economy.id, text="Economy memo")
    target_before = project.memos.get(kind=MemoKind.TAG, target_id=economy.id)

    project.tags.merge(source_id=econ.id, target_id=economy.id)

    assert project.memos.get(kind=MemoKind.TAG, target_id=economy.id) == target_before


def test_deleting_a_tag_still_removes_its_memo(project: Project, path: Path) -> None:
    econ = project.tags.add(name="Econ")
    project.memos.set(kind=MemoKind.TAG, target_id=econ.id, text="Econ memo")
    removal = project.tags.delete(tag_id=econ.id)
    assert tag_memos(path) == {}
    project.tags.restore(removal=removal)
    assert tag_memos(path) == {"Econ": "Econ memo"}


def test_the_merged_tags_description_is_kept_in_the_targets_memo(
    project: Project, path: Path
) -> None:
    inspection = project.tags.add(name="Inspection", description="External inspection regimes")
    curriculum = project.tags.add(name="Curriculum")
    project.memos.set(kind=MemoKind.TAG, target_id=inspection.id, text="Ofsted visits.")

    removal = project.tags.merge(source_id=inspection.id, target_id=curriculum.id)

    assert tag_memos(path) == {
        "Curriculum": "*From the tag “Inspection”, merged here.*\n\n"
        "Its description: External inspection regimes\n\nOfsted visits."
    }
    project.tags.restore(removal=removal)
    assert tag_memos(path) == {"Inspection": "Ofsted visits."}
    assert project.tags.get(tag_id=inspection.id).description == "External inspection regimes"


def test_a_description_without_a_memo_is_kept_in_the_targets_memo(
    project: Project, path: Path
) -> None:
    inspection = project.tags.add(name="Inspection", description="External inspection regimes")
    curriculum = project.tags.add(name="Curriculum")
    said = (
        "*From the tag “Inspection”, merged here.*\n\nIts description: External inspection regimes"
    )

    removal = project.tags.merge(source_id=inspection.id, target_id=curriculum.id)
    assert tag_memos(path) == {"Curriculum": said}
    project.tags.restore(removal=removal)
    assert tag_memos(path) == {}  # the target had none: undo takes it away

    project.memos.set(kind=MemoKind.TAG, target_id=curriculum.id, text="What is taught.")
    project.tags.merge(source_id=inspection.id, target_id=curriculum.id)
    assert tag_memos(path) == {"Curriculum": "What is taught.\n\n" + said}


def test_a_description_the_target_has_too_is_not_repeated(project: Project, path: Path) -> None:
    econ = project.tags.add(name="Econ", description="Economic motives")
    economy = project.tags.add(name="Economy", description="Economic motives ")
    project.tags.merge(source_id=econ.id, target_id=economy.id)
    assert tag_memos(path) == {}
