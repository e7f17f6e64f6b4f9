"""Light and dark appearance follow the system palette."""

from __future__ import annotations

from collections import Counter

from gui_support import painted_colors
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.theme import is_dark, render_style


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.WindowText, "#E8EAED"),
        (QPalette.ColorRole.Base, "#17181A"),
        (QPalette.ColorRole.Text, "#E8EAED"),
        (QPalette.ColorRole.Button, "#2A2B2E"),
        (QPalette.ColorRole.ButtonText, "#E8EAED"),
    ):
        palette.setColor(role, QColor(color))
    return palette


def test_switching_to_a_dark_palette_repaints_articles_darkly(
    qtbot: QtBot, window: MainWindow
) -> None:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    original = app.palette()
    assert not is_dark()
    pane = window.area.panes()[1]
    passage = next(
        p for p in window.session.project.annotations.query() if p.exact == "symbolic restart"
    )
    light = painted_colors(pane, passage.start, passage.end)
    try:
        app.setPalette(dark_palette())
        assert is_dark()
        assert render_style().code_background.lightness() < 80

        def painted_darkly() -> bool:
            rendering = window.area.panes()[1].loader.current
            return rendering is not None and rendering.highlighter.theme.dark

        qtbot.waitUntil(painted_darkly)  # the window hears of the change through an event
        pane = window.area.panes()[1]
        qtbot.waitUntil(lambda: not pane.is_loading)
        icon_color = window.actions_.undo.icon().pixmap(24).toImage()
        assert any(
            icon_color.pixelColor(x, y).lightness() > 150
            for x in range(24)
            for y in range(24)
            if icon_color.pixelColor(x, y).alpha() > 200
        ), "icons are drawn in the light text colour of the dark palette"
        pane.go_to_offset(passage.start)
        qtbot.wait(50)
        dark = painted_colors(pane, passage.start, passage.end)
        assert dark and light

        # The same tag colour, drawn more transparently over a dark base: darker than before.
        # (The most common colour is the background; some samples fall on letters.)
        def background(colors: list[QColor]) -> QColor:
            return QColor(Counter(c.name() for c in colors).most_common(1)[0][0])

        assert background(dark).lightness() + 60 < background(light).lightness()
        assert background(dark).blue() > background(dark).red()  # still the tag's blue
    finally:
        app.setPalette(original)
