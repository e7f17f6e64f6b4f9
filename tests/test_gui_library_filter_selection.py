"""Clearing the Library's filter selects the current pane's article again: the filter hid
its row (and Qt dropped it from the selection), and the list was left with nothing
selected while the article was open."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_clearing_the_filter_selects_the_current_panes_article_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    shown = window.area.panes()[0].article_id
    assert shown is not None
    library.select_article(shown)
    assert library.selected_articles() == [shown]

    qtbot.keyClicks(library.filter, "no title has these words")
    assert library.proxy.rowCount() == 0
    assert library.selected_articles() == []

    library.filter.clear()
    assert library.selected_articles() == [shown]
    assert library.selected_article() == shown
    assert library.article_at(library.view.currentIndex()) == shown


def test_an_article_chosen_while_filtered_stays_selected_after_clearing(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    articles = window.session.articles()
    first, other = articles[0], articles[1]
    library.select_article(first.id)
    library.filter.setText(other.title)
    assert library.selected_articles() == [other.id]  # the only match
    library.select_article(other.id)
    assert library.selected_articles() == [other.id]

    library.filter.clear()
    assert library.selected_articles() == [other.id]


def test_the_current_panes_article_hidden_by_the_filter_is_selected_once_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    articles = window.session.articles()
    first, other = articles[0], articles[1]
    library.select_article(first.id)
    library.filter.setText(first.title)
    library.select_article(other.id)  # another pane became current, its article hidden
    assert library.selected_articles() == []

    library.filter.clear()
    assert library.selected_articles() == [other.id]


def test_the_only_match_of_the_filter_is_selected(qtbot: QtBot, window: MainWindow) -> None:
    library = window.library
    articles = window.session.articles()
    first, other = articles[0], articles[1]
    library.select_article(first.id)
    words = "South Korea"  # typed as in the real window, one letter at a time
    assert words in other.title and words not in first.title
    qtbot.keyClicks(library.filter, words)
    assert library.proxy.rowCount() == 1
    assert library.selected_articles() == [other.id]
    assert library.article_at(library.view.currentIndex()) == other.id

    library.filter.clear()  # the article selected before filtering, again
    assert library.selected_articles() == [first.id]


def test_a_filter_keeps_the_selected_article_among_its_matches(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    last = window.session.articles()[-1]
    library.select_article(last.id)
    qtbot.keyClicks(library.filter, "Di")
    assert library.proxy.rowCount() > 1
    assert library.selected_articles() == [last.id]
