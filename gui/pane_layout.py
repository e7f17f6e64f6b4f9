"""The reading area's layout, saved with the project and restored when it opens again:
which article each pane shows, its zoom and reading place, the panes' sizes, and where the
reader left each article read in a pane since closed (:mod:`~diptych.gui.reading_places`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer

from diptych.gui.pane_zoom import saved_zoom

if TYPE_CHECKING:
    from diptych.gui.article_pane import ArticlePane
    from diptych.gui.pane_area import PaneArea


def pane_layout(area: PaneArea) -> dict[str, Any]:
    """What to restore next time: articles, zoom and reading place of each pane, sizes,
    and the places the articles of panes closed were left at."""
    panes = [
        {
            "article": p.article_id,
            "zoom_percent": p.zoom,
            "offset": p.reading_place(),
        }
        for p in area.panes()
    ]
    current = area.panes().index(area.current) if area.current in area.panes() else 0
    reading = {  # a pane still reading its article has no place in it yet
        p.article_id: p.reading_place()
        for p in area.panes()
        if p.article_id is not None and p.loader.current is not None
    }
    places = area.places.saved(reading)  # of the articles read in panes closed since, too
    return {"panes": panes, "sizes": area.splitter.sizes(), "current": current, "places": places}


def restore_pane_layout(area: PaneArea, state: dict[str, Any], known_articles: set[int]) -> None:
    """Reopen the panes saved by :func:`pane_layout`, empty ones too, with their sizes.

    A pane whose article no longer exists is left out, with its size; the current pane
    is the one that was current (or, if it was left out, its neighbour on the left), and
    has the keyboard.
    """
    area.close_all()
    area.places.load(state.get("places"), known_articles)
    entries = list(state.get("panes", []))
    saved_sizes = state.get("sizes") or []
    current = int(state.get("current", 0))
    sizes: list[int] = []
    chosen = 0
    for number, entry in enumerate(entries):
        article = entry.get("article")
        if article is not None and article not in known_articles:
            continue
        pane = area.add_pane(article, resume=False)  # to the place it keeps itself
        if pane is None:  # no room for more: those left keep their reading places
            for left in entries[number:]:
                _keep_place(area, left, known_articles)
            break
        restore_pane(pane, entry)
        if len(saved_sizes) == len(entries):
            sizes.append(int(saved_sizes[number]))
        if number <= current:
            chosen = len(area.panes()) - 1
    if sizes and len(sizes) == area.splitter.count():
        area.splitter.setSizes(sizes)
    panes = area.panes()
    if panes:  # the keys go on in it (F8, 1-9), not in the first field of the window
        area.set_current(panes[chosen])
        panes[chosen].view.setFocus(Qt.FocusReason.OtherFocusReason)


def _keep_place(area: PaneArea, entry: dict[str, Any], known_articles: set[int]) -> None:
    """Note where the article of a pane not opened again was read: opened later, it goes
    back there, also after Diptych is closed again (a layout saves its open panes)."""
    article, offset = entry.get("article"), int(entry.get("offset", 0))
    if isinstance(article, int) and article in known_articles and offset > 0:
        area.places.note(article, offset)


def restore_pane(pane: ArticlePane, entry: dict[str, Any]) -> None:
    """A restored pane's zoom and reading place (also of one put back by undo)."""
    pane.set_zoom(saved_zoom(entry))
    offset = int(entry.get("offset", 0))
    if offset > 0:  # once the window is shown and the text laid out at its width
        pane.place_to_resume = offset

        def resume() -> None:
            pane.place_to_resume = 0
            pane.read_on(offset, offset)

        QTimer.singleShot(0, pane, lambda: pane.when_loaded(resume))
