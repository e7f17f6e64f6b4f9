"""'/' separates a tag from its parent in tag paths (Economy/Trade): it is refused in new
names and renames, stands as '∕' in paths for names from older files, becomes '∕' in
codes imported from REFI-QDA files, and the command line treats a name with it as a path.
"""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_refiqda_import import NS, write_qdpx
from test_tags import TEXT, saved

from diptych.storage.cli import main
from diptych.storage.errors import InputError
from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.refiqda_import import import_exchange_file


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "p.diptych") as project:
        yield project


def test_a_slash_is_refused_in_new_names_and_renames(project: Project) -> None:
    economy = project.tags.add(name="Economy")
    before = saved(project.path)
    with pytest.raises(InputError) as caught:
        project.tags.add(name="Economy/Trade")
    assert str(caught.value).startswith(
        "a tag name cannot contain '/' ('Economy/Trade'): it separates a tag from its parent"
    )
    with pytest.raises(InputError, match="cannot contain '/'"):
        project.tags.update(tag_id=economy.id, name="Economy / Trade")
    assert saved(project.path) == before


def name_directly(path: Path, tag_id: int, name: str) -> None:
    """Name a tag as a Diptych that allowed '/' in names did."""
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE tags SET name = ? WHERE id = ?", [name, tag_id])
    conn.close()


def test_a_slash_from_an_older_file_is_told_apart_from_nesting(tmp_path: Path) -> None:
    path = tmp_path / "old.diptych"
    with Project.create(path) as project:
        article = project.articles.add(parsed=parse_article(TEXT.encode(), name="a.txt"))
        economy = project.tags.add(name="Economy")
        nested = project.tags.add(name="Trade", parent_id=economy.id)
        literal = project.tags.add(name="Economy-Trade")
        pros = project.tags.add(name="Pros-Cons")
        for word, tag in [("One", nested), ("two", literal)]:
            start = TEXT.index(word)
            project.annotations.add(
                article_id=article.id, start=start, end=start + 3, tag_ids=[tag.id]
            )
    name_directly(path, literal.id, "Economy/Trade")
    name_directly(path, pros.id, "Pros/Cons")

    with Project.open(path) as project:
        codebook = project.tags.codebook()
        assert codebook.path(nested.id) == "Economy/Trade"
        assert codebook.path(literal.id) == "Economy\u2215Trade"
        assert project.tags.find(name="Economy/Trade") == codebook[nested.id]
        assert project.tags.find(name="Economy\u2215Trade") == codebook[literal.id]
        assert project.tags.find(name="pros/cons") == codebook[pros.id]
        document = json.loads(export_project(project, fmt="json"))
        # Kept as it is, the old name does not stop a recolour (the tag dialog passes it).
        project.tags.update(tag_id=literal.id, name="Economy/Trade", color="#2E7D32")
    values = [body["value"] for item in document["first"]["items"] for body in item["body"]]
    assert sorted(values) == ["Economy/Trade", "Economy\u2215Trade"]
    with Project.open(path, read_only=True) as project:
        tag = project.tags.get(tag_id=literal.id)
        assert (tag.name, tag.color) == ("Economy/Trade", "#2E7D32")


def test_an_imported_code_with_a_slash_becomes_a_tag_with_the_stand_in(
    tmp_path: Path, project: Project
) -> None:
    code = "a1b2c3d4-0000-4000-8000-000000000002"
    qde = f"""<Project {NS} name="p"><CodeBook><Codes>
      <Code guid="a1b2c3d4-0000-4000-8000-000000000001" name="Economy" isCodable="true">
        <Code guid="a1b2c3d4-0000-4000-8000-000000000003" name="Trade" isCodable="true"/>
      </Code>
      <Code guid="{code}" name="Economy/Trade" isCodable="true"/>
    </Codes></CodeBook><Sources>
      <TextSource guid="631251cc-9fb4-4131-bea8-000000000001" name="One">
        <PlainTextContent>Tariffs rose.</PlainTextContent>
        <PlainTextSelection guid="95916796-d0a0-4b49-80b0-000000000001" startPosition="0"
            endPosition="7"><Coding guid="5c931701-6cd4-4a2b-a553-000000000001">
            <CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>
      </TextSource></Sources></Project>"""
    summary = import_exchange_file(project, path=write_qdpx(tmp_path / "codes.qdpx", qde))

    assert summary.tags_created == 3 and summary.passages == 1
    assert "renamed tag Economy/Trade -> Economy\u2215Trade ('/' would read as a sub-tag)" in (
        summary.describe()
    )
    codebook = project.tags.codebook()
    imported = project.tags.find(name="Economy\u2215Trade")
    assert imported is not None and imported.parent_id is None
    assert [codebook.path(t.id) for t in codebook.ordered()] == [
        "Economy", "Economy/Trade", "Economy\u2215Trade",
    ]  # fmt: skip
    passage = project.annotations.query(tag_id=imported.id)[0]
    assert passage.exact == "Tariffs"


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_the_command_line_reads_a_name_with_a_slash_as_a_path(tmp_path: Path) -> None:
    path = tmp_path / "cli.diptych"
    Project.create(path).close()

    code, _out, err = run("tag", path, "Economy/Trade")
    assert code == 2
    assert err.startswith("diptych: a tag name cannot contain '/' ('Economy/Trade')")
    assert "choose a parent to nest the tag" in err
    assert run("tag", path, "Economy")[0] == 0
    code, out, err = run("tag", path, "Trade", "--parent", "Economy")
    assert code == 0, err
    assert out.split()[-1] == "Economy/Trade"
    code, out, err = run("tag", path, "Economy/Trade", "--color", "#2E7D32")
    assert code == 0, err
    assert out.split()[1:] == ["#2E7D32", "Economy/Trade"]
    code, out, _err = run("tags", path, "--json")
    assert [(t["path"], t["parent"]) for t in json.loads(out)] == [
        ("Economy", None), ("Economy/Trade", "Economy"),
    ]  # fmt: skip
