"""An article being read in two panes, each at its own place, updated from a newer file
with paragraphs added above (and then Ctrl+Z, Ctrl+Shift+Z): each pane goes on showing
the paragraph the reader was at, not the one the same count of characters now reaches
(which, with a new introduction, threw the reader back into it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import keyboard_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from test_gui_undo_sweep import twice  # noqa: F401  (a fixture)

from diptych.gui.main_window import MainWindow
from diptych.storage.sample import SAMPLE_FILES, sample_bytes

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
INTRO = "\n\n".join(f"Editor's introduction, part {n}: " + "background. " * 40 for n in range(4))


def line_at_top(window: MainWindow, number: int) -> str:
    """The words starting the line at the top of pane ``number``, in the article's text."""
    pane = window.area.panes()[number]
    text = window.session.project.articles.get(article_id=2).text
    place = pane.reading_place()
    return text[place : place + 40]


def settled(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: all(not p.is_loading for p in window.area.panes()), timeout=10_000)
    box = QApplication.activeModalWidget()  # the update's message, read
    if isinstance(box, QMessageBox):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


@pytest.mark.usefixtures("twice")
def test_both_panes_keep_their_paragraphs_through_an_update_and_its_undo(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.resize(1400, 700)
    text = window.session.project.articles.get(article_id=2).text
    for number, words in ((1, "Analysts highlight"), (2, "renewed diplomatic")):
        pane = window.area.panes()[number]
        qtbot.waitUntil(lambda pane=pane: not pane.is_loading)
        offset = text.index(words)
        pane.read_on(offset, offset)
        qtbot.waitUntil(lambda pane=pane, offset=offset: pane.reading_place() <= offset)
    places = [line_at_top(window, 1), line_at_top(window, 2)]
    assert places[0] != places[1] and all(places)
    newer = tmp_path / SAMPLE_FILES[1]
    newer.write_text(INTRO + "\n\n" + sample_bytes(SAMPLE_FILES[1]).decode("utf-8"), "utf-8")

    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.importer.reimport(2, newer)
    settled(qtbot, window)
    assert window.session.project.articles.get(article_id=2).text.startswith("Editor's")
    assert [line_at_top(window, 1), line_at_top(window, 2)] == places

    pane = keyboard_in(qtbot, window, 0)
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    settled(qtbot, window)
    assert window.session.project.articles.get(article_id=2).text == text
    assert [line_at_top(window, 1), line_at_top(window, 2)] == places

    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL | SHIFT)
    settled(qtbot, window)
    assert [line_at_top(window, 1), line_at_top(window, 2)] == places
