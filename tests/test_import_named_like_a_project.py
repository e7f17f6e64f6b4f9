"""A file named like a Diptych project (.diptych) chosen to import: a project (SQLite) is
said to be one, to open; a file only named so is said to be what it is. Its kind is never
guessed from what it holds, as for any file: a text file is told to be renamed for what it
holds (as one without an extension is), an empty one is empty, a binary one is not text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_cli import run

from diptych.storage.errors import ArticleFileError
from diptych.storage.importing import parse_article, read_article_file
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project

RENAME = "To import it as an article, rename it to end in .txt, .md or .html and import it again."
TEXTS = [
    b"Minutes of the meeting\n\nThe harbour was quiet.\n",
    b"# Minutes\n\nThe *harbour* was quiet.\n",
    b"<html><body><p>The harbour was quiet.</p></body></html>",
    "Procès-verbal de la réunion\n".encode("cp1252"),
]


def refused(path: Path) -> str:
    with pytest.raises(ArticleFileError) as caught:
        read_article_file(path)
    return str(caught.value)


@pytest.mark.parametrize("data", TEXTS, ids=["text", "markdown", "html", "cp1252"])
def test_a_text_file_named_like_a_project_is_said_to_hold_text(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "Field study.diptych"
    path.write_bytes(data)

    said = refused(path)

    assert said == f"{path}: is named like a Diptych project but holds plain text. {RENAME}"
    with pytest.raises(ArticleFileError) as caught:
        parse_article(data, name="Field study.DIPTYCH")
    assert str(caught.value) == (
        f"Field study.DIPTYCH: is named like a Diptych project but holds plain text. {RENAME}"
    )


def test_once_renamed_as_its_advice_says_it_is_imported(tmp_path: Path) -> None:
    path = tmp_path / "Field study.diptych"
    path.write_bytes(TEXTS[0])
    refused(path)
    parsed = read_article_file(path.rename(path.with_suffix(".txt")))
    assert parsed.title == "Minutes of the meeting"


@pytest.mark.parametrize("data", [b"", b" \n\t\n"], ids=["nothing", "white-space"])
def test_an_empty_file_named_like_a_project_is_empty(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "Field study.diptych"
    path.write_bytes(data)
    assert refused(path) == f"{path}: is empty. Choose a file that holds the article's text."


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"\x00\x01\x02\x03" * 256, "is not a text file"),
        (b"PK\x03\x04 a zip", "is a ZIP archive"),
    ],
    ids=["binary", "zip"],
)
def test_a_binary_file_named_like_a_project_is_not_called_one(
    tmp_path: Path, data: bytes, said: str
) -> None:
    path = tmp_path / "Field study.diptych"
    path.write_bytes(data)
    text = refused(path)
    assert text.startswith(f"{path}: {said}")
    assert "Diptych project" not in text


def test_a_real_project_is_still_said_to_be_one_to_open(tmp_path: Path) -> None:
    path = tmp_path / "Colleague.diptych"
    create_sample_project(path).close()
    assert refused(path).startswith(
        f"{path}: is a Diptych project, not an article. Open it with File > Open project…"
    )


OTHER_PROGRAMS = (
    "is named like a Diptych project but is another program's database. Only its name ends"
    " in .diptych: Diptych imports articles saved as text (.txt), Markdown (.md) or web pages"
    " (.html), and REFI-QDA projects (.qdpx). Export the articles from the program that made"
    " this file into one of those."
)


@pytest.mark.parametrize("mark", [0, 0x12345678], ids=["unmarked", "marked"])
def test_another_programs_database_is_said_to_be_one(tmp_path: Path, mark: int) -> None:
    path = tmp_path / "Invoices.diptych"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA application_id = {mark}")
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.close()
    assert refused(path) == f"{path}: {OTHER_PROGRAMS}"


def test_a_project_still_open_in_another_window_is_said_to_be_one(tmp_path: Path) -> None:
    path = tmp_path / "Colleague.diptych"
    with Project.create(path) as project:  # its mark may be in its log alone as yet
        project.tags.add(name="Harbour")
        assert refused(path).startswith(f"{path}: is a Diptych project, not an article.")


def test_diptych_import_names_the_file_and_imports_nothing(tmp_path: Path) -> None:
    project = tmp_path / "study.diptych"
    with Project.open(project, create=True) as opened:
        opened.articles.add(parsed=parse_article(b"Harbour notes\n\nQuiet.", name="h.txt"))
    named = tmp_path / "Field study.diptych"
    named.write_bytes(TEXTS[0])
    other = tmp_path / "other.txt"
    other.write_text("Another article\n", encoding="utf-8")

    code, _out, err = run("import", project, other, named)

    assert code != 0
    assert err.strip() == (
        f"diptych: {named}: is named like a Diptych project but holds plain text. {RENAME}"
    )
    with Project.open(project, read_only=True) as opened:
        assert [a.title for a in opened.articles.all()] == ["Harbour notes"]  # all or none
