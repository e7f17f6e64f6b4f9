"""Reading a REFI-QDA project (``.qdpx``) or codebook (``.qdc``) into plain records.

The reader never touches a project: it turns the XML into the records of
:mod:`diptych.storage.refiqda_records`, counting what it leaves out (PDF, picture, audio
and video sources, sets, cases, variables but the source address Diptych writes as one,
graphs, selections without valid positions, elements and attributes outside the schema).
Here are the file, its document, its users, codes and links; its sources and notes are
read by :mod:`diptych.storage.refiqda_texts`.
Files named in the document are only ever read from inside the archive, never from the
disk.
"""

from __future__ import annotations

import stat
from pathlib import Path
from xml.etree.ElementTree import Element

from diptych.storage.codebook import MAX_TAG_LEVELS
from diptych.storage.errors import ExchangeFileError
from diptych.storage.held_files import read_start
from diptych.storage.refiqda_common import (
    PROJECT_ENTRY,
    REFI_ADVICE,
    SOURCE_ADDRESS_GUID,
    import_color,
    normalize_guid,
    split_tag,
)
from diptych.storage.refiqda_parse import (
    REFI_NAMESPACES,
    ElementReader,
    empty_exchange_file,
    is_blank,
    parse_xml,
)
from diptych.storage.refiqda_records import (
    ExchangeCode,
    ExchangeDocument,
)
from diptych.storage.refiqda_texts import TextReader, refs
from diptych.storage.safezip import SafeZip, ZipLimits

MAX_CODEBOOK_BYTES = 64 * 1024 * 1024
"""A bare ``.qdc`` codebook larger than this is refused."""

MAX_CODE_DEPTH = MAX_TAG_LEVELS
"""Codes nested deeper than this are skipped, and counted: tags go no deeper."""

_BLANK_AT_MOST = 64 * 1024  # a file of more white space than this is taken for damaged

_UNUSED_SECTIONS = {"Variables": "variable", "Cases": "case", "Sets": "set", "Graphs": "graph"}


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
        if not head.startswith(b"PK") and _blank_file(path):
            raise empty_exchange_file(path)  # not "not a readable zip archive"
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


def _blank_file(path: Path) -> bool:
    """True if the file at ``path`` is empty or holds only a little white space (False if
    it cannot be read: opening it as a zip then says why)."""
    try:
        start = read_start(path, _BLANK_AT_MOST + 1)
    except OSError:
        return False
    return len(start) <= _BLANK_AT_MOST and is_blank(start)


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
        self.elements = ElementReader()
        self.texts = TextReader(path, archive, self.elements, folder)

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
        document.skipped_sources = self.texts.skipped_sources
        document.referenced = {
            guid
            for element in root.iter()
            if split_tag(element.tag)[1] in ("NoteRef", "MemberNote")
            for guid in refs(element)
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
                self.texts.sources(child, document)
            elif name == "Notes":
                for _, note in self.elements.children(child):
                    self.texts.note(note, document)
            elif name == "Links":
                self._links(child, document)
            elif name == "Description":
                document.description = child.text or ""
            elif name == "NoteRef":
                document.note_refs.extend(refs(child))
            elif name == "Variables":
                # Diptych's source address is read on each source; other variables not.
                guids = [normalize_guid(v.get("guid")) for _, v in self.elements.children(child)]
                self.elements.skip("variable", sum(g != SOURCE_ADDRESS_GUID for g in guids))
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
                code.note_refs.extend(refs(child))
            elif depth < MAX_CODE_DEPTH:
                code.children.append(self._code(child, depth + 1))
            else:
                self.elements.skip(f"code nested more than {MAX_CODE_DEPTH} levels deep")
        return code

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
