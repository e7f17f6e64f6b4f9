"""Undoing the removal of an article open in several panes reopens each of those panes as
it was: in its place among the others, at its zoom, at the place the reader had reached,
the current one current again."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.article_commands import RemoveArticle
from diptych.gui.article_pane import ArticlePane
from diptych.gui.commands import perform
from diptych.gui.main_window import MainWindow
from diptych.storage.importing import parse_article

PARAGRAPHS = "\n\n".join(f"Paragraph {i} of the talks, as reported." for i in range(400))


def shown(window: MainWindow) -> list[tuple[int | None, int, int]]:
    """Each pane's article, zoom and reading place, left to right."""
    return [(p.article_id, p.zoom, p.reading_place()) for p in window.area.panes()]


def loaded(window: MainWindow) -> bool:
    return all(not p.is_loading for p in window.area.panes())


def read_at(qtbot: QtBot, pane: ArticlePane, zoom: int, place: int) -> None:
    pane.set_zoom(zoom)
    qtbot.waitUntil(lambda: pane.view.pending_place() is None)
    pane.read_on(place, place)
    qtbot.waitUntil(lambda: pane.reading_place() == place)


def test_undo_reopens_every_pane_of_the_article_as_it_was(qtbot: QtBot, window: MainWindow) -> None:
    project = window.session.project
    talks = project.articles.add(
        parsed=parse_article(f"# Talks\n\n{PARAGRAPHS}".encode(), name="t.md")
    )
    text = project.articles.get(article_id=talks.id).text
    left, right = window.area.panes()
    other = right.article_id
    with qtbot.waitSignal(left.loaded, timeout=30_000):
        left.show_article(talks.id)
    window.area.add_pane(talks.id)
    qtbot.waitUntil(lambda: loaded(window))
    first, _, last = window.area.panes()
    read_at(qtbot, first, 125, text.index("Paragraph 120 "))
    read_at(qtbot, last, 90, text.index("Paragraph 250 "))
    window.area.set_current(last)
    before = shown(window)
    assert [(a, z) for a, z, _p in before] == [(talks.id, 125), (other, 100), (talks.id, 90)]

    perform(window.session, RemoveArticle(window.session, talks.id))
    qtbot.waitUntil(lambda: [a for a, _z, _p in shown(window)] == [other])

    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: loaded(window) and shown(window) == before, timeout=10_000)
    assert window.area.current is window.area.panes()[2]  # the current one current again

    window.actions_.redo.trigger()  # removed again: both its panes close again
    qtbot.waitUntil(lambda: [a for a, _z, _p in shown(window)] == [other])
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: loaded(window) and shown(window) == before, timeout=10_000)
