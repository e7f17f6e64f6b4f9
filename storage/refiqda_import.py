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
  newlines normalised); its description and notes become the article memo.
- ``PlainTextSelection`` -> passage over ``[startPosition, endPosition)`` in code points
  (or in UTF-16 units, or with a CRLF as two, where the selections' names, or the words
  they begin and end on, show that the file counts so:
  :mod:`diptych.storage.refiqda_positions`), a tag per ``Coding``, the
  creating user as coder, and its description and notes (also those tied to it by an
  NVivo ``Link``) as the passage note. Selections of the same words by the same coder
  (MAXQDA and QualCoder write one per code) make one passage with all their tags.
- a ``Note`` holding a ``PlainTextSelection``, referred to by a ``TextSource`` (how
  QualCoder writes an annotation) -> a passage of that source with the note as its note.
- the project's ``Description`` and notes, and notes attached to nothing -> project memo.

PDF, picture, audio and video sources with their selections, sets, cases, variables,
graphs, elements and attributes outside the schema, and selections whose positions fall
outside their text are skipped and counted in the summary. Files named in the document
are only ever read from inside the archive, never from the disk. Nothing is saved unless
the whole file imports: everything is written in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from diptych.storage.errors import Cancelled, ExchangeFileError, InputError, readable_text
from diptych.storage.refiqda_read import read_exchange_file
from diptych.storage.refiqda_write import ProjectWriter
from diptych.storage.safezip import DEFAULT_LIMITS, ZipLimits

if TYPE_CHECKING:
    from diptych.storage.project import Project


@dataclass
class ExchangeImportSummary:
    """What an exchange file brought into the project, and what it left out.

    Attributes:
        path: the file imported, as text to show (bytes that are not UTF-8 as U+FFFD).
        kind: ``"project"`` (a ``.qdpx``) or ``"codebook"`` (a ``.qdc``).
        origin: the program that wrote it, as the file says ("" if it does not).
        article_ids: the new articles, in the file's order.
        tags_created: tags added to the codebook.
        tags_reused: codes matched to a tag of the same name already there.
        renamed_tags: "old -> new" for codes given a numbered name.
        passages: passages added.
        notes: passages that came with a note.
        memos: project, article and tag memos written or added to.
        coders: the coders of the new passages, by name.
        skipped: how many of each kind of thing were not imported.
        skipped_sources: each source not imported, by name, with the reason.
        outside_text: per article (by the source's name), how many selections fell
            outside its text: positions that do not fit, often a sign of a text changed
            after coding.
    """

    path: str
    kind: str = "project"
    origin: str = ""
    article_ids: list[int] = field(default_factory=list)
    tags_created: int = 0
    tags_reused: int = 0
    renamed_tags: list[str] = field(default_factory=list)
    passages: int = 0
    notes: int = 0
    memos: int = 0
    coders: list[str] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    skipped_sources: list[str] = field(default_factory=list)
    outside_text: dict[str, int] = field(default_factory=dict)

    def describe(self) -> list[str]:
        """The summary as lines for people."""
        origin = f" from {self.origin}" if self.origin else ""
        lines = [
            f"{Path(self.path).name}{origin}: {_many(len(self.article_ids), 'article')},"
            f" {_many(self.tags_created, 'new tag')} ({self.tags_reused} already in the"
            f" codebook), {_many(self.passages, 'passage')} ({self.notes} with notes),"
            f" {_many(self.memos, 'memo')}"
        ]
        if self.coders:
            lines.append("coders: " + ", ".join(self.coders))
        lines.extend(f"renamed tag {change}" for change in self.renamed_tags)
        if self.skipped:
            parts = [f"{what} ×{count}" for what, count in sorted(self.skipped.items())]
            lines.append("not imported: " + "; ".join(parts))
        if self.skipped_sources:
            lines.append("sources not imported: " + _listed(self.skipped_sources))
        if self.outside_text:
            counts = [f"“{name}” ×{count}" for name, count in self.outside_text.items()]
            lines.append("selections outside their text, in: " + _listed(counts))
        return lines


def _listed(items: list[str]) -> str:
    named = items[:_NAMED_SOURCES]
    more = len(items) - len(named)
    return "; ".join(named) + (f"; and {more} more" if more else "")


_NAMED_SOURCES = 12  # more would bury the rest of the summary


def _many(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


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
            ProjectWriter(project, document, summary).write()
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
