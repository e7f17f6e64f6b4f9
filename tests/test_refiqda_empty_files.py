"""An empty REFI-QDA file (nothing in it, or only white space) is said to be empty, naming
it and what to do, as an empty article file is: not "not well-formed XML", nor "not a
readable zip archive". Nothing in the project changes."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

import pytest
from test_cli import run

from diptych.storage.errors import ExchangeFileError
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.refiqda_import import import_exchange_file

AGAIN_CODEBOOK = (
    "Copy or download the file again, or export the codebook again from the program that made it."
)
AGAIN_PROJECT = (
    "Copy or download the file again, or export the project again from the program that made it."
)
BLANK = [
    b"",
    b" \n\t\r\n",
    codecs.BOM_UTF8 + b"\n",
    codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"),
]


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A project with one article and one tag, which an empty file must leave as they are."""
    opened = Project.open(tmp_path / "study.diptych", create=True)
    opened.articles.add(parsed=parse_article(b"Harbour notes\n\nQuiet today.", name="h.txt"))
    opened.tags.ensure(name="Harbour")
    yield opened
    opened.close()


def contents(project: Project) -> tuple[list[str], list[str], int]:
    titles = [a.title for a in project.articles.all()]
    tags = [t.name for t in project.tags.all()]
    return titles, tags, len(project.annotations.query())


@pytest.mark.parametrize("data", BLANK, ids=["nothing", "white-space", "utf8-mark", "utf16"])
def test_an_empty_codebook_is_said_to_be_empty(
    tmp_path: Path, project: Project, data: bytes
) -> None:
    path = tmp_path / "Codes from QualCoder.qdc"
    path.write_bytes(data)
    before = contents(project)

    with pytest.raises(ExchangeFileError) as caught:
        import_exchange_file(project, path=path)

    assert str(caught.value) == f"{path}: is empty. {AGAIN_CODEBOOK}"
    assert contents(project) == before


@pytest.mark.parametrize("data", BLANK[:2], ids=["nothing", "white-space"])
def test_an_empty_project_archive_is_said_to_be_empty(
    tmp_path: Path, project: Project, data: bytes
) -> None:
    path = tmp_path / "Study.qdpx"
    path.write_bytes(data)
    before = contents(project)

    with pytest.raises(ExchangeFileError) as caught:
        import_exchange_file(project, path=path)

    assert str(caught.value) == f"{path}: is empty. {AGAIN_PROJECT}"
    assert contents(project) == before


def test_an_archive_whose_project_document_is_empty_says_so(
    tmp_path: Path, project: Project
) -> None:
    path = tmp_path / "Study.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", b"\n")
        archive.writestr("sources/a.txt", b"Some text")

    with pytest.raises(ExchangeFileError) as caught:
        import_exchange_file(project, path=path)

    assert str(caught.value) == f"{path}: holds an empty project.qde. {AGAIN_PROJECT}"


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("codes.qdc", b"<CodeBook>", "is not well-formed XML"),
        ("codes.qdc", b"\x00" * 64, "is not well-formed XML"),
        ("study.qdpx", b"not a zip", "is not a readable zip archive"),
        ("study.qdpx", b" " * (64 * 1024 + 1), "is not a readable zip archive"),
    ],
    ids=["unclosed", "nul-bytes", "text", "much-white-space"],
)
def test_a_damaged_file_is_not_taken_for_an_empty_one(
    tmp_path: Path, project: Project, name: str, data: bytes, said: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ExchangeFileError) as caught:
        import_exchange_file(project, path=path)
    assert str(caught.value).startswith(f"{path}: {said}")


@pytest.mark.parametrize(
    ("name", "advice"),
    [("codes.qdc", AGAIN_CODEBOOK), ("study.qdpx", AGAIN_PROJECT)],
    ids=["codebook", "project"],
)
def test_diptych_import_says_the_file_is_empty_and_imports_nothing(
    tmp_path: Path, project: Project, name: str, advice: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    article = tmp_path / "new.txt"
    article.write_text("A new article\n", encoding="utf-8")
    before = contents(project)
    project.close()

    code, _out, err = run("import", tmp_path / "study.diptych", article, path)

    assert code != 0
    assert err.strip() == f"diptych: {path}: is empty. {advice}"
    with Project.open(tmp_path / "study.diptych", read_only=True) as opened:
        assert contents(opened) == before  # all files or none
