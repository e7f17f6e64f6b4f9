"""CSV export: golden file, reading back with the csv module, formula injection."""

from __future__ import annotations

import csv
import io

import pytest
from export_fixtures import HOSTILE_NOTE, build_export_project, check_golden, fixed_options
from export_fixtures import fixed_uuid as uid

from diptych.storage.export_csv import COLUMNS, safe_cell
from diptych.storage.exporting import export_project
from diptych.storage.project import Project


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory):
    with build_export_project(tmp_path_factory.mktemp("fx") / "fixture.diptych") as project:
        yield project


def _rows(project: Project, **options: object) -> list[dict[str, str]]:
    data = export_project(project, fmt="csv", options=fixed_options(**options))
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


def test_golden(project: Project) -> None:
    check_golden("export.csv", export_project(project, fmt="csv", options=fixed_options()))


def test_excel_friendly_bytes(project: Project) -> None:
    data = export_project(project, fmt="csv", options=fixed_options())
    assert data.startswith(b"\xef\xbb\xbfarticle,section,start,end,quote,tag path,note,")
    assert data.count(b"\xef\xbb\xbf") == 1
    assert data.endswith(b"\r\n")


def test_columns_are_exactly_the_documented_ones() -> None:
    assert COLUMNS == (
        "article", "section", "start", "end", "quote", "tag path",
        "note", "coder", "created", "updated", "uuid", "status", "article uuid",
        "article address", "to check",
    )  # fmt: skip


def test_one_row_per_passage_and_tag(project: Project) -> None:
    rows = _rows(project, group_by="article")
    assert len(rows) == 10  # passage 2 has two tags, the rest one or none
    two = [r for r in rows if r["uuid"] == uid("b", 2)]
    assert [r["tag path"] for r in two] == ["Economy/Trade", "Evidence"]
    untagged = [r for r in rows if r["uuid"] in (uid("b", 5), uid("b", 8))]
    assert [r["tag path"] for r in untagged] == ["", ""]


def test_commas_quotes_and_newlines_read_back_exactly(project: Project) -> None:
    rows = {(r["uuid"], r["tag path"]): r for r in _rows(project)}
    headline = rows[(uid("b", 2), "Evidence")]
    assert headline["note"] == HOSTILE_NOTE
    assert headline["section"] == 'Trade, tariffs & "quotes"'
    assert headline["article"] == "Field notes: 東アジアの外交 🌏"
    assert headline["coder"] == "Alice"
    method = rows[(uid("b", 4), "Method")]
    assert method["note"] == 'Has "quotes", commas, and\nnewlines'
    assert method["quote"] == "# tag: value\n- dash line\n@mention and +plus"
    assert rows[(uid("b", 3), "Culture & society")]["coder"] == "李雷"


def test_offsets_times_and_orphans(project: Project) -> None:
    rows = {r["uuid"]: r for r in _rows(project, group_by="article")}
    first = rows[uid("b", 1)]
    assert (first["created"], first["updated"]) == ("2025-01-15T10:01:00Z", "2025-01-20T16:30:00Z")
    article = project.articles.get(article_id=project.articles.all()[1].id)
    assert article.text[int(first["start"]) : int(first["end"])] == first["quote"]
    orphan = rows[uid("b", 9)]
    assert (orphan["start"], orphan["end"], orphan["section"]) == ("", "", "")
    assert orphan["status"] == "orphan"  # says why its place is empty
    assert {r["status"] for r in rows.values() if r["uuid"] != uid("b", 9)} == {"anchored"}
    assert orphan["quote"] == "A sentence that will vanish"


def test_formula_cells_are_neutralised(project: Project) -> None:
    rows = {r["uuid"]: r for r in _rows(project, group_by="article")}
    assert rows[uid("b", 6)]["quote"] == "'=SUM(A1:A3) looks like a formula"
    assert rows[uid("b", 4)]["quote"].startswith("# tag")  # not a formula: unchanged


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+33 1 23", "'+33 1 23"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("a=1", "a=1"),
        ("", ""),
        ("'quoted", "'quoted"),
    ],
)
def test_safe_cell(value: str, expected: str) -> None:
    assert safe_cell(value) == expected


def test_rows_follow_the_grouping(project: Project) -> None:
    by_tag = [r["tag path"] for r in _rows(project)]
    assert by_tag == [
        "Economy", "Economy/Trade", "Diplomacy", "Culture & society",
        "Evidence", "Evidence", "Evidence", "Method", "", "",
    ]  # fmt: skip
    by_article = [r["uuid"][-2:] for r in _rows(project, group_by="article")]
    assert by_article == ["05", "08", "02", "02", "07", "06", "03", "04", "01", "09"]


def test_an_article_and_tag_scope(project: Project) -> None:
    first = project.articles.all()[0].id
    evidence = project.tags.find(name="Evidence")
    assert evidence is not None
    rows = _rows(project, article_ids=(first,), tag_ids=(evidence.id,))
    assert [(r["uuid"], r["tag path"]) for r in rows] == [
        (uid("b", 2), "Evidence"),
        (uid("b", 6), "Evidence"),
    ]
