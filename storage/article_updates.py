"""Finding an article's passages in a newer text (*Update from newer file*): the plan,
made without writing (in a worker too), and the writing of where each passage went."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diptych.storage.anchoring import Reanchored, reanchor_all
from diptych.storage.anchors import Anchor
from diptych.storage.model import Annotation

if TYPE_CHECKING:
    from diptych.storage.project import Project

# What re-anchoring reads of a passage: its id and anchor.
PassageKey = tuple[int, int, int, str, str, str]


def passage_key(passage: Annotation) -> PassageKey:
    """A passage's id and anchor, as a plan records them."""
    p = passage
    return (p.id, p.start, p.end, p.exact, p.prefix, p.suffix)


def anchor_of(passage: Annotation) -> Anchor:
    """Where a passage is anchored now."""
    return Anchor(passage.start, passage.end, passage.exact, passage.prefix, passage.suffix)


@dataclass(frozen=True, slots=True)
class ReplacementPlan:
    """Where an article's passages are in a newer text, found before the text is replaced.

    Made by :meth:`ArticleStore.plan_replacement` without writing anything (on any
    connection, in a worker thread too); :meth:`ArticleStore.replace_text` writes it only if
    the article still has the text and the passages it was made for.
    """

    article_id: int
    old_text: str  # the display text the passages were looked for from
    new_text: str  # the display text they were looked for in
    passages: tuple[PassageKey, ...]  # each passage's id and anchor, in the order read
    results: tuple[Reanchored, ...]  # one for each passage
    orphans: frozenset[int] = frozenset()  # the ids of those that were orphans already

    @property
    def loses_every_passage(self) -> bool:
        """True if the article has passages that are not orphans, and the newer text holds
        none of them: the update would orphan every one."""
        kept = [r for key, r in zip(self.passages, self.results, strict=True)
                if key[0] not in self.orphans]  # fmt: skip
        return bool(kept) and all(result.anchor is None for result in kept)

    def holds(
        self, *, article_id: int, old_text: str, new_text: str, passages: Sequence[Annotation]
    ) -> bool:
        """True if the plan was made for this article, texts and passages."""
        return (
            self.article_id == article_id
            and len(self.passages) == len(passages)
            and self.new_text == new_text
            and self.old_text == old_text
            and all(key == passage_key(p) for key, p in zip(self.passages, passages, strict=True))
        )


def make_plan(
    article_id: int,
    old_text: str,
    new_text: str,
    passages: Sequence[Annotation],
    keep_going: Callable[[], bool] | None = None,
) -> ReplacementPlan:
    """Find ``passages`` (anchored in ``old_text``) in ``new_text``; ``keep_going`` is
    asked between passages (False: :class:`~diptych.storage.errors.Cancelled`)."""
    anchors = [anchor_of(p) for p in passages]
    results = reanchor_all(anchors, new_text, old_text=old_text, keep_going=keep_going)
    return ReplacementPlan(
        article_id=article_id,
        old_text=old_text,
        new_text=new_text,
        passages=tuple(passage_key(p) for p in passages),
        results=tuple(results),
        orphans=frozenset(p.id for p in passages if p.is_orphan),
    )


def apply_anchors(
    project: Project, passages: Sequence[Annotation], results: Sequence[Reanchored]
) -> None:
    """Record where each passage was found again, writing only what changed (inside the
    caller's transaction).

    A passage whose quote is the same is moved in one statement for all of them, which
    leaves the search index of quotes and notes alone (rewriting each quote there took
    most of an update's time on an article with thousands of passages).
    """
    moved = []
    for passage, result in zip(passages, results, strict=True):
        anchor = result.anchor
        if anchor is None:
            if not passage.is_orphan:
                project.annotations.apply_anchor(annotation_id=passage.id, anchor=None)
        elif anchor.exact != passage.exact:
            project.annotations.apply_anchor(annotation_id=passage.id, anchor=anchor)
        elif passage.is_orphan or anchor_of(passage) != anchor:
            moved.append((anchor.start, anchor.end, anchor.prefix, anchor.suffix, passage.id))
    project.db.conn.executemany(
        "UPDATE annotations SET start_pos = ?, end_pos = ?, prefix = ?, suffix = ?,"
        " status = 'anchored' WHERE id = ?",
        moved,
    )


def find_again(
    project: Project, passages: Sequence[Annotation], text: str, *, old_text: str
) -> None:
    """Anchor ``passages``, anchored in ``old_text``, where they are found in ``text``
    (inside the caller's transaction): passages added to a newer text, when an update is
    undone."""
    results = reanchor_all([anchor_of(p) for p in passages], text, old_text=old_text)
    for passage, result in zip(passages, results, strict=True):
        project.annotations.apply_anchor(annotation_id=passage.id, anchor=result.anchor)
