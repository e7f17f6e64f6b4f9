"""A Hebrew or Arabic word searched finds it with the short words written joined to its
front (the, and, in, to...): נשיא finds הנשיא, رئيس finds الرئيس and للرئيس. The index holds
each word as written, so such a search found only the texts with the word bare; a quoted
word is still looked for as written, and a ``-word`` leaves out its prefixed forms too."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_support import open_window
from pytestqt.qtbot import QtBot
from test_cli import run
from test_gui_search_cjk import search_for
from test_gui_search_folded import marked, open_result

from diptych.gui.context import AppContext
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.search import search
from diptych.storage.search_joined import with_joined

PRESIDENT = "הנשיא נפגש עם ראש הממשלה ובירושלים דנו בתקציב"  # the president met...
BARE = "דיון על תפקיד נשיא המדינה"  # ... the role of a president (bare)
WALKED = "הוא הלך הביתה מוקדם"  # he walked home (הלך: ה + לך, "go")
ARABIC = "التقى الرئيس بوزير الخارجية وقال للرئيس إن والرئيس سافر"
PERSIAN = "پرسش درباره رئیس جمهور و پاسخ"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "joined.diptych") as project:
        for i, text in enumerate((PRESIDENT, BARE, WALKED, ARABIC, PERSIAN)):
            parsed = parse_article(f"{text}\n\n{text}.".encode(), name=f"{i}.txt")
            project.articles.add(parsed=parsed)
        yield project


def titles(project: Project, query: str) -> set[str]:
    return {hit.title for hit in search(project, query=query) if hit.kind == "article"}


def test_hebrew_words_are_found_with_their_prefixes(project: Project) -> None:
    assert titles(project, "נשיא") == {PRESIDENT, BARE}
    assert titles(project, "ירושלים") == {PRESIDENT}  # ובירושלים: and in Jerusalem
    assert titles(project, "נשיא ממשלה") == {PRESIDENT}  # each word, all of them
    assert titles(project, "נשי*") == {PRESIDENT, BARE}  # the word being typed
    assert titles(project, "title:ממשלה") == {PRESIDENT}


def test_a_quoted_word_is_found_as_written(project: Project) -> None:
    assert titles(project, '"נשיא"') == {BARE}


def test_a_left_out_word_leaves_out_its_prefixed_forms(project: Project) -> None:
    assert titles(project, "נשיא -ממשלה") == {BARE}


def test_a_short_word_is_looked_for_as_written(project: Project) -> None:
    assert titles(project, "לך") == set()  # not in הלך, "walked"


def test_arabic_words_are_found_with_the_article_and_prefixes(project: Project) -> None:
    assert titles(project, "رئيس") == {ARABIC}
    hit = next(h for h in search(project, query="رئيس") if h.kind == "article")
    marks = [hit.shown[start:end] for start, end in hit.matches]
    assert marks[:3] == ["الرئيس", "للرئيس", "والرئيس"]
    assert hit.occurrences == 6  # three in each of its two paragraphs
    assert titles(project, "خارجية") == {ARABIC}


def test_a_persian_word_is_looked_for_as_written(project: Project) -> None:
    assert with_joined("رئیس") == "رئیس"  # its ی is Persian's: no Arabic prefixes
    assert titles(project, "رئیس") == {PERSIAN}


def test_queries_stay_what_fts5_reads() -> None:
    """Words side by side bind more tightly than NOT in FTS5, and it does not join a
    group in parentheses to a word beside it: the rewritten query says AND."""
    rewritten = with_joined("x NOT נשיא ממשלה")
    assert rewritten.startswith('x NOT (("נשיא" OR "ונשיא"')
    assert ') AND ("ממשלה" OR ' in rewritten
    assert with_joined("NEAR(נשיא ממשלה, 5)") == "NEAR(נשיא ממשלה, 5)"
    assert with_joined("a + נשיא") == "a + נשיא"  # a phrase joined with +
    assert with_joined("נשיא AND") == "נשיא AND"  # not a query FTS5 reads: as it was
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(title, body)")
    conn.execute("INSERT INTO t VALUES ('x', 'הנשיא והממשלה')")
    for query in ("נשיא ממשלה", "x NOT נשיא ממשלה", "title:x נשיא*", '"ראש" OR נשיא ממשלה'):
        conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", [with_joined(query)])


def test_the_command_line_finds_the_prefixed_word(project: Project) -> None:
    path = project.path
    project.close()
    code, out, _ = run("search", path, "נשיא", "--json")
    assert code == 0 and PRESIDENT in out and BARE in out and WALKED not in out


def test_the_search_panel_marks_and_selects_the_word_with_its_prefix(
    qtbot: QtBot, context: AppContext, project: Project
) -> None:
    path = project.path
    project.close()
    window = open_window(qtbot, context, Project.open(path))
    window.actions_.search.trigger()
    found = search_for(qtbot, window.search, "נשיא")
    president, bare = (f"\u2068{title}\u2069" for title in (PRESIDENT, BARE))  # isolated
    assert sorted(found) == sorted(
        [f"Article · {president} — 2 matches", f"Article · {bare} — 2 matches"]
    )
    assert marked(window, president)[0] == "הנשיא"
    assert open_result(qtbot, window, president) == "הנשיא"
