"""A hard-wrapped news text imported with File > Import reads as its paragraphs in the
pane, and the pane's ☰ outline menu lists its title alone: each of its lines was shown as
a paragraph, most of them bold headings, and the byline, the date and the figures filled
the outline menu."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot
from test_gui_import_saved_pages import import_page

from diptych.gui.main_window import MainWindow

NEWS = """Grain deal talks stall

By John Smith
12 July 2023

Officials from Turkey and the United Nations met on Monday in
Istanbul to revive the deal. Diplomats said that Russia would
Not return before its own exports were eased, and that the
European Union had offered a new payment channel via a
Luxembourg subsidiary of the Russian Agricultural Bank.

1,000 voyages

The United Nations said it regretted the decision, and that it
would go on talking with both sides in the weeks to come.
"""


def test_a_wrapped_text_shows_its_paragraphs_and_its_title_alone_as_a_heading(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(NEWS, encoding="utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)
    qtbot.waitUntil(lambda: "Agricultural Bank" in pane.view.toPlainText())
    shown = []
    block = pane.view.document().firstBlock()
    while block.isValid():
        shown.append((block.text(), block.blockFormat().headingLevel()))
        block = block.next()
    paragraph = " ".join(NEWS.split("\n\n")[2].split())
    assert (paragraph, 0) in shown
    assert [text for text, level in shown if level] == ["Grain deal talks stall"]

    listed: list[str] = []

    def read_and_close() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        listed.extend(action.text().strip() for action in menu.actions())
        menu.close()

    QTimer.singleShot(0, read_and_close)
    qtbot.mouseClick(pane.header.outline_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(listed))
    # Below the pane's own actions ("Move pane left") and a separator.
    assert listed[listed.index("") + 1 :] == ["Grain deal talks stall"]
