"""Turkish's dotless ı is i to the search, as its capital I is: ışık, Işık, IŞIK and isik
(typed without Turkish letters) find each other, in articles, passages, notes and memos,
and Find in article and the filters compare them alike. The index lowered I to i and kept
ı, so a word starting a sentence (Işık) and the same word inside one (ışık) were two
words; a project from before (format 9) is updated when opened and finds them too."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from test_search_folded_upgrade import contents, found

from diptych.gui.find_bar import find_all
from diptych.gui.text_folding import fold as filter_fold
from diptych.storage import search_folding
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.schema import SCHEMA_VERSION

WEATHER = "Hava\n\nIşık ve ılık hava. IŞIK. Dışişleri Bakanı ılımlı. İzmir toplantıda."


def filled(project: Project) -> None:
    project.articles.add(parsed=parse_article(WEATHER.encode(), name="hava.txt"))
    project.articles.add(parsed=parse_article(b"Plain\n\nIsik and Izmir", name="p.txt"))
    text = project.articles.get(article_id=1).text
    at = text.index("Dışişleri")
    passage = project.annotations.add(article_id=1, start=at, end=at + 9)
    project.annotations.set_note(annotation_id=passage.id, note="Bakan ılımlı")
    project.memos.set(kind=MemoKind.PROJECT, text="Işık üzerine notlar")


@pytest.mark.parametrize("query", ["ışık", "Işık", "IŞIK", "isik", "ISIK"])
def test_the_dotless_i_is_found_in_either_case_and_typed_plainly(
    tmp_path: Path, query: str
) -> None:
    with Project.create(tmp_path / "hava.diptych") as project:
        filled(project)
        assert found(project, query) == [
            "article Hava\n[Işık] ve ılık hava. [IŞIK]. Dışişleri Bakanı ılımlı. İzmir toplantıda.",
            "article Plain\n[Isik] and Izmir",
            "memo [Işık] üzerine notlar",
        ]


def test_words_with_the_dotless_i_in_notes_and_passages(tmp_path: Path) -> None:
    with Project.create(tmp_path / "hava.diptych") as project:
        filled(project)
        assert [hit for hit in found(project, "DIŞIŞLERI") if hit.startswith("passage")] == [
            "passage [Dışişleri]"
        ]
        assert [hit for hit in found(project, "ILIMLI") if hit.startswith("passage")] == [
            "passage Bakan [ılımlı]"  # its note
        ]
        assert found(project, "toplantida") == found(project, "toplantıda") != []


def test_find_in_article_and_the_filters_compare_the_dotless_i_as_i() -> None:
    text = "Işık ve ılık hava. IŞIK."
    for typed in ("ışık", "Işık", "IŞIK", "isik"):
        assert [text[s:e] for s, e in find_all(text, typed)] == ["Işık", "IŞIK"]
    assert filter_fold("ışık") == filter_fold("Işık") == filter_fold("IŞIK") == "isik"
    assert filter_fold("İzmir") == "izmir"


def format_9_project(path: Path) -> None:
    """A project as Diptych wrote it in format 9: the dotless ı indexed as written."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_folding, "UNSTROKED", {})
        patch.setattr(search_folding, "_STROKED_LETTER", re.compile("(?!)"))
        search_folding._table.cache_clear()
        try:
            with Project.create(path) as project:
                filled(project)
                assert found(project, "ışık") == []  # as before: ı and I apart
        finally:
            search_folding._table.cache_clear()
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0010_dotless_letters'")
    conn.execute("PRAGMA user_version = 9")
    conn.commit()
    conn.close()


def test_a_format_9_project_is_updated_and_finds_the_dotless_i(tmp_path: Path) -> None:
    path = tmp_path / "older.diptych"
    format_9_project(path)
    before = contents(path)
    kept: list[Path] = []
    with Project.open(path, before_upgrade=lambda p: kept.append(p.path)) as project:
        assert kept == [path]  # a copy as it was is kept first
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 10
        assert len(found(project, "ışık")) == 3
        assert found(project, "ilimli") == [
            "article …hava. IŞIK. Dışişleri Bakanı [ılımlı]. İzmir toplantıda.",
            "passage Bakan [ılımlı]",
        ]
    assert contents(path) == before  # nothing but the index changed
