"""The scope of an export and the data its writer reads.

:class:`ExportOptions` says which articles and tags an export holds and how it is
grouped; :class:`ExportData` is everything a writer needs, with its passages
(:class:`ExportPassage`) grouped by tag or by article. Writers only read it; they never
touch the project again. It is read from the project by
:func:`diptych.storage.exporting_snapshot.collect`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import tzinfo

from diptych.storage.codebook import Codebook
from diptych.storage.errors import InputError
from diptych.storage.model import (
    Annotation,
    Article,
    Coder,
    Memo,
    MemoKind,
    ProjectInfo,
    Tag,
)
from diptych.storage.namesakes import told_apart
from diptych.storage.wording import time_in_words

GROUP_BY = ("tag", "article")


@dataclass(frozen=True)
class ExportOptions:
    """What to export and how to arrange it.

    Attributes:
        article_ids: only these articles; None exports every article.
        tag_ids: only passages carrying these tags (and their sub-tags, see
            ``include_subtags``); None exports every passage, untagged ones included.
        group_by: ``"tag"`` (passages under each of their tags) or ``"article"``.
        timestamp: the export time to print (ISO 8601); None uses the project's clock.
        zone: the time zone the Markdown notes and the HTML report say the export time in;
            None: the computer's. The formats that hold a machine-readable time (the HTML
            report's ``<time datetime>``, W3C JSON, REFI-QDA) keep it in UTC.
        include_subtags: whether each tag in ``tag_ids`` brings all its sub-tags (the
            command line's ``--tag``); False exports exactly the tags named (the window's
            Export, where each sub-tag has its own check box).
        include_untagged: whether passages without a tag are exported too; None: only when
            every tag is (``tag_ids`` None). See :attr:`untagged`.
        block_ids: whether the Markdown export marks each quote with an Obsidian block id
            (``^<passage uuid>``), for links into the file; other readers show it as text.
        coder: who is exporting (the window's coder name, ``diptych export --coder``), ""
            if unknown: a REFI-QDA project names them as the user who made it when they
            coded in the project.
    """

    article_ids: tuple[int, ...] | None = None
    tag_ids: tuple[int, ...] | None = None
    group_by: str = "tag"
    timestamp: str | None = None
    zone: tzinfo | None = None
    include_subtags: bool = True
    include_untagged: bool | None = None
    block_ids: bool = False
    coder: str = ""

    @property
    def untagged(self) -> bool:
        """Whether passages without a tag are exported."""
        return self.tag_ids is None if self.include_untagged is None else self.include_untagged

    @property
    def untagged_as_usual(self) -> bool:
        """True if untagged passages are in or out as the tags chosen imply (all, or not)."""
        return self.untagged == (self.tag_ids is None)

    def __post_init__(self) -> None:
        if self.group_by not in GROUP_BY:
            raise InputError(f"exports can be grouped by tag or by article, not {self.group_by!r}")
        for name in ("article_ids", "tag_ids"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))


DEFAULT_OPTIONS = ExportOptions()


@dataclass(frozen=True, slots=True)
class ExportPassage:
    """One passage as the writers see it.

    Attributes:
        annotation: the stored passage (offsets, quote and context, note, coder, times,
            status). Its ``tag_ids`` are all its tags; use :attr:`tag_ids` instead.
        article: the article it belongs to (with its display text).
        section: the heading the passage sits under, "" if none, if it only repeats the
            article's title, or if the passage is an orphan (whose offsets no longer
            point into the text).
        tag_ids: its tags that are in the export's scope, in codebook order.
    """

    annotation: Annotation
    article: Article
    section: str
    tag_ids: tuple[int, ...]

    @property
    def uuid(self) -> str:
        """The passage's uuid: its stable identity in every export."""
        return self.annotation.uuid


@dataclass(frozen=True, slots=True)
class TagGroup:
    """A tag with the passages filed under it (see :meth:`ExportData.tag_groups`).

    Attributes:
        tag: the tag; None for the group of untagged passages.
        depth: 0 for a top-level tag, 1 for its sub-tags, and so on.
        passages: the passages carrying this very tag, in export order; empty for a tag
            shown only because one of its sub-tags is exported.
    """

    tag: Tag | None
    depth: int
    passages: tuple[ExportPassage, ...]


@dataclass(frozen=True)
class ExportData:
    """Everything one export needs, read consistently by
    :func:`~diptych.storage.exporting_snapshot.collect`.

    Writers only read it, but for :attr:`notes`. Sizes: one entry per exported passage,
    article and tag; article texts are shared with the passages, not copied.

    Attributes:
        project: the project's uuid, name and creation time.
        timestamp: when the export was made (ISO 8601 UTC, e.g. ``2025-01-15T10:00:00Z``).
        options: the options the export was made with.
        articles: the articles chosen (every article when none was chosen apart), in
            library order, with their display text: a REFI-QDA project holds each as a
            source. The report formats speak of :meth:`articles_in_export` instead.
        codebook: the whole codebook (every tag, for paths and ancestors).
        tags: the tags in scope, in codebook (depth-first) order; every tag when the
            options name none, else the named tags (and all their sub-tags if the options
            include them).
        passages: the exported passages, ordered by article (library order), then start,
            end and id, each article's orphans after its other passages. With a tag
            scope, only passages carrying a tag in scope.
        memos: the project memo, the memos of the chosen articles and of tags in scope.
        coders: everyone who coded a passage of the project (uuid and name), by name.
        notes: what the writer found the user should know about the file it wrote (a
            text cut short to fit a spreadsheet cell), one sentence each; writers add to it.
    """

    project: ProjectInfo
    timestamp: str
    options: ExportOptions
    articles: tuple[Article, ...]
    codebook: Codebook
    tags: tuple[Tag, ...]
    passages: tuple[ExportPassage, ...]
    memos: tuple[Memo, ...] = ()
    coders: tuple[Coder, ...] = ()
    notes: list[str] = field(default_factory=list, repr=False, compare=False)
    _coders_by_name: dict[str, Coder] = field(init=False, repr=False, compare=False)
    _memos_by_target: dict[tuple[MemoKind, int | None], Memo] = field(
        init=False, repr=False, compare=False
    )
    _paths: dict[int, str] = field(init=False, repr=False, compare=False)
    _titles: dict[int, str] = field(init=False, repr=False, compare=False)
    _sole_coder: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_coders_by_name", {c.name: c for c in self.coders})
        memos = {(m.kind, m.target_id): m for m in self.memos if m.text.strip()}
        object.__setattr__(self, "_memos_by_target", memos)
        paths = {t.id: self.codebook.path(t.id) for t in self.codebook.ordered()}
        object.__setattr__(self, "_paths", paths)
        object.__setattr__(self, "_titles", told_apart(self.articles, self.options.zone))
        named = {p.annotation.coder for p in self.passages if p.annotation.coder}
        object.__setattr__(self, "_sole_coder", next(iter(named)) if len(named) == 1 else "")

    def every_tag_chosen(self) -> bool:
        """True if the export holds every tag's passages: no tag was chosen apart (or
        each was, as the export dialog chooses them when only untagged passages are
        left out)."""
        return self.options.tag_ids is None or len(self.tags) == len(self._paths)

    def articles_in_export(self) -> tuple[Article, ...]:
        """The articles the export is about, in library order: every article chosen when
        the passages are not narrowed by tag (an article not tagged yet, and its memo, is
        still part of the whole project or of the articles chosen); only those with at
        least one exported passage when they are (a report of the tag Trade says nothing
        of an article without a Trade passage, nor carries its memo)."""
        if self.every_tag_chosen():
            return self.articles
        with_passages = {p.article.id for p in self.passages}
        return tuple(a for a in self.articles if a.id in with_passages)

    def sole_coder(self) -> str:
        """The one coder of every exported passage that names one, or "" when several
        coded them (or none is named): a brief coded by one analyst says so once, at its
        top, rather than after every quote."""
        return self._sole_coder

    def time_in_words(self) -> str:
        """When the export was made, for a reader, in the options' zone (the computer's
        if none): "6 December 2026, 21:32"."""
        return time_in_words(self.timestamp, self.options.zone)

    def tag_path(self, tag_id: int) -> str:
        """The tag's path from the top of the codebook, e.g. ``Economy/Trade``."""
        return self._paths[tag_id]

    def title(self, article: Article) -> str:
        """The article's title for a reader: followed by its file's name when another
        exported article has the same title (two outlets' copies of one wire story), so
        that the report's headings and citations tell them apart."""
        return self._titles.get(article.id, article.title)

    def coder(self, name: str) -> Coder | None:
        """The coder called ``name`` (a passage's ``coder``), if known."""
        return self._coders_by_name.get(name)

    def memo(self, kind: MemoKind, target_id: int | None = None) -> Memo | None:
        """The memo on the project, a chosen article or a tag in scope, unless blank."""
        return self._memos_by_target.get((kind, target_id))

    def tag_groups(self) -> list[TagGroup]:
        """Passages filed under their tags, in codebook order, for grouping by tag.

        A passage with several tags appears under each. A tag is listed if it, or one of
        its sub-tags, has passages; an ancestor of a tag in scope is listed (with no
        passages) to keep the tree. Untagged passages come last, under ``tag=None``.
        """
        by_tag: dict[int, list[ExportPassage]] = {}
        untagged = []
        for passage in self.passages:
            for tag_id in passage.tag_ids:
                by_tag.setdefault(tag_id, []).append(passage)
            if not passage.tag_ids:
                untagged.append(passage)
        shown = set()
        for tag_id in by_tag:
            shown.add(tag_id)
            shown.update(t.id for t in self.codebook.ancestors(tag_id))
        groups = [
            TagGroup(tag, depth, tuple(by_tag.get(tag.id, ())))
            for tag, depth in self.codebook.walk()
            if tag.id in shown
        ]
        if untagged:
            groups.append(TagGroup(None, 0, tuple(untagged)))
        return groups

    def article_groups(self) -> list[tuple[Article, tuple[ExportPassage, ...]]]:
        """Exported articles that have passages, each with its passages in text order."""
        by_article: dict[int, list[ExportPassage]] = {}
        for passage in self.passages:
            by_article.setdefault(passage.article.id, []).append(passage)
        return [(a, tuple(by_article[a.id])) for a in self.articles if a.id in by_article]

    def other_memos(
        self, *, shown_articles: Iterable[int] = (), shown_tags: Iterable[int] = ()
    ) -> tuple[list[tuple[Article, Memo]], list[tuple[Tag, Memo]]]:
        """The article and tag memos a grouping has no heading for, so that a report
        still holds every memo in the export: grouped by tag, the articles' memos (and the
        memos of tags without passages); grouped by article, the tags' memos (and the
        memos of articles without passages). A tag's description is written with its memo.

        Returns:
            the memos of the :meth:`articles_in_export` not in ``shown_articles`` (library
            order), and of tags in scope not in ``shown_tags`` (codebook order).
        """
        placed_articles, placed_tags = set(shown_articles), set(shown_tags)
        articles = [
            (a, memo)
            for a in self.articles_in_export()
            if a.id not in placed_articles and (memo := self.memo(MemoKind.ARTICLE, a.id))
        ]
        tags = [
            (t, memo)
            for t in self.tags
            if t.id not in placed_tags and (memo := self.memo(MemoKind.TAG, t.id))
        ]
        return articles, tags
