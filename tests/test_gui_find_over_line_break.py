"""Find in article reads a space typed as any run of white space, as the project search
does: a phrase remembered that runs over a line break (a web page's <br>, the line ends of
a hard-wrapped text) is found, counted and highlighted on both lines, where the bar said
"No matches"."""

from __future__ import annotations

from gui_support import keyboard_in, painted_colors
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.find_bar import count_all, find_all, find_before
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article

PAGE = (
    b"<html><head><title>Poems</title></head><body>"
    b"<p>Line one<br>Line two, it said.</p>"
    b"<p>And once more: the line one<br>line two, again.</p></body></html>"
)
WRAPPED = (
    b"Tale\n\nIt was the best of times, it was the\nworst of times, it was\nthe age of wisdom.\n"
)


def opened(qtbot: QtBot, window: MainWindow, data: bytes, name: str) -> tuple[ArticlePane, str]:
    """The article made of ``data`` open, the keyboard in its pane; its text as shown."""
    project = window.session.project
    article = project.articles.add(parsed=parse_article(data, name=name))
    window.session.reload_all()
    window.area.open_from_library(article.id, new_pane=False)
    qtbot.waitUntil(lambda: window.area.pane_for(article.id) is not None)
    pane = window.area.pane_for(article.id)
    assert pane is not None
    qtbot.waitUntil(lambda: not pane.is_loading)
    pane = keyboard_in(qtbot, window, window.area.panes().index(pane))
    return pane, project.articles.get(article_id=article.id).text


def find(qtbot: QtBot, pane: ArticlePane, words: str) -> None:
    qtbot.keyClick(pane.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(pane.find_bar.field.hasFocus)
    qtbot.keyClicks(pane.find_bar.field, words)


def test_a_phrase_over_a_line_break_is_found_and_highlighted_on_both_lines(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane, text = opened(qtbot, window, PAGE, "poems.html")
    assert "one\nLine two" in text  # the <br>
    find(qtbot, pane, "one line two")
    assert pane.find_bar.count.text() == "1 of 2"
    first = text.index("one\nLine two")
    assert pane.view.selection() == (first, first + len("one\nLine two"))
    qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Return)
    assert pane.find_bar.count.text() == "2 of 2"
    qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Return)  # the first selected again
    second = text.index("one\nline two")
    qtbot.wait(50)
    base = pane.view.palette().color(QPalette.ColorRole.Base)
    for start, end in ((second, second + 3), (second + 4, second + 12)):  # each line's part
        painted = painted_colors(pane, start, end)
        assert painted, "the match is on the screen"
        dark = [c for c in painted if c.lightness() < base.lightness() // 2]
        assert len(dark) > len(painted) // 2, text[start:end]  # drawn as a match


def test_a_phrase_over_a_hard_wrapped_line_end_is_found(qtbot: QtBot, window: MainWindow) -> None:
    pane, text = opened(qtbot, window, WRAPPED, "tale.txt")
    find(qtbot, pane, "it was the age of wisdom")
    assert pane.find_bar.count.text() == "1 of 1"
    selected = pane.view.selection()
    assert selected is not None
    assert " ".join(text[selected[0] : selected[1]].split()) == "it was the age of wisdom"
    find(qtbot, pane, "the  worst")  # two spaces typed: any run of white space too
    assert pane.find_bar.count.text() == "1 of 1"


def test_words_with_spaces_are_counted_and_stepped_back_as_found() -> None:
    text = "a b\n\nc a\tb a  b ab"
    assert find_all(text, "a b") == [(0, 3), (7, 10), (11, 15)]
    assert find_all(text, "a b", start=4, limit=1) == [(7, 10)]
    assert count_all(text, "a b") == 3 and count_all(text, "a b", end=10) == 2
    assert find_before(text, "a b", 11) == [(0, 3), (7, 10)]
    assert find_all(text, "ab") == [(16, 18)]  # no space typed: none matched
