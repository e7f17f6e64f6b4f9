"""The Search panel searches as the user types, the word being typed read as the start of a
word: "semicond" lists the article about semiconductors before the word is finished, as
Find in article and the Passages filter would; a word finished with a space is whole."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.search_results import MATCHES_ROLE

SEMICONDUCTORS = "Xi’s South Korea Visit Marks Turning Point in Diplomatic Relations"
SHIFTING = "The Shifting Landscape: Evidence of a New Diplomatic Era"


def type_in(qtbot: QtBot, window: MainWindow, keys: str) -> list[str]:
    """Type ``keys`` into the Search panel's field, without Enter: the results listed once
    the panel has searched by itself."""
    panel = window.search
    with qtbot.waitSignal(panel.searched):
        qtbot.keyClicks(panel.field, keys)
    qtbot.waitUntil(lambda: not panel.searching)
    return [panel.results.item(i).text() for i in range(panel.results.count())]


def marked(window: MainWindow, row: int) -> list[str]:
    item = window.search.results.item(row)
    return [item.text()[start:end] for start, end in item.data(MATCHES_ROLE)]


def test_half_a_word_typed_lists_the_articles_that_have_the_word(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.actions_.search.trigger()
    texts = type_in(qtbot, window, "semicond")
    assert [text.split("\n")[0] for text in texts] == [f"Article · {SEMICONDUCTORS} — 1 match"]
    assert window.search.status.text() == "1 article (1 match)"
    assert marked(window, 0) == ["semiconductor"]  # the whole word, bold

    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)  # into the results
    qtbot.keyClick(window.search.results, Qt.Key.Key_Return)  # opened at the word found
    pane = window.area.current
    assert pane is not None
    qtbot.waitUntil(lambda: pane.view.textCursor().selectedText() == "semiconductor")


def test_a_word_finished_with_a_space_is_searched_whole(qtbot: QtBot, window: MainWindow) -> None:
    window.actions_.search.trigger()
    texts = type_in(qtbot, window, "summi")
    headings = sorted(text.split("\n")[0] for text in texts)
    assert headings == [
        f"Article · {SHIFTING} — 9 matches",
        f"Article · {SEMICONDUCTORS} — 2 matches",
        f"Passage · {SHIFTING}",
    ]
    assert all(word.casefold() == "summit" for row in range(3) for word in marked(window, row))

    assert type_in(qtbot, window, " ") == []
    assert window.search.status.text() == "No matches"
    window.search.field.clear()
    texts = type_in(qtbot, window, "summit diplom")  # summit whole, diplom being typed
    assert sorted(text.split("\n")[0] for text in texts) == [
        f"Article · {SHIFTING} — 18 matches",  # summit, and the words diplom begins
        f"Article · {SEMICONDUCTORS} — 10 matches",
    ]
    assert type_in(qtbot, window, "t") == []  # no word begins with diplomt


def test_an_open_phrase_lists_what_has_the_phrase_begun(qtbot: QtBot, window: MainWindow) -> None:
    window.actions_.search.trigger()
    texts = type_in(qtbot, window, '"South Kor')
    assert {text.split("\n")[0] for text in texts} >= {
        f"Article · {SHIFTING} — 12 matches",
        f"Article · {SEMICONDUCTORS} — 5 matches",
    }
    row = next(i for i, text in enumerate(texts) if text.startswith("Article"))
    assert marked(window, row) == ["South Korea"]  # the phrase, whole
    assert type_in(qtbot, window, 'ns"') == []  # closed: "South Koreans", whole
