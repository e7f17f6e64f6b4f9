"""Update from newer file in a window showing the article and the Passages panel: the
window reads the article's passages once to follow the update (the pane's marks and the
Passages table share that read), not once per view, and never reads every passage of the
project again; what each view shows is still what the file holds, after the update and
after undoing it."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_support import make_context, open_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui.annotations_panel import ORPHANS_TAB
from diptych.gui.main_window import MainWindow
from diptych.storage.annotations import AnnotationStore, NewAnnotation
from diptych.storage.articles import ArticleStore
from diptych.storage.importing import parse_article
from diptych.storage.passage_rows import load_passages
from diptych.storage.project import Project

PARAGRAPHS = 120
PASSAGES = 400  # more than the table changes row by row


def paragraphs() -> list[str]:
    r = random.Random(5)
    words = ["trade", "talks", "resumed", "after", "officials", "met", "in", "Geneva"]
    return [
        f"Paragraph {n}: " + " ".join(r.choice(words) for _ in range(40)) + "."
        for n in range(PARAGRAPHS)
    ]


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    """A window showing an article with 400 passages, one of them in paragraph 7 alone,
    and the Passages panel; its watch on the file is off (a look at the file would read
    everything again, and may come at any time)."""
    path = tmp_path / "reads.diptych"
    with Project.create(path) as project:
        text = "\n\n".join(paragraphs())
        article = project.articles.add(parsed=parse_article(text.encode(), name="a.txt")).id
        stored = project.articles.get(article_id=article).text
        tag = project.tags.add(name="Trade").id
        r = random.Random(9)
        items = []
        for i in range(PASSAGES - 1):
            start = r.randrange(0, len(stored) - 100)
            items.append(NewAnnotation(article, start, start + r.randint(10, 90), (tag,), f"{i}"))
        seventh = stored.index("Paragraph 7:")
        items.append(NewAnnotation(article, seventh, seventh + 30, (tag,), "seventh"))
        project.annotations.add_many(items=items)
    opened = open_window(qtbot, make_context(tmp_path / "user"), Project.open(path))
    opened.session.watch(False)
    opened.area.open_article(1)
    opened.docks["passages"].show()
    opened.docks["passages"].raise_()
    settle(qtbot, opened)
    return opened


def settle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: all(not p.is_loading for p in window.area.panes()), timeout=30_000)
    qtbot.waitUntil(lambda: not window.passages.model.reading, timeout=30_000)


class Reads:
    """Every listing of passages on the GUI thread: (filters, made by the update itself)."""

    def __init__(self) -> None:
        self.made: list[tuple[dict[str, Any], bool]] = []
        self.in_update = False

    def of_article(self, article_id: int, *, by_update: bool) -> int:
        return sum(
            1
            for filters, own in self.made
            if filters == {"article_id": article_id} and own == by_update
        )

    def of_project(self) -> int:
        return sum(1 for filters, _ in self.made if not filters)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> Iterator[Reads]:
    """Counts the window's own reads: a window left from an earlier test may still read
    its project (an article 1 too) while this one runs."""
    seen = Reads()
    path = window.session.project.path
    query, replace_text, restore_text = (
        AnnotationStore.query,
        ArticleStore.replace_text,
        ArticleStore.restore_text,
    )

    def counted_query(self: AnnotationStore, **filters: Any) -> Any:
        mine = self._project.path == path
        if mine and threading.current_thread() is threading.main_thread():
            seen.made.append((filters, seen.in_update))
        return query(self, **filters)

    def inside(method: Any) -> Any:
        def run(self: ArticleStore, **kwargs: Any) -> Any:
            seen.in_update = True
            try:
                return method(self, **kwargs)
            finally:
                seen.in_update = False

        return run

    monkeypatch.setattr(AnnotationStore, "query", counted_query)
    monkeypatch.setattr(ArticleStore, "replace_text", inside(replace_text))
    monkeypatch.setattr(ArticleStore, "restore_text", inside(restore_text))
    yield seen


def check_views(window: MainWindow) -> None:
    """The pane's marks and margin, the Passages table, the orphan count and the Library's
    counts are those of the passages in the file."""
    session = window.session
    stored = [p for p in load_passages(session.project.path) if p.article_id == 1]
    anchored = {session.mark(p) for p in stored if not p.is_orphan}
    pane = window.area.pane_for(1)
    assert pane is not None and pane.view.index is not None
    assert set(pane.view.index.marks()) == anchored
    assert len(pane.view.index.marks()) == len(anchored)
    assert set(pane.margin.visible_marks()) <= anchored
    assert pane.margin.visible_marks()  # the top of the article holds passages
    panel = window.passages
    orphans = sum(p.is_orphan for p in stored)
    assert panel.tabs.tabText(ORPHANS_TAB) == f"Orphans ({orphans})"
    assert all(panel.model.find(p.id) == p for p in stored)
    on_tab = panel.tabs.currentIndex() == ORPHANS_TAB
    rows = [panel.model.passage(r) for r in range(panel.model.rowCount())]
    assert rows == [p for p in stored if p.is_orphan == on_tab]  # in text order
    library = window.library.model
    description = library.index(0, 0).data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert description == f"{len(stored)} passages" + (f", {orphans} orphaned" if orphans else "")


def test_an_update_is_followed_with_one_read_of_the_articles_passages(
    qtbot: QtBot, window: MainWindow, reads: Reads, tmp_path: Path
) -> None:
    paras = paragraphs()
    paras.insert(0, "A new first paragraph moves every passage.")
    del paras[8]  # paragraph 7: its passage becomes an orphan
    newer = tmp_path / "newer.txt"
    newer.write_text("\n\n".join(paras), encoding="utf-8")
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))

    with qtbot.waitSignal(window.context.messages.posted, timeout=60_000):
        window.importer.reimport(1, newer)
    settle(qtbot, window)

    assert posted[-1][1] == "Update article"
    assert reads.of_article(1, by_update=True) == 1  # what the update replaces, read as it does
    assert reads.of_article(1, by_update=False) == 1  # the pane and the table follow it
    assert reads.of_project() == 0
    check_views(window)
    assert "orphaned" in window.library.model.index(0, 0).data(
        Qt.ItemDataRole.AccessibleDescriptionRole
    )

    reads.made.clear()
    window.session.undo_stack.undo()
    settle(qtbot, window)
    assert reads.of_article(1, by_update=False) == 1
    assert reads.of_project() == 0
    check_views(window)
    assert "orphaned" not in window.library.model.index(0, 0).data(
        Qt.ItemDataRole.AccessibleDescriptionRole
    )
