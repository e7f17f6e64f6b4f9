"""On a small or scaled screen the whole window fits, status bar included: 1,366 x 768 at a
scale of 1.5 leaves 910 x 512 pixels, 1,920 x 1,080 at 2 leaves 960 x 540, and a netbook's
1,024 x 600. The panels ask for little height and scroll what needs more: the window was
527 pixels tall at 1.5, and on 1,024 x 600 it grew past the screen's edge as a tag's memo
was added to the Memos panel behind the Passages tab. The Memos panel stays usable there:
the article memo's heading on one line, its title elided, the memos two lines at least."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_window
from PySide6.QtCore import QRect
from PySide6.QtGui import QScreen
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project

SCREENS = [(910, 512), (960, 540), (1024, 600)]


def fake_screen(monkeypatch: pytest.MonkeyPatch, width: int, height: int) -> QRect:
    """The screen as the window sees it, ``width`` by ``height`` pixels."""
    screen = QRect(0, 0, width, height)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(screen))
    return screen


def fits(window: MainWindow, screen: QRect) -> bool:
    """True if the window and its least size are within ``screen``."""
    least = window.minimumSizeHint()
    return (
        window.width() <= screen.width()
        and window.height() <= screen.height()
        and least.width() <= screen.width()
        and least.height() <= screen.height()
    )


@pytest.mark.parametrize("size", SCREENS)
def test_the_window_fits_a_small_screen_and_a_tag_memo_does_not_make_it_grow(
    qtbot: QtBot,
    context: AppContext,
    sample: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    screen = fake_screen(monkeypatch, *size)
    window = open_window(qtbot, context, Project.open(sample))
    assert fits(window, screen)
    least = window.minimumSizeHint().height()

    window.tags.view.setFocus()  # the codebook's current tag shows its memo
    window.tags.select_tag(3)
    qtbot.waitUntil(lambda: window.memos.tag_memo.target_id == 3)
    qtbot.wait(20)  # the layout settled
    assert window.minimumSizeHint().height() == least
    assert fits(window, screen)

    window.go_to_panel("memos")
    qtbot.waitUntil(window.memos.tag_preview.isVisible)
    assert fits(window, screen)
    assert window.statusBar().geometry().bottom() < window.height()


def test_the_passages_list_shows_rows_on_a_scaled_laptop_screen(
    qtbot: QtBot, context: AppContext, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_screen(monkeypatch, 910, 512)
    window = open_window(qtbot, context, Project.open(sample))
    table = window.passages.table
    row = table.verticalHeader().defaultSectionSize()
    assert window.height() <= 512  # its bottom rows below the screen's edge
    assert table.viewport().height() >= 2 * row


def test_the_memos_heading_stays_on_one_line_on_a_netbook(
    qtbot: QtBot, context: AppContext, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_screen(monkeypatch, 1024, 600)
    window = open_window(qtbot, context, Project.open(sample))
    window.go_to_panel("memos")
    memos = window.memos
    qtbot.waitUntil(memos.article_memo.isVisible)
    label = memos.article_label
    title = window.session.project.articles.summary(article_id=memos.article_memo.target_id).title

    assert label.full_text() == f"Memo on “{title}”"
    assert label.text() != label.full_text() and label.text().endswith("…")
    assert "\n" not in label.text() and label.height() < 2 * label.fontMetrics().lineSpacing()
    assert title in label.toolTip()
    for memo in memos.fields()[:2]:
        assert memo.height() >= 2 * memo.fontMetrics().lineSpacing()
