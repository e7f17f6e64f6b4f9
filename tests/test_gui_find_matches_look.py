"""Find's matches look like no tag's highlight: they were a light orange, which a passage
of the palette's orange tag painted alike, so that a match could not be told from a
passage. They are drawn in the text's colours swapped, light letters on a dark ground."""

from __future__ import annotations

from gui_support import blended, close_to, keyboard_in, painted_colors
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.palette import PALETTE

ARTICLE = "# Ports\n\nTrade and cooperation grew. More cooperation came. Cooperation again.\n"
HIGHLIGHT_ALPHA = 170  # a passage's fill, as the highlighter paints one of a single tag


def test_find_matches_look_like_no_tags_highlight(qtbot: QtBot, window: MainWindow) -> None:
    project = window.session.project
    article = project.articles.add(parsed=parse_article(ARTICLE.encode(), name="ports.md"))
    window.session.reload_all()
    window.area.open_from_library(article.id, new_pane=False)
    qtbot.waitUntil(lambda: window.area.pane_for(article.id) is not None)
    pane = window.area.pane_for(article.id)
    assert pane is not None
    qtbot.waitUntil(lambda: not pane.is_loading)
    pane = keyboard_in(qtbot, window, window.area.panes().index(pane))
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(pane.find_bar.field.hasFocus)
    qtbot.keyClicks(pane.find_bar.field, "cooperation")
    assert pane.find_bar.count.text() == "1 of 3"
    text = project.articles.get(article_id=article.id).text
    second = text.index("cooperation came")  # a match, not the one selected
    qtbot.wait(50)
    match = painted_colors(pane, second + 1, second + 10)
    assert match, "the match is on the screen"
    base = pane.view.palette().color(QPalette.ColorRole.Base)
    for color in PALETTE:
        tagged = blended(color, HIGHLIGHT_ALPHA, base)
        assert not any(close_to(m, tagged, 40) for m in match), (color, match[0].name())
    selected = pane.view.palette().color(QPalette.ColorRole.Highlight)
    assert not any(close_to(m, selected, 40) for m in match)  # nor the match gone to
    dark = [m for m in match if m.lightness() < base.lightness() // 2]
    assert len(dark) > len(match) // 2  # a dark ground (a light letter's stroke aside)
