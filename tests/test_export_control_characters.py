"""A note pasted with control characters in it (a NUL, an escape, a C1 control) comes out
of the HTML report, the Markdown file and the CSV table as U+FFFD: the files stay text,
which browsers and editors open and Diptych itself imports back, instead of taking them for
binary, and a spreadsheet can save the table in its own format."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from export_fixtures import fixed_options

from diptych.storage.export_csv import safe_cell
from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

NOTE = "Before\x00after \x1b[31mred\x9b and\ttab\r\nnext line\x0cpage"
CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
CSV_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _project_with_note(path: Path, note: str) -> Project:
    """A project of one article with one passage, noted ``note``."""
    project = Project.open(path, create=True)
    article = project.articles.add(parsed=parse_article(b"# Title\n\nThe words.", name="a.md"))
    start = project.articles.get(article_id=article.id).text.index("words")
    tag = project.tags.add(name="Tag")
    project.annotations.add(
        article_id=article.id, start=start, end=start + 5, tag_ids=[tag.id], note=note
    )
    return project


@pytest.mark.parametrize(("fmt", "name"), [("html", "report.html"), ("md", "notes.md")])
def test_control_characters_in_a_note_leave_a_text_file(
    tmp_path: Path, fmt: str, name: str
) -> None:
    with _project_with_note(tmp_path / "p.diptych", NOTE) as project:
        data = export_project(project, fmt=fmt, options=fixed_options())
    text = data.decode("utf-8")
    assert CONTROLS.search(text) is None
    assert "Before\ufffdafter \ufffd[31mred\ufffd and" in text
    assert "\t" in text  # tab and form feed are text
    imported = parse_article(data, name=name)  # read back as an article, not refused
    assert "after" in imported.content.text


def _csv_rows(project: Project) -> list[dict[str, str]]:
    data = export_project(project, fmt="csv", options=fixed_options())
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_control_characters_in_a_note_leave_a_csv_table_a_spreadsheet_can_save(
    tmp_path: Path,
) -> None:
    with _project_with_note(tmp_path / "p.diptych", NOTE) as project:
        data = export_project(project, fmt="csv", options=fixed_options())
        (row,) = _csv_rows(project)
    assert CSV_CONTROLS.search(data.decode("utf-8-sig")) is None
    # Tab and line ends are kept (the CSV quoting holds them); the form feed is not.
    assert row["note"] == "Before\ufffdafter \ufffd[31mred\ufffd and\ttab\r\nnext line\ufffdpage"


@pytest.mark.parametrize("control", ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\x9b"])
def test_a_control_character_cannot_hide_a_formula_in_a_csv_cell(
    tmp_path: Path, control: str
) -> None:
    """A reader dropping a leading control character would have found the formula first."""
    with _project_with_note(tmp_path / "p.diptych", f"{control}=HYPERLINK(1)") as project:
        (row,) = _csv_rows(project)
    assert row["note"] == "\ufffd=HYPERLINK(1)"  # U+FFFD is no formula, and is not dropped


@pytest.mark.parametrize(
    ("value", "expected"),
    [("\x00=1+1", "\ufffd=1+1"), ("a\x07b\tc\r\nd", "a\ufffdb\tc\r\nd"), ("-\x1b", "'-\ufffd")],
)
def test_safe_cell_replaces_control_characters(value: str, expected: str) -> None:
    assert safe_cell(value) == expected
