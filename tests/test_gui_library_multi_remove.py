"""Removing several articles at once from the Library: one question that says how many
articles (naming them when few) and how many passages go with them, one transaction, one
undo step that brings back every article with its passages, notes and memos exactly as
they were, and the panes that showed them where they stood."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from gui_support import menu_item
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_library_multi_select import (
    CTRL,
    SHIFT,
    add_articles,
    article_id,
    click,
    context_menu_at,
    shown,
    shown_titles,
)
from test_gui_undo_stateful import check_file, differences, dump

from diptych.gui import dialogs
from diptych.gui.main_window import MainWindow
from diptych.storage.model import MemoKind

XI_VISIT = "Xi’s South Korea Visit Marks Turning Point in Diplomatic Relations"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """Seven articles with passages, notes and a memo; the shared ``window`` opens it."""
    path = tmp_path / "several.diptych"
    add_articles(path)
    return path


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every question asked, each answered Yes."""
    asked: list[str] = []

    def question(_parent, _title, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return True

    monkeypatch.setattr(dialogs, "ask_plain", question)
    return asked


def file_state(path: Path) -> dict[str, Any]:
    """The project as its file holds it, read through a connection of its own."""
    with sqlite3.connect(path) as conn:
        check_file(conn)
        return dump(conn)


def test_delete_removes_the_selected_articles_after_one_question_and_undo_restores_all(
    qtbot: QtBot, window: MainWindow, sample: Path, questions: list[str]
) -> None:
    library, session = window.library, window.session
    before = file_state(sample)
    panes = shown(window)
    first = session.articles()[0]
    click(qtbot, library, first.title)  # open on the left, 3 passages
    click(qtbot, library, "Alpha report", CTRL)  # a passage with a note, and a memo
    click(qtbot, library, "Charlie notes", CTRL)
    alpha = article_id(window, "Alpha report")
    qtbot.keyClick(library.view, Qt.Key.Key_Delete)

    assert questions == [
        "Remove these 3 articles, their 5 passages and their 1 memo from the project?\n\n"
        f"“{first.title}”\n“Alpha report”\n“Charlie notes”\n\n"
        "You can undo this with Ctrl+Z."
    ]
    removed = file_state(sample)
    assert [row[0] for row in removed["articles"]] == [2, 4, 6, 7]
    assert {row[2] for row in removed["passages"]} == {2, 4, 6, 7}
    assert [memo[2] for memo in removed["memos"]] == ["project"]  # the article's went with it
    assert [a.id for a in session.articles()] == [2, 4, 6, 7]
    assert set(shown_titles(library)).isdisjoint({first.title, "Alpha report", "Charlie notes"})
    assert shown(window) == panes[1:]  # its pane closed
    assert window.actions_.undo.text() == "&Undo Remove 3 articles"

    window.actions_.undo.trigger()  # one step brings all three back, exactly
    assert differences(file_state(sample), before) == []
    assert [a.id for a in session.articles()] == [1, 2, 3, 4, 5, 6, 7]
    assert session.memo_text(MemoKind.ARTICLE, alpha) == "Read it twice."
    assert [p.note for p in session.project.annotations.query(article_id=alpha)] == [
        "On Alpha report."
    ]
    assert shown(window) == panes  # back where its pane stood
    # selected again, as before the removal; the article of the current pane the current one
    charlie = article_id(window, "Charlie notes")
    assert library.selected_articles() == [first.id, alpha, charlie]
    assert library.selected_article() == first.id

    window.actions_.redo.trigger()
    assert differences(file_state(sample), removed) == []
    assert shown(window) == panes[1:]
    window.actions_.undo.trigger()
    assert differences(file_state(sample), before) == []
    assert shown(window) == panes


def test_the_question_names_a_few_titles_counts_the_rest_and_no_leaves_all(
    qtbot: QtBot, window: MainWindow, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def question(_parent, _title, text):  # type: ignore[no-untyped-def]
        asked.append(text)
        return False

    monkeypatch.setattr(dialogs, "ask_plain", question)
    before = file_state(sample)
    library = window.library
    click(qtbot, library, shown_titles(library)[0])
    qtbot.keyClick(library.view, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(library.view, Qt.Key.Key_Delete)
    first, second = (a.title for a in window.session.articles()[:2])
    assert asked == [
        "Remove these 7 articles, their 11 passages and their 1 memo from the project?\n\n"
        f"“{first}”\n“{second}”\n“Alpha report”\n“Bravo report”\nand 3 more\n\n"
        "You can undo this with Ctrl+Z."
    ]
    assert differences(file_state(sample), before) == []
    assert len(library.selected_articles()) == 7  # still selected, for another try
    assert not window.session.undo_stack.canUndo()


def test_articles_without_passages_are_said_to_have_none(
    qtbot: QtBot, window: MainWindow, questions: list[str]
) -> None:
    session = window.session
    for title in ("Bravo report", "Delta report"):
        for passage in session.project.annotations.query(article_id=article_id(window, title)):
            session.delete_passage(passage.id)
    click(qtbot, window.library, "Bravo report")
    click(qtbot, window.library, "Delta report", CTRL)
    qtbot.keyClick(window.library.view, Qt.Key.Key_Delete)
    assert questions[0].startswith(
        "Remove these 2 articles from the project? They have no passages.\n\n"
        "“Bravo report”\n“Delta report”\n\n"
    )
    assert "Bravo report" not in shown_titles(window.library)


def test_what_the_filter_hides_is_not_removed(
    qtbot: QtBot, window: MainWindow, questions: list[str]
) -> None:
    library = window.library
    click(qtbot, library, "Alpha report")
    click(qtbot, library, "Charlie notes", SHIFT)  # Alpha, Bravo and Charlie
    qtbot.keyClicks(library.filter, "report")  # hides Charlie notes
    library.view.setFocus()
    qtbot.keyClick(library.view, Qt.Key.Key_Delete)
    assert questions[0].startswith("Remove these 2 articles, their 2 passages and their 1 memo")
    assert "Charlie notes" not in questions[0]
    library.filter.clear()
    titles = shown_titles(library)
    assert "Charlie notes" in titles
    assert "Alpha report" not in titles and "Bravo report" not in titles


def test_the_menu_removes_open_articles_and_undo_puts_each_pane_back_in_its_place(
    qtbot: QtBot, window: MainWindow, questions: list[str]
) -> None:
    library = window.library
    alpha = article_id(window, "Alpha report")
    click(qtbot, library, "Alpha report")
    qtbot.keyClick(library.view, Qt.Key.Key_Return, SHIFT)
    assert shown(window) == [1, 2, alpha]
    click(qtbot, library, window.session.articles()[0].title)
    click(qtbot, library, "Alpha report", CTRL)  # the panes on the left and the right
    menu = context_menu_at(library, "Alpha report")
    remove = menu_item(menu, "Remove 2 articles from project…")
    menu.close()
    remove.trigger()
    assert len(questions) == 1
    assert shown(window) == [2]

    window.actions_.undo.trigger()
    assert shown(window) == [1, 2, alpha]
