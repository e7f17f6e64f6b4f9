"""Reading the texts of a REFI-QDA project: its text sources and notes, each with its
plain text (inline, or a file inside the archive: never one on the disk that the document
merely names) and its selections, and a source's address where Diptych wrote it (the value
of its variable :data:`~diptych.storage.refiqda_common.SOURCE_ADDRESS_GUID`). Sources of
other kinds (PDF, picture, audio, video), texts that cannot be read and selections
without valid positions are counted as left out, and a source left out is named in the
summary with why."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote
from xml.etree.ElementTree import Element

from diptych.storage.article_titles import one_line
from diptych.storage.importing import MAX_ARTICLE_BYTES
from diptych.storage.refiqda_common import (
    INTERNAL_SCHEME,
    SOURCE_ADDRESS_GUID,
    SOURCES_FOLDER,
    from_xs_datetime,
    normalize_guid,
    split_tag,
)
from diptych.storage.refiqda_parse import ElementReader, decode_source
from diptych.storage.refiqda_positions import SourceText
from diptych.storage.refiqda_records import (
    ExchangeDocument,
    ExchangeNote,
    ExchangeSelection,
    ExchangeSource,
)
from diptych.storage.safezip import SafeZip, member_name
from diptych.storage.source_addresses import web_address

_OTHER_SOURCES = {
    "PDFSource": ("PDF source", "PDFSelection"),
    "PictureSource": ("picture source", "PictureSelection"),
    "AudioSource": ("audio source", "AudioSelection"),
    "VideoSource": ("video source", "VideoSelection"),
}
_MAX_DIGITS = 18  # fits SQLite's INTEGER, and far beyond MAX_ARTICLE_BYTES
_XS_INTEGER = re.compile(rf"[+-]?0*[0-9]{{1,{_MAX_DIGITS}}}")


class TextReader:
    """Reads the sources and notes of the project document at ``path`` (``archive``: the
    exchange file it is in, whose ``folder`` holds it; None for a bare XML document),
    counting what it leaves out in ``elements``."""

    def __init__(
        self, path: Path, archive: SafeZip | None, elements: ElementReader, folder: str = ""
    ) -> None:
        self.path = path
        self.archive = archive
        self.sources_folder = f"{folder}/{SOURCES_FOLDER}" if folder else SOURCES_FOLDER
        self.elements = elements
        self.skipped_sources: list[str] = []

    def sources(self, parent: Element, document: ExchangeDocument) -> None:
        """Add the text sources under ``parent`` to ``document``; count the others."""
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
                source.note_refs.extend(refs(child))
            elif name == "Coding":
                self.elements.skip("coding of a whole source")
            elif name == "VariableValue":
                self._variable_value(child, source)
        return source

    def _variable_value(self, element: Element, source: ExchangeSource) -> None:
        """The source's address, if ``element`` is the value Diptych gives it; any other
        variable's value is counted as left out."""
        parts = dict(self.elements.children(element))
        named = refs(parts["VariableRef"]) if "VariableRef" in parts else []
        if named != [SOURCE_ADDRESS_GUID]:
            self.elements.skip("variable value")
            return
        address = web_address(parts["TextValue"].text or "") if "TextValue" in parts else ""
        if address:
            source.address = address
        else:
            self.elements.skip("source address that is not a web address")

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
        decoded = decode_source(self.archive.read(member))
        if decoded is None:
            why = f"its text file {member} is not text"
            self._no_text(element, what, "that is not text", why)
        return decoded

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
                selection.note_refs.extend(refs(child))
            else:
                # Some files name the coder only on the coding.
                selection.user = selection.user or normalize_guid(child.get("creatingUser"))
                for part, ref in self.elements.children(child):
                    target = refs(ref)
                    (selection.code_refs if part == "CodeRef" else selection.note_refs).extend(
                        target
                    )
        return selection

    def note(self, element: Element, document: ExchangeDocument) -> None:
        """Add the note ``element`` to ``document``, unless its text cannot be read."""
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


def refs(element: Element) -> list[str]:
    """The GUID a reference (``NoteRef``, ``CodeRef``...) points at, if it is one."""
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
