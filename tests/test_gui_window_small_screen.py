"""A layout saved on a wide screen, opened on a narrower one: the window fits on it, with
the panels on its right side in view, the panes that do not fit closed (empty ones first,
down to two side by side) and the status bar saying so.

The screen of these tests is 800 pixels wide: even two panes and the panels need more, so
the window is checked to be as narrow as it can be with two."""

from __future__ import annotations

from pathlib import Path

from gui_support import open_window
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


def test_six_panes_saved_on_a_wide_screen_leave_the_window_on_a_narrow_one(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    project = Project.open(sample)
    articles = [a.id for a in project.articles.all()]
    saved = [{"article": a, "zoom": 0, "offset": 0} for a in articles[:2]]
    saved += [{"article": None, "zoom": 0, "offset": 0}] * 4
    context.settings.set_pane_layout(
        project.info().uuid, {"panes": saved, "sizes": [300] * 6, "current": 0}
    )

    window = open_window(qtbot, context, project)
    qtbot.wait(50)  # the layout settled

    assert [p.article_id for p in window.area.panes()] == articles[:2]  # empty ones closed
    assert window.width() < 1200  # six panes made it 1,934 pixels wide
    passages = window.docks["passages"]
    assert passages.mapTo(window, passages.rect().topRight()).x() < window.width()
    assert window.statusBar().currentMessage() == (
        "4 panes of the last layout did not fit on this screen and were closed."
    )


def test_the_panes_left_closed_keep_their_reading_places(
    qtbot: QtBot, context: AppContext, sample: Path
) -> None:
    project = Project.open(sample)
    for n in range(6):
        text = f"Dispatch {n}\n\n" + "A long report of the talks. " * 200
        project.articles.add(parsed=parse_article(text.encode(), name=f"dispatch{n}.txt"))
    articles = [a.id for a in project.articles.all()]
    saved = [{"article": a, "zoom": 0, "offset": 700 + 100 * i} for i, a in enumerate(articles)]
    context.settings.set_pane_layout(
        project.info().uuid, {"panes": saved, "sizes": [300] * 6, "current": 0}
    )

    window = open_window(qtbot, context, project)
    qtbot.wait(50)  # the layout settled

    shown = [p.article_id for p in window.area.panes()]
    left_out = [a for a in articles if a not in shown]
    assert left_out  # the screen has no room for six panes
    for i, article in enumerate(articles):
        if article in left_out:  # opened again, it goes back where it was read
            assert window.area.places.place(article) == 700 + 100 * i
