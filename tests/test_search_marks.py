"""Words are found without the accents and marks a reader types without, in every script
the index reads otherwise: Greek tonos and dialytika (Βουλη finds Βουλή, Αθήνα finds
ΑΘΗΝΑ), Russian ё (объем finds объём), Latin letters with two accents (Nguyen finds
Nguyễn), Arabic harakat and Hebrew niqqud (الرئيس finds الرَّئِيسُ, נשיא finds נָשִׂיא), and
accents written after their letter (Lefe + U+0300 + vre); the result marks the word
whole, its marks with it. A project from before (format 7, which indexed them as
written) is updated when opened and finds them too."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from test_search_folded_upgrade import contents, found

from diptych.storage import search_folding, search_marks
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.schema import SCHEMA_VERSION
from diptych.storage.search_folding import needs_folding, plain
from diptych.storage.search_words import first_found

GREEK = "Η Βουλή ψήφισε\n\nΑΘΗΝΑ — Η Βουλή των Ελλήνων ενέκρινε τον προϋπολογισμό."
RUSSIAN = "Центробанк\n\nЁлка, щётка, объём и йод."
MARKED = "Marks\n\nقَالَ الرَّئِيسُ. אָמַר נָשִׂיא. Tiếng Việt: Nguyễn Văn A.\n\nZoe\u0308 and Lefe\u0300vre."


def filled(project: Project) -> None:
    for name, page in (("el.txt", GREEK), ("ru.txt", RUSSIAN), ("marks.txt", MARKED)):
        project.articles.add(parsed=parse_article(page.encode(), name=name))
    text = project.articles.get(article_id=2).text
    at = text.index("объём")
    passage = project.annotations.add(article_id=2, start=at, end=at + 5)
    project.annotations.set_note(annotation_id=passage.id, note="Ёлка again")
    project.memos.set(kind=MemoKind.PROJECT, text="Ask the Βουλή")


def test_plain_takes_off_the_marks_a_reader_types_without() -> None:
    pairs = [
        ("Βουλή", "βουλη"),
        ("προϋπολογισμό", "προυπολογισμο"),
        ("ΐ", "ι"),
        ("Ёлка", "елка"),
        ("Nguyễn", "nguyen"),
        ("الرَّئِيسُ", "الرئيس"),
        ("الـرئيس", "الرئيس"),  # tatweel
        ("שָׁלוֹם", "שלום"),
        ("Cafe\u0301", "cafe"),
        ("Ødegaard", "odegaard"),
        ("Straße", "strasse"),
    ]
    assert [plain(word) for word, _ in pairs] == [folded for _, folded in pairs]
    # Letters of their own stay: й is not и, ї not і, ў not у; hamza is part of أ.
    assert [plain(word) for word in ("йод", "Їжак", "ў", "أ", "が")] == [
        "йод",
        "їжак",
        "ў",
        "أ",
        "が",
    ]


def test_what_the_index_is_not_given_folded_it_reads_without_its_marks_itself() -> None:
    """Each letter with a mark that a text is indexed as written with (not
    :func:`needs_folding`) is one SQLite's tokenizer reads as :func:`plain` does: else
    Nguyen would not find Nguyễn."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    chars = [
        chr(code)
        for code in range(0xC0, 0x2100)
        if search_marks.unmarked(chr(code)) != chr(code) and not needs_folding(chr(code))
    ]
    assert "é" in chars and "\u0301" in chars and "ή" not in chars and "ễ" not in chars
    conn.executemany("INSERT INTO t(rowid, x) VALUES (?, ?)", [(ord(c), f"q{c}q") for c in chars])
    read = dict(conn.execute("SELECT doc, term FROM v"))
    assert {c: read[ord(c)] for c in chars} == {c: f"q{plain(c)}q" for c in chars}


def test_words_typed_without_their_marks_are_found_and_marked_whole(tmp_path: Path) -> None:
    with Project.create(tmp_path / "marks.diptych") as project:
        filled(project)
        greek = "article Η Βουλή ψήφισε\n{}"
        assert found(project, "Αθήνα") == [
            greek.format("[ΑΘΗΝΑ] — Η Βουλή των Ελλήνων ενέκρινε τον προϋπολογισμό.")
        ]
        assert found(project, "Βουλη") == [
            "article Η [Βουλή] ψήφισε\nΑΘΗΝΑ — Η [Βουλή] των Ελλήνων ενέκρινε τον προϋπολογισμό.",
            "memo Ask the [Βουλή]",
        ]
        assert found(project, "προυπολογισμο")[0].endswith("τον [προϋπολογισμό].")
        assert found(project, "объем") == [
            "article Центробанк\nЁлка, щётка, [объём] и йод.",
            "passage [объём]",
        ]
        assert found(project, "елка")[1] == "passage [Ёлка] again"  # its note
        assert found(project, "иод") == []  # й is a letter of its own
        for query, word in [
            ("Nguyen", "Nguyễn"),
            ("الرئيس", "الرَّئِيسُ"),
            ("נשיא", "נָשִׂיא"),
            ("Zoe", "Zoe\u0308"),
            ("Lefevre", "Lefe\u0300vre"),
            ("Lefèvre", "Lefe\u0300vre"),
        ]:
            (hit,) = search_in_marks(project, query)
            assert [hit.shown[s:e] for s, e in hit.matches] == [word], query
        text = project.articles.get(article_id=3).text
        start, end = first_found(text, "Zoe") or (0, 0)
        assert text[start:end] == "Zoe\u0308"  # what opening the result selects


def search_in_marks(project: Project, query: str) -> list[object]:
    from diptych.storage.search import search

    return [hit for hit in search(project, query=query) if hit.title == "Marks"]


def format_7_project(path: Path) -> None:
    """A project as Diptych wrote it in format 7: marks indexed as written."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_folding, "marked_unread", lambda: re.compile("(?!)"))
        with Project.create(path) as project:
            filled(project)
            assert found(project, "объем") == []
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0008_marked_letters'")
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()


def test_a_format_7_project_is_updated_and_finds_words_typed_without_marks(
    tmp_path: Path,
) -> None:
    path = tmp_path / "older.diptych"
    format_7_project(path)
    before = contents(path)
    kept: list[Path] = []
    with Project.open(path, before_upgrade=lambda p: kept.append(p.path)) as project:
        assert kept == [path]  # a copy as it was is kept first
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 10
        assert len(found(project, "объем")) == 2
        assert len(found(project, "Βουλη")) == 2  # the article and the memo
        assert len(found(project, "nguyen")) == 1
        assert len(found(project, "אמר נשיא")) == 1
    assert contents(path) == before  # nothing but the index changed
