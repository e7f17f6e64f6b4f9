"""Interview notes saved as text, imported with File > Import: the lines filling in a
field at their top ("Date: 4 March 2025") read as lines of text, not as headings that
every passage below would then be cited under."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from test_gui_import_saved_pages import import_page

from diptych.gui.main_window import MainWindow

NOTES = """INTERVIEW NOTES – union secretary

Date: 4 March 2025
Interviewer: Kim

Q: Why now?
A: Because the ministry ignored us for two years.
"""


def test_field_lines_are_not_headings(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "interview.txt"
    path.write_text(NOTES, encoding="cp1252")
    pane = import_page(qtbot, window, path, monkeypatch)
    block, levels = pane.view.document().firstBlock(), {}
    while block.isValid():
        levels[block.text()] = block.blockFormat().headingLevel()
        block = block.next()
    assert levels["INTERVIEW NOTES – union secretary"] > 0
    assert levels["Date: 4 March 2025"] == levels["Interviewer: Kim"] == 0
    assert levels["Q: Why now?"] == 0
    outline = window.session.project.articles.get(article_id=pane.article_id).content.outline()
    assert [h.text for h in outline] == ["INTERVIEW NOTES – union secretary"]
