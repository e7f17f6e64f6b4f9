"""A REFI-QDA export of some tags keeps their place in the codebook: a sub-tag chosen
alone is written inside its parents (which hold no coding of their own), as every other
export names it by its whole path, and is imported back at that place."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from diptych.storage.anchors import find_quote
from diptych.storage.cli import main
from diptych.storage.exporting import ExportOptions, export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.refiqda_import import import_exchange_file

DATA = Path(__file__).parent / "data" / "refiqda"
Q = "{urn:QDA-XML:project:1.0}"
C = "{urn:QDA-XML:codebook:1.0}"
TEXT = "Talks resume\n\nThe ministers met again after a long pause.\n"


def build(path: Path) -> tuple[Project, int]:
    """Theme/Sub/Deep and Other/Sub, with one passage tagged Theme/Sub/Deep; the id of
    Deep."""
    project = Project.create(path)
    article = project.articles.add(parsed=parse_article(TEXT.encode(), name="talks.txt"))
    theme = project.tags.add(name="Theme", description="The big one")
    sub = project.tags.add(name="Sub", parent_id=theme.id)
    deep = project.tags.add(name="Deep", parent_id=sub.id)
    other = project.tags.add(name="Other")
    project.tags.add(name="Sub", parent_id=other.id)
    anchor = find_quote(project.articles.get(article_id=article.id).text, "met again")
    project.annotations.add(
        article_id=article.id, start=anchor.start, end=anchor.end, tag_ids=[deep.id]
    )
    return project, deep.id


def code_tree(root: etree._Element, ns: str) -> list[tuple[int, str]]:
    """Every code as (depth, name), depth-first."""
    found = []

    def walk(parent: etree._Element, depth: int) -> None:
        for code in parent.findall(f"{ns}Code"):
            found.append((depth, code.get("name")))
            walk(code, depth + 1)

    walk(root.find(f".//{ns}Codes"), 0)
    return found


def project_root(archive: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(archive)).read("project.qde"))


@pytest.mark.parametrize("include_subtags", [True, False])  # command line, window
def test_a_sub_tag_chosen_alone_is_written_inside_its_parents(
    tmp_path: Path, include_subtags: bool
) -> None:
    project, deep = build(tmp_path / "p.diptych")
    options = ExportOptions(tag_ids=(deep,), include_subtags=include_subtags)
    root = project_root(export_project(project, fmt="qdpx", options=options))
    schema = etree.XMLSchema(etree.parse(str(DATA / "Project-mrt2019.xsd")))
    assert schema.validate(root), schema.error_log
    assert code_tree(root, Q) == [(0, "Theme"), (1, "Sub"), (2, "Deep")]
    theme = root.find(f".//{Q}Code[@name='Theme']")
    assert theme.findtext(f"{Q}Description") == "The big one"
    deep_guid = root.find(f".//{Q}Code[@name='Deep']").get("guid")
    coded = [ref.get("targetGUID") for ref in root.iter(f"{Q}CodeRef")]
    assert coded == [deep_guid]  # the parents hold no coding


def test_a_codebook_of_a_sub_tag_holds_its_parents(tmp_path: Path) -> None:
    project, deep = build(tmp_path / "p.diptych")
    qdc = export_project(project, fmt="qdc", options=ExportOptions(tag_ids=(deep,)))
    root = etree.fromstring(qdc)
    schema = etree.XMLSchema(etree.parse(str(DATA / "Codebook-mrt2019.xsd")))
    assert schema.validate(root), schema.error_log
    assert code_tree(root, C) == [(0, "Theme"), (1, "Sub"), (2, "Deep")]


def test_the_sub_tag_is_imported_back_at_its_place(tmp_path: Path) -> None:
    build(tmp_path / "p.diptych")[0].close()
    out = tmp_path / "d.qdpx"
    args = ["export", str(tmp_path / "p.diptych"), "--tag", "Theme/Sub/Deep", "-o", str(out)]
    assert main(args) == 0
    with Project.create(tmp_path / "fresh.diptych") as fresh:
        import_exchange_file(fresh, path=out)
        codebook = fresh.tags.codebook()
        paths = [codebook.path(t.id) for t in codebook.ordered()]
        assert paths == ["Theme", "Theme/Sub", "Theme/Sub/Deep"]
        (passage,) = fresh.annotations.query()
        assert [codebook.path(t) for t in passage.tag_ids] == ["Theme/Sub/Deep"]
