"""A memo found by a search in the window is shown in the Memos panel when its result is
activated."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.search_panel import SearchPanel
from diptych.storage.model import MemoKind


def search_for(qtbot: QtBot, panel: SearchPanel, query: str) -> list[str]:
    """Type ``query`` in the search field and press Enter: the results' headings."""
    panel.field.clear()
    qtbot.keyClicks(panel.field, query)
    with qtbot.waitSignal(panel.searched):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    return [panel.results.item(i).text().split("\n")[0] for i in range(panel.results.count())]


def activate_with_the_keyboard(qtbot: QtBot, panel: SearchPanel, row: int) -> None:
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)  # from the field into the results
    panel.results.setCurrentRow(row)
    qtbot.keyClick(panel.results, Qt.Key.Key_Return)


def test_an_article_memo_found_opens_its_article_and_shows_the_memo(
    qtbot: QtBot, window: MainWindow
) -> None:
    title = window.session.project.articles.summary(article_id=2).title
    window.session.set_memo(MemoKind.ARTICLE, 2, "Ask the harbour pilot about quokkas")
    window.actions_.search.trigger()
    panel = window.search
    assert search_for(qtbot, panel, "quokkas") == [f"Memo on article · {title}"]
    assert panel.status.text() == "1 memo"
    activate_with_the_keyboard(qtbot, panel, 0)
    current = window.area.current
    assert current is not None and current.article_id == 2
    memo = window.memos.article_memo
    assert memo.target_id == 2 and memo.toPlainText() == "Ask the harbour pilot about quokkas"
    assert not window.docks["memos"].visibleRegion().isEmpty()  # in front of the search
    assert QApplication.focusWidget() is memo


def test_a_tag_memo_found_is_shown_below_the_others_and_can_be_written(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.set_memo(MemoKind.TAG, 3, "Missile tests and *deterrence*")
    assert not window.memos.tag_preview.isVisible()
    window.actions_.search.trigger()
    panel = window.search
    assert search_for(qtbot, panel, '"missile tests"') == ["Memo on tag · Security"]
    assert search_for(qtbot, panel, "deterrence -missile") == []
    assert search_for(qtbot, panel, "deterrence") == ["Memo on tag · Security"]
    panel.on_results_item_activated(panel.results.item(0))  # Enter or a double-click
    memos = window.memos
    assert memos.tag_preview.isVisible() and memos.tag_label.full_text() == "Memo on tag “Security”"
    assert memos.tag_memo.toPlainText() == "Missile tests and *deterrence*"
    assert QApplication.focusWidget() is memos.tag_memo

    memos.tag_memo.moveCursor(memos.tag_memo.textCursor().MoveOperation.End)
    qtbot.keyClicks(memos.tag_memo, " of wombats")
    memos.save()
    assert window.session.memo_text(MemoKind.TAG, 3) == "Missile tests and *deterrence* of wombats"
    assert search_for(qtbot, panel, "wombats") == ["Memo on tag · Security"]


def test_the_project_memo_found_is_shown_with_the_keyboard_in_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.actions_.search.trigger()
    panel = window.search
    headings = search_for(qtbot, panel, "welcome")  # the sample project's memo says it
    assert "Project memo" in headings
    activate_with_the_keyboard(qtbot, panel, headings.index("Project memo"))
    assert QApplication.focusWidget() is window.memos.project_memo
    assert not window.docks["memos"].visibleRegion().isEmpty()


def test_a_tag_memo_shown_follows_its_tag_renamed_and_goes_with_it_deleted(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.session.set_memo(MemoKind.TAG, 3, "Deterrence")
    panel = window.search
    search_for(qtbot, panel, "deterrence")
    panel.on_results_item_activated(panel.results.item(0))
    memos = window.memos
    window.session.update_tag(3, name="Defence")
    assert memos.tag_label.full_text() == "Memo on tag “Defence”"
    assert search_for(qtbot, panel, "deterrence") == ["Memo on tag · Defence"]
    window.session.delete_tag(3)
    # Its memo goes with it: the memo shown is the one of the tag the codebook selects now.
    selected = window.tags.selected_tag()
    assert selected != 3 and memos.tag_memo.target_id == selected
    assert memos.tag_preview.isVisible() == (selected is not None)
    qtbot.waitUntil(lambda: panel.results.count() == 0)  # searched again
