"""Reading a REFI-QDA project (``.qdpx``) or codebook (``.qdc``) into plain records.

The reader never touches a project: it turns the XML into the records of
:mod:`diptych.storage.refiqda_records`, counting what it leaves out (PDF, picture, audio
and video sources, sets, cases, variables, graphs, selections without valid positions,
elements and attributes outside the schema). Files named in the document are only ever
read from inside the archive, never from the disk.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path
from urllib.parse import unquote
from xml.etree.ElementTree import Element

from diptych.storage.article_titles import one_line
from diptych.storage.errors import ExchangeFileError
from diptych.storage.held_files import read_start
from diptych.storage.importing import MAX_ARTICLE_BYTES
from diptych.storage.refiqda_common import (
    INTERNAL_SCHEME,
    PROJECT_ENTRY,
    REFI_ADVICE,
    REFI_NAMESPACES,
    SOURCES_FOLDER,
    ElementReader,
    decode_source,
    from_xs_datetime,
    import_color,
    normalize_guid,
    parse_xml,
    split_tag,
)
from diptych.storage.refiqda_positions import SourceText
from diptych.storage.refiqda_records import (
    ExchangeCode,
    ExchangeDocument,
    ExchangeNote,
    ExchangeSelection,
    ExchangeSource,
)
from diptych.storage.safezip import SafeZip, ZipLimits, member_name

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
_MAX_DIGITS = 18  # fits SQLite's INTEGER, and far beyond MAX_ARTICLE_BYTES
_XS_INTEGER = re.compile(rf"[+-]?0*[0-9]{{1,{_MAX_DIGITS}}}")


def read_exchange_file(path: Path, limits: ZipLimits) -> ExchangeDocument:
    """Read the REFI-QDA file at ``path`` into records, without touching any project.

    A zip (or any ``.qdpx``) is read as a project archive; anything else as a bare XML
    document, whose root says whether it is a codebook or a project.

    Raises:
        ExchangeFileError: the file is missing, unreadable, damaged, unsafe or not REFI-QDA.
    """
    try:
        mode = path.stat().st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):  # a pipe would be waited on
            raise ExchangeFileError(
                "is not a regular file", path=path, advice="Choose a .qdpx or .qdc file."
            )
        head = read_start(path, 4)  # the open project, chosen by mistake, keeps its locks
    except FileNotFoundError:
        raise ExchangeFileError("does not exist", path=path) from None
    except OSError as exc:
        raise ExchangeFileError(f"cannot be read ({exc.strerror or exc})", path=path) from None
    if head.startswith(b"PK") or path.suffix.lower() == ".qdpx":
        with SafeZip.open(path, limits=limits) as archive:
            entry = _project_entry(archive)
            folder = entry.rpartition("/")[0]
            return _Reader(path, archive, folder).read(archive.read(entry))
    return _Reader(path, None).read(_read_small(path))


def _project_entry(archive: SafeZip) -> str:
    """The project document's name in the archive.

    Besides ``project.qde`` at the top, a lone ``.qde`` at the top is taken, and so is a
    project one folder down: an exchange file unpacked and zipped again as a folder (as
    the Finder's "Compress" does, adding ``__MACOSX/``) keeps everything in that folder.
    """
    name = archive.find(PROJECT_ENTRY)
    if name is None:
        others = [n for n in archive.names() if "/" not in n and n.lower().endswith(".qde")]
        name = others[0] if len(others) == 1 else None
    if name is None:
        nested = [
            n
            for n in archive.names()
            if n.count("/") == 1
            and n.lower().endswith("/" + PROJECT_ENTRY)
            and not n.startswith("__MACOSX/")
        ]
        name = nested[0] if len(nested) == 1 else None
    if name is None:
        raise ExchangeFileError(
            f"is a zip archive without {PROJECT_ENTRY}, so it is not a REFI-QDA project",
            path=archive.path,
            advice=REFI_ADVICE,
        )
    return name


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
    def __init__(self, path: Path, archive: SafeZip | None, folder: str = "") -> None:
        self.path = path
        self.archive = archive
        self.sources_folder = f"{folder}/{SOURCES_FOLDER}" if folder else SOURCES_FOLDER
        self.elements = ElementReader()
        self.skipped_sources: list[str] = []

    def read(self, data: bytes) -> ExchangeDocument:
        root = parse_xml(data, path=self.path, member=PROJECT_ENTRY if self.archive else None)
        namespace, name = split_tag(root.tag)
        if namespace not in REFI_NAMESPACES or name not in ("Project", "CodeBook"):
            raise ExchangeFileError(
                f"is XML but not a REFI-QDA project or codebook (it begins with <{name}>)",
                path=self.path,
                advice=REFI_ADVICE,
            )
        self.elements.check_attributes(name, root)
        document = ExchangeDocument("project" if name == "Project" else "codebook")
        document.origin = (root.get("origin") or "").strip()
        if name == "CodeBook":
            self._codebook(root, document)
        else:
            self._project(root, document)
        document.skipped = self.elements.skipped
        document.skipped_sources = self.skipped_sources
        document.referenced = {
            guid
            for element in root.iter()
            if split_tag(element.tag)[1] in ("NoteRef", "MemberNote")
            for guid in _ref(element)
        }
        document.referenced.update(guid for link in document.links for guid in link)
        return document

    def _codebook(self, root: Element, document: ExchangeDocument) -> None:
        for name, child in self.elements.children(root):
            if name == "Codes":
                document.codes = self._codes(child)
            else:
                self.elements.skip(_UNUSED_SECTIONS.get(name, name), len(child))

    def _project(self, root: Element, document: ExchangeDocument) -> None:
        for name, child in self.elements.children(root):
            if name == "Users":
                for _, user in self.elements.children(child):
                    guid = normalize_guid(user.get("guid"))
                    if guid:
                        document.users[guid] = _user_name(user, guid)
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

    def _codes(self, parent: Element) -> list[ExchangeCode]:
        return [self._code(element, 1) for _, element in self.elements.children(parent)]

    def _code(self, element: Element, depth: int) -> ExchangeCode:
        color = import_color(element.get("color"))
        if color is None and (element.get("color") or "").strip():
            self.elements.skip("code colour not understood (a palette colour was used)")
        code = ExchangeCode(
            guid=normalize_guid(element.get("guid")),
            name=element.get("name") or "",
            color=color,
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

    def _sources(self, parent: Element, document: ExchangeDocument) -> None:
        for name, element in self.elements.children(parent):
            if name == "TextSource":
                source = self._text_source(element)
                if source is not None:
                    document.sources.append(source)
                continue
            kind, selection = _OTHER_SOURCES[name]
            self.elements.skip(kind)
            self.skipped_sources.append(source_label(element.get("name"), kind))
            selections = sum(1 for c in element if split_tag(c.tag)[1] == selection)
            self.elements.skip(f"{kind} selection", selections)

    def _text_source(self, element: Element) -> ExchangeSource | None:
        children = self.elements.children(element)
        raw = self._text(element, children, what="text source")
        if raw is None:
            self.elements.skip(
                "selection in a source without text", _count(children, "PlainTextSelection")
            )
            return None
        text, encoding = raw
        source = ExchangeSource(
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
            self._no_text(element, what, "without plain text", "it has no plain text")
            return None
        if not location.lower().startswith(INTERNAL_SCHEME) or self.archive is None:
            # A path outside the archive (absolute:// or relative://) would read a file
            # on this computer that the exchange file merely names: never followed.
            why = f"its text {location} is outside the exchange file"
            self._no_text(element, what, "whose text is outside the exchange file", why)
            return None
        # A backslash between folders is read as "/" in the path, as it is in the names
        # of the archive's members (safezip.member_name).
        wanted = member_name(f"{self.sources_folder}/{location[len(INTERNAL_SCHEME) :]}")
        wanted = re.sub("/+", "/", wanted)
        # The standard calls these paths URLs: "internal:///a.txt" and "My%20notes.txt"
        # are seen too.
        member = self.archive.find(wanted) or self.archive.find(member_name(unquote(wanted)))
        if member is None:
            why = f"its text file {wanted} is not in the exchange file"
            self._no_text(element, what, "whose text file is missing", why)
            return None
        if self.archive.size(member) > MAX_ARTICLE_BYTES:
            why = f"its text file {member} is too large to import"
            self._no_text(element, what, "too large to import", why)
            return None
        return decode_source(self.archive.read(member))

    def _no_text(self, element: Element, what: str, kind: str, why: str) -> None:
        """Count a source or note whose text cannot be read; name a source and say why."""
        self.elements.skip(f"{what} {kind}")
        if what == "text source":
            self.skipped_sources.append(source_label(element.get("name"), why))

    def _selection(self, element: Element) -> ExchangeSelection | None:
        start, end = _integer(element.get("startPosition")), _integer(element.get("endPosition"))
        if start is None or end is None:
            self.elements.skip("selection without valid positions")
            return None
        selection = ExchangeSelection(
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
                # Some files name the coder only on the coding.
                selection.user = selection.user or normalize_guid(child.get("creatingUser"))
                for part, ref in self.elements.children(child):
                    target = _ref(ref)
                    (selection.code_refs if part == "CodeRef" else selection.note_refs).extend(
                        target
                    )
        return selection

    def _note(self, element: Element, document: ExchangeDocument) -> None:
        children = self.elements.children(element)
        guid = normalize_guid(element.get("guid"))
        text = self._text(element, children, what="note")
        selections = [c for n, c in children if n == "PlainTextSelection"]
        if text is None:
            self.elements.skip("selection inside a note", len(selections))
            return
        if guid is None:  # nothing can refer to it: it joins the project memo
            guid = f"note without a guid {len(document.notes)}"
        document.notes[guid] = ExchangeNote(
            name=" ".join((element.get("name") or "").split()),
            text=SourceText.from_raw(text[0]).text,
            selections=[s for s in map(self._selection, selections) if s is not None],
            user=normalize_guid(element.get("creatingUser") or element.get("modifyingUser")),
            created=from_xs_datetime(element.get("creationDateTime")),
        )

    def _links(self, parent: Element, document: ExchangeDocument) -> None:
        for _, link in self.elements.children(parent):
            ends = normalize_guid(link.get("originGUID")), normalize_guid(link.get("targetGUID"))
            if ends[0] and ends[1]:
                document.links.append((ends[0], ends[1]))
            else:
                self.elements.skip("link without an origin or a target")


def _user_name(user: Element, guid: str) -> str:
    """A user's name; the schema makes it optional, so else its id, else its GUID's start."""
    for given in (user.get("name"), user.get("id")):
        name = " ".join((given or "").split())
        if name:
            return name
    return f"User {guid[:8]}"


def shown_name(name: str | None) -> str:
    """A source's name as the summary shows it: on one line, without control characters
    or bidi overrides, cut to 80 characters."""
    return _cut(one_line(name or ""), 80)


def source_label(name: str | None, why: str) -> str:
    """A skipped source as the summary names it: its name in quotes, and why."""
    shown, why = shown_name(name), _cut(" ".join(why.split()), 200)
    return f"“{shown}” ({why})" if shown else f"a source without a name ({why})"


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _ref(element: Element) -> list[str]:
    guid = normalize_guid(element.get("targetGUID"))
    return [guid] if guid else []


def _count(children: list[tuple[str, Element]], name: str) -> int:
    return sum(1 for n, _ in children if n == name)


def _integer(value: str | None) -> int | None:
    """An ``xs:integer`` position; None if it is not one or too long to be a position.

    Only ASCII digits count (``int`` would also take ``1_000`` and Arabic-Indic digits);
    a number of more than :data:`_MAX_DIGITS` digits cannot fall inside any text Diptych
    imports.
    """
    match = _XS_INTEGER.fullmatch((value or "").strip())
    return int(match[0]) if match else None
