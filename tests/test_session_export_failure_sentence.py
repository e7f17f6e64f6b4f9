"""An export refused while it runs (an article chosen in the dialog was removed in another
window meanwhile) says why in a sentence of its own, starting with a capital, as every
known error in the window does; the command line keeps its "diptych: there is…"."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_export_dialog
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.check_list import ID_ROLE
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.storage.project import Project


def test_an_export_refused_while_it_runs_says_why_as_a_sentence(
    qtbot: QtBot, window: MainWindow, context: AppContext, tmp_path: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    context.messages.posted.connect(lambda *args: posted.append(args))
    dialog = open_export_dialog(qtbot, window)
    dialog.articles.item(0).setCheckState(Qt.CheckState.Unchecked)  # the others, by id
    gone = int(dialog.articles.item(1).data(ID_ROLE))
    with Project.open(window.session.project.path) as elsewhere:
        elsewhere.articles.remove(article_id=gone)
    dialog.output.setText(str(tmp_path / "notes.md"))

    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(level == Level.ERROR for level, _t, _x in posted), timeout=10_000)

    errors = [text for level, _title, text in posted if level == Level.ERROR]
    assert errors == [errors[0]] and errors[0].startswith(f"There is no article {gone}")
    assert not (tmp_path / "notes.md").exists()
