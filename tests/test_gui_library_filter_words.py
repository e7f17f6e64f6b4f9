"""The Library's filter finds the articles whose title holds every word typed, in any
order, whatever spaces or punctuation lie between them, as a user expects of a filter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.library_panel import LibraryPanel
from diptych.gui.main_window import MainWindow

XI_VISIT = "Xi’s South Korea Visit Marks Turning Point in Diplomatic Relations"
SHIFTING = "The Shifting Landscape: Evidence of a New Diplomatic Era"


def typed(qtbot: QtBot, library: LibraryPanel, text: str) -> list[str]:
    """Type ``text`` into the emptied filter; the titles the Library then lists."""
    library.filter.clear()
    library.filter.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClicks(library.filter, text)
    return [library.proxy.index(row, 0).data() for row in range(library.proxy.rowCount())]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("korea  visit", [XI_VISIT]),  # two spaces
        ("visit korea", [XI_VISIT]),  # in another order
        ("VISIT   xi's", [XI_VISIT]),
        ("shifting landscape evidence", [SHIFTING]),  # across the title's colon
        ("landscape: evidence", [SHIFTING]),
        ("evidence, shifting!", [SHIFTING]),
        ("  diplomatic  ", [XI_VISIT, SHIFTING]),
        ("diplomatic era", [SHIFTING]),
    ],
)
def test_the_filter_finds_titles_holding_every_word_typed(
    qtbot: QtBot, window: MainWindow, text: str, found: list[str]
) -> None:
    library = window.library
    assert sorted(typed(qtbot, library, text)) == sorted(found)
    assert not library.no_match.isVisibleTo(library)
    qtbot.keyClick(library.filter, Qt.Key.Key_Return)  # Enter opens the first match
    assert window.area.current is not None
    assert window.area.current.article_id == library.selected_article()


def test_a_word_no_title_holds_hides_every_article_and_says_which_words(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    assert typed(qtbot, library, "korea landscape") == []  # each in a title, not both
    assert library.no_match.isVisibleTo(library)
    assert library.no_match.text() == "No article title contains every word of “korea landscape”."
    assert typed(qtbot, library, "zzz") == []
    assert library.no_match.text() == "No article title contains “zzz”."


def test_the_filter_still_looks_at_titles_only_not_at_file_names(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    name = window.session.project.articles.summary(article_id=1).source_name
    assert name.endswith(".txt")
    assert typed(qtbot, library, "txt") == []
    assert typed(qtbot, library, f"{name} shifting") == []
