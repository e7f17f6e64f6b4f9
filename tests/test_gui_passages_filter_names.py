"""The Passages filter looks where the row shows the text: the quote and the note, and
the names of the passage's tags (their whole paths) and of its article. Typing
"security" listed only the passage whose quote said it, not the others tagged Security.
Each word typed is looked for on its own, in any order and in any of those places, as in
the Library's filter.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.passage_cells import Column

# The sample project's passages, by the start of their quote.
TRADE = "The bilateral trade"  # Economy/Trade, Evidence; article 1
AGREEMENTS = "the signing of 15"  # Diplomacy/Summitry, Evidence; article 1
MISSILES = "Just hours before"  # Security, Diplomacy/Summitry; article 1
RESTART = "symbolic restart"  # Diplomacy; article 2
COOPERATION = "Security cooperation"  # Security; article 2
CULTURE = "Improved cultural"  # Culture & society; article 2


def typed(qtbot: QtBot, window: MainWindow, text: str) -> set[str]:
    """Type ``text`` into the Passages filter; the rows then shown (see :func:`shown`)."""
    window.passages.search.clear()
    qtbot.keyClicks(window.passages.search, text)
    return shown(window)


def shown(window: MainWindow) -> set[str]:
    """The quotes of the rows shown, each by the start that names it above."""
    model = window.passages.model
    quotes = [str(model.index(row, Column.QUOTE).data()) for row in range(model.rowCount())]
    starts = (TRADE, AGREEMENTS, MISSILES, RESTART, COOPERATION, CULTURE)
    return {start for start in starts for quote in quotes if quote.startswith(start)}


def tag_id(window: MainWindow, path: str) -> int:
    book = window.session.codebook()
    return next(tag.id for tag in book.ordered() if book.path(tag.id) == path)


def test_a_tag_name_finds_every_passage_with_the_tag(qtbot: QtBot, window: MainWindow) -> None:
    assert typed(qtbot, window, "security") == {MISSILES, COOPERATION}
    assert typed(qtbot, window, "SUMMITRY") == {AGREEMENTS, MISSILES}


def test_a_parent_s_name_and_the_whole_path_find_the_sub_tag_s_passages(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert typed(qtbot, window, "economy") == {TRADE}
    assert typed(qtbot, window, "Economy/Trade") == {TRADE}
    assert typed(qtbot, window, "diplomacy/summ") == {AGREEMENTS, MISSILES}


def test_the_article_title_finds_the_article_s_passages(qtbot: QtBot, window: MainWindow) -> None:
    assert typed(qtbot, window, "turning point") == {RESTART, COOPERATION, CULTURE}
    assert typed(qtbot, window, "xi's south korea") == {RESTART, COOPERATION, CULTURE}


def test_quotes_and_notes_are_still_searched(qtbot: QtBot, window: MainWindow) -> None:
    assert typed(qtbot, window, "ballistic") == {MISSILES}
    assert typed(qtbot, window, "customs data") == {TRADE}  # in the note only
    assert typed(qtbot, window, "no row says this") == set()
    assert window.passages.no_match.isVisible()


def test_the_tag_filter_and_the_text_both_apply(qtbot: QtBot, window: MainWindow) -> None:
    window.passages.set_tag_filter(tag_id(window, "Diplomacy/Summitry"))
    assert typed(qtbot, window, "security") == {MISSILES}


def test_a_tag_renamed_to_hold_the_text_brings_its_passages(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert typed(qtbot, window, "defence") == set()
    window.session.update_tag(tag_id(window, "Security"), name="Defence")
    assert shown(window) == {MISSILES, COOPERATION}
    window.session.update_tag(tag_id(window, "Defence"), name="Security")
    assert shown(window) == set()


def test_an_article_renamed_to_hold_the_text_brings_its_passages(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = window.session
    first = session.articles()[0]
    assert typed(qtbot, window, "peninsula") == set()
    session.rename_article(first.id, "Peninsula notes")
    model = window.passages.model
    shown = {model.passage(row).article_id for row in range(model.rowCount())}
    assert shown == {first.id} and model.rowCount() == 3
    assert not window.passages.no_match.isVisible()


def test_the_field_says_what_it_searches(window: MainWindow) -> None:
    search = window.passages.search
    assert search.placeholderText() == "Filter by quote, note, tag, article"
    assert "tags" in search.toolTip() and "article" in search.toolTip()


def test_each_word_is_found_on_its_own_in_any_order_and_any_place(
    qtbot: QtBot, window: MainWindow
) -> None:
    # a tag's name and a word of the quote: Security's passage of the second article
    assert typed(qtbot, window, "security cooperation") == {COOPERATION}
    assert typed(qtbot, window, "cooperation security") == {COOPERATION}
    # a tag's name and a word of the article's title
    assert typed(qtbot, window, "summitry shifting") == {AGREEMENTS, MISSILES}
    assert typed(qtbot, window, "evidence  trade") == {TRADE}  # spaces between words
    assert typed(qtbot, window, "security culture") == set()  # no passage has both
