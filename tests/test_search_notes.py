"""A passage found by its note shows the note as it reads, not its Markdown markers."""

from __future__ import annotations

from pathlib import Path

from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.search import search

NOTE = "Note on **Xi's** trip, see [the report](https://example.org/r) and `the cables`."


def snippets(tmp_path: Path, note: str, query: str) -> list[str]:
    with Project.create(tmp_path / "notes.diptych") as project:
        text = "Visit\n\nThe state visit was long."
        article = project.articles.add(parsed=parse_article(text.encode(), name="a.txt"))
        start = project.articles.get(article_id=article.id).text.index("state")
        project.annotations.add(article_id=article.id, start=start, end=start + 5, note=note)
        return [h.snippet for h in search(project, query=query) if h.kind == "passage"]


def test_a_note_found_reads_without_its_markdown(tmp_path: Path) -> None:
    assert snippets(tmp_path, NOTE, "trip") == [
        "Note on Xi's [trip], see the report and the cables."
    ]


def test_a_word_only_in_a_link_address_shows_the_note_as_written(tmp_path: Path) -> None:
    (found,) = snippets(tmp_path, NOTE, "example")
    assert "(https://[example].org/r)" in found


def test_a_very_long_note_is_shown_as_written(tmp_path: Path) -> None:
    (found,) = snippets(tmp_path, "**trip** " + "word " * 5000, "trip")
    assert found.startswith("**[trip]** word")
