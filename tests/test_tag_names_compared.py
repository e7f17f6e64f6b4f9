"""Two tag names are the same name whatever the case ("Économie", "économie") and however
an accent was typed ("é" as one character, or "e" and a combining accent): creating,
renaming, moving, finding, the command line and a REFI-QDA import all compare them so.
A name is found as typed first, in a file that holds both (made by an older version)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from test_cli import run
from test_refiqda_import import NS, write_qdpx
from test_tags import TEXT

from diptych.storage.codebook import name_key
from diptych.storage.errors import InputError
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.refiqda_import import import_exchange_file

CAFE = unicodedata.normalize("NFC", "Café")
CAFE_TYPED_APART = unicodedata.normalize("NFD", "Café")  # "e" and U+0301


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "p.diptych"
    with Project.create(path) as project:
        project.articles.add(parsed=parse_article(TEXT.encode(), name="a.txt"))
        politics = project.tags.add(name="Politics")
        project.tags.add(name=CAFE)
        project.tags.add(name="Économie", parent_id=politics.id)
        project.tags.add(name="Trade")
    return path


def names(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        codebook = project.tags.codebook()
        return [codebook.path(t.id) for t in codebook.ordered()]


def test_name_key_folds_case_and_the_form_of_accents() -> None:
    assert CAFE != CAFE_TYPED_APART
    assert name_key(CAFE) == name_key(CAFE_TYPED_APART) == name_key("CAFÉ")
    assert name_key("Économie") == name_key("économie")
    assert name_key("Economie") != name_key("Économie")


@pytest.mark.parametrize(
    ("name", "parent"),
    [(CAFE_TYPED_APART, None), ("ÉCONOMIE", "Politics"), ("économie", "Politics")],
)
def test_a_namesake_is_refused_when_creating(path: Path, name: str, parent: str | None) -> None:
    before = names(path)
    with Project.open(path) as project:
        parent_id = project.tags.codebook().find(parent)[0].id if parent else None
        with pytest.raises(InputError, match="already exists"):
            project.tags.add(name=name, parent_id=parent_id)
    assert names(path) == before


def test_a_name_is_kept_as_typed_in_one_form(path: Path) -> None:
    with Project.open(path) as project:
        tag = project.tags.add(name=unicodedata.normalize("NFD", "Réseaux"))
        assert tag.name == unicodedata.normalize("NFC", "Réseaux")


def test_renaming_and_moving_beside_a_namesake_are_refused(path: Path) -> None:
    before = names(path)
    with Project.open(path) as project:
        codebook = project.tags.codebook()
        trade = codebook.find("Trade")[0]
        with pytest.raises(InputError, match="already exists"):
            project.tags.update(tag_id=trade.id, name=CAFE_TYPED_APART)
        economie = project.tags.add(name="économie")  # at the top level: no namesake there
        with pytest.raises(InputError, match="already exists"):
            project.tags.move(tag_id=economie.id, parent_id=codebook.find("Politics")[0].id)
        # A tag's own name in another case or form is no namesake of it.
        renamed = project.tags.update(tag_id=economie.id, name="ÉCONOMIE")
        assert renamed.name == "ÉCONOMIE"
    assert names(path) == [*before, "ÉCONOMIE"]


def test_a_name_or_path_is_found_however_its_accents_were_typed(path: Path) -> None:
    with Project.open(path) as project:
        assert [t.name for t in project.tags.codebook().find(CAFE_TYPED_APART)] == [CAFE]
        found = project.tags.find(name=unicodedata.normalize("NFD", "politics/ÉCONOMIE"))
        assert found is not None and found.name == "Économie"


def test_the_exact_name_is_found_first_among_namesakes_of_an_older_file(path: Path) -> None:
    with Project.open(path) as project:  # as an older version let them be made
        project.db.execute(
            "INSERT INTO tags (uuid, name, color, parent_id, description, sort_order,"
            " created_at) VALUES ('u1', 'économie', '#000000', 1, '', 9, '')"
        )
        assert [t.name for t in project.tags.codebook().find("économie")] == ["économie"]
        assert [t.name for t in project.tags.codebook().find("Politics/Économie")] == ["Économie"]
        with pytest.raises(InputError, match="several tags"):
            project.tags.find(name="ÉCONOMIE")


def test_the_command_line_names_a_tag_however_its_accents_were_typed(path: Path) -> None:
    before = names(path)
    code, _, err = run("annotate", path, "1", "--quote", "One", "--tag", CAFE_TYPED_APART)
    assert code == 0, err
    code, _, err = run("tag", path, "économie", "--parent", "Politics", "--color", "#123456")
    assert code == 0, err
    assert names(path) == before
    with Project.open(path, read_only=True) as project:
        passage = project.annotations.query()[0]
        assert [project.tags.get(tag_id=t).name for t in passage.tag_ids] == [CAFE]
        assert project.tags.codebook().find("Politics/Économie")[0].color == "#123456"


def test_an_import_merges_codes_named_in_another_case_or_form(tmp_path: Path, path: Path) -> None:
    before = names(path)
    qde = (
        f"<Project {NS} name='p'><CodeBook><Codes>"
        f'<Code guid="a1b2c3d4-0000-4000-8000-000000000001" name="{CAFE_TYPED_APART}"'
        ' isCodable="true"/>'
        '<Code guid="a1b2c3d4-0000-4000-8000-000000000002" name="POLITICS" isCodable="true">'
        '<Code guid="a1b2c3d4-0000-4000-8000-000000000003" name="économie" isCodable="true"/>'
        "</Code></Codes></CodeBook></Project>"
    )
    with Project.open(path) as project:
        summary = import_exchange_file(project, path=write_qdpx(tmp_path / "c.qdpx", qde))
    assert (summary.tags_created, summary.tags_reused) == (0, 3)
    assert names(path) == before
