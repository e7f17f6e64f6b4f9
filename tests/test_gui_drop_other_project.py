"""Articles dragged from the Library of a window on another project (another Diptych
running beside this one) and dropped on this window: their numbers are that project's, so
they are not opened here as this project's articles of the same numbers; the window says
why nothing opened."""

from __future__ import annotations

from pathlib import Path

from gui_support import make_context, open_window
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from pytestqt.qtbot import QtBot

from diptych.gui.article_model import ARTICLE_ID_ROLE
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


def drop_from(source: MainWindow, article_id: int, window: MainWindow, target: QPoint) -> None:
    """Drag ``article_id``'s row out of ``source``'s Library, drop it on ``window``."""
    proxy = source.library.proxy
    rows = [
        proxy.index(row, 0)
        for row in range(proxy.rowCount())
        if proxy.index(row, 0).data(ARTICLE_ID_ROLE) == article_id
    ]
    data = proxy.mimeData(rows)
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    window.dragEnterEvent(
        QDragEnterEvent(target, Qt.DropAction.CopyAction, data, buttons, modifiers)
    )
    window.dropEvent(
        QDropEvent(QPointF(target), Qt.DropAction.CopyAction, data, buttons, modifiers)
    )


def test_an_article_of_another_project_dropped_here_opens_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    other = tmp_path / "Fieldwork.diptych"
    with Project.create(other) as project:
        project.articles.add_many(
            parsed=[
                parse_article(b"# Interview one\n\nAt the port.\n", name="one.md"),
                parse_article(b"# Interview two\n\nAt the market.\n", name="two.md"),
            ]
        )
    beside = open_window(qtbot, make_context(tmp_path / "beside"), Project.open(other))
    said: list[str] = []
    window.context.messages.posted.connect(lambda _level, _title, text: said.append(text))
    before = [p.article_id for p in window.area.panes()]
    first = window.area.panes()[0]

    drop_from(beside, 2, window, first.mapTo(window, first.rect().center()))

    assert [p.article_id for p in window.area.panes()] == before
    assert len(said) == 1
    assert "Fieldwork.diptych" in said[0]


def test_an_article_of_this_project_dropped_from_its_own_library_opens(
    qtbot: QtBot, window: MainWindow
) -> None:
    first = window.area.panes()[0]
    article_id = window.area.panes()[1].article_id
    assert article_id is not None
    drop_from(window, article_id, window, first.mapTo(window, first.rect().center()))
    assert len(window.area.panes()) == 3
