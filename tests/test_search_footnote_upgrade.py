"""A project from before footnote numbers in superscript were read apart from their word
(format 4: began¹ indexed as began1) is updated when opened and then finds began there,
in articles, passages and memos, nothing else in it changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_search_folded_upgrade import contents, found

from diptych.storage import search_folding
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.schema import SCHEMA_VERSION

NOTED = "The war\n\nThe war began¹ in 1914 at ＡＰＥＣ's ﬁrst summit."


def format_4_project(path: Path) -> None:
    """A project as Diptych wrote it in format 4: a number raised after a word folded as
    part of it (began¹ as began1)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_folding, "apart", lambda text: text)
        with Project.create(path) as project:
            project.articles.add(parsed=parse_article(NOTED.encode(), name="war.txt"))
            project.articles.add(parsed=parse_article(b"Plain\n\nAPEC began", name="p.txt"))
            text = project.articles.get(article_id=1).text
            at = text.index("began¹")
            passage = project.annotations.add(article_id=1, start=at, end=at + 6)
            project.annotations.set_note(annotation_id=passage.id, note="Keegan² says")
            project.memos.set(kind=MemoKind.PROJECT, text="Ask Clark³ about ＷＴＯ")
            assert found(project, "began") == ["article Plain\nAPEC [began]"]
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0005_raised_numbers_apart'")
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()


def test_a_format_4_project_is_updated_and_finds_a_word_before_its_footnote_number(
    tmp_path: Path,
) -> None:
    path = tmp_path / "older.diptych"
    format_4_project(path)
    before = contents(path)
    kept: list[Path] = []
    with Project.open(path, before_upgrade=lambda p: kept.append(p.path)) as project:
        assert kept == [path]  # a copy as it was is kept first
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 10
        assert found(project, "began") == [
            "article Plain\nAPEC [began]",
            "article The war\nThe war [began]¹ in 1914 at ＡＰＥＣ's ﬁrst summit.",
            "passage [began]¹",
        ]
        assert found(project, "keegan") == ["passage [Keegan]² says"]
        assert found(project, "clark") == ["memo Ask [Clark]³ about ＷＴＯ"]
        assert found(project, "wto") == ["memo Ask Clark³ about [ＷＴＯ]"]  # still folded
        assert found(project, "first") == ["article …1914 at ＡＰＥＣ's [ﬁrst] summit."]
        assert found(project, "began1") == []  # the old folded word is gone from the index
        for index in ("articles_fts", "annotations_fts", "memos_fts"):
            project.db.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
    assert contents(path) == before  # the texts as they were written, nothing else changed
