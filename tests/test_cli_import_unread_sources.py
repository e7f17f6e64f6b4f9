"""``diptych import`` of an exchange file that brings in nothing because its sources
could not be read (a .qdpx whose text files are missing) is refused, naming the file and
why, with status 2 and no project left behind: it said "0 articles" and succeeded,
leaving an empty project. A file that brings in something (its tags) still imports."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from test_cli import run

from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.refiqda_import import import_exchange_file


def exported(tmp_path: Path) -> bytes:
    """A project of one article, with a passage tagged Harbour, as a .qdpx."""
    with Project.open(tmp_path / "source.diptych", create=True) as project:
        parsed = parse_article(b"Harbour notes\n\nQuiet today.", name="h.txt")
        article = project.articles.add(parsed=parsed)
        tag = project.tags.ensure(name="Harbour")[0]
        project.annotations.add(article_id=article.id, start=0, end=7, tag_ids=[tag.id])
        return export_project(project, fmt="qdpx")


def without_sources(qdpx: bytes, path: Path, *, codes: bool = True) -> Path:
    """``qdpx`` without its text files (and without its codebook unless ``codes``)."""
    original = zipfile.ZipFile(io.BytesIO(qdpx))
    with zipfile.ZipFile(path, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename.startswith("sources/"):
                continue
            if not codes:
                data = re.sub(rb"<CodeBook>.*?</CodeBook>", b"", data, flags=re.S)
            copy.writestr(info, data)
    return path


@pytest.fixture
def textless(tmp_path: Path) -> Path:
    return without_sources(exported(tmp_path), tmp_path / "textless.qdpx", codes=False)


def test_a_new_project_is_not_left_behind(tmp_path: Path, textless: Path) -> None:
    project = tmp_path / "new.diptych"
    status, out, err = run("import", project, textless)
    assert status == 2 and out == ""
    assert err.startswith(f"diptych: {textless}: brings in nothing: its source could not")
    assert "“Harbour notes” (its text file sources/" in err
    assert "is not in the exchange file" in err and "Nothing was imported" in err
    assert err.count("\n") == 1
    assert not project.exists()


def test_an_existing_project_is_left_as_it_was(tmp_path: Path, textless: Path) -> None:
    project = tmp_path / "study.diptych"
    article = tmp_path / "a.txt"
    article.write_text("Another article.\n", encoding="utf-8")
    assert run("import", project, article)[0] == 0
    assert run("tag", project, "Harbour")[0] == 0  # the file's code finds it: nothing new
    other = tmp_path / "b.txt"
    other.write_text("A third article.\n", encoding="utf-8")
    status, _, err = run("import", project, other, textless)
    assert status == 2 and "textless.qdpx: brings in nothing" in err
    with Project.open(project, read_only=True) as opened:  # all files or none
        assert [a.title for a in opened.articles.all()] == ["Another article."]
        assert [t.name for t in opened.tags.all()] == ["Harbour"]


def test_a_file_whose_tags_come_in_still_imports(tmp_path: Path) -> None:
    textless = without_sources(exported(tmp_path), tmp_path / "codes.qdpx")
    project = tmp_path / "new.diptych"
    status, out, err = run("import", project, textless)
    assert status == 0, err
    assert "0 articles, 1 new tag" in out and "not imported as articles: “Harbour notes”" in out
    with Project.open(project, read_only=True) as opened:
        assert [t.name for t in opened.tags.all()] == ["Harbour"]


def test_what_the_summary_says_of_it(tmp_path: Path, textless: Path) -> None:
    qdpx = tmp_path / "whole.qdpx"
    qdpx.write_bytes(exported(tmp_path))
    with Project.open(tmp_path / "study.diptych", create=True) as project:
        unread = import_exchange_file(project, path=textless).unread_sources()
        assert unread is not None and unread.startswith("its source could not be read: “")
        whole = import_exchange_file(project, path=qdpx)
        assert whole.brought_anything() and whole.unread_sources() is None
        again = import_exchange_file(project, path=qdpx)  # already there: nothing unread
        assert not again.brought_anything() and again.unread_sources() is None
