"""Keys 1-9 stay with their tags: each key belongs to a tag, kept in the project file, and
no edit of the codebook but choosing a key moves one.

Keys are read back from the file through a connection of their own, as another window or
the next start reads them.
"""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from diptych.storage.cli import main
from diptych.storage.errors import ChangedMeanwhileError, InputError, ReadOnlyProjectError
from diptych.storage.project import Project
from diptych.storage.sample import build_sample_project, create_sample_project
from diptych.storage.tag_keys import INFO_KEY

NAMES = ("Economy", "Security", "Diplomacy", "Culture", "Evidence", "Law", "Media", "Trade")


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "p.diptych"


@pytest.fixture
def project(path: Path) -> Iterator[Project]:
    with Project.create(path) as project:
        for name in NAMES:
            project.tags.add(name=name)
        yield project


def keys(path: Path) -> dict[int, str]:
    """Which tag (its path) each key applies, as the file says."""
    with Project.open(path, read_only=True) as project:
        codebook = project.tags.codebook()
        return {key: codebook.path(tag_id) for key, tag_id in codebook.keys().items()}


def stored(path: Path) -> list[tuple[str]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT value FROM project_info WHERE key = ?", [INFO_KEY]).fetchall()
    finally:
        conn.close()


def tag_id(project: Project, name: str) -> int:
    found = project.tags.find(name=name)
    assert found is not None
    return found.id


FIRST = {1: "Economy", 2: "Security", 3: "Diplomacy", 4: "Culture", 5: "Evidence", 6: "Law"}
FIRST |= {7: "Media", 8: "Trade"}


def test_a_project_without_stored_keys_keeps_the_first_nine_tags_and_opening_writes_nothing(
    path: Path, project: Project
) -> None:
    project.tags.add(name="Ninth")
    project.tags.add(name="Tenth")  # beyond the ninth: no key
    assert keys(path) == FIRST | {9: "Ninth"}
    assert stored(path) == []  # new tags at the end never moved a key: nothing to keep
    project.tags.update(tag_id=tag_id(project, "Law"), name="Law and order")
    assert stored(path) == []


def test_a_new_sub_tag_takes_the_lowest_free_key_and_moves_no_other(
    path: Path, project: Project
) -> None:
    project.tags.add(name="Tariffs", parent_id=tag_id(project, "Economy"))
    # In codebook order it is second; keys 2-8 stay with the tags they had.
    assert keys(path) == FIRST | {9: "Economy/Tariffs"}
    project.tags.add(name="Alliances", parent_id=tag_id(project, "Security"))  # none free
    assert keys(path) == FIRST | {9: "Economy/Tariffs"}
    assert stored(path)  # kept in the file from the first change that would move a key


def test_deleting_frees_the_key_the_others_keep_theirs_and_undo_gives_it_back(
    path: Path, project: Project
) -> None:
    removal = project.tags.delete(tag_id=tag_id(project, "Security"))
    assert removal.key == 2
    assert keys(path) == {k: t for k, t in FIRST.items() if k != 2}
    project.tags.restore(removal=removal)
    assert keys(path) == FIRST
    assert stored(path) == []  # the first nine tags' keys again: the file as it was


def test_the_sub_tags_of_a_deleted_tag_keep_their_keys(path: Path, project: Project) -> None:
    project.tags.add(name="Tariffs", parent_id=tag_id(project, "Economy"))  # key 9
    project.tags.delete(tag_id=tag_id(project, "Economy"))  # Tariffs moves up a level
    assert keys(path) == {k: t for k, t in FIRST.items() if k != 1} | {9: "Tariffs"}


def test_a_freed_key_goes_to_the_next_new_tag_and_undo_then_leaves_it_there(
    path: Path, project: Project
) -> None:
    removal = project.tags.delete(tag_id=tag_id(project, "Security"))
    project.tags.add(name="Health")
    assert keys(path)[2] == "Health"
    project.tags.restore(removal=removal)
    assert keys(path) == FIRST | {2: "Health"}  # Security back, without a key
    project.tags.add(name="Sport")
    assert keys(path)[9] == "Sport"


def test_moving_and_nesting_move_no_key(path: Path, project: Project) -> None:
    project.tags.move(tag_id=tag_id(project, "Trade"), parent_id=tag_id(project, "Economy"))
    project.tags.move(tag_id=tag_id(project, "Economy"), parent_id=None, position=5)
    project.tags.move(tag_id=tag_id(project, "Evidence"), parent_id=None, position=0)
    assert keys(path) == FIRST | {1: "Economy", 8: "Economy/Trade"}
    project.tags.update(tag_id=tag_id(project, "Law"), name="Aardvark", color="#123456")
    assert keys(path)[6] == "Aardvark"


def test_merging_keeps_the_targets_key_or_gives_it_the_merged_tags(
    path: Path, project: Project
) -> None:
    project.tags.add(name="Spare")  # key 9
    project.tags.add(name="Keyless")  # the tenth: no key
    merged = project.tags.merge(
        source_id=tag_id(project, "Law"), target_id=tag_id(project, "Media")
    )
    assert keys(path) == {k: t for k, t in FIRST.items() if k != 6} | {9: "Spare"}
    into_keyless = project.tags.merge(
        source_id=tag_id(project, "Security"), target_id=tag_id(project, "Keyless")
    )
    assert keys(path)[2] == "Keyless"
    project.tags.restore(removal=into_keyless)  # Security takes its key back from Keyless
    project.tags.restore(removal=merged)
    assert keys(path) == FIRST | {9: "Spare"}


def test_a_chosen_key_moves_from_the_tag_that_had_it_and_undoes(
    path: Path, project: Project
) -> None:
    law, trade = tag_id(project, "Law"), tag_id(project, "Trade")
    before = project.tags.set_keys(keys={6: trade})  # Law's key to Trade, which had 8
    assert before == {6: law, 8: trade}
    assert keys(path) == {k: t for k, t in FIRST.items() if k != 8} | {6: "Trade"}
    project.tags.set_keys(keys=before, expected={6: trade, 8: None})
    assert keys(path) == FIRST
    project.tags.set_keys(keys={8: None})
    assert 8 not in keys(path)


def test_a_key_changed_meanwhile_is_not_written_over(path: Path, project: Project) -> None:
    law, trade = tag_id(project, "Law"), tag_id(project, "Trade")
    before = project.tags.set_keys(keys={6: trade})
    project.tags.set_keys(keys={6: tag_id(project, "Media")})  # another window, say
    with pytest.raises(ChangedMeanwhileError):
        project.tags.set_keys(keys=before, expected={6: trade, 8: None})
    assert keys(path)[6] == "Media"
    with pytest.raises(InputError):
        project.tags.set_keys(keys={10: law})


def test_a_read_only_project_reads_its_keys_and_writes_none(path: Path, project: Project) -> None:
    project.tags.add(name="Tariffs", parent_id=tag_id(project, "Economy"))
    project.close()
    with Project.open(path, read_only=True) as read_only:
        codebook = read_only.tags.codebook()
        assert codebook.path(codebook.keys()[9]) == "Economy/Tariffs"
        with pytest.raises(ReadOnlyProjectError):
            read_only.tags.set_keys(keys={1: None})


def test_the_sample_and_its_copies_keep_the_first_nine_tags_in_order(tmp_path: Path) -> None:
    built = build_sample_project(tmp_path / "built.diptych")
    built.close()
    copied = create_sample_project(tmp_path / "copy.diptych")
    copied.close()
    for path in (tmp_path / "built.diptych", tmp_path / "copy.diptych"):
        assert stored(path) == []
        assert list(keys(path).values())[:3] == ["Economy", "Economy/Trade", "Security"]


def test_a_copy_of_the_sample_keeps_keys_written_in_the_template(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import diptych.storage.sample as sample

    template = tmp_path / "template.diptych"
    with build_sample_project(template) as project:
        security = project.tags.find(name="Security")
        assert security is not None
        project.tags.set_keys(keys={1: security.id})
    monkeypatch.setattr(sample, "_usable_template", lambda _path: True)
    monkeypatch.setattr(sample.resources, "as_file", lambda _ref: _Given(template))
    with create_sample_project(tmp_path / "copy.diptych") as copy:
        codebook = copy.tags.codebook()
        assert codebook.path(codebook.keys()[1]) == "Security"


class _Given:
    """A context manager that gives ``path`` (in place of a packaged resource)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, *exc: object) -> None:
        return None


def test_tags_added_at_once_take_the_keys_they_take_one_by_one(tmp_path: Path) -> None:
    def build(name: str, *, at_once: bool) -> dict[int, str]:
        path = tmp_path / name
        with Project.create(path) as project:
            for tag in ("A", "B", "C", "D"):
                project.tags.add(name=tag)
            project.tags.delete(tag_id=tag_id(project, "B"))  # key 2 free, keys kept
            with project.tags.adding_many() if at_once else contextlib.nullcontext():
                for parent in ("A", "C", "D"):
                    for child in ("x", "y", "z"):
                        project.tags.add(name=child, parent_id=tag_id(project, parent))
        return keys(path)

    one_by_one = build("one.diptych", at_once=False)
    assert one_by_one == {1: "A", 2: "A/x", 3: "C", 4: "D", 5: "A/y", 6: "A/z", 7: "C/x"} | {
        8: "C/y",
        9: "C/z",
    }
    assert build("at_once.diptych", at_once=True) == one_by_one


def run_cli(*argv: str | Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue() + err.getvalue()


def test_the_command_line_lists_and_gives_keys(path: Path, project: Project) -> None:
    project.close()
    assert run_cli("tag", path, "Trade", "--key", "2")[0] == 0
    assert run_cli("tag", path, "Sanctions", "--parent", "Economy", "--key", "none")[0] == 0
    code, out = run_cli("tags", path, "--json")
    assert code == 0
    listed = {tag["path"]: tag["key"] for tag in json.loads(out)}
    assert listed == {
        "Economy": 1, "Economy/Sanctions": None, "Security": None, "Diplomacy": 3,
        "Culture": 4, "Evidence": 5, "Law": 6, "Media": 7, "Trade": 2,
    }  # fmt: skip
    assert run_cli("tag", path, "Trade", "--key", "10")[0] != 0
