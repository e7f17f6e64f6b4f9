"""A page whose footnote markers follow their words, imported with File > Import, shows
each marker in brackets ("began[1]"), and the Search panel finds the word before it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from test_gui_import_saved_pages import import_page
from test_gui_search_cjk import search_for
from test_import_note_marks import NOTED_PAGE, NOTED_SHOWS
from visible_words import assert_words_in_order

from diptych.gui.main_window import MainWindow


def test_the_word_before_a_footnote_marker_shows_apart_and_is_found(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "talks.html"
    path.write_text(NOTED_PAGE, encoding="utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)
    shown = pane.view.toPlainText()
    assert_words_in_order(NOTED_SHOWS, shown)
    assert "The talks began[1] on Monday and ended[2];" in shown
    assert "E=mc²" in shown

    window.actions_.search.trigger()
    assert search_for(qtbot, window.search, "began") == ["Article · Talks — 1 match"]
    assert search_for(qtbot, window.search, "ended") == ["Article · Talks — 1 match"]
