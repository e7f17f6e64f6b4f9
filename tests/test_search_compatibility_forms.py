"""Search finds words written in full-width or other compatibility forms (ＡＰＥＣ, ２０２５,
the ligature ﬁ) by a query typed in ordinary letters, and the other way round."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.search import SearchHit, search
from diptych.storage.search_folding import FoldedText, needs_folding, plain
from diptych.storage.search_words import first_found

WIDE = "亚太峰会\n\nＡＰＥＣ峰会于２０２５年举行。 The ﬁnal communiqué was short."
PLAIN = "Summit notes\n\nAPEC met in 2025 and the final text was agreed."


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "forms.diptych") as project:
        project.articles.add(parsed=parse_article(WIDE.encode(), name="wide.txt"))
        project.articles.add(parsed=parse_article(PLAIN.encode(), name="plain.txt"))
        yield project


@pytest.mark.parametrize("query", ["APEC", "2025", "final", "ＡＰＥＣ", "２０２５", "ﬁnal"])
def test_either_form_finds_both_articles(project: Project, query: str) -> None:
    titles = sorted(hit.title for hit in search(project, query=query) if hit.kind == "article")
    assert titles == ["Summit notes", "亚太峰会"]


def test_the_article_own_characters_are_marked(project: Project) -> None:
    (hit,) = [h for h in search(project, query="APEC") if h.title == "亚太峰会"]
    assert [hit.shown[s:e] for s, e in hit.matches] == ["ＡＰＥＣ"]


def marked(hit: SearchHit) -> list[str]:
    return [hit.shown[s:e] for s, e in hit.matches]


def test_the_plain_article_own_letters_are_marked_for_a_full_width_query(project: Project) -> None:
    (hit,) = [h for h in search(project, query="ＡＰＥＣ") if h.title == "Summit notes"]
    assert marked(hit) == ["APEC"]
    (hit,) = [h for h in search(project, query="ﬁnal") if h.title == "亚太峰会"]
    assert marked(hit) == ["ﬁnal"]  # one character, though folded it is two


def test_marks_after_a_character_folded_longer_are_on_the_right_characters(
    tmp_path: Path,
) -> None:
    text = "Straße\n\nDie ﬁnale Straße: ﬂoß und ＡＰＥＣ, dann Maße und Masse."
    with Project.create(tmp_path / "de.diptych") as project:
        project.articles.add(parsed=parse_article(text.encode(), name="de.txt"))
        (hit,) = search(project, query="strasse")
        assert marked(hit) == ["Straße", "Straße"] and "ﬁnale" in hit.shown
        (hit,) = search(project, query="APEC")
        assert marked(hit) == ["ＡＰＥＣ"]
        (hit,) = search(project, query="Masse")  # ß as ss: both are found
        assert marked(hit) == ["Maße", "Masse"]
        (hit,) = search(project, query="floss")
        assert marked(hit) == ["ﬂoß"]
    assert first_found(text, "apec") == (text.index("ＡＰＥＣ"), text.index("ＡＰＥＣ") + 4)
    start = text.index("Maße")
    assert first_found(text, "MASSE") == (start, start + 4)
    assert first_found(text, "fin*") == (text.index("ﬁnale"), text.index("ﬁnale") + 5)


def test_notes_passages_and_memos_are_found_in_either_form(project: Project) -> None:
    (wide, plain) = project.articles.all()
    at = project.articles.get(article_id=wide.id).text.index("ＡＰＥＣ")
    passage = project.annotations.add(article_id=wide.id, start=at, end=at + 4)
    project.annotations.set_note(annotation_id=passage.id, note="See the ＷＴＯ rules")
    project.annotations.add(article_id=plain.id, start=14, end=18, note="the WTO too")
    project.memos.set(kind=MemoKind.PROJECT, text="Compare ２０２５ and the ﬁnal text")
    project.memos.set(kind=MemoKind.ARTICLE, target_id=plain.id, text="Ｆｉｎａｌ remarks")

    def found(query: str) -> list[tuple[str, list[str]]]:
        hits = search(project, query=query)
        return sorted((h.kind, marked(h)) for h in hits if h.kind != "article")

    assert found("wto") == [("passage", ["WTO"]), ("passage", ["ＷＴＯ"])]
    assert found("ＷＴＯ") == found("wto")
    assert found("ＡＰＥＣ") == [("passage", ["ＡＰＥＣ"])]  # the passage's own characters
    assert found("final") == [("memo", ["ﬁnal"]), ("memo", ["Ｆｉｎａｌ"])]
    assert found("note:２０２５") == [("memo", ["２０２５"])]
    project.memos.set(kind=MemoKind.PROJECT, text="Nothing of the kind")
    assert found("final") == [("memo", ["Ｆｉｎａｌ"])]


def test_an_article_renamed_is_found_by_its_new_title_in_either_form(project: Project) -> None:
    (wide, _plain) = project.articles.all()
    project.articles.rename(article_id=wide.id, title="ＡＳＥＡＮ summit")
    assert [h.title for h in search(project, query="title:asean")] == ["ＡＳＥＡＮ summit"]
    project.articles.rename(article_id=wide.id, title="Asia summit")
    assert search(project, query="title:asean") == []


def test_chinese_with_latin_letters_is_found_in_either_form(project: Project) -> None:
    """A query holding Chinese is looked for inside the runs of characters, folded too."""
    for query in ("APEC峰会", "ＡＰＥＣ峰会", "apec峰会"):
        (hit,) = search(project, query=query)
        assert hit.title == "亚太峰会" and marked(hit) == ["ＡＰＥＣ峰会"]
    (hit,) = search(project, query="２０２５年")
    assert marked(hit) == ["２０２５年"]


@given(st.text(alphabet="aZ ßﬁﬃＡｚ２㎏é-¹²₂ήё\u0301\u05b8", max_size=30))
def test_each_character_folded_is_found_where_it_went(text: str) -> None:
    folded = FoldedText(text)
    for at in range(len(text) + 1):
        # A mark written after its letter folds to nothing: the place after it is its own.
        mark = at < len(text) and text[at] in "\u0301\u05b8"
        if not mark:
            assert folded.written(folded.folded(at)) == at
    for at, char in enumerate(text):
        piece = folded.text[folded.folded(at) : folded.folded(at + 1)]
        if needs_folding(text):
            # A number raised after a word (a¹, ２²) is folded apart from it (a 1).
            after_word = at > 0 and re.match(r"[^\W¹²]", text[at - 1]) is not None
            apart = " " if char in "¹²" and after_word else ""
            assert piece == apart + plain(char)
        else:
            assert piece == char
            assert folded.written(folded.folded(at) + 1, end=True) == at + 1
