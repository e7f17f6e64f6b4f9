"""Back and Forward in a pane: after a search result, an article opened from the Library or
a passage gone to, Alt+Left (View > Back, the pane's ◀, the mouse's back button)
returns to the article the pane showed and to where its reader was, Alt+Right goes
forward again; an article removed is never gone back to."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import keyboard_in, open_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_long_article import long_article

from diptych.gui.article_commands import RenameArticle
from diptych.gui.article_pane import ArticlePane
from diptych.gui.commands import perform
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

ALT = Qt.KeyboardModifier.AltModifier
TITLES = ("Alpha", "Beta", "Gamma", "Delta")


def long_text(title: str, word: str) -> str:
    """An article long enough to scroll, with ``word`` in its last paragraph only."""
    lines = [f"{title} paragraph {n}: the reader goes on down the page." for n in range(120)]
    return "\n\n".join([title, *lines, f"At the end of {title} stands the {word}."])


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, tmp_path: Path) -> MainWindow:
    """Four long articles; the first two open side by side (as on a first start)."""
    path = tmp_path / "history.diptych"
    with Project.create(path) as project:
        for title in TITLES:
            text = long_text(title, f"{title.lower()}word")
            added = project.articles.add(parsed=parse_article(text.encode(), name=f"{title}.txt"))
        # A passage of the last article, which no pane shows.
        tag = project.tags.add(name="Ending")
        start = project.articles.get(article_id=added.id).text.index("deltaword")
        project.annotations.add(article_id=added.id, start=start, end=start + 9, tag_ids=[tag.id])
    return open_window(qtbot, context, Project.open(path))


def article_id(window: MainWindow, title: str) -> int:
    return next(a.id for a in window.session.articles() if a.title == title)


def scrolled_down(qtbot: QtBot, pane: ArticlePane) -> int:
    """Scroll the pane well down its article; the reading place there."""
    assert pane.article_id is not None
    text = pane.session.project.articles.get(article_id=pane.article_id).content.text
    pane.scroll_to_offset(text.index("paragraph 60"))
    qtbot.waitUntil(lambda: pane.reading_place() > 0)
    return pane.reading_place()


def shown(qtbot: QtBot, pane: ArticlePane, window: MainWindow, title: str) -> None:
    """Wait until ``pane`` shows the article ``title``, all of it."""
    wanted = article_id(window, title)
    qtbot.waitUntil(lambda: pane.article_id == wanted and not pane.is_loading)


def open_search_result(qtbot: QtBot, window: MainWindow, pane: ArticlePane, word: str) -> None:
    """Ctrl+Shift+F from the pane, ``word``, Down, Enter: the result opens in ``pane``."""
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(pane.view, Qt.Key.Key_F, keys)
    panel = window.search
    qtbot.keyClicks(panel.field, word)
    with qtbot.waitSignal(panel.searched):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pane.view.textCursor().selectedText() == word)


def test_back_after_a_search_result_returns_to_the_article_at_its_place_and_forward_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    shown(qtbot, pane, window, "Beta")
    place = scrolled_down(qtbot, pane)
    open_search_result(qtbot, window, pane, "gammaword")
    assert pane.article_id == article_id(window, "Gamma")
    assert window.area.panes()[0].article_id == article_id(window, "Alpha")  # untouched
    found = pane.reading_place()

    qtbot.keyClick(pane.view, Qt.Key.Key_Left, ALT)
    shown(qtbot, pane, window, "Beta")
    qtbot.waitUntil(lambda: pane.reading_place() == place)
    assert pane.header.title.full_text() == "Beta"

    qtbot.keyClick(pane.view, Qt.Key.Key_Right, ALT)
    shown(qtbot, pane, window, "Gamma")
    qtbot.waitUntil(lambda: pane.reading_place() == found)
    assert pane.view.textCursor().selectedText() == "gammaword"  # as it was left


def test_back_within_the_same_article_returns_to_the_reading_place(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    assert pane.reading_place() == 0
    open_search_result(qtbot, window, pane, "betaword")
    assert pane.article_id == article_id(window, "Beta") and pane.reading_place() > 0
    qtbot.keyClick(pane.view, Qt.Key.Key_Left, ALT)
    qtbot.waitUntil(lambda: pane.view.verticalScrollBar().value() == 0)
    assert pane.reading_place() == 0


def test_library_open_then_the_mouse_back_and_forward_buttons(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 0)
    place = scrolled_down(qtbot, pane)
    library = window.library
    library.select_article(article_id(window, "Delta"))
    library.view.setFocus()
    qtbot.keyClick(library.view, Qt.Key.Key_Return)
    shown(qtbot, pane, window, "Delta")

    qtbot.mousePress(pane.view.viewport(), Qt.MouseButton.BackButton)
    shown(qtbot, pane, window, "Alpha")
    qtbot.waitUntil(lambda: pane.reading_place() == place)
    qtbot.mousePress(pane.view.viewport(), Qt.MouseButton.ForwardButton)
    shown(qtbot, pane, window, "Delta")


def test_back_and_forward_are_greyed_with_nowhere_to_go(qtbot: QtBot, window: MainWindow) -> None:
    actions = window.actions_
    assert not actions.back.isEnabled() and not actions.forward.isEnabled()
    pane = keyboard_in(qtbot, window, 0)
    header = pane.header
    qtbot.keyClick(pane.view, Qt.Key.Key_Left, ALT)  # nothing happens, nothing breaks
    assert pane.article_id == article_id(window, "Alpha")
    assert not header.back_button.isEnabled() and not header.forward_button.isEnabled()
    assert header.back_button.toolTip() == "Back (Alt+Left)"

    window.area.open_article(article_id(window, "Gamma"))
    shown(qtbot, pane, window, "Gamma")
    assert actions.back.isEnabled() and not actions.forward.isEnabled()
    assert header.back_button.isEnabled() and not header.forward_button.isEnabled()
    assert header.back_button.toolTip() == "Back to “Alpha” (Alt+Left)"

    qtbot.mouseClick(header.back_button, Qt.MouseButton.LeftButton)  # the pane's ◀
    shown(qtbot, pane, window, "Alpha")
    assert not actions.back.isEnabled() and actions.forward.isEnabled()
    assert header.forward_button.toolTip() == "Forward to “Gamma” (Alt+Right)"
    assert header.forward_button.accessibleDescription() == "Forward to “Gamma”"
    assert [p.article_id for p in window.area.panes()][1] != pane.article_id  # none moved
    qtbot.mouseClick(header.forward_button, Qt.MouseButton.LeftButton)  # and ▶
    shown(qtbot, pane, window, "Gamma")
    keyboard_in(qtbot, window, 1)  # the other pane has been nowhere
    assert not actions.back.isEnabled() and not actions.forward.isEnabled()


def test_back_and_forward_name_an_article_renamed_since(qtbot: QtBot, window: MainWindow) -> None:
    pane = keyboard_in(qtbot, window, 0)
    header = pane.header
    window.area.open_article(article_id(window, "Gamma"))
    shown(qtbot, pane, window, "Gamma")
    session = window.session
    assert perform(session, RenameArticle(session, article_id(window, "Alpha"), "Alpha, revised"))
    assert header.back_button.toolTip() == "Back to “Alpha, revised” (Alt+Left)"
    assert header.back_button.accessibleDescription() == "Back to “Alpha, revised”"
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undone
    qtbot.waitUntil(lambda: header.back_button.toolTip() == "Back to “Alpha” (Alt+Left)")


def test_back_pressed_from_the_keyboard_to_the_end_leaves_the_focus_on_forward(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 0)
    window.area.open_article(article_id(window, "Gamma"))
    shown(qtbot, pane, window, "Gamma")
    back = pane.header.back_button
    back.setFocus()
    qtbot.waitUntil(back.hasFocus)
    qtbot.keyClick(back, Qt.Key.Key_Space)
    shown(qtbot, pane, window, "Alpha")
    assert not back.isEnabled()
    assert pane.header.forward_button.hasFocus()  # not ✕ or another button further on


def test_an_article_removed_is_skipped_by_back(qtbot: QtBot, window: MainWindow) -> None:
    pane = keyboard_in(qtbot, window, 1)
    for title in ("Gamma", "Delta"):
        window.area.open_article(article_id(window, title))
        shown(qtbot, pane, window, title)
    window.session.remove_article(article_id(window, "Gamma"))

    window.actions_.back.trigger()  # past Gamma, gone, to Beta
    shown(qtbot, pane, window, "Beta")
    assert not window.actions_.back.isEnabled()
    window.session.remove_article(article_id(window, "Delta"))
    assert not window.actions_.forward.isEnabled()
    assert pane.article_id == article_id(window, "Beta")


def test_back_after_a_passage_of_another_article_chosen_in_the_passages_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    place = scrolled_down(qtbot, pane)
    (passage,) = window.session.project.annotations.query(article_id=article_id(window, "Delta"))
    window.docks["passages"].show()
    table = window.passages.table
    assert window.passages.select_passage(passage.id)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    shown(qtbot, pane, window, "Delta")
    qtbot.waitUntil(lambda: pane.selected_passage == passage.id)

    window.actions_.back.trigger()
    shown(qtbot, pane, window, "Beta")
    qtbot.waitUntil(lambda: pane.reading_place() == place)


def test_back_to_a_long_article_built_in_steps_returns_deep_into_it(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "long.diptych"
    with Project.create(path) as project:
        project.articles.add(parsed=parse_article(long_article(2000), name="report.txt"))
        for title in ("Beta", "Gamma"):
            text = long_text(title, "word")
            project.articles.add(parsed=parse_article(text.encode(), name=f"{title}.txt"))
    window = open_window(qtbot, context, Project.open(path))
    pane = keyboard_in(qtbot, window, 0)
    assert pane.article_id is not None
    text = window.session.project.articles.get(article_id=pane.article_id).content.text
    pane.scroll_to_offset(text.index("Paragraph 1500:"))
    place = pane.reading_place()
    assert place > 0
    window.area.open_article(article_id(window, "Gamma"))
    shown(qtbot, pane, window, "Gamma")

    window.actions_.back.trigger()
    qtbot.waitUntil(lambda: pane.reading_place() == place and not pane.is_loading)
    assert pane.header.title.full_text() == "Section 0 of the report"


def test_back_after_a_heading_chosen_in_the_outline_returns_to_the_place_left(
    qtbot: QtBot, window: MainWindow
) -> None:
    pane = keyboard_in(qtbot, window, 0)
    assert pane.reading_place() == 0
    text = window.session.project.articles.get(article_id=pane.article_id or 0).text
    far = text.index("Alpha paragraph 100")
    pane.on_header_heading_chosen(far)  # as the ☰ menu's heading does
    qtbot.waitUntil(lambda: pane.reading_place() > far - 200)
    assert pane.history.can_go_back
    qtbot.keyClick(pane.view, Qt.Key.Key_Left, ALT)
    shown(qtbot, pane, window, "Alpha")  # the same article, not the one before it
    qtbot.waitUntil(lambda: pane.reading_place() == 0)
