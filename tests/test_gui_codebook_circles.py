"""The Codebook of a project whose tags go round in a circle (a file edited by hand)."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_window
from pytestqt.qtbot import QtBot
from test_codebook_circles import circled

from diptych.gui.context import AppContext
from diptych.storage.project import Project


def test_the_codebook_shows_every_tag_of_the_circle_as_a_tree(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> None:
    window = open_window(qtbot, context, Project.open(circled(tmp_path)))
    model = window.tags.model
    top = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert [t.split("  ")[0] for t in top] == ["Economy", "Loose"]
    window.tags.view.expandAll()
    economy = model.index(0, 0)
    trade = model.index(0, 0, economy)
    tariffs = model.index(0, 0, trade)
    assert model.parent(tariffs) == trade and model.parent(trade) == economy
    assert not model.parent(economy).isValid()
    names = {t.name: t for t in window.session.ordered_tags()}
    assert list(names) == ["Economy", "Trade", "Tariffs", "Loose"]
