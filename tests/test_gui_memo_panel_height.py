"""Selecting a tag adds its memo to the Memos panel without making the window too tall for a
laptop's screen (1,366 x 768, less a taskbar and a title bar): a window that must grow to
fit three memo fields pushed its status bar below the screen's edge."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def test_a_tag_memo_does_not_raise_the_window_minimum_height(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.minimumSizeHint().height() <= 620
    window.tags.select_tag(3)
    window.go_to_panel("memos")
    memos = window.memos
    qtbot.waitUntil(memos.tag_preview.isVisible)
    assert window.minimumSizeHint().height() <= 620  # was 711
    for preview in (memos.project_preview, memos.article_preview, memos.tag_preview):
        field = preview.field
        assert preview.stack.minimumHeight() >= 2 * field.fontMetrics().lineSpacing()
