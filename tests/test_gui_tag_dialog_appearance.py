"""The reason a tag name is refused reads on the appearance of the moment."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot
from test_gui_appearance import dark_palette

from diptych.gui.session import ProjectSession
from diptych.gui.tag_dialog import TagDialog
from diptych.gui.theme import is_dark


def test_the_refusal_is_light_red_when_the_system_turned_dark_after_the_dialog_opened(
    qtbot: QtBot, session: ProjectSession
) -> None:
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication)
    original = app.palette()
    book = session.codebook()
    taken = next(t for t in book.ordered() if t.parent_id is None)
    assert not is_dark()
    dialog = TagDialog(book)
    qtbot.addWidget(dialog)
    try:
        app.setPalette(dark_palette())
        dialog.name.setText(taken.name)
        dialog.accept()
        assert dialog.problem.isVisibleTo(dialog)
        assert "#FF8A80" in dialog.problem.styleSheet()
    finally:
        app.setPalette(original)
    dialog.accept()  # refused again, now in the light
    assert "#B3261E" in dialog.problem.styleSheet()
