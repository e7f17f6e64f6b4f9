"""Each article found says how often its text has the search's words ("Article · Title —
12 matches"), and the results how often the articles listed have them in all: an
article's single snippet no longer passes for its only match."""

from __future__ import annotations

import re

from pytestqt.qtbot import QtBot
from test_gui_search_typing import type_in

from diptych.gui.main_window import MainWindow
from diptych.gui.search_panel import HIT_ROLE
from diptych.gui.search_wording import LIMIT, describe, heading
from diptych.storage.search import SearchHit


def test_each_article_listed_says_how_often_its_text_has_the_word(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.actions_.search.trigger()
    texts = type_in(qtbot, window, "korea ")  # a whole word
    total = 0
    for row, text in enumerate(texts):
        hit = window.search.results.item(row).data(HIT_ROLE)
        if hit.kind != "article":
            continue
        article = window.session.project.articles.get(article_id=hit.article_id).text
        count = len(re.findall(r"\bkorea\b", article, re.IGNORECASE))
        assert count > 1  # more than the snippet shows
        assert text.split("\n")[0] == f"Article · {hit.title} — {count} matches"
        total += count
    passages = sum(1 for text in texts if text.startswith("Passage"))
    assert window.search.status.text() == f"2 articles ({total} matches), {passages} passages"


def hit(kind: str, title: str, occurrences: int = 0) -> SearchHit:
    return SearchHit(kind, 1, None, title, "", 0.0, occurrences=occurrences)


def test_the_heading_says_how_many_matches_an_article_has() -> None:
    assert heading(hit("article", "Harbour report", 12)) == "Article · Harbour report — 12 matches"
    assert heading(hit("article", "Harbour report", 1)) == "Article · Harbour report — 1 match"
    assert heading(hit("article", "Harbour tariffs")) == "Article · Harbour tariffs"  # its title
    assert heading(hit("passage", "Harbour report")) == "Passage · Harbour report"


def test_the_results_say_the_matches_of_all_the_articles_when_all_are_listed() -> None:
    listed = [hit("article", "A", 12), hit("article", "B", 2), hit("passage", "A")]
    assert describe(listed, set()) == "2 articles (14 matches), 1 passage"
    assert describe([hit("article", "B")], set()) == "1 article"  # found by its title
    many = [hit("article", str(n), 3) for n in range(LIMIT)]
    assert describe(many, {"article"}).startswith(f"More than {LIMIT} articles (the best")
