"""Writing the records read from a REFI-QDA file into a project.

Codes become tags (made by :mod:`diptych.storage.refiqda_codes`), text sources become
articles, selections passages with their tags, coder and note, and notes the memos of
the project, articles and tags (gathered and written by
:mod:`diptych.storage.refiqda_memos`). Everything is written inside the caller's
transaction; what cannot be imported is counted in the summary.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from diptych.storage.annotations import NewAnnotation
from diptych.storage.article_titles import one_line
from diptych.storage.importing import ParsedArticle, parse_display
from diptych.storage.model import MemoKind
from diptych.storage.refiqda_codes import CodeWriter
from diptych.storage.refiqda_common import STAND_IN_USER_GUID
from diptych.storage.refiqda_memos import MemoWriter, joined
from diptych.storage.refiqda_positions import (
    Counting,
    between_words,
    choose_counting,
    written_by_diptych,
)
from diptych.storage.refiqda_records import (
    ExchangeDocument,
    ExchangeNote,
    ExchangeSelection,
    ExchangeSource,
)
from diptych.storage.refiqda_texts import shown_name, source_label

if TYPE_CHECKING:
    from diptych.storage.project import Project
    from diptych.storage.refiqda_summary import ExchangeImportSummary


class ProjectWriter:
    """Writes one read document into a project, counting what it adds and skips.

    Args:
        project: the project, inside a transaction the caller holds.
        document: what the reader made of the file.
        summary: the summary to fill in.
    """

    def __init__(
        self, project: Project, document: ExchangeDocument, summary: ExchangeImportSummary
    ) -> None:
        self.project = project
        self.doc = document
        self.summary = summary
        self.memos = MemoWriter(project, document, summary, self.skip)
        self.codes = CodeWriter(project, summary, self.memos)

    def write(self) -> None:
        """Add the codes, articles, passages and memos."""
        self.codes.write(self.doc.codes)
        self.memos.link_notes(self.codes.tag_ids)
        articles = self._articles()
        self._passages(articles)
        self.memos.add_project_memo()
        self.memos.write()

    def skip(self, what: str, count: int = 1) -> None:
        """Count ``count`` things of kind ``what`` as not imported."""
        if count:
            self.summary.skipped[what] = self.summary.skipped.get(what, 0) + count

    # Articles and passages -----------------------------------------------------------

    def _articles(self) -> list[tuple[ExchangeSource, int]]:
        from diptych.storage.project import new_uuid

        taken = {a.uuid for a in self.project.articles.all()}
        sources, parsed, uuids = [], [], []
        for source in self.doc.sources:
            text = source.text.text
            if not text.strip():
                self.skip("text source without text")
                self.summary.skipped_sources.append(source_label(source.name, "its text is empty"))
                self.skip("selection in a source without text", len(source.selections))
                continue
            title = one_line(source.name) or "Untitled source"
            content = parse_display(text, "plain")
            parsed.append(
                ParsedArticle(
                    title, source.name, "plain", source.encoding, text, content, source.address
                )
            )
            uuid = source.guid if source.guid and source.guid not in taken else new_uuid()
            taken.add(uuid)
            uuids.append(uuid)
            sources.append(source)
        added = self.project.articles.add_many(parsed=parsed, uuids=uuids) if parsed else []
        self.summary.article_ids = [a.id for a in added]
        result = list(zip(sources, self.summary.article_ids, strict=True))
        for source, article_id in result:
            refs = [ref for ref in source.note_refs if not self._annotation(ref)]
            parts = [source.description, *self.memos.note_texts(refs)]
            self.memos.add(MemoKind.ARTICLE, article_id, parts)
        return result

    def _annotation(self, ref: str) -> ExchangeNote | None:
        """The note ``ref`` if it is a QualCoder annotation: a note with selections."""
        note = self.doc.notes.get(ref)
        return note if note is not None and note.selections else None

    def _passages(self, articles: list[tuple[ExchangeSource, int]]) -> None:
        items = self._selections(articles)
        if not written_by_diptych(self.doc.origin):  # a selection of Diptych's is a passage
            items = merged_by_place(items)
        if items:
            self.project.annotations.add_many(items=items)
        self.summary.passages = len(items)
        self.summary.notes = sum(1 for item in items if item.note)
        self.summary.coders = sorted({item.coder for item in items if item.coder})

    def _selections(self, articles: list[tuple[ExchangeSource, int]]) -> list[NewAnnotation]:
        """Every selection and annotated note of the sources, as passages of the articles
        they became (each source's positions counted as its program counts them)."""
        items: list[NewAnnotation] = []
        taken: set[str] = set()
        for source, article_id in articles:
            places = [(s.start, s.end, s.name) for s in source.selections]
            counting = choose_counting(source.text, places, origin=self.doc.origin)
            placed = [
                self._passage(source, article_id, s, counting, taken) for s in source.selections
            ]
            placed_here = [item for item in placed if item is not None]
            self._note_words_cut(source, placed_here)
            items += placed_here
            for ref in source.note_refs:
                items.extend(self._annotated(source, article_id, ref, counting, taken))
        return items

    def _note_words_cut(self, source: ExchangeSource, items: list[NewAnnotation]) -> None:
        """Count the passages of a source that begin or end inside a word, where its
        positions could be counted more than one way (a Windows line end as one character
        or two, an emoji as one or two) and the file gave too little to tell: placed one
        character off, they are worth a look (a file Diptych wrote counts as Diptych does)."""
        if written_by_diptych(self.doc.origin) or len(source.text.readings()) < 2:
            return
        text = source.text.text
        cut = sum(1 for item in items if not between_words(text, item.start, item.end))
        if cut:
            name = shown_name(source.name) or "Untitled source"
            self.summary.words_cut[name] = self.summary.words_cut.get(name, 0) + cut

    def _passage(
        self,
        source: ExchangeSource,
        article_id: int,
        selection: ExchangeSelection,
        counting: Counting,
        taken: set[str],
    ) -> NewAnnotation | None:
        text = source.text.text
        start = source.text.offset(selection.start, counting)
        end = source.text.offset(selection.end, counting)
        if start == end:
            self.skip("empty selection")
            return None
        if not 0 <= start < end <= len(text):
            self.skip("selection outside its text")
            name = shown_name(source.name) or "Untitled source"
            outside = self.summary.outside_text
            outside[name] = outside.get(name, 0) + 1
            return None
        if text[start:end].isspace():
            self.skip("selection of whitespace only")
            return None
        tag_ids: list[int] = []
        for ref in selection.code_refs:
            tag_id = self.codes.tag_ids.get(ref)
            if tag_id is None:
                self.skip("coding of an unknown code")
            elif tag_id not in tag_ids:
                tag_ids.append(tag_id)
        parts = [selection.description, *self.memos.note_texts(selection.note_refs)]
        parts += self.memos.note_texts(self.memos.linked.get(selection.guid or "", []))
        uuid = selection.guid
        if uuid is None or uuid in taken or self.project.annotations.find_uuid(uuid=uuid):
            uuid = None
        else:
            taken.add(uuid)
        created = selection.created or selection.modified
        return NewAnnotation(
            article_id=article_id,
            start=start,
            end=end,
            tag_ids=tuple(tag_ids),
            note=joined(parts),
            coder=self._coder(selection.user),
            uuid=uuid,
            created_at=created,
            updated_at=selection.modified or created,
        )

    def _annotated(
        self,
        source: ExchangeSource,
        article_id: int,
        ref: str,
        counting: Counting,
        taken: set[str],
    ) -> list[NewAnnotation]:
        """The passages of a QualCoder annotation on ``source``, each with the note.

        If none of its selections fits the text, the note goes to the article memo.
        """
        note = self._annotation(ref)
        if note is None:
            return []
        items = []
        for selection in note.selections:
            annotated = replace(
                selection,
                note_refs=[ref, *selection.note_refs],
                user=selection.user or note.user,
                created=selection.created or note.created,
            )
            item = self._passage(source, article_id, annotated, counting, taken)
            if item is not None:
                items.append(item)
        if not items:
            self.memos.add(MemoKind.ARTICLE, article_id, self.memos.note_texts([ref]))
        return items

    def _coder(self, guid: str | None) -> str:
        if guid is None or guid == STAND_IN_USER_GUID:
            return ""
        if guid not in self.doc.users:
            self.skip("coder not listed among the file's users (passage kept without coder)")
            return ""
        return self.doc.users[guid]


def merged_by_place(items: list[NewAnnotation]) -> list[NewAnnotation]:
    """One passage per place and coder, with all its tags and notes.

    MAXQDA and QualCoder write a selection for each code applied to a passage, where
    Diptych has one passage with several tags (tagging a passage's exact words again adds
    the tag to it).
    """
    merged: dict[tuple[int, int, int, str], NewAnnotation] = {}
    for item in items:
        key = (item.article_id, item.start, item.end, item.coder)
        first = merged.get(key)
        if first is None:
            merged[key] = item
            continue
        created = [t for t in (first.created_at, item.created_at) if t]
        updated = [t for t in (first.updated_at, item.updated_at) if t]
        merged[key] = replace(
            first,
            tag_ids=first.tag_ids + tuple(t for t in item.tag_ids if t not in first.tag_ids),
            note=joined([first.note, item.note]),
            created_at=min(created, default=None),
            updated_at=max(updated, default=None),
        )
    return list(merged.values())
