"""A colleague's copy of an article whose text changed since it was shared: the article an
exchange file's source is (its GUID names it) with another text than the project's, a
sentence added or a typo fixed on one side. Its codings are brought onto the project's text
as an update of the text finds passages again (:mod:`~diptych.storage.anchoring`): each by
its words in their context, and where those words are gone, as an orphan keeping its quote,
to re-attach. The article is not added a second time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from diptych.storage.anchoring import reanchor_all
from diptych.storage.anchors import make_anchor
from diptych.storage.annotations import NewAnnotation


def onto_project_text(
    items: Sequence[NewAnnotation], theirs: str, ours: str
) -> list[NewAnnotation]:
    """``items``, placed in the text ``theirs``, moved onto the article's text ``ours``:
    each where its words are found again, or, where they are gone, as an orphan with the
    quote and context it had (:attr:`NewAnnotation.lost`)."""
    anchors = [make_anchor(theirs, item.start, item.end) for item in items]
    found = reanchor_all(anchors, ours, old_text=theirs)
    moved = []
    for item, anchor, result in zip(items, anchors, found, strict=True):
        if result.anchor is None:
            moved.append(replace(item, lost=anchor))
        else:
            moved.append(replace(item, start=result.anchor.start, end=result.anchor.end))
    return moved
