"""Text drawn quieter than the rest still reads at 4.5:1 in light and dark: the Search
tab's line saying how to write a search, and the digit key beside a tag in the Codebook.
The system's placeholder grey (Qt's: the text at half strength) does not."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from test_gui_dark_contrast import ADWAITA_DARK, MIN_TEXT, strongest_contrast

from diptych.gui.main_window import MainWindow
from diptych.gui.search_wording import SYNTAX_HINT
from diptych.gui.tag_key_delegate import KEY_PADDING


@pytest.fixture(params=[False, True], ids=["light", "dark"])
def faint_placeholder(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[QPalette]:
    """The application's palette, light or dark, with Qt's own placeholder colour: the
    text at half strength."""
    original = qapp.palette()
    palette = QPalette(original)
    if request.param:
        for role, color in ADWAITA_DARK.items():
            palette.setColor(role, QColor(color))
    faint = QColor(palette.color(QPalette.ColorRole.Text))
    faint.setAlpha(128)
    palette.setColor(QPalette.ColorRole.PlaceholderText, faint)
    qapp.setPalette(palette)
    yield palette
    qapp.setPalette(original)


def test_the_search_tabs_hint_reads(
    qtbot: QtBot, window: MainWindow, faint_placeholder: QPalette
) -> None:
    window.docks["search"].raise_()
    status = window.search.status
    qtbot.waitUntil(status.isVisible)
    assert status.text() == SYNTAX_HINT  # nothing searched: how to write a search
    page = faint_placeholder.color(QPalette.ColorRole.Window)
    qtbot.waitUntil(lambda: status.palette().color(QPalette.ColorRole.Window) == page)
    image = QImage(status.size(), QImage.Format.Format_RGB32)
    image.fill(page)
    status.render(image)
    assert strongest_contrast(image, page, QRect()) >= MIN_TEXT


def test_the_key_beside_a_tag_reads(
    qtbot: QtBot, window: MainWindow, faint_placeholder: QPalette
) -> None:
    view, model = window.tags.view, window.tags.model
    view.clearSelection()  # the key of a selected row is drawn in the highlight's text
    first = model.index_of(window.session.ordered_tags()[0].id)
    page = faint_placeholder.color(QPalette.ColorRole.Base)
    qtbot.waitUntil(lambda: view.palette().color(QPalette.ColorRole.Base) == page)
    qtbot.waitUntil(lambda: view.visualRect(first).isValid())
    image = view.viewport().grab().toImage()
    rect = view.visualRect(first)
    right = min(rect.right(), view.viewport().width() - 1)
    background = image.pixelColor(QPoint(right, rect.top() + 1))
    assert background == page
    width = view.fontMetrics().horizontalAdvance("9") + 2 * KEY_PADDING
    key = image.copy(right - width, rect.top(), width, rect.height())
    assert strongest_contrast(key, page, QRect()) >= MIN_TEXT
