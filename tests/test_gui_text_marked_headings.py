"""A long plain-text report whose sections are marked "## Section 1: Housing", imported
with File > Import: the Library and the pane name it by its "# " title without the mark,
its headings are shown as headings, and the pane's ☰ outline menu lists the sections and
jumps to the one chosen. It listed none, and the title read "# Annual report" there and
in the question that removes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot
from test_gui_import_saved_pages import import_page
from test_gui_library import shown_titles

from diptych.gui import dialogs
from diptych.gui.main_window import MainWindow

BODY = "The figures for this part are set out below, with the sources for each.\n\n" * 40
REPORT = "# Annual report on the city\n\n" + "".join(
    f"## Section {n}: Part {n}\n\n{BODY}" for n in range(1, 11)
)


def test_a_marked_report_is_titled_and_its_outline_jumps_to_a_section(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)
    assert pane.header.title.full_text() == "Annual report on the city"
    assert "Annual report on the city" in shown_titles(window.library)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_plain", lambda _p, _t, text: asked.append(text) or False)
    window.library.removeRequested.emit(pane.article_id)
    assert asked and asked[0].startswith("Remove “Annual report on the city”")
    qtbot.waitUntil(lambda: "Section 10: Part 10" in pane.view.toPlainText())  # laid out
    assert "#" not in pane.view.toPlainText()
    levels = {}
    block = pane.view.document().firstBlock()
    while block.isValid():
        levels[block.text()] = block.blockFormat().headingLevel()
        block = block.next()
    assert levels["Annual report on the city"] == 1
    assert levels["Section 7: Part 7"] == 2

    listed: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        listed.extend(action.text().strip() for action in menu.actions())
        action = next(a for a in menu.actions() if a.text().strip() == "Section 7: Part 7")
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    QTimer.singleShot(0, choose)
    bar = pane.view.verticalScrollBar()
    assert bar.value() == 0
    qtbot.mouseClick(pane.header.outline_button, Qt.MouseButton.LeftButton)
    # Below the pane's own actions ("Move pane left") and a separator.
    assert listed[listed.index("") + 1 :] == ["Annual report on the city"] + [
        f"Section {n}: Part {n}" for n in range(1, 11)
    ]
    article = window.session.project.articles.get(article_id=pane.article_id or 0)
    target = next(h for h in article.content.outline() if h.text == "Section 7: Part 7")
    qtbot.waitUntil(
        lambda: pane.view.textCursor().position() == pane.view.positions.to_rendered(target.start)
    )
    assert bar.value() > 0
    assert pane.view.cursorRect().top() >= 0
    assert pane.view.cursorRect().bottom() <= pane.view.viewport().height()
