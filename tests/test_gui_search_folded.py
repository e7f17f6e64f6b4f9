"""A word typed in the Search panel in full-width letters (ＡＰＥＣ) finds the article that
has it in plain letters, and the other way round; the result marks the article's own
characters, and opening it selects them in the pane, also where folding the text made it
longer before them (ﬁ, ß)."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_window
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_gui_search_cjk import search_for
from test_gui_search_memos import activate_with_the_keyboard

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.search_results import MATCHES_ROLE
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project

WIDE = "Asia Pacific summit\n\nDie ﬁnale Straße: ＡＰＥＣ峰会于２０２５年举行。"
PLAIN = "Summit notes\n\nAPEC met in 2025 and the final text was agreed."


def opened(qtbot: QtBot, context: AppContext, tmp_path: Path) -> MainWindow:
    with Project.create(tmp_path / "forms.diptych") as project:
        project.articles.add(parsed=parse_article(WIDE.encode(), name="wide.txt"))
        project.articles.add(parsed=parse_article(PLAIN.encode(), name="plain.txt"))
    window = open_window(qtbot, context, Project.open(tmp_path / "forms.diptych"))
    window.actions_.search.trigger()
    return window


def open_result(qtbot: QtBot, window: MainWindow, title: str) -> str:
    """Open the result about ``title`` with the keyboard: the text selected in its pane."""
    panel = window.search
    headings = [panel.results.item(i).text().split("\n")[0] for i in range(panel.results.count())]
    row = next(i for i, h in enumerate(headings) if h.startswith(f"Article · {title} — "))
    panel.results.setCurrentRow(row)
    panel.results.setFocus()
    qtbot.keyClick(panel.results, "\r")
    pane = window.area.current
    assert pane is not None
    qtbot.waitUntil(lambda: pane.view.textCursor().hasSelection())
    return pane.view.textCursor().selectedText()


def marked(window: MainWindow, title: str) -> list[str]:
    panel = window.search
    for i in range(panel.results.count()):
        item = panel.results.item(i)
        if item.text().startswith(f"Article · {title} — "):
            return [item.text()[s:e] for s, e in item.data(MATCHES_ROLE)]
    raise AssertionError(f"no result about {title}")


def test_full_width_typed_finds_plain_letters_and_opening_selects_them(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = opened(qtbot, context, tmp_path)
    found = search_for(qtbot, window.search, "ＡＰＥＣ")
    assert sorted(found) == [
        "Article · Asia Pacific summit — 1 match",
        "Article · Summit notes — 1 match",
    ]
    assert marked(window, "Summit notes") == ["APEC"]
    assert marked(window, "Asia Pacific summit") == ["ＡＰＥＣ"]
    assert open_result(qtbot, window, "Summit notes") == "APEC"


def test_plain_letters_typed_select_the_full_width_ones_after_a_ligature_and_sharp_s(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = opened(qtbot, context, tmp_path)
    assert sorted(search_for(qtbot, window.search, "apec")) == [
        "Article · Asia Pacific summit — 1 match",
        "Article · Summit notes — 1 match",
    ]
    assert open_result(qtbot, window, "Asia Pacific summit") == "ＡＰＥＣ"
    assert search_for(qtbot, window.search, "strasse") == [
        "Article · Asia Pacific summit — 1 match"
    ]
    assert marked(window, "Asia Pacific summit") == ["Straße"]
    assert open_result(qtbot, window, "Asia Pacific summit") == "Straße"


def test_enter_on_a_memo_found_selects_its_own_characters_after_a_sharp_s(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.set_memo(MemoKind.PROJECT, None, "Maße: the ﬁnal ＱＵＯＫＫＡ text")
    window.actions_.search.trigger()
    panel = window.search
    assert search_for(qtbot, panel, "quokka") == ["Project memo"]
    activate_with_the_keyboard(qtbot, panel, 0)
    field = window.memos.project_memo
    assert QApplication.focusWidget() is field
    assert field.textCursor().selectedText() == "ＱＵＯＫＫＡ"
