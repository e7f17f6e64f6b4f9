"""Search results follow the project: an article removed (or brought back by undo) leaves
or rejoins the results, and a result whose article is gone is never opened with an error."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.article_commands import RemoveArticle
from diptych.gui.commands import perform
from diptych.gui.main_window import MainWindow
from diptych.gui.search_panel import HIT_ROLE, SearchPanel
from diptych.storage.search import SearchHit

SHIFTING = 1  # the sample article "The Shifting Landscape…"


def hits(panel: SearchPanel) -> list[tuple[str, int, int | None]]:
    found: list[SearchHit] = [
        panel.results.item(row).data(HIT_ROLE) for row in range(panel.results.count())
    ]
    return [(h.kind, h.article_id, h.annotation_id) for h in found]


def search_for(qtbot: QtBot, panel: SearchPanel, query: str) -> None:
    panel.field.clear()
    qtbot.keyClicks(panel.field, query)
    with qtbot.waitSignal(panel.searched):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)


def test_results_follow_a_removed_article_and_its_undo(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.search
    search_for(qtbot, panel, "korea")
    before = hits(panel)
    assert ("article", SHIFTING, None) in before
    second = next(h for h in before if h[1] != SHIFTING)
    panel.results.setCurrentRow(before.index(second))

    perform(window.session, RemoveArticle(window.session, SHIFTING))
    qtbot.waitUntil(lambda: all(h[1] != SHIFTING for h in hits(panel)), timeout=3000)
    assert sorted(hits(panel)) == sorted(h for h in before if h[1] != SHIFTING)  # ranks change
    assert hits(panel)[panel.results.currentRow()] == second  # the result looked at stays
    assert "passage" in panel.status.text()

    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: sorted(hits(panel)) == sorted(before), timeout=3000)
    assert hits(panel)[panel.results.currentRow()] == second


def test_a_result_whose_article_was_just_removed_opens_nothing_and_says_so(
    qtbot: QtBot, window: MainWindow
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    panel = window.search
    search_for(qtbot, panel, "korea")
    row = hits(panel).index(("article", SHIFTING, None))
    item = panel.results.item(row)
    perform(window.session, RemoveArticle(window.session, SHIFTING))
    with qtbot.waitSignal(panel.searched):  # clicked before the results were searched again
        panel.on_results_item_activated(item)
    assert posted and "no longer in the project" in posted[-1][2]
    assert all(pane.article_id != SHIFTING for pane in window.area.panes())
    assert all(h[1] != SHIFTING for h in hits(panel))
