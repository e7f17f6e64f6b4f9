"""Where passages of different tags overlap, the text is striped in each tag's own fill:
their average, which the window painted before, read as a third tag (Trade's orange and
Evidence's lavender made a pink close to Security's salmon)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

import pytest
from gui_support import blended, close_to, painted_row
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.highlighter import STRIPE_WIDTH, HighlightTheme
from diptych.gui.messages import MessageBridge
from diptych.gui.pane_marks import outline_color
from diptych.gui.passage_index import Mark
from diptych.gui.session import ProjectSession
from diptych.gui.theme import painted_over
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

TRADE, EVIDENCE = "#F7A85C", "#C39BE8"  # orange and lavender, as in the sample project
LINES = {
    "trade": "Trade alone: the ministry said trade talks would resume soon.",
    "evidence": "Evidence alone: the figures were published by the customs office.",
    "overlap": "Both passages: exports rose by a fifth, the customs office said.",
    "both tags": "One passage of both: the volume reached 273 billion in 2024.",
}
PAGES = {  # (page, text, window) of each appearance
    "light": ("#FFFFFF", "#1A1A1A", "#EFEFEF"),
    "dark": ("#17181A", "#E8EAED", "#202124"),
}
ALPHA = {"light": 170, "dark": 110}  # how strongly one tag's colour fills, as before


@pytest.fixture(params=list(PAGES))
def appearance(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The application in a light or a dark palette."""
    original = qapp.palette()
    page, text, window = PAGES[request.param]
    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Base, page),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
    ):
        palette.setColor(role, QColor(color))
    qapp.setPalette(palette)
    yield request.param
    qapp.setPalette(original)


@pytest.fixture
def pane(qtbot: QtBot, appearance: str, tmp_path: Path) -> Iterator[ArticlePane]:
    """A pane showing one line per case: a passage of Trade, one of Evidence, the two
    overlapping over a whole line, and one passage tagged with both."""
    project = Project.create(tmp_path / "p.diptych")
    body = "\n".join(LINES.values()).encode()
    article = project.articles.add(parsed=parse_article(body, name="a.txt"))
    text = project.articles.get(article_id=article.id).text
    trade = project.tags.add(name="Trade", color=TRADE).id
    evidence = project.tags.add(name="Evidence", color=EVIDENCE).id
    for line, tags in (
        ("trade", [[trade]]),
        ("evidence", [[evidence]]),
        ("overlap", [[trade], [evidence]]),
        ("both tags", [[trade, evidence]]),
    ):
        start = text.index(LINES[line])
        for tag_ids in tags:
            project.annotations.add(
                article_id=article.id, start=start, end=start + len(LINES[line]), tag_ids=tag_ids
            )
    session = ProjectSession(project, MessageBridge())
    shown = ArticlePane(session)
    qtbot.addWidget(shown)
    shown.resize(1000, 500)
    shown.show()
    qtbot.waitExposed(shown)
    shown.show_article(article.id)
    qtbot.waitUntil(lambda: not shown.is_loading)
    yield shown
    session.close()


def row(pane: ArticlePane, line: str) -> list[QColor]:
    """The pixels painted along the top of the first 30 characters of ``line``."""
    text = pane.session.project.articles.get(article_id=pane.article_id).text
    start = text.index(LINES[line])
    return painted_row(pane, start, start + 30)


def base_of(pane: ArticlePane) -> QColor:
    viewport = pane.view.viewport()
    return viewport.palette().color(viewport.backgroundRole())


def mean(a: QColor, b: QColor) -> QColor:
    return QColor(*((x + y) // 2 for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True)))


def test_one_tag_alone_is_filled_plainly_as_before(pane: ArticlePane, appearance: str) -> None:
    for line, color in (("trade", TRADE), ("evidence", EVIDENCE)):
        painted = row(pane, line)
        expected = blended(color, ALPHA[appearance], base_of(pane))
        assert painted and all(close_to(c, expected, 3) for c in painted), line


@pytest.mark.parametrize("line", ["overlap", "both tags"])
def test_text_under_two_tags_shows_each_tags_own_fill_never_their_average(
    pane: ArticlePane, line: str
) -> None:
    trade, evidence = row(pane, "trade")[0], row(pane, "evidence")[0]
    average = mean(trade, evidence)
    assert not close_to(average, trade) and not close_to(average, evidence)
    painted = row(pane, line)
    kinds = Counter(
        "trade" if close_to(c, trade, 3) else "evidence" if close_to(c, evidence, 3) else c.name()
        for c in painted
    )
    assert set(kinds) == {"trade", "evidence"}, kinds  # every pixel is one tag's own fill
    assert min(kinds.values()) >= len(painted) // 3  # in stripes of about equal width
    assert not any(close_to(c, average) for c in painted)


def test_the_stripes_stay_when_the_pane_is_zoomed(qtbot: QtBot, pane: ArticlePane) -> None:
    trade, evidence = row(pane, "trade")[0], row(pane, "evidence")[0]
    pane.set_zoom_step(1)
    pane.set_zoom_step(1)
    qtbot.waitUntil(lambda: not pane.is_loading)
    painted = row(pane, "overlap")
    assert any(close_to(c, trade, 3) for c in painted)
    assert any(close_to(c, evidence, 3) for c in painted)
    assert all(close_to(c, trade, 3) or close_to(c, evidence, 3) for c in painted)


def overlap(*colors: str) -> tuple[Mark, ...]:
    return tuple(Mark(n, 0, 10, (c,)) for n, c in enumerate(colors, start=1))


def test_one_brush_per_mix_of_colours() -> None:
    theme = HighlightTheme()
    striped = theme.format(overlap(TRADE, EVIDENCE)).background()
    assert striped.style() == Qt.BrushStyle.TexturePattern
    again = theme.format(overlap(TRADE, EVIDENCE, TRADE)).background()
    assert again.textureImage().cacheKey() == striped.textureImage().cacheKey()
    same_tag = theme.format(overlap(TRADE, TRADE.lower()))
    assert same_tag.background() == QBrush(theme.fill(TRADE))  # a plain fill
    assert same_tag.underlineStyle() == same_tag.UnderlineStyle.SingleUnderline  # as before


def test_one_format_for_the_same_marks_in_any_order_told_apart_by_their_tags() -> None:
    theme = HighlightTheme()
    both = theme.format(overlap(TRADE, EVIDENCE))
    assert theme.format(overlap(EVIDENCE, TRADE)) is both  # made once: a whole article's
    # passage meets every other in every order, and a format for each cost a second
    one, other = Mark(1, 0, 10, (TRADE, EVIDENCE)), Mark(2, 0, 10, ("#7CC6F2",))
    split = Mark(1, 0, 10, (TRADE,)), Mark(2, 0, 10, (EVIDENCE, "#7CC6F2"))
    assert theme.format((other, one)) is theme.format((one, other))
    # the same colours, of other passages: a line under them of another colour
    assert theme.format(split).underlineColor() != theme.format((one, other)).underlineColor()


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_stripes_are_sharp_on_a_high_density_screen(qapp: QApplication, ratio: float) -> None:
    """Painted on a screen of two pixels per point, each stripe is twice as many pixels
    wide and still only the tags' own fills: not blurred (into their average) nor larger."""
    theme = HighlightTheme()
    page = QColor("#FFFFFF")
    fills = [painted_over(theme.fill(c), page) for c in (TRADE, EVIDENCE)]
    image = QImage(round(120 * ratio), round(40 * ratio), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(page)
    painter = QPainter(image)
    painter.fillRect(QRect(0, 0, 120, 40), theme.brush(overlap(TRADE, EVIDENCE)))
    painter.end()
    y = image.height() // 2
    line = [image.pixelColor(x, y) for x in range(image.width())]
    assert all(any(close_to(c, f, 2) for f in fills) for c in line)
    runs = [len(list(g)) for _, g in groupby(line, key=lambda c: c.name())][1:-1]
    assert runs and set(runs) == {round(STRIPE_WIDTH * ratio)}  # whole stripes, each as wide


def test_the_selected_passages_wavy_line_stands_out_from_each_stripe(qapp: QApplication) -> None:
    """The wavy line under the selected passage is in the highlight colour only where it
    stands out from every stripe of the passage's fill (blue on lavender does not, though it
    did on the average of yellow and lavender)."""
    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Base, "#FFFFFF"),
        (QPalette.ColorRole.Text, "#1A1A1A"),
        (QPalette.ColorRole.Highlight, "#1C71D8"),
    ):
        palette.setColor(role, QColor(color))
    theme = HighlightTheme(page=QColor("#FFFFFF"), ink=QColor("#1A1A1A"))
    yellow, lavender = "#F6C945", EVIDENCE
    highlight = palette.color(QPalette.ColorRole.Highlight)
    assert outline_color(palette, Mark(1, 0, 10, (yellow,)), theme) == highlight
    both = Mark(1, 0, 10, (yellow, lavender))
    assert outline_color(palette, both, theme) == palette.color(QPalette.ColorRole.Text)
