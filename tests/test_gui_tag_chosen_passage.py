"""Tagging from the Codebook (Enter on a tag, or a key 1-9 there) tags the passage the user
chose last in the Passages list (or went to in the Passage panel), which the Passage panel
shows, not text left selected in an article before (a word found with Ctrl+F, say), which
made a new passage of that text. Text selected after choosing the passage is tagged, as
before. The status bar names the words tagged either way."""

from __future__ import annotations

from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_cells import PASSAGE_ID_ROLE

LEFT_BEHIND = "middle powers"  # untagged text of the first sample article


def choose_in_the_passages_list(qtbot: QtBot, window: MainWindow, article_id: int) -> int:
    """Arrow down the Passages list to the first passage of ``article_id``; its id."""
    table = window.passages.table
    window.docks["passages"].show()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Down)  # onto a row, then to the first: it is chosen
    qtbot.keyClick(table, Qt.Key.Key_Home)
    for _ in range(table.model().rowCount()):
        chosen = window.coding.selected
        if chosen and window.session.passage(chosen).article_id == article_id:
            return chosen
        qtbot.keyClick(table, Qt.Key.Key_Down)
    raise AssertionError("no passage of that article in the list")


def codebook_on_tag(qtbot: QtBot, window: MainWindow, name: str) -> int:
    tag_id = next(t.id for t in window.session.ordered_tags() if t.name == name)
    window.tags.select_tag(tag_id)
    window.tags.view.setFocus()
    qtbot.waitUntil(window.tags.view.hasFocus)
    return tag_id


def passage_ids(window: MainWindow) -> set[int]:
    return {p.id for p in window.session.project.annotations.query()}


def select_again(pane: ArticlePane, quote: str) -> tuple[int, int]:
    """Let go of the text selected, then select ``quote`` (perhaps the same) anew."""
    cursor = pane.view.textCursor()
    cursor.clearSelection()
    pane.view.setTextCursor(cursor)
    return select_text(pane, quote)


def text_left_behind_then_passage_chosen(qtbot: QtBot, window: MainWindow) -> int:
    window.context.settings.set_coder_told()
    pane = keyboard_in(qtbot, window, 0)
    select_text(pane, LEFT_BEHIND)
    other = window.area.panes()[1].article_id
    assert other is not None
    chosen = choose_in_the_passages_list(qtbot, window, other)
    assert window.editor.current_passage() == chosen  # the Passage panel shows it
    assert window.area.current is pane and pane.selection() is not None  # still selected
    return chosen


def test_enter_in_the_codebook_tags_the_passage_chosen_in_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    chosen = text_left_behind_then_passage_chosen(qtbot, window)
    before = passage_ids(window)
    tag_id = codebook_on_tag(qtbot, window, "Security")
    assert tag_id not in window.session.passage(chosen).tag_ids
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Return)
    assert tag_id in window.session.passage(chosen).tag_ids
    assert passage_ids(window) == before  # no passage made of the text left behind
    words = window.coding.passage_quote(chosen)
    message = window.statusBar().currentMessage()
    assert f"“{words}”" in message and "Security" in message and "Ctrl+Z" in message


def test_a_digit_in_the_codebook_tags_the_passage_chosen_in_the_list(
    qtbot: QtBot, window: MainWindow
) -> None:
    chosen = text_left_behind_then_passage_chosen(qtbot, window)
    before = passage_ids(window)
    third = window.session.ordered_tags()[2]
    codebook_on_tag(qtbot, window, window.session.ordered_tags()[0].name)
    already = third.id in window.session.passage(chosen).tag_ids
    qtbot.keyClick(window.tags.view, Qt.Key.Key_3)
    assert third.id in window.session.passage(chosen).tag_ids
    assert passage_ids(window) == before
    if not already:
        assert f"“{window.coding.passage_quote(chosen)}”" in window.statusBar().currentMessage()


def test_going_into_the_passage_panel_chooses_the_passage_it_shows(
    qtbot: QtBot, window: MainWindow
) -> None:
    chosen = text_left_behind_then_passage_chosen(qtbot, window)
    pane = window.area.panes()[0]
    select_again(pane, LEFT_BEHIND)  # selected again: the text is chosen now...
    window.coding.select_passage(chosen)  # (the panel showing the passage again)
    window.editor.edit_note()  # ...until the keyboard goes to the passage in its panel
    before = passage_ids(window)
    tag_id = codebook_on_tag(qtbot, window, "Security")
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Return)
    assert tag_id in window.session.passage(chosen).tag_ids
    assert passage_ids(window) == before


def test_text_selected_after_choosing_a_passage_is_tagged_and_named(
    qtbot: QtBot, window: MainWindow
) -> None:
    chosen = text_left_behind_then_passage_chosen(qtbot, window)
    pane = window.area.panes()[0]
    start, end = select_again(pane, LEFT_BEHIND)  # selected after the passage was chosen
    window.coding.select_passage(chosen)
    before = passage_ids(window)
    tag_id = codebook_on_tag(qtbot, window, "Security")
    qtbot.keyClick(window.tags.view, Qt.Key.Key_Return)
    (new,) = passage_ids(window) - before
    assert (window.session.passage(new).start, window.session.passage(new).end) == (start, end)
    assert tag_id not in window.session.passage(chosen).tag_ids
    assert window.statusBar().currentMessage() == (
        f"Passage “{LEFT_BEHIND}” tagged “Security” — Ctrl+Z to undo"
    )


def test_the_palette_from_the_codebook_says_it_tags_the_passage_chosen(
    qtbot: QtBot, window: MainWindow
) -> None:
    chosen = text_left_behind_then_passage_chosen(qtbot, window)
    codebook_on_tag(qtbot, window, "Security")
    window.actions_.tag_selection.trigger()  # Ctrl+T
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    assert palette.hint.text() == (
        f"Add a tag to the passage “{window.coding.passage_quote(chosen)}”"
    )
    palette.hide()


def test_the_menu_opened_on_text_left_selected_tags_that_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Its items say "Tag selection": opened on the text, the text is chosen again."""
    window.context.settings.set_coder_told()
    pane = keyboard_in(qtbot, window, 0)
    article = window.session.project.articles.get(article_id=pane.article_id or 0).text
    model = window.passages.table.model()  # as the list shows them
    listed = [model.index(row, 0).data(PASSAGE_ID_ROLE) for row in range(model.rowCount())]
    first = next(
        window.session.passage(i)
        for i in listed
        if window.session.passage(i).article_id == pane.article_id
    )
    after = article[first.end : first.end + 60].split()[2]  # a word just after the passage
    start, end = select_text(pane, after, 1 + article[: first.end].count(after))
    pane.view.ensureCursorVisible()
    chosen = choose_in_the_passages_list(qtbot, window, pane.article_id or 0)
    assert chosen == first.id
    keyboard_in(qtbot, window, 0)
    assert pane.selection() == (start, end)
    assert not window.coding.selection.not_outlined(pane)  # outlined there, in view
    assert window.coding.text_left_behind(pane)  # the keys 1-9 would tag the passage

    before = passage_ids(window)
    qtbot.keyClick(pane.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    tag_with = next(a for a in menu.actions() if a.text() == "Tag &with").menu()
    assert isinstance(tag_with, QMenu)
    next(a for a in tag_with.actions() if a.text().startswith("Security")).trigger()
    menu.close()
    (new,) = passage_ids(window) - before
    assert (window.session.passage(new).start, window.session.passage(new).end) == (start, end)
