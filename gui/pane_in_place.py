"""An imported article opened in place of a pane's article, for lack of room for another
pane: undoing the import gives the pane back the article it showed before, where it was
read (its Back history as it was); redoing it shows the imported article there again.

A pane closes when its article is removed, and undoing the removal opens it again
(:mod:`pane_put_back`); but a pane that showed another article before the import would
lose that one with it, which the reader had not closed.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diptych.gui.article_model import article_label

if TYPE_CHECKING:
    from diptych.gui.article_pane import ArticlePane
    from diptych.gui.pane_area import PaneArea


@dataclass
class OpenedInPlace:
    """An article opened in a pane in place of the one it showed.

    Attributes:
        article_id: the article opened.
        gone_back_to: while it is out of the project, the article the pane went back to
            (None while it is in).
        place: where it was read when it went (the offset at the top of the view).
    """

    article_id: int
    gone_back_to: int | None = None
    place: int = 0


def open_imported(area: PaneArea, article_id: int, said: str = "") -> None:
    """Open an imported article: beside the articles being read while there is room (an
    import never takes the place of one of them), else as the Library opens it; one that
    takes the place of a pane's article says so after what the import ``said`` (how many
    articles, read how), and undoing the import gives that article back (see
    :func:`follow_opened_in_place`)."""
    panes = area.panes()
    beside = bool(panes) and all(p.article_id for p in panes) and area.has_room()
    shown = {pane: pane.article_id for pane in panes}
    pane = area.open_article(article_id, new_pane=beside)
    replaced = shown.get(pane) if pane is not None else None
    if pane is None or replaced is None or replaced == article_id:
        return
    pane.in_place = OpenedInPlace(article_id)
    new, old = article_label(area.session, article_id), article_label(area.session, replaced)
    where = f"“{new}” opened in place of “{old}”: no room for another pane (Back returns to it)."
    area.session.messages.info(f"{said} {where}" if said else where)


def follow_opened_in_place(pane: ArticlePane, listed: Collection[int]) -> None:
    """The articles of the project changed (``listed``): if the article ``pane`` opened in
    place of another went (its import undone), go Back to that one, at its reading place,
    rather than close; if it came back (redone) while the pane still shows that one, show
    it again where it was read, Back leading to the other as before."""
    opened = pane.in_place
    if opened is None:
        return
    if opened.gone_back_to is None:
        back = pane.history.back_article
        if pane.article_id != opened.article_id or opened.article_id in listed:
            return
        if back is None or back not in listed:
            return
        opened.gone_back_to, opened.place = back, pane.reading_place()
        pane.history.go_back()
        pane.history.keep_only(listed)  # not Forward to the article gone
        return
    if opened.article_id not in listed:
        return
    if pane.article_id != opened.gone_back_to:  # the reader went elsewhere since
        pane.in_place = None
        return
    place = opened.place
    opened.gone_back_to = None
    pane.show_article(opened.article_id)
    pane.when_loaded(lambda: pane.read_on(place, place))
