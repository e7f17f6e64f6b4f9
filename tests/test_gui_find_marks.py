"""Find in article (Ctrl+F), the Library's and the Passages' filters and the Search panel
find a word typed without its accents and marks in every script a reader types so: Greek
tonos and dialytika, Russian ё (but й stays й), Arabic harakat and tatweel, Hebrew
niqqud, Vietnamese letters with two accents, accents written after their letter. A match
is the word as the text writes it: an accent written after its last letter is part of
it, and a passage made of the match quotes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import keyboard_in, open_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from test_gui_search_cjk import search_for
from test_gui_search_folded import marked, open_result

from diptych.gui.article_pane import ArticlePane
from diptych.gui.context import AppContext
from diptych.gui.find_bar import find_all
from diptych.gui.main_window import MainWindow
from diptych.gui.session import ProjectSession
from diptych.gui.text_folding import fold
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

GREEK = "Η Βουλή ψήφισε\n\nΑΘΗΝΑ — Η Βουλή των Ελλήνων ενέκρινε τον προϋπολογισμό."
MARKED = (
    "Marks\n\nقَالَ الرَّئِيسُ. שָׁלוֹם. Tiếng Việt: Nguyễn. Ёлка, объём, йод. "
    "Zoe\u0308 and Cafe\u0301, Lefe\u0300vre."
)


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("Βουλη", ["Βουλή", "Βουλή"]),
        ("Ελληνων", ["Ελλήνων"]),
        ("προυπολογισμο", ["προϋπολογισμό"]),
        ("Αθηνα", ["ΑΘΗΝΑ"]),
        ("αθήνα", ["ΑΘΗΝΑ"]),
        ("объем", ["объём"]),
        ("Елка", ["Ёлка"]),
        ("иод", []),  # й is a letter of its own
        ("الرئيس", ["الرَّئِيسُ"]),
        ("שלום", ["שָׁלוֹם"]),
        ("Nguyen", ["Nguyễn"]),
        ("Viet", ["Việt"]),
        ("Zoe", ["Zoe\u0308"]),  # the accent after the last letter is part of the match
        ("Zoë", ["Zoe\u0308"]),
        ("Café", ["Cafe\u0301"]),
        ("Cafe\u0301", ["Cafe\u0301"]),  # typed (pasted) as the text writes it
        ("Lefevre", ["Lefe\u0300vre"]),
        ("Caf", ["Caf"]),
    ],
)
def test_find_ignores_the_marks_a_reader_types_without(typed: str, found: list[str]) -> None:
    text = GREEK + "\n" + MARKED
    assert [text[s:e] for s, e in find_all(text, typed)] == found


def test_find_keeps_ukrainian_yi_and_takes_a_match_never_starting_on_a_mark() -> None:
    text = "Їжак і їжа. Zoe\u0308\u0301x"
    assert [text[s:e] for s, e in find_all(text, "іжак")] == []
    assert [text[s:e] for s, e in find_all(text, "їжа")] == ["Їжа", "їжа"]
    assert [text[s:e] for s, e in find_all(text, "ex")] == ["e\u0308\u0301x"]
    assert find_all(text, "\u0301") == []  # a mark alone finds nothing
    # Marks that are no accent (a Hindi vowel sign) are kept, and a match of the letters
    # before one takes it in, or starts on its letter: a letter is never cut from its mark.
    hindi = "किताब"
    assert [hindi[s:e] for s, e in find_all(hindi, "क")] == ["कि"]
    assert [hindi[s:e] for s, e in find_all(hindi, "ि")] == ["कि"]
    assert [hindi[s:e] for s, e in find_all(hindi, "ताब")] == ["ताब"]


def typed_in(field: QLineEdit, words: str) -> None:
    """Type ``words`` into ``field`` as an input method commits them (Qt's test keys type
    Latin-1 only)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(words)
    QApplication.sendEvent(field, event)
    assert field.text().endswith(words)


def opened(qtbot: QtBot, window: MainWindow, page: str) -> ArticlePane:
    """``page`` imported and open in the first pane, the keyboard in it."""
    article = window.session.project.articles.add(parsed=parse_article(page.encode(), name="m.md"))
    window.session.reload_all()
    window.area.open_from_library(article.id, new_pane=False)
    qtbot.waitUntil(lambda: window.area.pane_for(article.id) is not None)
    pane = window.area.pane_for(article.id)
    assert pane is not None
    qtbot.waitUntil(lambda: not pane.is_loading)
    return keyboard_in(qtbot, window, window.area.panes().index(pane))


def test_a_passage_tagged_from_a_find_match_quotes_the_accent_after_its_last_letter(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = opened(qtbot, window, MARKED)
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = pane.find_bar
    qtbot.waitUntil(bar.field.hasFocus)
    typed_in(bar.field, "Café")
    assert bar.count.text() == "1 of 1"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)  # the first tag's key
    passage = window.session.passage(window.coding.selected)
    assert passage.exact == "Cafe\u0301"

    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(bar.field.hasFocus)
    bar.field.clear()
    typed_in(bar.field, "объем")
    assert bar.count.text() == "1 of 1"
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    start, end = pane.view.selection()
    assert text[start:end] == "объём"
    bar.field.clear()
    typed_in(bar.field, "שלום")
    start, end = pane.view.selection()
    assert text[start:end] == "שָׁלוֹם" and bar.count.text() == "1 of 1"


def test_the_library_filter_finds_greek_typed_without_tonos_and_keeps_short_i(
    qtbot: QtBot, window: MainWindow
) -> None:
    project = window.session.project
    project.articles.add(parsed=parse_article(GREEK.encode(), name="el.txt"))
    project.articles.add(parsed=parse_article("Йод и ёлка\n\nТекст.".encode(), name="ru.txt"))
    window.session.reload_all()
    library = window.library

    def shown(words: str) -> list[str]:
        library.filter.clear()
        library.filter.setFocus()
        typed_in(library.filter, words)
        return [library.proxy.index(r, 0).data() for r in range(library.proxy.rowCount())]

    assert shown("Βουλη") == ["Η Βουλή ψήφισε"]
    assert shown("елка") == ["Йод и ёлка"]
    assert shown("иод") == []


def test_the_passages_filter_finds_words_typed_without_their_marks(
    qtbot: QtBot, window: MainWindow, session: ProjectSession
) -> None:
    pane = opened(qtbot, window, MARKED)
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    tag = window.session.codebook().ordered()[0].id
    for word in ("الرَّئِيسُ", "Nguyễn", "Zoe\u0308", "йод"):
        at = text.index(word)
        window.session.add_passage(
            article_id=pane.article_id or 0, start=at, end=at + len(word), tag_ids=[tag]
        )
    panel = window.passages
    typed_found = [
        ("الرئيس", ["الرَّئِيسُ"]),
        ("nguyen", ["Nguyễn"]),
        ("zoe", ["Zoe\u0308"]),
        ("иод", []),  # й is a letter of its own
        ("Йод", ["йод"]),
    ]
    for typed, quotes in typed_found:
        panel.search.clear()
        QGuiApplication.clipboard().setText(typed)
        panel.search.setFocus()
        qtbot.keyClick(panel.search, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        shown = [panel.model.passage(row).exact for row in range(panel.model.rowCount())]
        assert shown == quotes, typed
    assert fold("Βουλή ΑΘΗΝΑ") == fold("βουλη Αθήνα")  # the same folding as the Library's


def test_a_search_result_marks_and_selects_the_word_with_the_accent_after_it(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    with Project.create(tmp_path / "marks.diptych") as project:
        project.articles.add(parsed=parse_article(MARKED.encode(), name="marks.txt"))
        project.articles.add(parsed=parse_article(GREEK.encode(), name="el.txt"))
        project.tags.add(name="Names")  # key 1, as the first tag
    window = open_window(qtbot, context, Project.open(tmp_path / "marks.diptych"))
    window.actions_.search.trigger()
    assert search_for(qtbot, window.search, "Αθήνα") == ["Article · Η Βουλή ψήφισε — 1 match"]
    assert marked(window, "Η Βουλή ψήφισε") == ["ΑΘΗΝΑ"]
    assert search_for(qtbot, window.search, "Lefevre") == ["Article · Marks — 1 match"]
    assert marked(window, "Marks") == ["Lefe\u0300vre"]
    assert open_result(qtbot, window, "Marks") == "Lefe\u0300vre"
    assert search_for(qtbot, window.search, "Zoe") == ["Article · Marks — 1 match"]
    assert open_result(qtbot, window, "Marks") == "Zoe\u0308"
    pane = window.area.current
    assert pane is not None
    window.activateWindow()  # the tag keys are the window's shortcuts
    qtbot.waitUntil(window.isActiveWindow)
    assert pane.view.hasFocus()  # the keyboard is in the text: a tag key tags the match
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    assert window.session.passage(window.coding.selected).exact == "Zoe\u0308"
