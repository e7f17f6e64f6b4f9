"""CSV export: a text longer than an Excel cell holds is cut to fit, marked, and reported."""

from __future__ import annotations

import csv
import io
import pathlib

import pytest

from diptych.storage.export_csv import CELL_LIMIT, COLUMNS, cut_note, fit_cell
from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


def _units(value: str) -> int:
    return len(value.encode("utf-16-le")) // 2


def _export(project: Project, fmt: str = "csv") -> tuple[bytes, list[str]]:
    notes: list[str] = []
    return export_project(project, fmt=fmt, notes=notes), notes


def _rows(data: bytes) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


LONG_NOTE = "Why this matters: " + "the ministry said so 📈 again, " * 2000  # 62,018 units
PARAGRAPH = "Trade rose by three percent in the year, the ministry said. " * 700  # 42,000


@pytest.fixture
def project(tmp_path: pathlib.Path):
    text = f"# Long report\n\nShort opening.\n\n{PARAGRAPH.strip()}\n\nA closing line.\n"
    with Project.open(tmp_path / "long.diptych", create=True, name="Long") as project:
        article = project.articles.add(parsed=parse_article(text.encode(), name="long.md"))
        body = project.articles.get(article_id=article.id).text
        tag = project.tags.add(name="Economy")
        other = project.tags.add(name="Evidence")
        add = project.annotations.add
        short = body.index("Short opening.")
        add(article_id=article.id, start=short, end=short + 5, tag_ids=(tag.id,),
            note="-a short note", coder="Ann")  # fmt: skip
        start = body.index("Trade rose")
        add(article_id=article.id, start=start, end=start + len(PARAGRAPH.strip()),
            tag_ids=(tag.id, other.id), note=LONG_NOTE, coder="Ann")  # fmt: skip
        closing = body.index("A closing line")
        add(article_id=article.id, start=closing, end=closing + 14, tag_ids=(other.id,),
            note="after the long one", coder="Bo")  # fmt: skip
        yield project


def test_every_cell_fits_and_the_columns_stay_in_line(project: Project) -> None:
    content, _notes = _export(project)
    rows = _rows(content)
    # By tag: Economy (the short passage, the long one), then Evidence (long, closing).
    assert [(r["tag path"], r["coder"]) for r in rows] == [
        ("Economy", "Ann"), ("Economy", "Ann"), ("Evidence", "Ann"), ("Evidence", "Bo"),
    ]  # fmt: skip
    assert all(_units(cell) <= CELL_LIMIT for row in rows for cell in row.values())
    long = rows[1]
    assert long["note"].startswith("Why this matters: the ministry said so 📈 again,")
    assert long["note"] != LONG_NOTE and long["quote"] != PARAGRAPH.strip()
    for column, whole in (("note", LONG_NOTE), ("quote", PARAGRAPH.strip())):
        kept, marker = long[column].split(" […", 1)
        count = int(marker.split(" more characters cut here", 1)[0].replace(",", ""))
        assert whole.startswith(kept) and len(kept) + count == len(whole)
        assert marker.endswith("The Markdown, HTML and JSON exports hold the whole text.]")
    # The rows around the long one are whole, and the short note keeps its guard.
    assert rows[0]["note"] == "'-a short note" and rows[3]["note"] == "after the long one"
    assert rows[3]["quote"] == "A closing line"


def test_the_rows_cut_are_named_in_the_notes(project: Project) -> None:
    _content, notes = _export(project)
    assert len(notes) == 1
    note = notes[0]
    assert note.startswith("2 rows hold a text longer than a spreadsheet cell holds (32,767")
    assert "row 3 (quote, note); row 4 (quote, note)." in note
    assert "the Markdown, HTML and JSON exports hold the whole text" in note
    # The other formats hold the text whole and have nothing to say.
    for fmt in ("md", "json", "html"):
        assert _export(project, fmt)[1] == []
    assert LONG_NOTE.encode() in export_project(project, fmt="json")


def test_a_file_without_long_text_has_no_note(project: Project) -> None:
    passages = project.annotations.query()
    long = next(p for p in passages if len(p.note) > 1000)
    project.annotations.delete(annotation_id=long.id)
    content, notes = _export(project)
    assert notes == []
    assert len(_rows(content)) == 2


@pytest.mark.parametrize(
    ("value", "cut"),
    [
        ("a" * CELL_LIMIT, 0),
        ("😀" * (CELL_LIMIT // 2) + "a", 0),  # 32,767 units exactly
        ("a" * (CELL_LIMIT + 1), None),
        ("😀" * (CELL_LIMIT // 2 + 1), None),  # 16,384 code points, 32,768 units
        ("word " * 20_000, None),
    ],
)
def test_fit_cell(value: str, cut: int | None) -> None:
    fitted, count = fit_cell(value)
    if cut == 0:
        assert (fitted, count) == (value, 0)
        return
    assert _units(fitted) <= CELL_LIMIT
    assert _units(fitted) > CELL_LIMIT - 400  # cut near the limit, not far before it
    kept = fitted[: fitted.index(" […")]
    assert value.startswith(kept) and len(kept) + count == len(value)
    assert f"[…{count:,} more characters cut here" in fitted


def test_articles_of_the_same_title_are_told_apart(tmp_path: pathlib.Path) -> None:
    # Two wire copies of one headline: by title alone a pivot table merged their rows.
    with Project.open(tmp_path / "twins.diptych", create=True, name="Twins") as project:
        uuids = []
        for name, body in (("a.md", "Text from the first outlet."), ("b.md", "Text from B.")):
            parsed = parse_article(f"# Press release\n\n{body}\n".encode(), name=name)
            article = project.articles.add(parsed=parsed)
            text = project.articles.get(article_id=article.id).text
            project.annotations.add(article_id=article.id, start=text.index("Text"),
                                    end=text.index("Text") + 4)  # fmt: skip
            uuids.append(project.articles.get(article_id=article.id).uuid)
        rows = _rows(_export(project)[0])
    assert COLUMNS[-3:-1] == ("article uuid", "article address")  # last: the rest keep places
    assert [(r["article"], r["article uuid"]) for r in rows] == [
        ("Press release", uuids[0]),
        ("Press release", uuids[1]),
    ]


def test_the_note_lists_ten_rows_and_counts_the_others() -> None:
    note = cut_note([(number, ["note"]) for number in range(2, 15)])
    assert note.startswith("13 rows hold a text longer than a spreadsheet cell holds")
    assert ": row 2 (note); row 3 (note);" in note
    assert "row 11 (note); and 3 more rows. Each ends with" in note
    assert "row 12" not in note


def test_the_command_line_says_which_rows_were_cut(
    project: Project, tmp_path: pathlib.Path
) -> None:
    """`diptych export` tells on stderr what the window's export dialog tells in a box."""
    from diptych.storage.cli import main

    path = project.path
    project.close()
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "notes.csv"
    code = main(["export", str(path), "--format", "csv", "-o", str(target)], stdout=out, stderr=err)
    assert code == 0 and target.exists()
    said = err.getvalue()
    assert "2 rows hold a text longer than a spreadsheet cell" in said and "cut short" in said
