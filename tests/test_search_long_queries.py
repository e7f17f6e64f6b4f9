"""A paragraph pasted as a search, or one very long word, is answered at once: compiling
the pattern that marks the words found in each snippet took seconds (3.4 s for 5,000
words, 2.3 s for a word of 30,000 letters), with the window waiting."""

from __future__ import annotations

import re
import time
from pathlib import Path

from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.search import search
from diptych.storage.search_snippets import snippet
from diptych.storage.search_words import terms_pattern


def test_a_pasted_paragraph_and_a_very_long_word_are_searched_quickly(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.diptych")
    long_word = "x" * 30_000
    text = f"Trade talks\n\nThe trade talks resume. {long_word}\n"
    project.articles.add(parsed=parse_article(text.encode(), name="a.txt"))
    paragraph = " ".join(f"word{n}" for n in range(5_000)) + " trade"
    for query in (paragraph, long_word.upper()):
        re.purge()  # no pattern compiled by an earlier search
        started = time.perf_counter()
        search(project, query=query)
        assert time.perf_counter() - started < 1.5, query[:20]
    assert len(search(project, query=long_word.upper())) == 1


def test_short_words_are_still_marked_in_any_case_and_accent() -> None:
    pattern = terms_pattern("CAFE " + "e" * 150)
    assert snippet("Le café du coin", pattern) == "Le [café] du coin"
    assert snippet("cri " + "E" * 150 + " fin", pattern) == "cri [" + "E" * 150 + "] fin"
