"""A letter with a stroke through it (Ø, Ł, Đ) is found by the plain letter, as an accented
one is (Odegaard finds Ødegaard, Lodz finds Łódź) in articles, passages, notes and memos,
and the text's own letters are marked; a project from before (format 6, which indexed
the letter as written) is updated when opened and finds them too."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from test_search_folded_upgrade import contents, found

from diptych.storage import search_folding
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.schema import SCHEMA_VERSION

NAMES = "Talks\n\nSøren Ødegaard met Łukasiewicz in Łódź, then Đorđević."


def filled(project: Project) -> None:
    project.articles.add(parsed=parse_article(NAMES.encode(), name="talks.txt"))
    project.articles.add(parsed=parse_article(b"Plain\n\nLodz and Odegaard", name="p.txt"))
    text = project.articles.get(article_id=1).text
    at = text.index("Ødegaard")
    passage = project.annotations.add(article_id=1, start=at, end=at + 8)
    project.annotations.set_note(annotation_id=passage.id, note="Ask Łukasiewicz")
    project.memos.set(kind=MemoKind.PROJECT, text="Call Ødegaard's office")


def test_a_stroked_letter_is_found_by_the_plain_one_and_marked_as_written(
    tmp_path: Path,
) -> None:
    with Project.create(tmp_path / "names.diptych") as project:
        filled(project)
        assert found(project, "odegaard") == [
            "article Plain\nLodz and [Odegaard]",
            "article Talks\nSøren [Ødegaard] met Łukasiewicz in Łódź, then Đorđević.",
            "memo Call [Ødegaard]'s office",
            "passage [Ødegaard]",
        ]
        assert found(project, "Ødegaard") == found(project, "odegaard")  # either way round
        assert found(project, "lukasiewicz") == [
            "article Talks\nSøren Ødegaard met [Łukasiewicz] in Łódź, then Đorđević.",
            "passage Ask [Łukasiewicz]",  # its note
        ]
        assert found(project, "dordevic")[0].endswith("then [Đorđević].")


def format_6_project(path: Path) -> None:
    """A project as Diptych wrote it in format 6: a stroked letter indexed as written."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_folding, "UNSTROKED", {})
        patch.setattr(search_folding, "_STROKED_LETTER", re.compile("(?!)"))
        with Project.create(path) as project:
            filled(project)
            assert found(project, "odegaard") == ["article Plain\nLodz and [Odegaard]"]
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0007_stroked_letters'")
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()


def test_a_format_6_project_is_updated_and_finds_a_stroked_letter_by_the_plain_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "older.diptych"
    format_6_project(path)
    before = contents(path)
    kept: list[Path] = []
    with Project.open(path, before_upgrade=lambda p: kept.append(p.path)) as project:
        assert kept == [path]  # a copy as it was is kept first
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 10
        assert len(found(project, "odegaard")) == 4
        assert found(project, "lodz") == [
            "article Plain\n[Lodz] and Odegaard",
            "article …Ødegaard met Łukasiewicz in [Łódź], then Đorđević.",
        ]
    assert contents(path) == before  # nothing but the index changed
