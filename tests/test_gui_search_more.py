"""A search of a big project lists the best results and says when more match, instead of
letting the first fifty pass for all there is; a count of nothing is not said."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.search_panel import LIMIT
from diptych.storage.importing import parse_article


def search_for(qtbot: QtBot, window: MainWindow, query: str) -> str:
    window.actions_.search.trigger()
    panel = window.search
    panel.field.clear()
    qtbot.keyClicks(panel.field, query)
    with qtbot.waitSignal(panel.searched):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    return panel.status.text()


def test_more_articles_than_are_listed_are_said_to_be_more(
    qtbot: QtBot, window: MainWindow
) -> None:
    many = [
        parse_article(f"Briefing {n}\n\nTalks on the tariff, day {n}.".encode(), name=f"b{n}.txt")
        for n in range(LIMIT + 5)
    ]
    window.session.project.articles.add_many(parsed=many)
    status = search_for(qtbot, window, "tariff")
    assert window.search.results.count() == LIMIT
    assert status == (
        f"More than {LIMIT} articles (the best {LIMIT} are listed: add a word to narrow the search)"
    )


def test_exactly_as_many_as_are_listed_are_all_there_is(qtbot: QtBot, window: MainWindow) -> None:
    many = [
        parse_article(f"Briefing {n}\n\nTalks on the tariff, day {n}.".encode(), name=f"b{n}.txt")
        for n in range(LIMIT)
    ]
    window.session.project.articles.add_many(parsed=many)
    assert search_for(qtbot, window, "tariff") == f"{LIMIT} articles ({LIMIT} matches)"
    assert window.search.results.count() == LIMIT


def test_a_kind_with_no_match_is_left_out_of_the_count(qtbot: QtBot, window: MainWindow) -> None:
    assert search_for(qtbot, window, "customs") == "1 passage"  # only in a note
    assert search_for(qtbot, window, "summit") == "2 articles (11 matches), 1 passage"
