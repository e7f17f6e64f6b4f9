"""Undoing the removal of articles selects them again in the Library, where the neighbour
the selection had moved to stayed selected: F2 or Del pressed next acted on that one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.main_window import MainWindow


def three_articles(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> int:
    """Import a third article (shown in no pane once its pane is closed); its id."""
    extra = tmp_path / "harbour.txt"
    extra.write_text("Harbour reopens\n\nShips came back.\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.importer.import_files([extra])
    article_id: int = imported.args[0][0]
    pane = window.area.pane_for(article_id)
    assert pane is not None
    window.area.close_pane(pane)
    return article_id


@pytest.mark.parametrize("every", [False, True], ids=["one", "several"])
def test_undoing_a_removal_selects_the_articles_back(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    every: bool,
) -> None:
    harbour = three_articles(qtbot, window, tmp_path)
    monkeypatch.setattr(dialogs, "ask_plain", lambda *_args: True)
    library = window.library
    window.activateWindow()
    library.select_article(harbour)
    library.view.setFocus()
    qtbot.waitUntil(library.view.hasFocus)
    if every:
        qtbot.keyClick(library.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)

    qtbot.keyClick(library.view, Qt.Key.Key_Delete)
    assert harbour not in [a.id for a in window.session.articles()]
    window.session.undo_stack.undo()

    expected = [a.id for a in window.session.articles()] if every else [harbour]
    assert sorted(library.selected_articles()) == sorted(expected)
    assert harbour in library.selected_articles()
