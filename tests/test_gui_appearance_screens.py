"""How passages look on real screens: dark pages and fractional high-DPI scales."""

from __future__ import annotations

import itertools
import math
from collections import Counter

import pytest
from gui_support import painted_colors
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette, QTextCharFormat
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot
from test_gui_appearance import dark_palette

from diptych.gui.annotations_panel import AnnotationsPanel
from diptych.gui.article_pane import ArticlePane
from diptych.gui.highlighter import HighlightTheme
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_cells import Column
from diptych.gui.passage_index import Mark
from diptych.gui.session import ProjectSession
from diptych.gui.theme import contrast, is_dark, painted_over
from diptych.storage.importing import parse_article
from diptych.storage.palette import PALETTE
from diptych.storage.sample import SAMPLE_FILES, sample_bytes

LIGHT_PAGE, DARK_PAGE = QColor("#FFFFFF"), QColor("#17181A")


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_line_under_overlapping_passages_stands_out_from_their_fill(
    qtbot: QtBot, dark: bool
) -> None:
    """Where passages overlap, an underline shows it; on a dark page it was darker than the
    dark fill around it (contrast about 1.5:1) and could hardly be seen. It runs over the
    stripes of each tag's fill, and stands out from every one."""
    theme = HighlightTheme(dark=dark)
    page = DARK_PAGE if dark else LIGHT_PAGE
    worst = []
    for first, second in itertools.combinations(PALETTE, 2):
        marks = (Mark(1, 0, 10, (first,)), Mark(2, 5, 15, (second,)))
        fmt = theme.format(marks)
        for fill in theme.fills(marks):
            on = painted_over(fill, page)
            worst.append((contrast(fmt.underlineColor(), on), first, second))
    ratio, first, second = min(worst)
    assert ratio >= 3.0, f"underline of {first}+{second} on the {page.name()} page: {ratio:.2f}"


def bar_runs(image: QImage, y: int, start: int, stop: int) -> list[tuple[int, int]]:
    """(first x, width) of each run of pixels unlike the one at ``start`` on row ``y``."""
    background = image.pixelColor(start, y)
    runs: list[tuple[int, int]] = []
    x = start
    while x < stop:
        if image.pixelColor(x, y) != background:
            first = x
            while x < stop and image.pixelColor(x, y) != background:
                x += 1
            runs.append((first, x - first))
        x += 1
    return runs


@pytest.mark.parametrize("ratio", [1.0, 1.25, 1.5, 2.0])
def test_margin_bars_of_one_passage_are_equally_wide_at_any_screen_scale(
    qtbot: QtBot, window: MainWindow, ratio: float
) -> None:
    """At 125% or 150% a bar's logical edges fall between pixels: the two bars of a passage
    with two tags came out 7 and 8 pixels wide, and their gaps uneven."""
    pane = window.area.panes()[0]
    passage = next(
        p
        for p in window.session.project.annotations.query(article_id=pane.article_id)
        if len(p.tag_ids) == 2
    )
    pane.go_to_offset(passage.start)
    qtbot.waitUntil(lambda: len(pane.margin.visible_marks()) > 0)
    margin = pane.margin
    # The whole pane, shifted by a pixel: the margin does not start on a whole device pixel.
    image = QImage(
        round((pane.width() + 1) * ratio),
        round((pane.height() + 1) * ratio),
        QImage.Format.Format_ARGB32,
    )
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.white)
    pane.render(image, QPoint(1, 1))
    bar = next(rect for rect, annotation_id in margin._bars if annotation_id == passage.id)
    origin = margin.mapTo(pane, QPoint(0, 0)) + QPoint(1, 1)
    y = round((origin.y() + bar.center().y()) * ratio)
    stop = round((origin.x() + margin.width()) * ratio)
    runs = bar_runs(image, y, math.ceil(origin.x() * ratio), stop)
    widths = {width for _x, width in runs}
    assert len(runs) >= 2 and len(widths) == 1, f"bars (x, width) at {ratio}: {runs}"
    assert abs(widths.pop() - 5 * ratio) < 1  # as wide as five logical pixels
    gaps = {b[0] - (a[0] + a[1]) for a, b in itertools.pairwise(runs)}
    assert len(gaps) == 1, f"gaps between bars at {ratio}: {runs}"


def inked_rows(pane: ArticlePane) -> list[int]:
    """The rows of the pane's text area where anything besides its background is painted."""
    image = pane.view.viewport().grab().toImage()
    background = image.pixelColor(image.width() - 1, image.height() - 1)
    return [
        y
        for y in range(image.height())
        if any(image.pixelColor(x, y) != background for x in range(image.width()))
    ]


def test_an_empty_pane_says_how_to_fill_it(qtbot: QtBot, window: MainWindow) -> None:
    """New pane (toolbar) added a blank white pane with no title: nothing said what it was
    for, or how to put an article in it. The hint is wrapped to a narrow pane's width."""
    article_id = window.area.panes()[0].article_id
    assert article_id is not None
    pane = window.area.add_pane()
    assert pane is not None
    window.area.splitter.setSizes([400, 400, 180])  # a narrow pane: the hint needs lines
    qtbot.waitUntil(lambda: 100 < pane.view.viewport().width() < 200)
    assert "Library" in pane.view.empty_hint()
    rows = inked_rows(pane)
    line = pane.view.fontMetrics().height()
    assert rows, "the hint is painted in the empty pane"
    assert rows[-1] - rows[0] > 2 * line, f"the whole hint, on several lines: {rows}"
    pane.show_article(article_id)  # as dropping an article from the Library on it does
    qtbot.waitUntil(lambda: not pane.is_loading)
    assert pane.view.empty_hint() == ""
    assert "Library" not in pane.view.toPlainText()


def visible_width(panel: AnnotationsPanel, column: Column) -> int:
    """How much of a column the table shows without scrolling sideways."""
    header = panel.table.horizontalHeader()
    left = header.sectionViewportPosition(column)
    right = min(left + header.sectionSize(column), panel.table.viewport().width())
    return max(0, right - max(left, 0))


def test_a_narrow_passages_table_leaves_room_for_the_quote(
    qtbot: QtBot, session: ProjectSession
) -> None:
    """In the Passages dock of a 1366-pixel laptop screen (about 340 pixels wide), article
    and tags took their full widths and the quote got what was left: a sliver."""
    panel = AnnotationsPanel(session)
    qtbot.addWidget(panel)
    panel.resize(340, 400)
    panel.show()
    qtbot.waitExposed(panel)
    view = panel.table.viewport().width()
    assert visible_width(panel, Column.QUOTE) >= 0.4 * view
    for column in (Column.ARTICLE, Column.TAGS):
        assert visible_width(panel, column) == panel.table.horizontalHeader().sectionSize(column)
        assert visible_width(panel, column) >= 60, "article and tags stay readable"

    # Wide, every column is in view and the quote has the most room, as before.
    panel.resize(1100, 400)
    qtbot.waitUntil(lambda: panel.table.viewport().width() > 1000)
    header = panel.table.horizontalHeader()
    widths = [header.sectionSize(c) for c in Column]
    assert sum(widths) <= panel.table.viewport().width()
    assert header.sectionSize(Column.QUOTE) == max(widths)
    assert header.sectionSize(Column.ARTICLE) == 120

    # A width the user gives a column by hand stays.
    header.resizeSection(Column.ARTICLE, 200)
    panel.resize(600, 400)
    qtbot.waitUntil(lambda: panel.table.viewport().width() < 600)
    assert header.sectionSize(Column.ARTICLE) == 200


def ink_contrast(label: QLabel, panel: QWidget) -> float:
    """Contrast of a label's text with the panel behind it, as painted."""
    place = QRect(label.mapTo(panel, QPoint(0, 0)), label.size())
    image = panel.grab(place).toImage()
    background = panel.palette().color(QPalette.ColorRole.Window)
    return max(
        contrast(image.pixelColor(x, y), background)
        for y in range(image.height())
        for x in range(image.width())
    )


def test_the_orphan_warning_stays_readable_when_the_appearance_turns_dark(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The Passage panel's orphan warning took its red once, at start: after the system
    turned dark, dark red on the dark panel read at about 2:1."""
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    original = app.palette()
    session = window.session
    article = session.project.articles.all()[1]
    text = sample_bytes(SAMPLE_FILES[1]).decode().replace("symbolic restart", "fresh start")
    parsed = parse_article(text.encode(), name=SAMPLE_FILES[1])
    session.project.articles.replace_text(article_id=article.id, parsed=parsed)
    orphan = next(p for p in session.project.annotations.query() if p.is_orphan)
    window.editor.show_passage(orphan.id)
    status = window.editor.status
    qtbot.waitUntil(status.isVisible)
    assert ink_contrast(status, window.editor) >= 4.5
    try:
        app.setPalette(dark_palette())
        assert is_dark()
        editor = window.editor
        qtbot.waitUntil(lambda: editor.palette().color(QPalette.ColorRole.Window).lightness() < 60)
        assert ink_contrast(status, window.editor) >= 4.5
    finally:
        app.setPalette(original)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.palette().color(QPalette.ColorRole.Window).lightness() > 200)
    assert ink_contrast(status, editor) >= 4.5


def marked_current(pane: ArticlePane) -> bool:
    """True if the pane's header shows the current-pane line across its top."""
    image = pane.header.grab().toImage()
    mark = pane.palette().color(QPalette.ColorRole.Highlight)
    return all(image.pixelColor(x, 1) == mark for x in range(0, image.width(), 7))


def test_the_current_pane_is_marked(qtbot: QtBot, window: MainWindow) -> None:
    """Tag keys, Find and the article memo act on the current pane, but nothing showed which
    pane that was once the keyboard was in the Library or the Codebook."""
    left, right = window.area.panes()
    qtbot.mouseClick(right.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    assert window.area.current is right
    assert marked_current(right) and not marked_current(left)
    window.area.focus_neighbour(1)  # Ctrl+Tab
    assert window.area.current is left
    assert marked_current(left) and not marked_current(right)
    window.area.close_pane(left)
    assert window.area.current is right and marked_current(right)


def test_the_selected_passage_outline_shows_on_its_fill_in_light_and_dark(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The selected passage is outlined with a wavy line in the palette's highlight colour:
    a dark palette's highlight (a mid blue) on a dark passage fill read at about 1.2:1."""
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    original = app.palette()
    passage = next(
        p for p in window.session.project.annotations.query() if p.exact == "symbolic restart"
    )

    def outline_contrast() -> float:
        pane = window.area.panes()[1]
        qtbot.waitUntil(lambda: not pane.is_loading)
        pane.select_passage(passage.id)
        wave = QTextCharFormat.UnderlineStyle.WaveUnderline
        outlines = [s for s in pane.view.extraSelections() if s.format.underlineStyle() == wave]
        assert len(outlines) == 1
        fill = Counter(c.name() for c in painted_colors(pane, passage.start, passage.end))
        return contrast(outlines[0].format.underlineColor(), QColor(fill.most_common(1)[0][0]))

    assert outline_contrast() >= 3.0
    dark = dark_palette()
    dark.setColor(QPalette.ColorRole.Highlight, QColor("#2F6FB5"))
    try:
        app.setPalette(dark)

        def painted_darkly() -> bool:
            rendering = window.area.panes()[1].loader.current
            return rendering is not None and rendering.highlighter.theme.dark

        qtbot.waitUntil(painted_darkly)
        assert outline_contrast() >= 3.0
    finally:
        app.setPalette(original)


def test_a_narrow_pane_find_field_has_room_for_the_words(qtbot: QtBot, window: MainWindow) -> None:
    """Three panes side by side on a laptop screen: the match count and the buttons left the
    find field five letters wide. The count goes below the field then, fully shown."""
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: window.area.splitter.width() > 900)
    pane = window.area.panes()[0]
    pane.find_bar.open_bar("diplomacy")
    qtbot.waitUntil(pane.find_bar.isVisible)
    bar = pane.find_bar
    letters = bar.field.fontMetrics().averageCharWidth()
    room = window.area.splitter.width()
    window.area.splitter.setSizes([245, room - 245])

    def count_placed(below: bool) -> bool:
        field, count = bar.field.geometry(), bar.count.geometry()
        return (count.top() >= field.bottom()) == below

    qtbot.waitUntil(lambda: bar.width() <= 245 and count_placed(below=True))
    assert bar.field.width() >= 12 * letters, f"field {bar.field.width()} of bar {bar.width()}"
    assert bar.count.text() and bar.count.width() >= bar.count.sizeHint().width()
    assert bar.count.isVisible()
    window.area.splitter.setSizes([room - 245, 245])
    # A wide pane keeps the count on the field's line.
    qtbot.waitUntil(lambda: bar.width() >= 600 and count_placed(below=False))
    assert bar.count.geometry().right() < bar.width()
