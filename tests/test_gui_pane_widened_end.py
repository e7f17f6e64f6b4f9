"""A pane read down to the end of a short article, then widened (the pane beside it closed,
the window made wider): its text now ends within the screen, so the view shows it from the
top, with no scroll range left past the text's end. A range kept past the end showed a
scroll bar for nothing, which narrowed the view, which wrapped the text again, and so on:
the window froze."""

from __future__ import annotations

import math
from pathlib import Path

from gui_support import open_window
from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

LINE = "Line {} of a short article, long enough to wrap in a narrow pane but not in a wide one."


class Resizes(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        self.count += event.type() == QEvent.Type.Resize
        return False


def test_a_pane_widened_at_the_end_of_a_short_article_shows_it_whole_and_settles(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "short.diptych"
    text = "# Short\n\n" + "\n\n".join(LINE.format(n) for n in range(20))
    with Project.create(path) as project:
        project.articles.add(parsed=parse_article(text.encode(), name="short.md"))
        project.articles.add(parsed=parse_article(b"# Other\n\nOther text.\n", name="other.md"))
    window = open_window(qtbot, context, Project.open(path))
    window.resize(1440, 1000)
    left, right = window.area.panes()
    bar = left.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)  # narrow, the text is longer than the view
    bar.setValue(bar.maximum())
    resizes = Resizes()
    left.view.installEventFilter(resizes)

    window.area.close_pane(right)
    qtbot.wait(300)

    view = left.view
    text_height = math.ceil(view.document().documentLayout().documentSize().height())
    end = max(0, text_height - view.viewport().height())  # 0 where it fits, as here
    assert (bar.maximum(), bar.value()) == (end, end)  # the end of the text at the bottom
    assert resizes.count <= 2
