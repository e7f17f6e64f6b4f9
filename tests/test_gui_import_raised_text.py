"""A page with superscripts and subscripts, imported with File > Import articles…, shows its
figures as they are meant ("10⁶ tonnes", not "106 tonnes"), and a passage tagged on one
quotes it so."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import select_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_gui_import_saved_pages import import_page

from diptych.gui.main_window import MainWindow

PAGE = """<html><head><meta charset="utf-8"><title>Sup test</title></head><body><article>
<h1>Emissions report</h1>
<p>The plant emitted 10<sup>6</sup> tonnes of CO<sub>2</sub> over 3 km<sup>2</sup>, said the
report<sup>[3]</sup>.</p>
<p>Growth was 2<sup>nd</sup> highest; x<sup>-1</sup> rate; v<sub>max</sub> of 10<sup>abc</sup>.</p>
</article></body></html>"""


def test_raised_figures_show_raised_and_a_passage_quotes_them(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "sup.html"
    path.write_text(PAGE, encoding="utf-8")
    pane = import_page(qtbot, window, path, monkeypatch)

    assert pane.view.toPlainText().splitlines() == [
        "Emissions report",
        "The plant emitted 10⁶ tonnes of CO₂ over 3 km², said the report[3].",
        "Growth was 2nd highest; x⁻¹ rate; v_max of 10^abc.",
    ]
    select_text(pane, "10⁶ tonnes")
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    project = window.session.project
    qtbot.waitUntil(lambda: "10⁶ tonnes" in [p.exact for p in project.annotations.query()])
