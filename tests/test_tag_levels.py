"""Tags nest at most MAX_TAG_LEVELS levels deep: creating, moving, merging and importing
refuse to go deeper, with the reason and nothing changed. A file made by an older version
with a codebook thousands of levels deep still opens, lists and exports (its tree walked
without recursion); a REFI-QDA export, which could not be read back, is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import run
from test_refiqda_import import NS, write_qdpx
from test_tags import TEXT

from diptych.storage.codebook import MAX_TAG_LEVELS
from diptych.storage.errors import ExchangeFileError, InputError
from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.refiqda_import import import_exchange_file

DEEP = 1500  # deeper than Python's recursion limit (1000)


def chain(project: Project, prefix: str, levels: int, parent_id: int | None = None) -> list[int]:
    ids = []
    for level in range(levels):
        parent_id = project.tags.add(name=f"{prefix}{level + 1}", parent_id=parent_id).id
        ids.append(parent_id)
    return ids


def everything(path: Path) -> list[tuple[object, ...]]:
    with Project.open(path, read_only=True) as project:
        return [(t.id, t.name, t.parent_id, t.sort_order) for t in project.tags.all()]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "p.diptych"
    with Project.create(path) as project:
        project.articles.add(parsed=parse_article(TEXT.encode(), name="a.txt"))
    return path


def test_a_tag_below_the_deepest_level_is_refused(path: Path) -> None:
    assert MAX_TAG_LEVELS == 64
    with Project.open(path) as project:
        deepest = chain(project, "A", MAX_TAG_LEVELS)[-1]
        assert project.tags.codebook().level(deepest) == MAX_TAG_LEVELS
    before = everything(path)
    with Project.open(path) as project, pytest.raises(InputError) as caught:
        project.tags.add(name="Too deep", parent_id=deepest)
    assert caught.value.message == (
        "the tag 'Too deep' would nest tags 65 levels deep; tags can be nested at most 64"
        " levels deep"
    )
    assert caught.value.advice == "Choose a parent higher up in the codebook."
    assert everything(path) == before


def test_moving_or_merging_tags_deeper_than_the_limit_is_refused(path: Path) -> None:
    with Project.open(path) as project:
        deep = chain(project, "A", 40)
        other = chain(project, "B", 30)
    before = everything(path)
    with Project.open(path) as project:
        with pytest.raises(InputError, match="would nest tags 70 levels deep"):
            project.tags.move(tag_id=other[0], parent_id=deep[-1])
        with pytest.raises(InputError, match="would nest tags 69 levels deep"):
            project.tags.merge(source_id=other[0], target_id=deep[-1])
        assert project.tags.move(tag_id=other[0], parent_id=deep[33]).parent_id == deep[33]
    after = everything(path)
    assert [row for row in after if row[0] != other[0]] == [
        row for row in before if row[0] != other[0]
    ]


def test_an_import_that_would_nest_tags_too_deep_is_refused(tmp_path: Path, path: Path) -> None:
    with Project.open(path) as project:
        deepest = project.tags.get(tag_id=chain(project, "A", 60)[-1])
    before = everything(path)
    # The file's top-level code is the project's deepest tag (its GUID, as Diptych
    # exports it), and holds codes five levels deep below it.
    codes = "".join(
        f'<Code guid="a1b2c3d4-0000-4000-8000-{n:012d}" name="c{n}" isCodable="true">'
        for n in range(1, 6)
    )
    qde = (
        f"<Project {NS} name='p'><CodeBook><Codes>"
        f'<Code guid="{deepest.uuid}" name="A60" isCodable="true">{codes}{"</Code>" * 6}'
        "</Codes></CodeBook></Project>"
    )
    file = write_qdpx(tmp_path / "deep.qdpx", qde)
    with Project.open(path) as project, pytest.raises(ExchangeFileError) as caught:
        import_exchange_file(project, path=file)
    assert "deep.qdpx" in str(caught.value)
    assert "would nest tags 65 levels deep; tags can be nested at most 64" in str(caught.value)
    assert everything(path) == before


@pytest.fixture
def older_file(path: Path) -> Path:
    """A project whose codebook an older version let grow DEEP levels deep."""
    with Project.open(path) as project, project.transaction():
        for level in range(1, DEEP + 1):
            project.db.execute(
                "INSERT INTO tags (id, uuid, name, color, parent_id, description, sort_order,"
                " created_at) VALUES (?, ?, ?, '#7CC6F2', ?, '', 0, '')",
                [level, f"u{level}", f"L{level}", level - 1 or None],
            )
        project.annotations.add(article_id=1, start=0, end=3, tag_ids=[DEEP])
    return path


def test_a_codebook_thousands_of_levels_deep_is_walked(older_file: Path) -> None:
    with Project.open(older_file, read_only=True) as project:
        codebook = project.tags.codebook()
        assert [t.name for t in codebook.ordered()] == [f"L{n}" for n in range(1, DEEP + 1)]
        assert codebook.levels() == DEEP and codebook.level(DEEP) == DEEP
        assert len(codebook.descendants(1)) == DEEP - 1
        markdown = export_project(project, fmt="md").decode()
    assert "One" in markdown
    code, out, err = run("tags", older_file)
    assert code == 0, err
    assert out.splitlines()[-1].endswith("  " * (DEEP - 1) + f"L{DEEP}")


def test_a_refiqda_export_of_a_codebook_too_deep_is_refused(older_file: Path) -> None:
    with Project.open(older_file, read_only=True) as project:
        for fmt in ("qdpx", "qdc"):
            with pytest.raises(InputError) as caught:
                export_project(project, fmt=fmt)
            assert caught.value.message == (
                f"the tags to export are nested {DEEP} levels deep; a REFI-QDA file holds at"
                " most 64 levels of tags"
            )
    code, _, err = run(
        "export", older_file, "--format", "qdpx", "-o", older_file.with_suffix(".qdpx")
    )
    assert code != 0
    assert "nested 1500 levels deep" in err and "higher up in the codebook" in err
