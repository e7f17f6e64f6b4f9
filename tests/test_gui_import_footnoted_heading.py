"""An article whose heading carries a footnote, imported with File > Import, is listed
and headed by its title without the note's marker, while its text keeps the marker."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from test_gui_import_saved_pages import import_page
from test_gui_library import shown_titles

from diptych.gui.main_window import MainWindow


@pytest.mark.parametrize(
    ("name", "source", "heading"),
    [
        ("rules.md", "# Trade rules[^1] and you\n\nText.\n\n[^1]: Note.\n", "Trade rules¹ and you"),
        (
            "rules.htm",
            "<h1>Trade rules<sup><a href=#>1</a></sup> and you",
            "Trade rules[1] and you",
        ),
    ],
)
def test_a_footnote_marker_is_in_the_text_but_not_the_title(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    source: str,
    heading: str,
) -> None:
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)
    assert pane.view.toPlainText().splitlines()[0] == heading
    assert pane.header.title.full_text() == "Trade rules and you"
    assert "Trade rules and you" in shown_titles(window.library)
