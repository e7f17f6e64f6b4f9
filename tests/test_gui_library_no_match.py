"""The Library says when the filter matches no article, or the project has none yet, in
words a screen reader hears too."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_window
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project


def test_a_filter_that_hides_every_article_says_so_and_clearing_it_hides_the_note(
    qtbot: QtBot, window: MainWindow
) -> None:
    library = window.library
    qtbot.keyClicks(library.filter, "zzz")
    assert library.proxy.rowCount() == 0
    assert library.no_match.isVisibleTo(library)
    assert library.no_match.text() == "No article title contains “zzz”."
    spoken = QAccessible.queryAccessibleInterface(library.view)
    assert spoken is not None
    assert spoken.text(QAccessible.Text.Description) == library.no_match.text()

    library.filter.clear()
    assert library.proxy.rowCount() == 2
    assert not library.no_match.isVisibleTo(library)
    assert library.view.accessibleDescription() == ""


def test_a_filter_that_matches_shows_no_note(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.library.filter, "korea")
    assert window.library.proxy.rowCount() >= 1
    assert not window.library.no_match.isVisibleTo(window.library)


def test_a_new_project_says_how_to_bring_in_articles_until_it_has_one(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = open_window(qtbot, context, Project.create(tmp_path / "new.diptych"))
    library = window.library
    empty = (
        "No articles yet. Import some with Import… below, or drop article files or folders "
        "on the window."
    )
    assert library.no_match.isVisibleTo(library) and library.no_match.text() == empty
    assert library.view.accessibleDescription() == empty
    note = tmp_path / "note.md"
    note.write_text("# A first note\n\nText.\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.importer.import_files([note])
    assert not library.no_match.isVisibleTo(library)
    window.actions_.undo.trigger()
    assert library.no_match.isVisibleTo(library) and library.no_match.text() == empty
