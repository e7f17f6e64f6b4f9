"""Passages at the edges, overlapping, nested and on the same words, in a text with
emoji, 𝒳 and right-to-left words, with awkward tag names, notes and memos: every export
places them on their words, the files validate, and a .qdpx comes back as it went out."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
import xmlschema
from export_fixtures import AnnotationChecker, w3c_schema_root
from lxml import etree

from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.refiqda_import import import_exchange_file

PROJECT_XSD = Path(__file__).parent / "data" / "refiqda" / "Project-mrt2019.xsd"
TEXT = "𝒳 opens it 😀. Then שלום עולם\u200f, and 👨‍👩‍👧 at last 🎉"
NOTES = (
    "=1+2", "line\r\nCRLF\rCR", "nul\x00 esc\x1b", "", "long " * 40_000 + "end",
    "[a](javascript:alert(1))",
)  # fmt: skip
TAGS = ("+plus", "-minus", "@at", "# *star* |pipe| `tick`", "[link](javascript:x)", "RTL שלום")


def _spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, coder): the edges, overlaps, nesting and the same words twice."""
    end = len(text)
    hebrew = text.index("שלום")
    return [
        (0, 1, "Ann"),  # at offset 0, one astral character
        (0, end, "Ann"),  # the whole text
        (2, 12, "Ann"),  # nested in the whole, overlapping the next
        (8, hebrew + 4, "Bob"),
        (hebrew, hebrew + 4, "Ann"),  # right-to-left words
        (hebrew, hebrew + 4, "Bob"),  # the same words, another coder
        (end - 1, end, "Bob"),  # the very end, an emoji
        (end - 1, end, "Bob"),  # the same words, the same coder: a passage of its own
        (end - 2, end, "Ann"),  # from the space before the emoji
    ]


@pytest.fixture
def project(tmp_path: Path):
    with Project.open(tmp_path / "awkward.diptych", create=True, name="Awkward") as project:
        article = project.articles.add(parsed=parse_article(TEXT.encode(), name="a.txt"))
        text = project.articles.get(article_id=article.id).text
        parent = None
        tag_ids = []
        for number, name in enumerate(TAGS):
            tag = project.tags.add(name=name, parent_id=parent, description=NOTES[number])
            parent = tag.id if number % 2 == 0 else None
            tag_ids.append(tag.id)
        for number, (start, end, coder) in enumerate(_spans(text)):
            project.annotations.add(
                article_id=article.id, start=start, end=end, coder=coder,
                tag_ids=[tag_ids[number % len(tag_ids)]], note=NOTES[number % len(NOTES)],
            )  # fmt: skip
        project.memos.set(kind=MemoKind.PROJECT, text="=memo\r\nwith\rline ends")
        project.memos.set(kind=MemoKind.ARTICLE, target_id=article.id, text="@article memo")
        yield project


def test_w3c_selectors_quote_the_words_they_point_at_in_code_points(project: Project) -> None:
    (article,) = project.articles.all()
    text = project.articles.get(article_id=article.id).text
    items = json.loads(export_project(project, fmt="json"))["first"]["items"]
    checker = AnnotationChecker(w3c_schema_root())
    places = []
    for item in items:
        assert checker.errors(item) == []
        quote, position = item["target"]["selector"]
        start, end = position["start"], position["end"]
        assert text[start:end] == quote["exact"]
        assert text[:start].endswith(quote["prefix"]) and text[end:].startswith(quote["suffix"])
        places.append((start, end))
    assert sorted(places) == sorted((s, e) for s, e, _ in _spans(text))


def test_qdpx_is_valid_and_its_positions_slice_its_source_file(project: Project) -> None:
    archive = zipfile.ZipFile(io.BytesIO(export_project(project, fmt="qdpx")))
    qde = archive.read("project.qde")
    schema = etree.XMLSchema(etree.parse(str(PROJECT_XSD)))
    assert schema.validate(etree.fromstring(qde)), schema.error_log
    xmlschema.XMLSchema(str(PROJECT_XSD)).validate(qde.decode("utf-8"))
    (source,) = [n for n in archive.namelist() if n.startswith("sources/")]
    text = archive.read(source).decode("utf-8")
    selections = etree.fromstring(qde).iter("{urn:QDA-XML:project:1.0}PlainTextSelection")
    places = sorted((int(s.get("startPosition")), int(s.get("endPosition"))) for s in selections)
    assert places == sorted((s, e) for s, e, _ in _spans(text))


def test_qdpx_round_trip_keeps_passages_tags_and_memos(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "awkward.qdpx"
    path.write_bytes(export_project(project, fmt="qdpx"))
    with Project.open(tmp_path / "again.diptych", create=True) as again:
        import_exchange_file(again, path=path)
        assert _contents(again) == _contents(project, as_xml_holds_it=True)


def test_csv_reads_back_with_every_formula_start_neutralised(project: Project) -> None:
    rows = list(csv.DictReader(io.StringIO(export_project(project, fmt="csv").decode("utf-8-sig"))))
    assert len(rows) == len(_spans(project.articles.get(article_id=1).text))
    for row in rows:
        for value in row.values():
            assert value[:1] not in ("=", "+", "-", "@", "\t", "\r")
            assert "\x00" not in value and "\x1b" not in value


def _contents(project: Project, *, as_xml_holds_it: bool = False) -> tuple[object, ...]:
    """Passages, tags and memos; with ``as_xml_holds_it``, each text as XML 1.0 holds it:
    its line ends as newlines, a NUL or an escape as U+FFFD."""

    def xml(value: str) -> str:
        if not as_xml_holds_it:
            return value
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        return value.replace("\x00", "\ufffd").replace("\x1b", "\ufffd")

    codebook = project.tags.codebook()
    passages = sorted(
        (p.start, p.end, p.exact, xml(p.note), p.coder, sorted(codebook.path(t) for t in p.tag_ids))
        for p in project.annotations.query()
    )
    tags = [(codebook.path(t.id), t.color, xml(t.description)) for t in codebook.ordered()]
    memos = sorted((m.kind.value, xml(m.text)) for m in project.memos.all())
    return passages, tags, memos
