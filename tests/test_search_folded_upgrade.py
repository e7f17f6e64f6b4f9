"""A project from before words in compatibility forms were found (format 3) is updated
when opened and then finds ＡＰＥＣ by APEC, nothing else in it changed; and the file
stays writable by other SQLite programs, which know nothing of folded words."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
import sqlite_utils
from test_storage_open_busy import format_3_project

from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.schema import CORE_TABLES, SCHEMA_VERSION
from diptych.storage.search import search

WIDE = "ＡＰＥＣ峰会于２０２５年举行。 The ﬁnal text."
NOW = "2025-01-01T00:00:00Z"


def add_rows(conn: sqlite3.Connection) -> None:
    """An article, a passage with a note and a memo, as another program adds them."""
    conn.execute(
        "INSERT INTO articles (uuid, title, format, imported_at, updated_at, original_text,"
        " display_text, characters) VALUES ('a1', '亚太峰会', 'text', ?, ?, ?, ?, ?)",
        [NOW, NOW, WIDE, WIDE, len(WIDE)],
    )
    conn.execute(
        "INSERT INTO annotations (uuid, article_id, start_pos, end_pos, exact, note,"
        " created_at, updated_at) VALUES ('n1', 1, 0, 4, 'ＡＰＥＣ', 'Ｓｔｒａßｅ', ?, ?)",
        [NOW, NOW],
    )
    conn.execute(
        "INSERT INTO memos (uuid, kind, text, created_at, updated_at)"
        " VALUES ('m1', 'project', 'Ask about ２０２５', ?, ?)",
        [NOW, NOW],
    )


def contents(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in CORE_TABLES}
    finally:
        conn.close()


def found(project: Project, query: str) -> list[str]:
    return sorted(f"{hit.kind} {hit.snippet}" for hit in search(project, query=query))


def test_a_format_3_project_is_updated_and_finds_words_in_either_form(tmp_path: Path) -> None:
    path = tmp_path / "older.diptych"
    format_3_project(path)
    conn = sqlite3.connect(path)
    add_rows(conn)
    conn.commit()
    conn.close()
    before = contents(path)
    kept: list[Path] = []
    with Project.open(path, before_upgrade=lambda p: kept.append(p.path)) as project:
        assert kept == [path]  # a copy as it was is kept first
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 10
        assert found(project, "APEC") == [
            "article [ＡＰＥＣ]峰会于２０２５年举行。 The ﬁnal text.",
            "passage [ＡＰＥＣ]",
        ]
        assert found(project, "strasse") == ["passage [Ｓｔｒａßｅ]"]
        assert found(project, "2025") == [
            "article ＡＰＥＣ峰会于[２０２５]年举行。 The ﬁnal text.",
            "memo Ask about [２０２５]",
        ]
        assert found(project, "final") == found(project, "ﬁnal") != []
    assert contents(path) == before  # the texts as they were written, nothing else changed


def test_another_program_writes_the_file_without_error_and_its_words_are_found(
    tmp_path: Path,
) -> None:
    path = tmp_path / "shared.diptych"
    Project.create(path).close()
    conn = sqlite3.connect(path)  # a program that has none of Diptych's SQL functions
    add_rows(conn)
    conn.execute("UPDATE memos SET text = 'Ask about the harbour'")
    conn.commit()
    conn.close()
    with Project.open(path) as project:
        assert found(project, "harbour") == ["memo Ask about the [harbour]"]
        assert found(project, "text") == ["article ＡＰＥＣ峰会于２０２５年举行。 The ﬁnal [text]."]
        assert "article [ＡＰＥＣ]峰会于２０２５年举行。 The ﬁnal text." not in found(
            project, "APEC"
        )
        project.articles.rename(article_id=1, title="Summit")  # Diptych writes it: folded
        assert "article [ＡＰＥＣ]峰会于２０２５年举行。 The ﬁnal text." in found(project, "APEC")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE articles SET display_text = 'Plain words now', title = 'Summit'")
    conn.execute("DELETE FROM annotations")
    for index in ("articles_fts", "annotations_fts", "memos_fts"):
        conn.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
    conn.commit()
    conn.close()
    with Project.open(path) as project:
        assert found(project, "plain") == ["article [Plain] words now"]
        assert found(project, "APEC") == []


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="no sqlite3 shell")
def test_the_sqlite3_shell_and_sqlite_utils_write_a_folded_row_without_error(
    tmp_path: Path,
) -> None:
    path = tmp_path / "shell.diptych"
    with Project.create(path) as project:
        project.memos.set(kind=MemoKind.PROJECT, text="Ask about ＡＰＥＣ")
        assert found(project, "apec") == ["memo Ask about [ＡＰＥＣ]"]  # kept folded
    shell = subprocess.run(
        ["sqlite3", str(path), "UPDATE memos SET text = 'The shell wrote this';"
         " INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check');"
         " INSERT INTO memos_fts(memos_fts) VALUES ('integrity-check');"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert shell.returncode == 0, shell.stderr
    utils = sqlite_utils.Database(path)
    utils["memos"].update(1, {"text": "Then sqlite-utils"})
    utils["articles"].insert(
        {"uuid": "a2", "title": "ＷＴＯ notes", "format": "text", "imported_at": NOW,
         "updated_at": NOW, "original_text": "Utils text", "display_text": "Utils text"}
    )  # fmt: skip
    utils.close()
    with Project.open(path) as project:
        assert found(project, "apec") == []
        assert found(project, "utils") == ["article [Utils] text", "memo Then sqlite-[utils]"]
