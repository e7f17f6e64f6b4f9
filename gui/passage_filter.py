"""The annotations panel's filters over the passage table: tag, article, coder, text,
orphans, and the passages to check since an update found them only approximately.

The text filter looks where the row shows it: in the quote and the note, and in the
names of the passage's tags (their whole paths, "Economy/Trade") and of its article. Each
word typed must be found, in any order and any of those places, as in the Library's
filter: "security korea" finds a passage tagged Security whose quote names Korea.

A filter is a value; :class:`~diptych.gui.passage_model.PassageTableModel` applies it in
one Python pass over its passages and shows only those that match. A filtering proxy
would instead call back into Python once per passage, and then announce every run of
hidden rows on its own: with tens of thousands of passages, a key typed into the filter
field held the window for up to a second.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum

from diptych.gui.text_folding import fold, folded
from diptych.storage.codebook import Codebook
from diptych.storage.model import Annotation

SEPARATOR = "\0"  # between a passage's quote and note, folded (a filter field cannot hold it)


def fold_texts(passage: Annotation) -> str:
    """A passage's quote and note as the text filter compares them, in one string."""
    return f"{fold(passage.exact)}{SEPARATOR}{fold(passage.note)}"


@dataclass(frozen=True, slots=True)
class NameHits:
    """For each word of the text filter, the tags and articles whose names hold it: a
    passage with one of them has that word, whatever its quote and note say.

    Attributes:
        tag_ids: by word, the tags whose path holds it ("trade" is in "Economy/Trade").
        article_ids: by word, the articles whose title holds it.
    """

    tag_ids: Mapping[str, frozenset[int]] = field(default_factory=dict)
    article_ids: Mapping[str, frozenset[int]] = field(default_factory=dict)


class OrphanFilter(IntEnum):
    """Which passages to show by whether their text is still in the article."""

    ALL = 0
    ANCHORED = 1
    ORPHANS = 2


@dataclass(frozen=True, slots=True)
class PassageFilter:
    """Which passages the table shows; every field that is set must match.

    Attributes:
        orphans: anchored passages, orphans, or both.
        tag_id: passages with this tag or one of its sub-tags (None: any).
        article_id: passages of this article (None: any).
        coder: passages coded by this person (None: anyone).
        text: passages where each word of this text is in the quote, the note, a tag's
            path or the article's title, ignoring case, accents and whether quotes are
            straight or curly, as the Library's filter does
            (:func:`~diptych.gui.text_folding.fold`; "": any).
        to_check: only the passages an update found approximately, not looked at since.
    """

    orphans: OrphanFilter = OrphanFilter.ALL
    tag_id: int | None = None
    article_id: int | None = None
    coder: str | None = None
    text: str = ""
    to_check: bool = False

    @property
    def folded_text(self) -> str:
        """The text looked for, as :func:`fold_texts` folds what it is looked for in."""
        return folded(self.text.strip()).replace(SEPARATOR, "")

    @property
    def words(self) -> tuple[str, ...]:
        """The words looked for, folded, each once."""
        return tuple(dict.fromkeys(self.folded_text.split()))

    def name_hits(self, book: Codebook, titles: Mapping[int, str]) -> NameHits:
        """For each word, the tags of ``book`` and the articles (id -> title) whose names
        hold it.

        Folded names are remembered (:func:`~diptych.gui.text_folding.folded`): a project's
        few hundred tags and thousand titles are looked through on each key typed.
        """
        words = self.words
        if not words:
            return NameHits()
        paths = [(t.id, folded(book.path(t.id))) for t in book.ordered()]
        names = [(i, folded(title)) for i, title in titles.items()]
        return NameHits(
            {w: frozenset(i for i, path in paths if w in path) for w in words},
            {w: frozenset(i for i, title in names if w in title) for w in words},
        )

    def matcher(
        self,
        book: Codebook,
        hits: NameHits | None = None,
        folded_texts: dict[int, str] | None = None,
    ) -> Callable[[Annotation], bool]:
        """A test for one passage, with the tag's sub-tags taken from ``book`` and the
        tags and articles whose names hold the text from ``hits`` (see :meth:`name_hits`;
        None: none do).

        The text filter compares each passage's :func:`fold_texts`, kept by passage id in
        ``folded_texts`` once folded (the table's, kept from key to key; a new one if
        None): folding every passage on each key typed took longer than the filtering.
        """
        orphans, article_id, coder, to_check = (
            self.orphans,
            self.article_id,
            self.coder,
            self.to_check,
        )
        words = self.words
        kept = {} if folded_texts is None else folded_texts
        hits = hits or NameHits()
        none: frozenset[int] = frozenset()
        # Each word with the tags and the articles whose names hold it
        looked_for = [(w, hits.tag_ids.get(w, none), hits.article_ids.get(w, none)) for w in words]
        wanted: frozenset[int] | None = None
        if self.tag_id is not None:
            below = {t.id for t in book.descendants(self.tag_id)} if self.tag_id in book else ()
            wanted = frozenset({self.tag_id, *below})

        def matches(passage: Annotation) -> bool:
            if orphans is not OrphanFilter.ALL and passage.is_orphan != (
                orphans is OrphanFilter.ORPHANS
            ):
                return False
            if article_id is not None and passage.article_id != article_id:
                return False
            if coder is not None and passage.coder != coder:
                return False
            if to_check and passage.check is None:
                return False
            if wanted is not None and wanted.isdisjoint(passage.tag_ids):
                return False
            texts = None
            for word, named_tags, named_articles in looked_for:
                if passage.article_id in named_articles:
                    continue
                if named_tags and not named_tags.isdisjoint(passage.tag_ids):
                    continue
                if texts is None:
                    texts = kept.get(passage.id)
                    if texts is None:
                        texts = kept[passage.id] = fold_texts(passage)
                if word not in texts:
                    return False
            return True

        return matches

    @property
    def uses_tags(self) -> bool:
        """True if what matches depends on the codebook (a tag's sub-tags)."""
        return self.tag_id is not None
