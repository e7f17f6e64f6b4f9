"""Dark appearances greyer than black (GNOME's Adwaita dark, its page #2D2D2D): the text on
every tag's fill, and the frame of a list that has the keyboard, still read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from gui_support import keyboard_in, painted_colors
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication, QTextBrowser
from pytestqt.qtbot import QtBot
from test_gui_keys_list_focus_frame import edge

from diptych.gui.main_window import MainWindow
from diptych.gui.passage_index import Mark
from diptych.gui.session import ProjectSession
from diptych.gui.tag_chips import TagChip, TagChipRow
from diptych.gui.theme import contrast, highlight_theme, painted_over
from diptych.storage.palette import PALETTE

MIN_TEXT = 4.5  # WCAG AA, text
MIN_LINE = 3.0  # WCAG AA, a line or frame the eye must find

ADWAITA_DARK = {
    QPalette.ColorRole.Window: "#353535",
    QPalette.ColorRole.WindowText: "#EEEEEC",
    QPalette.ColorRole.Base: "#2D2D2D",
    QPalette.ColorRole.AlternateBase: "#323232",
    QPalette.ColorRole.Text: "#EEEEEC",
    QPalette.ColorRole.Button: "#353535",
    QPalette.ColorRole.ButtonText: "#EEEEEC",
    QPalette.ColorRole.Highlight: "#15539E",
    QPalette.ColorRole.HighlightedText: "#FFFFFF",
    QPalette.ColorRole.PlaceholderText: "#919190",
    QPalette.ColorRole.Link: "#3584E4",
}


@pytest.fixture
def adwaita_dark(qapp: QApplication) -> Iterator[QPalette]:
    original = qapp.palette()
    palette = QPalette()
    for role, color in ADWAITA_DARK.items():
        palette.setColor(role, QColor(color))
    qapp.setPalette(palette)
    yield palette
    qapp.setPalette(original)


def mark(color: str) -> Mark:
    return Mark(annotation_id=1, start=0, end=1, colors=(color,))


def test_text_reads_on_every_tag_colour(adwaita_dark: QPalette) -> None:
    theme = highlight_theme()
    assert theme.dark
    page, ink = (
        adwaita_dark.color(QPalette.ColorRole.Base),
        adwaita_dark.color(QPalette.ColorRole.Text),
    )
    for color in PALETTE:
        [fill] = theme.fills((mark(color),))
        assert contrast(painted_over(fill, page), ink) >= MIN_TEXT, color


def test_a_highlighted_passage_reads_in_the_article(
    qtbot: QtBot, window: MainWindow, adwaita_dark: QPalette
) -> None:
    pane = window.area.panes()[1]
    qtbot.waitUntil(
        lambda: pane.loader.current is not None and pane.loader.current.highlighter.theme.dark
    )
    qtbot.waitUntil(lambda: not pane.is_loading)
    passage = next(
        p
        for p in window.session.project.annotations.query()
        if p.exact.startswith("Improved cultural")
    )
    pane.go_to_offset(passage.start)
    qtbot.waitUntil(lambda: len(painted_colors(pane, passage.start, passage.start + 20)) == 20)
    painted = painted_colors(pane, passage.start, passage.start + 20)
    fill = QColor(Counter(c.name() for c in painted).most_common(1)[0][0])
    assert contrast(fill, adwaita_dark.color(QPalette.ColorRole.Text)) >= MIN_TEXT


def test_the_frame_of_a_list_with_the_keyboard_shows(
    qtbot: QtBot, window: MainWindow, adwaita_dark: QPalette
) -> None:
    pane = keyboard_in(qtbot, window, 1)
    view = window.tags.view
    qtbot.keyClick(
        pane.view,
        Qt.Key.Key_B,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(view.hasFocus)
    page = view.palette().color(QPalette.ColorRole.Base)
    assert all(contrast(color, page) >= MIN_LINE for color in edge(view))
    assert QGuiApplication.palette().color(QPalette.ColorRole.Base) == page


def link_colors(browser: QTextBrowser) -> list[QColor]:
    """The colours the links of ``browser``'s document are drawn in."""
    colors = []
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor():
                colors.append(fmt.foreground().color())
            it += 1
        block = block.next()
    return colors


def test_a_link_in_a_previewed_note_reads(
    qtbot: QtBot, window: MainWindow, adwaita_dark: QPalette
) -> None:
    passage = window.session.project.annotations.query()[0]
    window.on_coding_passage_selected(passage.id)
    editor = window.editor
    qtbot.waitUntil(editor.isVisible)
    editor.note.setPlainText("See [the source](https://example.com).")
    qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.preview.isVisible)
    colors = link_colors(editor.preview)
    assert colors
    page = editor.preview.palette().color(QPalette.ColorRole.Base)
    assert all(contrast(color, page) >= MIN_TEXT for color in colors)


def strongest_contrast(image: QImage, page: QColor, caret: QRect) -> float:
    """The contrast with ``page`` of the pixel of ``image`` that stands out most from it
    (the inside of a letter, drawn in the colour asked for), away from the ``caret``."""
    caret = caret.adjusted(-2, -2, 2, 2)
    return max(
        contrast(image.pixelColor(x, y), page)
        for y in range(image.height())
        for x in range(image.width())
        if not caret.contains(x, y)
    )


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_hint_of_an_empty_pane_reads(
    qtbot: QtBot, window: MainWindow, qapp: QApplication, dark: bool
) -> None:
    """The system's placeholder colour (Qt's: the text at half strength) is too faint for
    a sentence that says what to do."""
    original = qapp.palette()
    palette = QPalette(original)
    if dark:
        for role, color in ADWAITA_DARK.items():
            palette.setColor(role, QColor(color))
    faint = QColor(palette.color(QPalette.ColorRole.Text))
    faint.setAlpha(128)
    palette.setColor(QPalette.ColorRole.PlaceholderText, faint)
    qapp.setPalette(palette)
    try:
        window.on_new_pane_triggered()
        (pane,) = [p for p in window.area.panes() if p.article_id is None]
        qtbot.waitExposed(pane.view)
        page = pane.view.palette().color(QPalette.ColorRole.Base)
        image = pane.view.viewport().grab().toImage()
        top = image.copy(0, 0, image.width(), min(image.height(), 60))
        assert strongest_contrast(top, page, pane.view.cursorRect()) >= MIN_TEXT
    finally:
        qapp.setPalette(original)


def test_the_passage_panel_hint_reads_and_follows_the_appearance(
    qtbot: QtBot, window: MainWindow, qapp: QApplication
) -> None:
    original = qapp.palette()
    label = window.editor.placeholder
    assert label.isVisible()
    try:
        for dark in (True, False):
            palette = QPalette(original)
            if dark:
                for role, color in ADWAITA_DARK.items():
                    palette.setColor(role, QColor(color))
            faint = QColor(palette.color(QPalette.ColorRole.WindowText))
            faint.setAlpha(128)
            palette.setColor(QPalette.ColorRole.PlaceholderText, faint)
            qapp.setPalette(palette)
            page = palette.color(QPalette.ColorRole.Window)
            # The panel follows once its palette events are in.
            qtbot.waitUntil(lambda c=page: label.palette().color(QPalette.ColorRole.Window) == c)
            image = QImage(label.size(), QImage.Format.Format_RGB32)
            image.fill(page)
            label.render(image)
            assert strongest_contrast(image, page, QRect()) >= MIN_TEXT, dark
    finally:
        qapp.setPalette(original)


@pytest.mark.parametrize("color", ["#FF0000", "#808080", "#1E88E5", "#F6C945", "#2E7D32"])
def test_the_name_on_a_tag_chip_reads_on_any_colour(
    qtbot: QtBot, session: ProjectSession, color: str
) -> None:
    """A colour chosen outside the palette (pure red, a mid grey) was written on in white
    by its lightness alone, at under 4.5:1."""
    session.add_tag(name="Chosen", color=color)
    book = session.codebook()
    (tag_id,) = [t.id for t in book.ordered() if t.name == "Chosen"]
    row = TagChipRow()
    qtbot.addWidget(row)
    row.show_tags((tag_id,), book, removable=True)
    row.show()
    qtbot.waitExposed(row)
    (chip,) = row.findChildren(TagChip)
    image = chip.grab().toImage().copy(chip.label.geometry())
    pixels = [
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    ]
    assert Counter(pixels).most_common(1)[0][0] == QColor(color).name()  # the chip, behind
    assert strongest_contrast(image, QColor(color), QRect()) >= MIN_TEXT
