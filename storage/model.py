"""The records storage hands out: small frozen dataclasses, never raw rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from diptych.storage.document import ArticleText


@dataclass(frozen=True, slots=True)
class ProjectInfo:
    """The project as a whole."""

    uuid: str
    name: str
    created_at: str


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """An article as listed in the library (without its text)."""

    id: int
    uuid: str
    title: str
    source_name: str
    format: str
    encoding: str
    imported_at: str
    updated_at: str
    characters: int
    annotation_count: int
    orphan_count: int = 0


@dataclass(frozen=True, slots=True)
class Article:
    """An article with its original and display text."""

    id: int
    uuid: str
    title: str
    source_name: str
    format: str
    encoding: str
    imported_at: str
    updated_at: str
    original_text: str
    content: ArticleText
    source_url: str = ""
    """The address the article was saved from (http or https), or "" if not known."""

    @property
    def text(self) -> str:
        """The display text: what the reader sees and annotations anchor to."""
        return self.content.text


@dataclass(frozen=True, slots=True)
class Tag:
    """A code of the codebook."""

    id: int
    uuid: str
    name: str
    color: str
    parent_id: int | None
    description: str = ""
    sort_order: int = 0
    created_at: str = ""


class AnnotationStatus(StrEnum):
    """Whether a passage is still found in its article's text."""

    ANCHORED = "anchored"
    ORPHAN = "orphan"


class CheckReason(StrEnum):
    """Why an update of its article left a passage worth a look."""

    APPROXIMATE = "approximate"  # its words changed: found approximately


@dataclass(frozen=True, slots=True)
class PassageCheck:
    """A passage that an update of its article found only approximately, worth a look
    until the analyst has looked at it (fitted it, re-attached it or marked it checked).

    Attributes:
        reason: why (:class:`CheckReason`'s value; another Diptych may know more).
        since: when the update was made (ISO 8601 UTC).
        quoted: what the passage quoted before that update.
    """

    reason: str
    since: str
    quoted: str = ""


@dataclass(frozen=True, slots=True)
class Annotation:
    """A passage of an article with its tags and note, and the mark of an update that
    found it only approximately (``check``), until the analyst has looked."""

    id: int
    uuid: str
    article_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    note: str
    coder: str
    created_at: str
    updated_at: str
    status: AnnotationStatus = AnnotationStatus.ANCHORED
    tag_ids: tuple[int, ...] = field(default_factory=tuple)
    check: PassageCheck | None = None

    @property
    def is_orphan(self) -> bool:
        """True if the passage was not placed in its article's current text: its words are
        gone, or it could not be told which of the words there are its own."""
        return self.status is AnnotationStatus.ORPHAN


def orphan_said(words_in_text: bool) -> str:
    """What an orphan is, said to the analyst (a clause, without a capital or a full stop):
    its words gone from the article's current text, or still in it (``words_in_text``),
    where an update could not place it with certainty (a short quote that occurs again
    elsewhere, its own paragraph rewritten)."""
    if words_in_text:
        return (
            "not placed with certainty in the article's current text, which still has its"
            " words (perhaps elsewhere)"
        )
    return "no longer found in the article's current text"


class MemoKind(StrEnum):
    """What a memo is about."""

    PROJECT = "project"
    ARTICLE = "article"
    TAG = "tag"


@dataclass(frozen=True, slots=True)
class Memo:
    """A free note on the project, an article or a tag (Markdown)."""

    id: int
    uuid: str
    kind: MemoKind
    target_id: int | None
    text: str
    created_at: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class Coder:
    """Someone who coded passages; exported as a REFI-QDA user."""

    id: int
    uuid: str
    name: str


@dataclass(frozen=True, slots=True)
class TagRemoval:
    """Everything deleting or merging a tag changed, so that it can be undone."""

    tag: Tag
    links: tuple[tuple[int, int], ...]  # (annotation_id, tag_id) pairs removed
    moved_children: tuple[Tag, ...]  # children as they were before being moved
    memos: tuple[Memo, ...] = ()
    merged_into: int | None = None
    added_links: tuple[tuple[int, int], ...] = ()  # links created on the merge target
    # Sub-tags merged into the target's sub-tags of the same name, removed in turn (undo).
    folded: tuple[TagRemoval, ...] = ()
    # The merge target's memo before the merged tag's memo was added to it (undo); None
    # when the merge left the target's memo alone.
    target_memos: tuple[Memo, ...] | None = None
    # The target's memo as the merge left it: undo puts back ``target_memos`` only over it.
    target_memo_text: str = ""
    # The memo the merge made for a target that had none (only a description merged into
    # it): redo makes it again as it was, the same memo (see :func:`remade_memos`).
    made_memo: Memo | None = None
    key: int | None = None  # the key (1-9) the tag had: undo gives it back if still free
    key_to_target: bool = False  # a merge gave that key to the target (which had none)
    # The deleted tag's siblings as they were, renumbered to make room for its sub-tags in
    # its place: undo puts back their order.
    shifted_siblings: tuple[Tag, ...] = ()


@dataclass(frozen=True, slots=True)
class ReanchorReport:
    """What happened to an article's passages when its text was replaced."""

    article_id: int
    kept: int
    moved: int
    fuzzy: int
    orphaned: int
    still_orphaned: int = 0  # of ``orphaned``, those that were orphans before the update
    found_again: int = 0  # orphans before the update now found (in kept, moved or fuzzy)
    approximate: tuple[str, ...] = ()  # the quotes, as found, of those found approximately
    previous: tuple[Annotation, ...] = ()  # the passages as they were, for undo
    previous_article: Article | None = None  # the article as it was, for undo
    title: str = ""  # the article's title after the update
    source_url: str = ""  # the article's source address after the update
    # Where the update left each passage of ``previous`` (start, end, quote; None:
    # orphaned): undo leaves a passage re-attached since, in another window, where that put it.
    placed: tuple[tuple[int, int, str] | None, ...] = ()

    @property
    def title_change(self) -> tuple[str, str] | None:
        """The article's title before and after the update, if the update changed it."""
        before = self.previous_article.title if self.previous_article is not None else ""
        if not before or not self.title or before == self.title:
            return None
        return before, self.title

    @property
    def lost(self) -> int:
        """Passages this update orphaned (not counting those that were orphans already)."""
        return self.orphaned - self.still_orphaned
