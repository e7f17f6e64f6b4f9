"""The records a REFI-QDA file is read into before anything is written to a project.

:mod:`diptych.storage.refiqda_read` fills them from the XML; the writer in
:mod:`diptych.storage.refiqda_write` turns them into tags, articles, passages and memos.
They hold the file's own words and references (GUIDs), nothing of the project.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from diptych.storage.refiqda_positions import SourceText


@dataclass
class ExchangeCode:
    """A ``Code``: a tag to be, with its sub-codes and the notes it refers to."""

    guid: str | None
    name: str
    color: str | None
    description: str
    note_refs: list[str]
    children: list[ExchangeCode]


@dataclass
class ExchangeSelection:
    """A ``PlainTextSelection``: a passage to be, positions as the file counts them."""

    guid: str | None
    name: str
    start: int
    end: int
    code_refs: list[str]
    note_refs: list[str]
    description: str
    user: str | None
    created: str | None
    modified: str | None


@dataclass
class ExchangeSource:
    """A ``TextSource`` with its text: an article to be, with its selections."""

    guid: str | None
    name: str
    text: SourceText
    encoding: str
    selections: list[ExchangeSelection]
    note_refs: list[str]
    description: str
    address: str = ""  # the address it was saved from, as Diptych writes it


@dataclass
class ExchangeNote:
    """A ``Note``: its name and plain text.

    QualCoder writes an annotation as a note holding a ``PlainTextSelection`` whose
    positions are in the text source that refers to the note: ``selections``.
    """

    name: str
    text: str
    selections: list[ExchangeSelection] = field(default_factory=list)
    user: str | None = None
    created: str | None = None


@dataclass
class ExchangeDocument:
    """A whole project (``kind="project"``) or codebook (``kind="codebook"``) as read.

    ``skipped`` counts what the reader left out, by kind, for the import summary.
    """

    kind: str
    origin: str = ""
    users: dict[str, str] = field(default_factory=dict)
    codes: list[ExchangeCode] = field(default_factory=list)
    sources: list[ExchangeSource] = field(default_factory=list)
    notes: dict[str, ExchangeNote] = field(default_factory=dict)
    description: str = ""
    note_refs: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    referenced: set[str] = field(default_factory=set)  # notes something points at
    skipped: dict[str, int] = field(default_factory=dict)
    skipped_sources: list[str] = field(default_factory=list)  # each named, with the reason
