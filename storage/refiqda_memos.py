"""The memos a REFI-QDA file brings: its notes gathered into the memos of the project,
the articles and the tags, and written into the project (a memo already there is
extended, not replaced; the same file imported again adds nothing).

A note referred to by a code or tied to it by a ``Link`` becomes the tag's memo, one
referred to by a source the article's; the notes left over join the project memo.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING

from diptych.storage.model import MemoKind
from diptych.storage.refiqda_common import xml_text

if TYPE_CHECKING:
    from diptych.storage.project import Project
    from diptych.storage.refiqda_records import ExchangeDocument
    from diptych.storage.refiqda_summary import ExchangeImportSummary


class MemoWriter:
    """Gathers the notes of one read document into memos, then writes them.

    Args:
        project: the project, inside a transaction the caller holds.
        document: what the reader made of the file.
        summary: the summary, whose memos it counts.
        skip: counts a number of things of a kind as not imported.

    Attributes:
        linked: the notes tied by a ``Link`` to each thing that is not a code (a
            selection, as NVivo writes a passage's note), by that thing's GUID.
    """

    def __init__(
        self,
        project: Project,
        document: ExchangeDocument,
        summary: ExchangeImportSummary,
        skip: Callable[[str, int], None],
    ) -> None:
        self.project = project
        self.doc = document
        self.summary = summary
        self.skip = skip
        self.used_notes: set[str] = set()
        self.memos: dict[tuple[MemoKind, int | None], list[str]] = {}
        self.linked: dict[str, list[str]] = {}

    def link_notes(self, tag_ids: dict[str, int]) -> None:
        """Notes tied by a ``Link``: to a code (how Diptych writes a tag memo), or to a
        selection (how NVivo writes a passage's note).

        A link between an imported code (``tag_ids``: code GUID -> tag id) and a note,
        either way round, makes the note the memo of the tag the code became. A link of
        which neither end is a note is counted as skipped; a note linked to something not
        imported is counted when the notes left over join the project memo.
        """
        for origin, target in self.doc.links:
            if origin in tag_ids and target in self.doc.notes:
                self.add(MemoKind.TAG, tag_ids[origin], self.note_texts([target]))
            elif target in tag_ids and origin in self.doc.notes:
                self.add(MemoKind.TAG, tag_ids[target], self.note_texts([origin]))
            elif origin in self.doc.notes:
                self.linked.setdefault(target, []).append(origin)
            elif target in self.doc.notes:
                self.linked.setdefault(origin, []).append(target)
            else:
                self.skip("link with no note at either end", 1)

    def note_texts(self, refs: list[str]) -> list[str]:
        """The texts of the notes ``refs`` names, each then used (a missing one is
        counted as skipped)."""
        texts = []
        for ref in refs:
            note = self.doc.notes.get(ref)
            if note is None:
                self.skip("reference to a missing note", 1)
                continue
            self.used_notes.add(ref)
            texts.append(note.text)
        return texts

    def add_project_memo(self) -> None:
        """The project memo: the document's description and notes, and every note left."""
        parts = [self.doc.description, *self.note_texts(self.doc.note_refs)]
        referenced = self.doc.referenced
        for guid, note in self.doc.notes.items():
            if guid in self.used_notes:
                continue
            self.skip("selection inside a note", len(note.selections))
            if guid in referenced:
                self.skip("note on something not imported", 1)
            elif note.text.strip():
                parts.append(f"## {note.name}\n\n{note.text}" if note.name else note.text)
        self.add(MemoKind.PROJECT, None, parts)

    def add(self, kind: MemoKind, target: int | None, parts: list[str]) -> None:
        """Add the non-blank ``parts`` to the memo on ``target``."""
        texts = [_trimmed(p) for p in parts if p.strip()]
        if texts:
            self.memos.setdefault((kind, target), []).extend(texts)

    def write(self) -> None:
        """Write every memo gathered into the project."""
        for (kind, target), parts in self.memos.items():
            self._write_memo(kind, target, parts)

    def _write_memo(self, kind: MemoKind, target: int | None, parts: list[str]) -> None:
        text = joined(parts)
        existing = self.project.memos.get(kind=kind, target_id=target)
        old = existing.text if existing is not None else ""
        written = xml_text(old)  # as an export wrote it: control characters as U+FFFD
        if existing is not None and text in written:
            return  # the same file imported again
        if old.strip() and written.strip() not in text:  # one extended elsewhere replaces it
            text = old.rstrip() + "\n\n" + text
        self.project.memos.set(kind=kind, target_id=target, text=text)
        self.summary.memos += 1


def _trimmed(text: str) -> str:
    """``text`` without white space after it, and before it only where it is layout.

    A note's first line keeps its indentation (in Markdown, four spaces make a code
    block); text that begins on a new line was indented with the XML around it, and loses
    that indentation.
    """
    if text.startswith(("\n", "\r")):
        return textwrap.dedent(text).strip()
    return text.rstrip()


def joined(parts: list[str]) -> str:
    """Non-blank parts, each once, separated by blank lines."""
    texts: list[str] = []
    for part in parts:
        part = _trimmed(part)
        if part and part not in texts:
            texts.append(part)
    return "\n\n".join(texts)
