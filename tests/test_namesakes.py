"""Articles of one title are told apart by their file's name, and, where that is the same
too (two saved versions of one page, each an index.html), by when each was imported."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from gui_support import open_window
from pytestqt.qtbot import QtBot

from diptych.gui.article_model import article_labels
from diptych.gui.context import AppContext
from diptych.storage.exporting import collect
from diptych.storage.importing import parse_article
from diptych.storage.namesakes import told_apart
from diptych.storage.project import Project
from diptych.storage.sample import SAMPLE_FILES


@dataclass
class Summary:
    id: int
    title: str
    source_name: str
    imported_at: str


def test_namesakes_are_told_apart_by_file_then_by_import_time() -> None:
    articles = [
        Summary(1, "Storm hits coast", "index.html", "2026-12-07T09:12:00+00:00"),
        Summary(2, "Storm hits coast", "index.html", "2026-12-08T10:30:00+00:00"),
        Summary(3, "Storm hits coast", "herald.html", "2026-12-08T10:30:00+00:00"),
        Summary(4, "Budget", "a.txt", "2026-12-08T10:30:00+00:00"),
        Summary(5, "Vote", "v.md", "2026-12-08T10:30:00+00:00"),
        Summary(6, "Vote", "v.md", "2026-12-08T10:30:00+00:00"),
    ]
    assert told_apart(articles, UTC) == {
        1: "Storm hits coast (index.html, imported 7 December 2026, 09:12)",
        2: "Storm hits coast (index.html, imported 8 December 2026, 10:30)",
        3: "Storm hits coast (herald.html)",
        4: "Budget",
        5: "Vote (v.md, imported 8 December 2026, 10:30, 1)",
        6: "Vote (v.md, imported 8 December 2026, 10:30, 2)",
    }


def test_namesakes_imported_seconds_apart_in_one_minute_are_numbered() -> None:
    """Two colleagues' projects, each with a "Document 1", imported 2 seconds apart: the
    time is printed to the minute, so it alone would not tell them apart."""
    articles = [
        Summary(1, "Document 1", "Document 1", "2026-12-07T18:59:05+00:00"),
        Summary(2, "Document 1", "Document 1", "2026-12-07T18:59:07+00:00"),
        Summary(3, "Document 1", "Document 1", "2026-12-07T19:02:00+00:00"),
    ]
    assert told_apart(articles, UTC) == {
        1: "Document 1 (Document 1, imported 7 December 2026, 18:59, 1)",
        2: "Document 1 (Document 1, imported 7 December 2026, 18:59, 2)",
        3: "Document 1 (Document 1, imported 7 December 2026, 19:02)",
    }


def test_labels_that_would_read_the_same_otherwise_are_numbered() -> None:
    articles = [
        Summary(1, "Notes", "", "2026-12-07T09:00:00+00:00"),  # no file's name to tell
        Summary(2, "Notes", "", "2026-12-07T09:00:00+00:00"),
        Summary(3, "Notes (1)", "n.txt", "2026-12-07T09:00:00+00:00"),  # a title as a label
        Summary(4, "Vote", "v.md", "2026-12-07T09:00:00+00:00"),
        Summary(5, "Vote", "other.md", "2026-12-07T09:00:00+00:00"),
        Summary(6, "Vote (v.md)", "w.md", "2026-12-07T09:00:00+00:00"),
    ]
    labels = told_apart(articles, UTC)
    assert len(set(labels.values())) == len(articles)
    assert labels == {
        1: "Notes (2)",
        2: "Notes (3)",
        3: "Notes (1)",
        4: "Vote (v.md) (1)",
        5: "Vote (other.md)",
        6: "Vote (v.md) (2)",
    }


PAGE = "<html><head><title>Storm hits coast</title></head><body><h1>Storm hits coast</h1>"


def test_two_saved_versions_of_a_page_are_told_apart_in_the_library_and_the_exports(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    for day, toll in (("monday", "3"), ("tuesday", "5")):
        (tmp_path / day).mkdir()
        page = f"{PAGE}<p>The toll rose to {toll}.</p></body></html>"
        (tmp_path / day / "index.html").write_text(page, encoding="utf-8")
    project = Project.create(tmp_path / "storm.diptych")
    for day in ("monday", "tuesday"):  # imported a day apart, as the two days' pages
        path = tmp_path / day / "index.html"
        project.articles.add(parsed=parse_article(path.read_bytes(), name=path.name))
    with project.transaction():
        project.db.execute(
            "UPDATE articles SET imported_at = '2026-12-07T09:12:00+00:00' WHERE id = 1"
        )
    window = open_window(qtbot, context, project)

    labels = [label for _, label in article_labels(window.session.articles())]
    assert len(labels) == 2 and len(set(labels)) == 2
    assert labels[0].startswith("Storm hits coast (index.html, imported 7 December 2026, ")
    model = window.library.view.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == labels
    titles = {collect(project).title(a) for a in project.articles.all()}
    assert len(titles) == 2


def test_a_sample_article_beside_a_namesake_names_no_file_of_its_own() -> None:
    """The sample's articles' files are Diptych's own, no file the user ever had: the
    sample's article is its title alone, the user's copy of the same title its file."""
    sample = SAMPLE_FILES[0]
    articles = [
        Summary(1, "Xi visits Seoul", sample, "2026-12-07T09:12:00+00:00"),
        Summary(2, "Xi visits Seoul", "xi-visit.html", "2026-12-08T10:30:00+00:00"),
        Summary(3, "Budget", SAMPLE_FILES[1], "2026-12-07T09:12:00+00:00"),
        Summary(4, "Budget", SAMPLE_FILES[1], "2026-12-07T09:12:00+00:00"),
    ]
    labels = told_apart(articles, UTC)
    assert labels[1] == "Xi visits Seoul"
    assert labels[2] == "Xi visits Seoul (xi-visit.html)"
    assert not any(name in label for label in labels.values() for name in SAMPLE_FILES)
    assert len(set(labels.values())) == 4  # still no two the same


def test_an_export_names_no_file_for_a_sample_article_beside_a_namesake(tmp_path: Path) -> None:
    import io

    from diptych.storage.cli import main
    from diptych.storage.sample import create_sample_project

    path = tmp_path / "sample.diptych"
    with create_sample_project(path) as project:
        title = project.articles.all()[0].title
        parsed = parse_article(f"# {title}\n\nAnother outlet's copy.\n".encode(), name="copy.md")
        copy = project.articles.add(parsed=parsed)
        text = project.articles.get(article_id=copy.id).text
        start = text.index("Another")
        project.annotations.add(article_id=copy.id, start=start, end=start + 7)
    out, err = io.StringIO(), io.StringIO()
    assert main(["export", str(path), "--format", "md"], stdout=out, stderr=err) == 0, err
    exported = out.getvalue()
    assert f"*{title} (copy.md)*" in exported  # the user's copy names the file given
    assert f"*{title}* ·" in exported  # the sample's names none
    assert not any(name in exported for name in SAMPLE_FILES)
