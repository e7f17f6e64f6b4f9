"""A paragraph pasted as a search, or one very long word, is answered at once: compiling
the pattern that marks the words found in each snippet took seconds (3.4 s for 5,000
words, 2.3 s for a word of 30,000 letters), with the window waiting. What made it slow is
bounded, and checked here without timing: the pattern holds at most a few hundred of the
query's words, and a long word's letters are not each made a class of their accented
forms. (The time itself is the `search` benchmark's.)"""

from __future__ import annotations

from pathlib import Path

from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.search import search
from diptych.storage.search_snippets import snippet
from diptych.storage.search_words import phrases_pattern, terms_pattern


def _words(count: int) -> str:
    """``count`` words of the same length (word1000, word1001…), and "trade"."""
    return " ".join(f"word{n}" for n in range(1000, 1000 + count)) + " trade"


def test_a_pasted_paragraph_and_a_very_long_word_are_found(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.diptych")
    long_word = "x" * 30_000
    text = f"Trade talks\n\nThe trade talks resume. {long_word}\n"
    project.articles.add(parsed=parse_article(text.encode(), name="a.txt"))
    assert [h.kind for h in search(project, query=_words(5_000).replace(" ", " OR "))] == [
        "article"
    ]
    assert len(search(project, query=long_word.upper())) == 1


def test_the_pattern_of_a_pasted_paragraph_stops_growing() -> None:
    few, many = _words(300), _words(5_000)
    for pattern in (terms_pattern, phrases_pattern):
        assert len(pattern(many).pattern) <= len(pattern(few).pattern)


def test_a_very_long_word_is_not_made_a_class_for_each_letter() -> None:
    long_word = "x" * 30_000
    assert len(terms_pattern(long_word).pattern) < 2 * len(long_word)
    short = terms_pattern("cafe").pattern
    assert len(short) > 4 * len("cafe")  # a short word's letters are each a class


def test_short_words_are_still_marked_in_any_case_and_accent() -> None:
    pattern = terms_pattern("CAFE " + "e" * 150)
    assert snippet("Le café du coin", pattern) == "Le [café] du coin"
    assert snippet("cri " + "E" * 150 + " fin", pattern) == "cri [" + "E" * 150 + "] fin"
