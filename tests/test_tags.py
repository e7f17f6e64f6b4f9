"""Tags meeting a namesake: merging folds same-named sub-tags together and undoes exactly;
deleting and nesting beside one are refused with a message instead of failing on the file.

Outcomes are read back from the project file through a connection of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.errors import InputError
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project

TEXT = "One two three four five six seven eight nine ten eleven twelve.\n"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "p.diptych"


@pytest.fixture
def project(path: Path) -> Iterator[Project]:
    with Project.create(path) as project:
        project.articles.add(parsed=parse_article(TEXT.encode(), name="a.txt"))
        yield project


def saved(path: Path) -> dict[str, object]:
    """Every tag (all columns), passage-tag link and memo in the file."""
    with Project.open(path, read_only=True) as project:
        return {
            "tags": sorted(project.tags.all(), key=lambda t: t.id),
            "links": sorted((p.id, t) for p in project.annotations.query() for t in p.tag_ids),
            "memos": sorted(project.memos.all(), key=lambda m: m.id),
        }


def saved_paths(path: Path) -> dict[str, set[str]]:
    """Each tag's path with the words of the passages that carry it."""
    with Project.open(path, read_only=True) as project:
        codebook = project.tags.codebook()
        found: dict[str, set[str]] = {codebook.path(t.id): set() for t in codebook.ordered()}
        for passage in project.annotations.query():
            for tag_id in passage.tag_ids:
                found[codebook.path(tag_id)].add(passage.exact)
        return found


def tag_passage(project: Project, word: str, *tag_ids: int) -> None:
    start = TEXT.index(word)
    project.annotations.add(article_id=1, start=start, end=start + len(word), tag_ids=list(tag_ids))


# -- merging folds same-named sub-tags ---------------------------------------------------
def test_merge_folds_same_named_sub_tags_and_undo_restores_everything(
    project: Project, path: Path
) -> None:
    econ = project.tags.add(name="Econ")
    trade = project.tags.add(name="Trade", parent_id=econ.id)
    ports = project.tags.add(name="Ports", parent_id=trade.id)
    project.tags.add(name="Rail", parent_id=trade.id)
    tariffs = project.tags.add(name="Tariffs", parent_id=econ.id)
    economy = project.tags.add(name="Economy")
    their_trade = project.tags.add(name="trade", parent_id=economy.id)  # differs in case only
    their_ports = project.tags.add(name="Ports", parent_id=their_trade.id)
    project.tags.add(name="Jobs", parent_id=economy.id)
    tag_passage(project, "One", econ.id)
    tag_passage(project, "two", trade.id)
    tag_passage(project, "three", trade.id, their_trade.id)
    tag_passage(project, "four", ports.id)
    tag_passage(project, "five", tariffs.id)
    tag_passage(project, "six", their_ports.id)
    project.memos.set(kind=MemoKind.TAG, target_id=trade.id, text="Trade in goods")
    project.memos.set(kind=MemoKind.TAG, target_id=their_trade.id, text="Kept")
    before = saved(path)

    removal = project.tags.merge(source_id=econ.id, target_id=economy.id)

    assert saved_paths(path) == {
        "Economy": {"One"},
        "Economy/trade": {"two", "three"},
        "Economy/trade/Ports": {"four", "six"},
        "Economy/trade/Rail": set(),
        "Economy/Jobs": set(),
        "Economy/Tariffs": {"five"},
    }
    with Project.open(path, read_only=True) as reader:
        # The folded sub-tag's memo joins the one of the sub-tag it was merged into.
        assert [m.text for m in reader.memos.all()] == [
            "Kept\n\n*From the tag “Trade”, merged here.*\n\nTrade in goods"
        ]
        children = reader.tags.codebook().children(economy.id)
        assert [t.name for t in children] == ["trade", "Jobs", "Tariffs"]

    project.tags.restore(removal=removal)
    assert saved(path) == before


def test_merge_into_the_parent_of_a_tag_whose_sub_tag_shares_its_name(
    project: Project, path: Path
) -> None:
    themes = project.tags.add(name="Themes")
    trust = project.tags.add(name="Trust", parent_id=themes.id)
    inner = project.tags.add(name="Trust", parent_id=trust.id)
    tag_passage(project, "One", trust.id)
    tag_passage(project, "two", inner.id)
    before = saved(path)

    removal = project.tags.merge(source_id=trust.id, target_id=themes.id)
    assert saved_paths(path) == {"Themes": {"One"}, "Themes/Trust": {"two"}}
    project.tags.restore(removal=removal)
    assert saved(path) == before

    removal = project.tags.delete(tag_id=trust.id)
    assert saved_paths(path) == {"Themes": set(), "Themes/Trust": {"two"}}
    project.tags.restore(removal=removal)
    assert saved(path) == before


def test_merging_into_a_tag_that_does_not_exist_is_refused(project: Project, path: Path) -> None:
    econ = project.tags.add(name="Econ")
    tag_passage(project, "One", econ.id)
    before = saved(path)
    with pytest.raises(InputError, match="there is no tag 999"):
        project.tags.merge(source_id=econ.id, target_id=999)
    assert saved(path) == before


# -- deleting and nesting beside a namesake are refused ------------------------------------
def test_deleting_a_tag_whose_sub_tag_would_meet_a_namesake_is_refused(
    project: Project, path: Path
) -> None:
    econ = project.tags.add(name="Econ")
    trade = project.tags.add(name="Trade", parent_id=econ.id)
    project.tags.add(name="TRADE")
    tag_passage(project, "One", econ.id, trade.id)
    before = saved(path)

    with pytest.raises(InputError) as caught:
        project.tags.delete(tag_id=econ.id)
    assert str(caught.value) == (
        "deleting 'Econ' would move its sub-tag 'Trade' up at the top level, where a tag"
        " called 'TRADE' already is. Rename one of them first, or merge 'Econ/Trade' into"
        " the other."
    )
    assert saved(path) == before


def test_nesting_beside_a_namesake_or_under_no_tag_is_refused(project: Project, path: Path) -> None:
    economy = project.tags.add(name="Economy")
    project.tags.add(name="Trade", parent_id=economy.id)
    trade = project.tags.add(name="trade")
    before = saved(path)

    with pytest.raises(InputError) as caught:
        project.tags.move(tag_id=trade.id, parent_id=economy.id)
    assert str(caught.value) == (
        "a tag called 'Trade' already exists under 'Economy'."
        " Rename one of them first, or merge 'trade' into the other."
    )
    with pytest.raises(InputError, match="there is no tag 999"):
        project.tags.move(tag_id=trade.id, parent_id=999)
    with pytest.raises(InputError, match="there is no tag 998"):
        project.tags.move(tag_id=998, parent_id=None)
    assert saved(path) == before
