"""Import a REFI-QDA project (``.qdpx``) or codebook (``.qdc``) into a project.

What comes in, and as what:

- ``Code`` -> tag (name, colour, nesting, description; its notes become the tag memo). A
  code whose name a tag already has at the same level reuses that tag; a second code of
  the same name at the same level of the file gets a numbered name, "Method (2)".
- ``TextSource`` -> article. Its text (``sources/...`` through ``plainTextPath``, or the
  inline ``PlainTextContent``) becomes the display text verbatim (the "plain" format,
  newlines normalised); its description and notes become the article memo.
- ``PlainTextSelection`` -> passage over ``[startPosition, endPosition)`` in code points,
  a tag per ``Coding``, the creating user as coder, and its description and notes (also
  those tied to it by an NVivo ``Link``) as the passage note.
- the project's ``Description`` and notes, and notes attached to nothing -> project memo.

PDF, picture, audio and video sources with their selections, sets, cases, variables,
graphs, elements and attributes outside the schema, and selections whose positions fall
outside their text are skipped and counted in the summary. Files named in the document
are only ever read from inside the archive, never from the disk. Nothing is saved unless
the whole file imports: everything is written in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

from diptych.storage.annotations import NewAnnotation
from diptych.storage.errors import ExchangeFileError, InputError
from diptych.storage.importing import MAX_ARTICLE_BYTES, ParsedArticle, parse_display
from diptych.storage.model import MemoKind, Tag
from diptych.storage.refiqda_common import (
    INTERNAL_SCHEME,
    PROJECT_ENTRY,
    REFI_ADVICE,
    REFI_NAMESPACES,
    SOURCES_FOLDER,
    STAND_IN_USER_GUID,
    ElementReader,
    SourceText,
    decode_source,
    from_xs_datetime,
    import_color,
    normalize_guid,
    parse_xml,
    split_tag,
)
from diptych.storage.safezip import DEFAULT_LIMITS, SafeZip, ZipLimits

if TYPE_CHECKING:
    from diptych.storage.project import Project

MAX_CODEBOOK_BYTES = 64 * 1024 * 1024
"""A bare ``.qdc`` codebook larger than this is refused."""

MAX_CODE_DEPTH = 64
"""Codes nested deeper than this are skipped (a codebook is not 64 levels deep)."""

_OTHER_SOURCES = {
    "PDFSource": ("PDF source", "PDFSelection"),
    "PictureSource": ("picture source", "PictureSelection"),
    "AudioSource": ("audio source", "AudioSelection"),
    "VideoSource": ("video source", "VideoSelection"),
}
_UNUSED_SECTIONS = {"Variables": "variable", "Cases": "case", "Sets": "set", "Graphs": "graph"}
# Tools that count a Windows line end as one character in selection positions.
_CRLF_AS_ONE = re.compile(r"atlas|maxqda", re.IGNORECASE)
_TAG_NAME_CHARS = 200
_WHITESPACE = re.compile(r"\s+")


@dataclass
class ExchangeImportSummary:
    """What an exchange file brought into the project, and what it left out.

    Attributes:
        path: the file imported.
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
        return lines


def _many(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def import_exchange_file(
    project: Project, *, path: str | Path, limits: ZipLimits = DEFAULT_LIMITS
) -> ExchangeImportSummary:
    """Import a REFI-QDA ``.qdpx`` project or ``.qdc`` codebook into ``project``.

    A zip (or any ``.qdpx``) is read as a project archive; anything else as a bare
    XML document, whose root says whether it is a codebook or a project.

    Raises:
        ExchangeFileError: the file is not a REFI-QDA file, is damaged or unsafe; nothing
            was imported.
        ProjectFileError: the project could not be written; nothing was imported.
    """
    path = Path(path)
    document = _read(path, limits)
    summary = ExchangeImportSummary(path=str(path), kind=document.kind, origin=document.origin)
    summary.skipped = dict(document.skipped)  # the writer adds what it skips
    try:
        with project.transaction():
            _Writer(project, document, summary).write()
    except InputError as exc:
        project.forget_cached()
        raise ExchangeFileError(f"could not be imported: {exc.message}", path=path) from exc
    except BaseException:
        project.forget_cached()  # texts cached inside the rolled-back transaction
        raise
    summary.skipped = dict(sorted(summary.skipped.items()))
    return summary


# ---------------------------------------------------------------------------------------
# Reading: XML to plain records, without touching the project.


@dataclass
class _Code:
    guid: str | None
    name: str
    color: str | None
    description: str
    note_refs: list[str]
    children: list[_Code]


@dataclass
class _Selection:
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
class _Source:
    guid: str | None
    name: str
    text: SourceText
    encoding: str
    selections: list[_Selection]
    note_refs: list[str]
    description: str


@dataclass
class _Note:
    name: str
    text: str


@dataclass
class _Document:
    kind: str
    origin: str = ""
    users: dict[str, str] = field(default_factory=dict)
    codes: list[_Code] = field(default_factory=list)
    sources: list[_Source] = field(default_factory=list)
    notes: dict[str, _Note] = field(default_factory=dict)
    description: str = ""
    note_refs: list[str] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    referenced: set[str] = field(default_factory=set)  # notes something points at
    skipped: dict[str, int] = field(default_factory=dict)


def _read(path: Path, limits: ZipLimits) -> _Document:
    try:
        with path.open("rb") as file:
            head = file.read(4)
    except FileNotFoundError:
        raise ExchangeFileError("does not exist", path=path) from None
    except OSError as exc:
        raise ExchangeFileError(f"cannot be read ({exc.strerror})", path=path) from None
    if head.startswith(b"PK") or path.suffix.lower() == ".qdpx":
        with SafeZip.open(path, limits=limits) as archive:
            return _Reader(path, archive).read(_project_entry(archive))
    return _Reader(path, None).read(_read_small(path))


def _project_entry(archive: SafeZip) -> bytes:
    name = archive.find(PROJECT_ENTRY)
    if name is None:
        others = [n for n in archive.names() if "/" not in n and n.lower().endswith(".qde")]
        name = others[0] if len(others) == 1 else None
    if name is None:
        raise ExchangeFileError(
            f"is a zip archive without {PROJECT_ENTRY}, so it is not a REFI-QDA project",
            path=archive.path,
            advice=REFI_ADVICE,
        )
    return archive.read(name)


def _read_small(path: Path) -> bytes:
    with path.open("rb") as file:
        data = file.read(MAX_CODEBOOK_BYTES + 1)
    if len(data) > MAX_CODEBOOK_BYTES:
        raise ExchangeFileError(
            f"is larger than {MAX_CODEBOOK_BYTES // (1024 * 1024)} MiB, too large for a codebook",
            path=path,
            advice=REFI_ADVICE,
        )
    return data


class _Reader:
    def __init__(self, path: Path, archive: SafeZip | None) -> None:
        self.path = path
        self.archive = archive
        self.elements = ElementReader()

    def read(self, data: bytes) -> _Document:
        root = parse_xml(data, path=self.path, member=PROJECT_ENTRY if self.archive else None)
        namespace, name = split_tag(root.tag)
        if namespace not in REFI_NAMESPACES or name not in ("Project", "CodeBook"):
            raise ExchangeFileError(
                f"is XML but not a REFI-QDA project or codebook (it begins with <{name}>)",
                path=self.path,
                advice=REFI_ADVICE,
            )
        self.elements.check_attributes(name, root)
        document = _Document("project" if name == "Project" else "codebook")
        document.origin = (root.get("origin") or "").strip()
        if name == "CodeBook":
            self._codebook(root, document)
        else:
            self._project(root, document)
        document.skipped = self.elements.skipped
        document.referenced = {
            guid
            for element in root.iter()
            if split_tag(element.tag)[1] in ("NoteRef", "MemberNote")
            for guid in _ref(element)
        }
        document.referenced.update(guid for link in document.links for guid in link)
        return document

    def _codebook(self, root: Element, document: _Document) -> None:
        for name, child in self.elements.children(root):
            if name == "Codes":
                document.codes = self._codes(child)
            else:
                self.elements.skip(_UNUSED_SECTIONS.get(name, name), len(child))

    def _project(self, root: Element, document: _Document) -> None:
        for name, child in self.elements.children(root):
            if name == "Users":
                for _, user in self.elements.children(child):
                    guid = normalize_guid(user.get("guid"))
                    if guid:
                        document.users[guid] = " ".join((user.get("name") or "").split())
            elif name == "CodeBook":
                codes = [c for n, c in self.elements.children(child) if n == "Codes"]
                document.codes = [code for c in codes for code in self._codes(c)]
            elif name == "Sources":
                self._sources(child, document)
            elif name == "Notes":
                for _, note in self.elements.children(child):
                    self._note(note, document)
            elif name == "Links":
                self._links(child, document)
            elif name == "Description":
                document.description = child.text or ""
            elif name == "NoteRef":
                document.note_refs.extend(_ref(child))
            else:
                self.elements.skip(_UNUSED_SECTIONS[name], len(child))

    def _codes(self, parent: Element) -> list[_Code]:
        return [self._code(element, 1) for _, element in self.elements.children(parent)]

    def _code(self, element: Element, depth: int) -> _Code:
        code = _Code(
            guid=normalize_guid(element.get("guid")),
            name=element.get("name") or "",
            color=import_color(element.get("color")),
            description="",
            note_refs=[],
            children=[],
        )
        for name, child in self.elements.children(element):
            if name == "Description":
                code.description = child.text or ""
            elif name == "NoteRef":
                code.note_refs.extend(_ref(child))
            elif depth < MAX_CODE_DEPTH:
                code.children.append(self._code(child, depth + 1))
            else:
                self.elements.skip("code nested too deeply")
        return code

    def _sources(self, parent: Element, document: _Document) -> None:
        for name, element in self.elements.children(parent):
            if name == "TextSource":
                source = self._text_source(element)
                if source is not None:
                    document.sources.append(source)
                continue
            kind, selection = _OTHER_SOURCES[name]
            self.elements.skip(kind)
            selections = sum(1 for c in element if split_tag(c.tag)[1] == selection)
            self.elements.skip(f"{kind} selection", selections)

    def _text_source(self, element: Element) -> _Source | None:
        children = self.elements.children(element)
        raw = self._text(element, children, what="text source")
        if raw is None:
            self.elements.skip(
                "selection in a source without text", _count(children, "PlainTextSelection")
            )
            return None
        text, encoding = raw
        source = _Source(
            guid=normalize_guid(element.get("guid")),
            name=" ".join((element.get("name") or "").split()),
            text=SourceText.from_raw(text),
            encoding=encoding,
            selections=[],
            note_refs=[],
            description="",
        )
        for name, child in children:
            if name == "PlainTextSelection":
                selection = self._selection(child)
                if selection is not None:
                    source.selections.append(selection)
            elif name == "Description":
                source.description = child.text or ""
            elif name == "NoteRef":
                source.note_refs.extend(_ref(child))
            elif name == "Coding":
                self.elements.skip("coding of a whole source")
            elif name == "VariableValue":
                self.elements.skip("variable value")
        return source

    def _text(
        self, element: Element, children: list[tuple[str, Element]], *, what: str
    ) -> tuple[str, str] | None:
        """The plain text of a TextSource or Note: inline, or from the archive."""
        inline = next((c.text or "" for n, c in children if n == "PlainTextContent"), None)
        if inline:
            return inline, "utf-8"
        location = (element.get("plainTextPath") or "").strip()
        if not location:
            self.elements.skip(f"{what} without plain text")
            return None
        if not location.lower().startswith(INTERNAL_SCHEME) or self.archive is None:
            # A path outside the archive (absolute:// or relative://) would read a file
            # on this computer that the exchange file merely names: never followed.
            self.elements.skip(f"{what} whose text is outside the exchange file")
            return None
        member = self.archive.find(f"{SOURCES_FOLDER}/{location[len(INTERNAL_SCHEME) :]}")
        if member is None:
            self.elements.skip(f"{what} whose text file is missing")
            return None
        if self.archive.size(member) > MAX_ARTICLE_BYTES:
            self.elements.skip(f"{what} too large to import")
            return None
        return decode_source(self.archive.read(member))

    def _selection(self, element: Element) -> _Selection | None:
        start, end = _integer(element.get("startPosition")), _integer(element.get("endPosition"))
        if start is None or end is None:
            self.elements.skip("selection without valid positions")
            return None
        selection = _Selection(
            guid=normalize_guid(element.get("guid")),
            name=element.get("name") or "",
            start=start,
            end=end,
            code_refs=[],
            note_refs=[],
            description="",
            user=normalize_guid(element.get("creatingUser") or element.get("modifyingUser")),
            created=from_xs_datetime(element.get("creationDateTime")),
            modified=from_xs_datetime(element.get("modifiedDateTime")),
        )
        for name, child in self.elements.children(element):
            if name == "Description":
                selection.description = child.text or ""
            elif name == "NoteRef":
                selection.note_refs.extend(_ref(child))
            else:
                for part, ref in self.elements.children(child):
                    target = _ref(ref)
                    (selection.code_refs if part == "CodeRef" else selection.note_refs).extend(
                        target
                    )
        return selection

    def _note(self, element: Element, document: _Document) -> None:
        children = self.elements.children(element)
        guid = normalize_guid(element.get("guid"))
        text = self._text(element, children, what="note")
        self.elements.skip("selection inside a note", _count(children, "PlainTextSelection"))
        if guid is not None and text is not None:
            name = " ".join((element.get("name") or "").split())
            document.notes[guid] = _Note(name, SourceText.from_raw(text[0]).text)

    def _links(self, parent: Element, document: _Document) -> None:
        for _, link in self.elements.children(parent):
            ends = normalize_guid(link.get("originGUID")), normalize_guid(link.get("targetGUID"))
            if ends[0] and ends[1]:
                document.links.append((ends[0], ends[1]))
            else:
                self.elements.skip("link")


def _ref(element: Element) -> list[str]:
    guid = normalize_guid(element.get("targetGUID"))
    return [guid] if guid else []


def _count(children: list[tuple[str, Element]], name: str) -> int:
    return sum(1 for n, _ in children if n == name)


def _integer(value: str | None) -> int | None:
    try:
        return int((value or "").strip())
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------
# Writing: plain records into the project, inside the caller's transaction.


class _Writer:
    def __init__(self, project: Project, document: _Document, summary: ExchangeImportSummary):
        self.project = project
        self.doc = document
        self.summary = summary
        self.tag_ids: dict[str, int] = {}  # code guid -> tag id
        self.claimed: set[int] = set()  # tags a code of this file was matched to
        self.siblings: dict[int | None, dict[str, Tag]] = {}
        self.tag_uuids: set[str] = set()
        self.used_notes: set[str] = set()
        self.memos: dict[tuple[MemoKind, int | None], list[str]] = {}
        self.linked: dict[str, list[str]] = {}

    def write(self) -> None:
        for tag in self.project.tags.all():
            self.siblings.setdefault(tag.parent_id, {})[tag.name.casefold()] = tag
            self.tag_uuids.add(tag.uuid)
        for code in self.doc.codes:
            self._code(code, None)
        self._link_notes()
        articles = self._articles()
        self._passages(articles)
        self._project_memo()
        for (kind, target), parts in self.memos.items():
            self._write_memo(kind, target, parts)

    def skip(self, what: str, count: int = 1) -> None:
        if count:
            self.summary.skipped[what] = self.summary.skipped.get(what, 0) + count

    # Codes -------------------------------------------------------------------------

    def _code(self, code: _Code, parent_id: int | None) -> None:
        tag = self._tag_for(code, parent_id)
        if code.guid:
            self.tag_ids.setdefault(code.guid, tag.id)
        self._add_memo(MemoKind.TAG, tag.id, self._notes(code.note_refs))
        for child in code.children:
            self._code(child, tag.id)

    def _tag_for(self, code: _Code, parent_id: int | None) -> Tag:
        """The tag a code becomes: a same-named sibling not yet matched, or a new tag."""
        base = " ".join(code.name.split())[:_TAG_NAME_CHARS] or "Unnamed code"
        siblings = self.siblings.setdefault(parent_id, {})
        name, number = base, 1
        while (found := siblings.get(name.casefold())) is not None and found.id in self.claimed:
            number += 1
            suffix = f" ({number})"
            name = base[: _TAG_NAME_CHARS - len(suffix)] + suffix
        if found is not None:
            tag = found
            self.summary.tags_reused += 1
        else:
            uuid = code.guid if code.guid and code.guid not in self.tag_uuids else None
            tag = self.project.tags.add(
                name=name,
                color=code.color,
                parent_id=parent_id,
                description=code.description.strip(),
                uuid=uuid,
            )
            siblings[name.casefold()] = tag
            self.tag_uuids.add(tag.uuid)
            self.summary.tags_created += 1
        self.claimed.add(tag.id)
        if name != base:
            self.summary.renamed_tags.append(f"{base} -> {name}")
        return tag

    # Articles and passages -----------------------------------------------------------

    def _articles(self) -> list[tuple[_Source, int]]:
        from diptych.storage.project import new_uuid

        taken = {a.uuid for a in self.project.articles.all()}
        sources, parsed, uuids = [], [], []
        for source in self.doc.sources:
            text = source.text.text
            if not text.strip():
                self.skip("text source without text")
                self.skip("selection in a source without text", len(source.selections))
                continue
            title = source.name or "Untitled source"
            content = parse_display(text, "plain")
            parsed.append(
                ParsedArticle(title, source.name, "plain", source.encoding, text, content)
            )
            uuid = source.guid if source.guid and source.guid not in taken else new_uuid()
            taken.add(uuid)
            uuids.append(uuid)
            sources.append(source)
        added = self.project.articles.add_many(parsed=parsed, uuids=uuids) if parsed else []
        self.summary.article_ids = [a.id for a in added]
        result = list(zip(sources, self.summary.article_ids, strict=True))
        for source, article_id in result:
            parts = [source.description, *self._notes(source.note_refs)]
            self._add_memo(MemoKind.ARTICLE, article_id, parts)
        return result

    def _passages(self, articles: list[tuple[_Source, int]]) -> None:
        items: list[NewAnnotation] = []
        taken: set[str] = set()
        for source, article_id in articles:
            crlf_is_two = self._crlf_is_two(source)
            for selection in source.selections:
                item = self._passage(source, article_id, selection, crlf_is_two, taken)
                if item is not None:
                    items.append(item)
        if items:
            self.project.annotations.add_many(items=items)
        self.summary.passages = len(items)
        self.summary.notes = sum(1 for item in items if item.note)
        self.summary.coders = sorted({item.coder for item in items if item.coder})

    def _passage(
        self,
        source: _Source,
        article_id: int,
        selection: _Selection,
        crlf_is_two: bool,
        taken: set[str],
    ) -> NewAnnotation | None:
        text = source.text.text
        start = source.text.offset(selection.start, crlf_is_two=crlf_is_two)
        end = source.text.offset(selection.end, crlf_is_two=crlf_is_two)
        if start == end:
            self.skip("empty selection")
            return None
        if not 0 <= start < end <= len(text):
            self.skip("selection outside its text")
            return None
        if text[start:end].isspace():
            self.skip("selection of whitespace only")
            return None
        tag_ids: list[int] = []
        for ref in selection.code_refs:
            tag_id = self.tag_ids.get(ref)
            if tag_id is None:
                self.skip("coding of an unknown code")
            elif tag_id not in tag_ids:
                tag_ids.append(tag_id)
        parts = [selection.description, *self._notes(selection.note_refs)]
        parts += self._notes(self.linked.get(selection.guid or "", []))
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
            note=_join(parts),
            coder=self._coder(selection.user),
            uuid=uuid,
            created_at=created,
            updated_at=selection.modified or created,
        )

    def _coder(self, guid: str | None) -> str:
        if guid is None or guid == STAND_IN_USER_GUID:
            return ""
        return self.doc.users.get(guid, "")

    def _crlf_is_two(self, source: _Source) -> bool:
        """Whether the source's positions count a Windows line end as two characters.

        Tools differ. Where selections are named after their quote (MAXQDA and Diptych
        do), the reading under which more names match the text wins; otherwise ATLAS.ti
        and MAXQDA count one, and others are taken at their word: two.
        """
        if not source.text.pairs:
            return False
        votes = 0
        for selection in source.selections:
            hint = _spaced(selection.name).strip().rstrip(".…").rstrip()
            if len(hint) < 4:
                continue
            for crlf_is_two, vote in ((True, 1), (False, -1)):
                start = source.text.offset(selection.start, crlf_is_two=crlf_is_two)
                end = source.text.offset(selection.end, crlf_is_two=crlf_is_two)
                quote = _spaced(source.text.text[max(start, 0) : max(end, 0)])
                if quote.startswith(hint):
                    votes += vote
        if votes:
            return votes > 0
        return not _CRLF_AS_ONE.search(self.doc.origin)

    # Notes and memos -------------------------------------------------------------------

    def _link_notes(self) -> None:
        """NVivo ties a note to a selection with a ``Link`` rather than a ``NoteRef``."""
        for origin, target in self.doc.links:
            if origin in self.doc.notes:
                self.linked.setdefault(target, []).append(origin)
            elif target in self.doc.notes:
                self.linked.setdefault(origin, []).append(target)
            else:
                self.skip("link")

    def _notes(self, refs: list[str]) -> list[str]:
        texts = []
        for ref in refs:
            note = self.doc.notes.get(ref)
            if note is None:
                self.skip("reference to a missing note")
                continue
            self.used_notes.add(ref)
            texts.append(note.text)
        return texts

    def _project_memo(self) -> None:
        parts = [self.doc.description, *self._notes(self.doc.note_refs)]
        referenced = self.doc.referenced
        for guid, note in self.doc.notes.items():
            if guid in self.used_notes:
                continue
            if guid in referenced:
                self.skip("note on something not imported")
            elif note.text.strip():
                parts.append(f"## {note.name}\n\n{note.text}" if note.name else note.text)
        self._add_memo(MemoKind.PROJECT, None, parts)

    def _add_memo(self, kind: MemoKind, target: int | None, parts: list[str]) -> None:
        texts = [p.strip() for p in parts if p.strip()]
        if texts:
            self.memos.setdefault((kind, target), []).extend(texts)

    def _write_memo(self, kind: MemoKind, target: int | None, parts: list[str]) -> None:
        text = _join(parts)
        existing = self.project.memos.get(kind=kind, target_id=target)
        if existing is not None and text in existing.text:
            return  # the same file imported again
        if existing is not None and existing.text.strip():
            text = existing.text.rstrip() + "\n\n" + text
        self.project.memos.set(kind=kind, target_id=target, text=text)
        self.summary.memos += 1


def _spaced(text: str) -> str:
    """``text`` with each run of whitespace as one space (kept at the edges)."""
    return _WHITESPACE.sub(" ", text)


def _join(parts: list[str]) -> str:
    """Non-blank parts, each once, separated by blank lines."""
    texts: list[str] = []
    for part in parts:
        part = part.strip()
        if part and part not in texts:
            texts.append(part)
    return "\n\n".join(texts)
