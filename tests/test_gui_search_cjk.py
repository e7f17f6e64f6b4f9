"""A Chinese, Japanese or Korean word typed in the Search panel finds the article that has
it inside a run of characters, and opening the result selects those characters."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_gui_search_memos import activate_with_the_keyboard

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.search_panel import SearchPanel
from diptych.gui.search_results import MATCHES_ROLE
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project

POLICY = "東アジアの記録\n\n中国外交政策正在转变。韩国总统访问北京。\n\n한국은 중국과 협력한다."


def search_for(qtbot: QtBot, panel: SearchPanel, query: str) -> list[str]:
    """Type ``query`` as an input method commits it (QTest types Latin-1 only) and press
    Enter: the results' headings."""
    panel.field.clear()
    panel.field.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(query)
    QApplication.sendEvent(panel.field, event)
    assert panel.field.text() == query
    with qtbot.waitSignal(panel.searched):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    return [panel.results.item(i).text().split("\n")[0] for i in range(panel.results.count())]


def test_a_chinese_word_typed_finds_its_article_and_opening_it_selects_it(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    with Project.create(tmp_path / "asia.diptych") as project:
        project.articles.add(parsed=parse_article(b"Harbour\n\nThe harbour.", name="h.txt"))
        project.articles.add(parsed=parse_article(POLICY.encode(), name="policy.txt"))
    window = open_window(qtbot, context, Project.open(tmp_path / "asia.diptych"))
    window.actions_.search.trigger()
    panel = window.search

    assert search_for(qtbot, panel, "总统") == ["Article · 東アジアの記録 — 1 match"]
    assert panel.status.text() == "1 article (1 match)"
    assert search_for(qtbot, panel, "한국") == ["Article · 東アジアの記録 — 1 match"]
    assert search_for(qtbot, panel, "外交") == ["Article · 東アジアの記録 — 1 match"]
    item = panel.results.item(0)
    assert "中国外交政策" in item.text()
    text = item.text()
    bold = [(text[start - 2 : start], text[start:end]) for start, end in item.data(MATCHES_ROLE)]
    assert ("中国", "外交") in bold  # inside its run of characters
    activate_with_the_keyboard(qtbot, panel, 0)
    pane = window.area.current
    assert pane is not None and pane.article_id == 2
    qtbot.waitUntil(lambda: pane.view.textCursor().hasSelection())
    cursor = pane.view.textCursor()
    assert cursor.selectedText() == "外交"
    assert pane.view.toPlainText()[cursor.selectionStart() - 2 : cursor.selectionStart()] == "中国"


def test_enter_on_a_japanese_memo_found_selects_the_word_inside_its_run(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.set_memo(MemoKind.PROJECT, None, "注意：日米同盟の議論を追う")
    window.actions_.search.trigger()
    panel = window.search
    assert search_for(qtbot, panel, "同盟") == ["Project memo"]
    activate_with_the_keyboard(qtbot, panel, 0)
    field = window.memos.project_memo
    assert QApplication.focusWidget() is field
    assert field.textCursor().selectedText() == "同盟"


def test_a_right_to_left_title_and_snippet_keep_to_their_places_in_a_result(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    """The count stays after a right-to-left title ("Article · ‏…‏ — 1 match"), where the
    title took it for its own and showed it before itself; the snippet runs from the
    right, its matches still bold on their words."""
    title, text = "تقرير المياه", "ارتفعت نسبة الفاقد في شبكة المياه إلى أربعين في المئة."
    with Project.create(tmp_path / "water.diptych") as project:
        project.articles.add(parsed=parse_article(f"{title}\n\n{text}".encode(), name="w.txt"))
    window = open_window(qtbot, context, Project.open(tmp_path / "water.diptych"))
    window.actions_.search.trigger()
    panel = window.search
    assert search_for(qtbot, panel, "الفاقد") == [f"Article · \u2068{title}\u2069 — 1 match"]
    item = panel.results.item(0)
    snippet = item.text().split("\n")[1]
    assert snippet.startswith("\u2068") and snippet.endswith("\u2069")
    shown = item.text()
    assert [shown[start:end] for start, end in item.data(MATCHES_ROLE)] == ["الفاقد"]
