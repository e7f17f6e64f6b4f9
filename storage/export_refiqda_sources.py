"""Writing the articles of a REFI-QDA project as text sources: each article's display
text as a file of the archive, its memo, its passages: each anchored passage a
selection with one coding per tag and its note, each orphaned passage a note on the
article, and its source address (see :mod:`diptych.storage.refiqda_export` for what goes
where).
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from diptych.storage.export_refiqda_elements import Guids, Notes, set_time, short, text_child
from diptych.storage.exporting import ExportData, ExportPassage, ProgressMeter
from diptych.storage.model import Article, MemoKind
from diptych.storage.refiqda_common import (
    INTERNAL_SCHEME,
    SOURCE_ADDRESS_GUID,
    stable_guid,
    xml_text,
)
from diptych.storage.refiqda_names import SourceNames, file_safe_name


class SourceWriter:
    """Builds each exported article's ``TextSource`` and keeps its text for the archive.

    Attributes:
        files: each source's display text by its file's name in the archive's sources
            folder, filled as the sources are built.
    """

    def __init__(
        self,
        data: ExportData,
        meter: ProgressMeter,
        *,
        guids: Guids,
        notes: Notes,
        users: dict[str, str],
        tag_guids: dict[int, str],
    ) -> None:
        """``users`` maps each coder's name to their user's GUID ("" to the stand-in
        user's), ``tag_guids`` each tag in scope to its code's GUID; both are read as
        each source is built, so they may be filled after this."""
        self.data = data
        self.meter = meter
        self.guids = guids
        self.notes = notes
        self.users = users
        self.tag_guids = tag_guids
        self.passages: dict[int, list[ExportPassage]] = {}
        for passage in data.passages:
            self.passages.setdefault(passage.article.id, []).append(passage)
        self.files: dict[str, str] = {}
        self.source_names = SourceNames()

    def _source_name(self, article: Article, file_name: str) -> str:
        """A name no other source has, that can be a file's name (QualCoder copies each
        source to a file of its name, and keeps one document per name: it dropped a second
        of the same name with all its codings). Articles of one title are told apart by
        their file's name (as the reports do), then by a number."""
        fallback = file_safe_name(xml_text(article.source_name), fallback=file_name)
        return self.source_names.claim(xml_text(self.data.title(article)), fallback=fallback)

    def text_source(self, article: Article) -> ET.Element:
        """The article as a ``TextSource``, its text kept in :attr:`files`; the progress
        moves one step for the article and one for each of its passages."""
        guid = self.guids.claim(article.uuid, "article")
        file_name = f"{guid}.txt"
        self.files[file_name] = article.text
        attrs = {
            "guid": guid,
            "name": self._source_name(article, file_name),
            "plainTextPath": INTERNAL_SCHEME + file_name,
        }
        source = ET.Element("TextSource", attrs)
        set_time(source, "creationDateTime", article.imported_at)
        set_time(source, "modifiedDateTime", article.updated_at)
        refs = []
        memo = self.data.memo(MemoKind.ARTICLE, article.id)
        if memo is not None:
            # Also as the description, which QualCoder reads as the document's memo (it
            # reads a note on a source only if the note holds a selection).
            text_child(source, "Description", memo.text)
            refs.append(
                self.notes.add(
                    memo.uuid,
                    f"Memo on {article.title}",
                    memo.text,
                    created=memo.created_at,
                    modified=memo.updated_at,
                )
            )
        for passage in self.meter.track(self.passages.get(article.id, ())):
            if passage.annotation.is_orphan:
                # An orphan's offsets no longer point at its quote (the text changed and
                # the passage was not found again). A selection would mark the wrong
                # words in the other program, so the passage travels as a note on the
                # article, with its quote, tags and note.
                refs.append(self._orphan_note(passage))
            else:
                self._selection(source, article, passage)
        for ref in refs:
            ET.SubElement(source, "NoteRef", {"targetGUID": ref})
        if article.source_url:
            value = ET.SubElement(source, "VariableValue")
            ET.SubElement(value, "VariableRef", {"targetGUID": SOURCE_ADDRESS_GUID})
            text_child(value, "TextValue", article.source_url)
        self.meter.step()
        return source

    def _selection(self, source: ET.Element, article: Article, item: ExportPassage) -> None:
        passage = item.annotation
        guid = self.guids.claim(passage.uuid, "passage")
        user = self._user(passage.coder)
        quote = article.text[passage.start : passage.end]
        attrs = {
            "guid": guid,
            "name": short(quote),
            "startPosition": str(passage.start),
            "endPosition": str(passage.end),
            "creatingUser": user,
        }
        selection = ET.SubElement(source, "PlainTextSelection", attrs)
        set_time(selection, "creationDateTime", passage.created_at)
        selection.set("modifyingUser", user)
        set_time(selection, "modifiedDateTime", passage.updated_at)
        if passage.note.strip():
            # QualCoder and MAXQDA keep a coding's memo in the selection's description
            # and ignore a note referred to from a selection; the note is written too.
            text_child(selection, "Description", passage.note)
        for tag_id in item.tag_ids:
            coding_guid = self.guids.claim(stable_guid("coding", guid, self.tag_guids[tag_id]))
            coding = ET.SubElement(selection, "Coding", {"guid": coding_guid, "creatingUser": user})
            set_time(coding, "creationDateTime", passage.created_at)
            ET.SubElement(coding, "CodeRef", {"targetGUID": self.tag_guids[tag_id]})
        if passage.note.strip():
            ref = self.notes.add(
                stable_guid("note", guid),
                f"Note on “{short(quote)}”",
                passage.note,
                created=passage.created_at,
                modified=passage.updated_at,
                user=user,
            )
            ET.SubElement(selection, "NoteRef", {"targetGUID": ref})

    def _orphan_note(self, item: ExportPassage) -> str:
        passage = item.annotation
        tags = ", ".join(self.data.tag_path(t) for t in item.tag_ids)
        said = (
            "Passage not placed with certainty in the article, whose text still has its words:"
            if passage.exact in item.article.text
            else "Passage no longer found in the article:"
        )
        lines = [said, f"“{passage.exact}”"]
        if tags:
            lines += ["", f"Tags: {tags}"]
        if passage.note.strip():
            lines += ["", passage.note]
        return self.notes.add(
            stable_guid("note", passage.uuid),
            f"Orphaned passage “{short(passage.exact)}”",
            "\n".join(lines),
            created=passage.created_at,
            modified=passage.updated_at,
            user=self._user(passage.coder),
        )

    def _user(self, coder: str) -> str:
        return self.users.get(coder) or self.users[""]
