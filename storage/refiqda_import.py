"""Import a REFI-QDA project (``.qdpx``) or codebook (``.qdc``) into a project.

What comes in, and as what:

- ``Code`` -> tag (name, colour, nesting, description). Its notes become the tag memo:
  those it refers to with a ``NoteRef`` (other programs, and Diptych before it wrote
  links), and those tied to it by a ``Link`` either way round (how Diptych writes a tag
  memo, :data:`~diptych.storage.refiqda_export.TAG_MEMO_LINK`). A code whose name a tag
  already has at the same level reuses that tag; a second code of the same name at the
  same level of the file gets a numbered name, "Method (2)".
- ``TextSource`` -> article. Its text (``sources/...`` through ``plainTextPath``, or the
  inline ``PlainTextContent``) becomes the display text verbatim (the "plain" format,
  newlines normalised); its description and notes become the article memo, and the
  value Diptych gives its "Source address" variable the article's address.
- ``PlainTextSelection`` -> passage over ``[startPosition, endPosition)`` in code points
  (or in UTF-16 units, or with a CRLF as two, where the selections' names, or the words
  they begin and end on, show that the file counts so:
  :mod:`diptych.storage.refiqda_positions`), a tag per ``Coding``, the
  creating user as coder, and its description and notes (also those tied to it by an
  NVivo ``Link``) as the passage note. Selections of the same words by the same coder
  (MAXQDA and QualCoder write one per code) make one passage with all their tags; in a
  file Diptych wrote, each selection is a passage of its own (two passages can share
  their words, each with its note).
- a ``Note`` holding a ``PlainTextSelection``, referred to by a ``TextSource`` (how
  QualCoder writes an annotation) -> a passage of that source with the note as its note.
- the project's ``Description`` and notes, and notes attached to nothing -> project memo.

A ``TextSource`` whose text an article of the project already has (the article the
source's GUID names, as Diptych records it on export and import, else any article with
the same text) is not added again: the same file imported twice, a project exported and
imported back, or a colleague's copy of the same sources. Its selections are merged into
that article: a coding the article already holds (the same words, the same tag) is left
as it is; another tag on the same words is added to the passage (or, by another coder,
makes a passage of its own); other words make a new passage; a note not yet there is
added to the passage's note. Memos already holding a note's text are left as they are.
A selection whose GUID is a passage of that article (as Diptych writes a passage) is that
passage, wherever its words are now and whoever signs it: the tags and note it lacks are
added to it, and it is never merged into another passage on the same words nor added
again; only selections of other GUIDs (a colleague's, or a passage removed since) are
matched by their words and coder.
A source whose GUID names an article of the project with another text (a colleague's copy
of an article edited since, on either side) is that article too: its codings are merged
the same way once found in the article's text (:mod:`~diptych.storage.refiqda_versions`).

PDF, picture, audio and video sources with their selections, sets, cases, variables,
graphs, elements and attributes outside the schema, and selections whose positions fall
outside their text are skipped and counted in the summary. Files named in the document
are only ever read from inside the archive, never from the disk. Nothing is saved unless
the whole file imports: everything is written in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from diptych.storage.annotations import NewAnnotation
from diptych.storage.errors import Cancelled, ExchangeFileError, InputError, readable_text
from diptych.storage.model import Annotation, MemoKind
from diptych.storage.refiqda_common import stable_guid, xml_text
from diptych.storage.refiqda_positions import Counting, written_by_diptych
from diptych.storage.refiqda_read import read_exchange_file
from diptych.storage.refiqda_records import ExchangeDocument, ExchangeSelection, ExchangeSource
from diptych.storage.refiqda_summary import ExchangeImportSummary
from diptych.storage.refiqda_texts import shown_name
from diptych.storage.refiqda_versions import onto_project_text
from diptych.storage.refiqda_write import ProjectWriter, merged_by_place
from diptych.storage.safezip import DEFAULT_LIMITS, ZipLimits

if TYPE_CHECKING:
    from diptych.storage.project import Project


def import_exchange_file(
    project: Project,
    *,
    path: str | Path,
    limits: ZipLimits = DEFAULT_LIMITS,
    keep_going: Callable[[], bool] = lambda: True,
) -> ExchangeImportSummary:
    """Import a REFI-QDA ``.qdpx`` project or ``.qdc`` codebook into ``project``.

    A zip (or any ``.qdpx``) is read as a project archive; anything else as a bare
    XML document, whose root says whether it is a codebook or a project. ``keep_going``
    is asked once everything is written, before it is committed.

    Raises:
        Cancelled: ``keep_going`` returned False; nothing was imported.
        ExchangeFileError: the file is not a REFI-QDA file, is damaged or unsafe; nothing
            was imported.
        ProjectFileError: the project could not be written; nothing was imported.
    """
    path = Path(path)
    document = read_exchange_file(path, limits)
    summary = ExchangeImportSummary(
        path=readable_text(str(path)), kind=document.kind, origin=document.origin
    )
    summary.skipped = dict(document.skipped)  # the writer adds what it skips
    summary.skipped_sources = list(document.skipped_sources)
    try:
        with project.transaction():
            _MergingWriter(project, document, summary).write()
            if not keep_going():
                raise Cancelled
    except InputError as exc:
        project.forget_cached()
        raise ExchangeFileError(f"could not be imported: {exc.message}", path=path) from exc
    except BaseException:
        project.forget_cached()  # texts cached inside the rolled-back transaction
        raise
    summary.skipped = dict(sorted(summary.skipped.items()))
    return summary


class _MergingWriter(ProjectWriter):
    """Writes a document as :class:`ProjectWriter` does, except that a source whose text
    an article of the project already has is not added again: its codings, notes and memo
    are merged into that article (see the module's docstring)."""

    def __init__(
        self, project: Project, document: ExchangeDocument, summary: ExchangeImportSummary
    ) -> None:
        super().__init__(project, document, summary)
        self.known: list[tuple[ExchangeSource, int]] = []  # source, the article it is
        self.versions: list[tuple[ExchangeSource, int]] = []  # ... with another text
        self.named: dict[str, Annotation] = {}  # the passages of those articles, by uuid
        self.claimed: set[str] = set()  # those a selection of the file is

    def _articles(self) -> list[tuple[ExchangeSource, int]]:
        fresh = []
        finder = _ArticleFinder(self.project)
        for source in self.doc.sources:
            shown = shown_name(source.name)
            named = f"“{shown}”" if shown else "one without a name"
            if (article_id := finder.article_of(source)) is not None:
                self.known.append((source, article_id))
                self.summary.known_sources.append(named)
            elif (article_id := finder.other_version_of(source)) is not None:
                self.versions.append((source, article_id))
                self.summary.changed_sources.append(named)
            else:
                fresh.append(source)
        self.doc = replace(self.doc, sources=fresh)
        added = super()._articles()
        for source, article_id in self.known + self.versions:
            # A Diptych export writes an orphaned passage as a note on its article: the
            # passage is still in the article, so the note is no memo to add.
            orphans = finder.passage_notes(article_id)
            refs = [ref for ref in source.note_refs if not self._annotation(ref)]
            memos = self.memos
            memos.note_texts([ref for ref in refs if ref in orphans])  # known, so not "skipped"
            parts = [source.description, *memos.note_texts([r for r in refs if r not in orphans])]
            memos.add(MemoKind.ARTICLE, article_id, parts)
        return added

    def _passages(self, articles: list[tuple[ExchangeSource, int]]) -> None:
        for article_id in {article_id for _, article_id in self.known + self.versions}:
            for passage in self.project.annotations.query(article_id=article_id):
                self.named[passage.uuid] = passage
        super()._passages(articles)
        items = self._placed(self.known)
        for source, article_id in self.versions:
            ours = self.project.articles.get(article_id=article_id).text
            mine = self._placed([(source, article_id)])
            moved = onto_project_text(mine, source.text.text, ours)
            self.summary.orphans_added += sum(
                1 for item in moved if item.lost is not None and self._named(item) is None
            )
            items += moved
        if items:
            self._merge(items)

    def _passage(
        self,
        source: ExchangeSource,
        article_id: int,
        selection: ExchangeSelection,
        counting: Counting,
        taken: set[str],
    ) -> NewAnnotation | None:
        """The selection as a passage; one whose GUID is a passage of its article keeps
        that passage's uuid, to be merged into it (:meth:`_named`)."""
        item = super()._passage(source, article_id, selection, counting, taken)
        guid = selection.guid or ""
        passage = self.named.get(guid)
        if item is None or passage is None or passage.article_id != article_id:
            return item
        if guid in self.claimed:
            return item  # a second selection of that GUID: matched by its words
        self.claimed.add(guid)
        return replace(item, uuid=guid)

    def _named(self, item: NewAnnotation) -> Annotation | None:
        """The passage of the project that ``item`` is, by its uuid (see :meth:`_passage`)."""
        passage = self.named.get(item.uuid or "")
        return passage if passage is not None and item.uuid in self.claimed else None

    def _placed(self, articles: list[tuple[ExchangeSource, int]]) -> list[NewAnnotation]:
        """The sources' selections as passages of the articles (one per place and coder,
        unless Diptych wrote the file: each of its selections is a passage)."""
        items = self._selections(articles)
        return items if written_by_diptych(self.doc.origin) else merged_by_place(items)

    def _merge(self, items: list[NewAnnotation]) -> None:
        """Add what the articles do not hold yet of ``items`` (one per place and coder;
        an orphan is where its quote is, among the article's orphans)."""
        held: dict[tuple[int, int | str, int], list[Annotation]] = {}
        for article_id in {article_id for _, article_id in self.known + self.versions}:
            for passage in self.project.annotations.query(article_id=article_id):
                held.setdefault(_place(passage), []).append(passage)
        new: list[NewAnnotation] = []
        for item in items:
            named = self._named(item)
            there = [named] if named is not None else held.get(_place(item), [])
            addition = self._merge_one(item, there, named=named is not None)
            if addition is not None:
                new.append(addition)
        if new:
            self.project.annotations.add_many(items=new)
        summary = self.summary
        summary.passages += len(new)
        summary.notes += sum(1 for item in new if item.note)
        summary.coders = sorted(set(summary.coders) | {item.coder for item in new if item.coder})

    def _merge_one(
        self, item: NewAnnotation, there: list[Annotation], *, named: bool = False
    ) -> NewAnnotation | None:
        """Merge one coding into the passage its coder has on its words; the passage to
        add, if that coder has none there. Another coder's passage on the same words, with
        the same tags, is theirs: a second coder's agreeing coding is kept as theirs (a
        team compares them), not dropped as already there. A coding with no coder's name
        merges into the first passage on its words. A note that extends the passage's
        (the colleague wrote on under it) takes its place rather than repeat it. With
        ``named``, ``there`` is the one passage the coding is (its uuid says so)."""
        summary = self.summary
        if item.coder and not named:
            mine = next((p for p in there if p.coder == item.coder), None)
        else:
            mine = there[0] if there else None
        if mine is None:
            summary.codings_added += len(item.tag_ids) or 1
            return item
        new_tags = tuple(tag_id for tag_id in item.tag_ids if tag_id not in mine.tag_ids)
        new_note = bool(item.note) and not _holds(mine.note, item.note)
        summary.codings_present += len(item.tag_ids) - len(new_tags)
        summary.codings_added += len(new_tags)
        if not item.tag_ids and not new_note:
            summary.codings_present += 1  # a note on words without a tag, already there
        store = self.project.annotations
        if new_tags:
            store.set_tags(annotation_id=mine.id, tag_ids=mine.tag_ids + new_tags)
        if new_note:
            before = mine.note.rstrip()
            extended = not before or _holds(item.note, before)
            note = item.note if extended else f"{before}\n\n{item.note}"
            store.set_note(annotation_id=mine.id, note=note)
            summary.notes_added += 1
        return None


class _ArticleFinder:
    """Finds the article of the project that a source already is: the one its GUID names,
    if the text is the same, else the first with the same text."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.by_uuid: dict[str, int] = {}
        self.by_length: dict[int, list[int]] = {}
        for article in project.articles.all():
            self.by_uuid[article.uuid] = article.id
            self.by_length.setdefault(article.characters, []).append(article.id)

    def article_of(self, source: ExchangeSource) -> int | None:
        text = source.text.text
        if not text.strip():
            return None  # no article: the writer says why
        named = self.by_uuid.get(source.guid or "")
        candidates = [named] if named is not None else []
        candidates += self.by_length.get(len(text), [])
        return next((i for i in candidates if self._text(i) == text), None)

    def other_version_of(self, source: ExchangeSource) -> int | None:
        """The article the source's GUID names, when its text is another than the
        source's (:func:`article_of` found none with the source's text)."""
        if not source.text.text.strip():
            return None
        return self.by_uuid.get(source.guid or "")

    def _text(self, article_id: int) -> str:
        return self.project.articles.get(article_id=article_id).text

    def passage_notes(self, article_id: int) -> set[str]:
        """The GUIDs a Diptych export gives the notes of the article's passages."""
        passages = self.project.annotations.query(article_id=article_id)
        return {stable_guid("note", passage.uuid) for passage in passages}


def _place(passage: Annotation | NewAnnotation) -> tuple[int, int | str, int]:
    """Where a passage is, to find the project's passages on the same words: its offsets,
    or for an orphan (whose offsets are of a text gone), its quote."""
    if isinstance(passage, Annotation):
        lost = passage.exact if passage.is_orphan else None
    else:
        lost = passage.lost.exact if passage.lost is not None else None
    if lost is not None:
        return passage.article_id, lost, -1
    return passage.article_id, passage.start, passage.end


def _holds(note: str, part: str) -> bool:
    """Whether ``note`` already says ``part`` (white space aside: an export and import
    may lay a note out anew), as an export would write it: a control character in the
    note comes back as U+FFFD."""
    return " ".join(part.split()) in " ".join(xml_text(note).split())
