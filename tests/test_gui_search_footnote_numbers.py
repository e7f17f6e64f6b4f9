"""A word typed in the Search panel finds the article and the memo where it has a footnote
number in superscript after it (began¹); the result marks the word, and opening it
selects the word in the pane or the memo, not its number."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_window
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_gui_search_cjk import search_for
from test_gui_search_folded import marked, open_result
from test_gui_search_memos import activate_with_the_keyboard

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project

NOTED = "The war\n\nThe ﬁrst war began¹ in 1914, and the emissions of CO₂ rose.²"
PLAIN = "Climate notes\n\nThe CO2 level rose."


def opened(qtbot: QtBot, context: AppContext, tmp_path: Path) -> MainWindow:
    with Project.create(tmp_path / "notes.diptych") as project:
        project.articles.add(parsed=parse_article(NOTED.encode(), name="war.txt"))
        project.articles.add(parsed=parse_article(PLAIN.encode(), name="climate.txt"))
    window = open_window(qtbot, context, Project.open(tmp_path / "notes.diptych"))
    window.actions_.search.trigger()
    return window


def test_a_word_with_a_footnote_number_is_found_and_opening_selects_the_word(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = opened(qtbot, context, tmp_path)
    assert search_for(qtbot, window.search, "began") == ["Article · The war — 1 match"]
    assert marked(window, "The war") == ["began"]
    assert open_result(qtbot, window, "The war") == "began"
    assert search_for(qtbot, window.search, "rose") == [
        "Article · Climate notes — 1 match",
        "Article · The war — 1 match",
    ]  # rose.² too
    assert marked(window, "The war") == ["rose"]


def test_co2_typed_finds_co_subscript_2_and_selects_it(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = opened(qtbot, context, tmp_path)
    for query in ("co2", "CO₂"):
        found = search_for(qtbot, window.search, query)
        assert sorted(found) == ["Article · Climate notes — 1 match", "Article · The war — 1 match"]
        assert marked(window, "The war") == ["CO₂"]
        assert marked(window, "Climate notes") == ["CO2"]
    assert open_result(qtbot, window, "The war") == "CO₂"


def test_enter_on_a_memo_found_selects_the_word_before_its_footnote_number(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.set_memo(MemoKind.PROJECT, None, "As Keegan¹ wrote, the ﬁrst war began²…")
    window.actions_.search.trigger()
    panel = window.search
    assert search_for(qtbot, panel, "began") == ["Project memo"]
    activate_with_the_keyboard(qtbot, panel, 0)
    field = window.memos.project_memo
    assert QApplication.focusWidget() is field
    assert field.textCursor().selectedText() == "began"
