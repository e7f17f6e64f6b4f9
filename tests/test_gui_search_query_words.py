"""How the Search panel reads what is typed or pasted into it, through the real panel:
``-note:word`` leaves out by the note, NOT in capitals is a word, a phrase in curly quotes
is a phrase, Xi's is one word, Turkish's dotless ı is i (in Find in article and the
Library's filter too), an emoji is looked for alone or in a phrase."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import keyboard_in, open_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from test_gui_search_cjk import search_for

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

ARTICLES = (
    ("Verdict", "The jury found the defendant NOT GUILTY. The missiles ballistic. Xi's trip."),
    ("Drill", "Ballistic missiles and a drill. President Xi met officials. The s-bahn was late."),
    ("Hava", "Işık ve ılık hava. IŞIK. Dışişleri Bakanı ılımlı."),
    ("Toplantıda karar", "Bir toplantı."),
    ("Party", "Great news 🎉 for the team."),
    ("Launch", "Great news 🚀 for the team."),
)


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, tmp_path: Path) -> MainWindow:
    with Project.create(tmp_path / "words.diptych") as project:
        for title, body in ARTICLES:
            text = f"{title}\n\n{body}"
            article = project.articles.add(parsed=parse_article(text.encode(), name="a.txt"))
            text = project.articles.get(article_id=article.id).text
            at = text.index(body)
            passage = project.annotations.add(article_id=article.id, start=at, end=at + 3)
            project.annotations.set_note(annotation_id=passage.id, note=f"note on {title}")
    window = open_window(qtbot, context, Project.open(tmp_path / "words.diptych"))
    window.actions_.search.trigger()
    return window


def articles(qtbot: QtBot, window: MainWindow, query: str) -> list[str]:
    """The titles of the articles the panel lists for ``query``."""
    headings = search_for(qtbot, window.search, query)
    return sorted(h.split(" · ")[1].split(" — ")[0] for h in headings if h.startswith("Article"))


def passages(qtbot: QtBot, window: MainWindow, query: str) -> list[str]:
    headings = search_for(qtbot, window.search, query)
    return sorted(h for h in headings if h.startswith("Passage"))


def commit(field: QLineEdit, text: str) -> None:
    """Type ``text`` as an input method commits it (QTest types Latin-1 only)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def test_minus_note_leaves_out_the_passages_whose_note_has_the_word(
    qtbot: QtBot, window: MainWindow
) -> None:
    everything = passages(qtbot, window, "note")
    assert len(everything) == 6
    left = passages(qtbot, window, "note -note:verdict")
    assert len(left) == 5 and not any("Verdict" in heading for heading in left)


def test_not_in_capitals_is_a_word(qtbot: QtBot, window: MainWindow) -> None:
    assert articles(qtbot, window, "found NOT GUILTY") == ["Verdict"]
    assert window.search.status.text() == "1 article (3 matches)"


def test_a_phrase_in_curly_quotes_is_a_phrase(qtbot: QtBot, window: MainWindow) -> None:
    assert articles(qtbot, window, "missiles ballistic") == ["Drill", "Verdict"]
    assert articles(qtbot, window, "“missiles ballistic”") == ["Verdict"]
    assert articles(qtbot, window, "«missiles ballistic»") == ["Verdict"]


def test_a_straight_apostrophe_finds_the_word_whole(qtbot: QtBot, window: MainWindow) -> None:
    assert articles(qtbot, window, "Xi's") == ["Verdict"]  # not Xi and the s of s-bahn


@pytest.mark.parametrize("query", ["ışık", "IŞIK", "isik"])
def test_the_dotless_i_is_found_whichever_way_it_is_typed(
    qtbot: QtBot, window: MainWindow, query: str
) -> None:
    assert articles(qtbot, window, query) == ["Hava"]
    assert window.search.status.text() == "1 article (2 matches)"  # Işık and IŞIK


def test_find_in_article_finds_the_dotless_i_in_either_case(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.area.open_from_library(3, new_pane=False)
    qtbot.waitUntil(lambda: window.area.pane_for(3) is not None)
    pane = window.area.pane_for(3)
    assert pane is not None
    qtbot.waitUntil(lambda: not pane.is_loading)
    pane = keyboard_in(qtbot, window, window.area.panes().index(pane))
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = pane.find_bar
    qtbot.waitUntil(bar.field.hasFocus)
    commit(bar.field, "ışık")
    qtbot.waitUntil(lambda: bar.count.text() == "1 of 2")
    start, end = pane.view.selection()
    assert window.session.project.articles.get(article_id=3).text[start:end] == "Işık"


def test_the_library_filter_finds_the_dotless_i_typed_plainly(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    library.filter.setFocus()
    qtbot.keyClicks(library.filter, "toplantida")
    shown = [library.proxy.index(r, 0).data() for r in range(library.proxy.rowCount())]
    assert shown == ["Toplantıda karar"]


def test_an_emoji_is_searched_alone_and_in_a_phrase(qtbot: QtBot, window: MainWindow) -> None:
    assert articles(qtbot, window, "🎉") == ["Party"]
    assert window.search.status.text() == "1 article (1 match)"
    assert articles(qtbot, window, '"news 🚀 for"') == ["Launch"]  # not the other emoji
    assert articles(qtbot, window, '"news ❤️ for"') == []
