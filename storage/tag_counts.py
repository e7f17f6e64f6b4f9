"""How many passages each tag's row in the codebook counts: its own, and with its sub-tags'.

One query: a recursive walk down the codebook from every tag, joined with the tags on
passages, counts each passage once per tag above it. The Passages panel filtered by a tag
lists the same passages (its Passages tab the anchored ones, its Orphans tab the orphans).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from diptych.storage.codebook import Codebook
from diptych.storage.connection import Database

# One statement, so that every figure is read from the same state of the file.
# ``below``: each tag (``ancestor``) with every tag below it, itself included: down the
# codebook from each tag, except into a tag the codebook shows at the top level to break a
# circle of parents (a file edited by hand), which UNION alone would walk round.
# ``orphans``: the orphans are few, so they are counted apart, found first through their
# own index, rather than by looking up the status of every passage on a tag.
_COUNTS = """
    WITH RECURSIVE below(ancestor, tag_id) AS (
        SELECT id, id FROM tags
        UNION
        SELECT below.ancestor, tags.id FROM tags JOIN below ON tags.parent_id = below.tag_id
        WHERE tags.id NOT IN (SELECT value FROM json_each(?))
    ),
    orphans(ancestor, count) AS MATERIALIZED (
        SELECT below.ancestor, count(DISTINCT orphan.id)
        FROM annotations AS orphan
        CROSS JOIN annotation_tags AS link ON link.annotation_id = orphan.id
        CROSS JOIN below ON below.tag_id = link.tag_id
        WHERE orphan.status = 'orphan'
        GROUP BY below.ancestor
    )
    SELECT below.ancestor,
        sum(below.ancestor = below.tag_id),
        count(DISTINCT link.annotation_id),
        ifnull((SELECT count FROM orphans WHERE orphans.ancestor = below.ancestor), 0)
    FROM below JOIN annotation_tags AS link ON link.tag_id = below.tag_id
    GROUP BY below.ancestor
"""


@dataclass(frozen=True, slots=True)
class TagCount:
    """The passages a tag's row counts.

    Attributes:
        own: passages carrying the tag itself.
        passages: passages carrying the tag or one of its sub-tags, a passage carrying
            several counted once.
        orphans: how many of ``passages`` are orphans (their text is no longer in their
            updated article).
    """

    own: int
    passages: int
    orphans: int = 0


def count_tag_passages(db: Database, *, codebook: Codebook) -> dict[int, TagCount]:
    """Each tag's :class:`TagCount`, nested as ``codebook`` (the project's tags) nests
    them; tags on no passage, themselves or through a sub-tag, are absent."""
    rows = db.execute(_COUNTS, [json.dumps(sorted(codebook.circle_breaks))]).fetchall()
    return {int(tag): TagCount(int(own), int(n), int(orphans)) for tag, own, n, orphans in rows}
