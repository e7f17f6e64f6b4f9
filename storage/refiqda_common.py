"""What the REFI-QDA exporter and importer share: names, GUIDs, dates and safe XML parsing.

REFI-QDA (QDA-XML 1.0, REFI-QDA standard 1.5) is the exchange format of NVivo, ATLAS.ti,
MAXQDA, QualCoder and others. A ``.qdpx`` is a zip of ``project.qde`` (namespace
:data:`PROJECT_NS`) and a ``sources/`` folder; a ``.qdc`` is a bare codebook
(:data:`CODEBOOK_NS`). The schemas are in ``tests/data/refiqda/``.
"""

from __future__ import annotations

import codecs
import re
import uuid as uuidlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml
from defusedxml.ElementTree import fromstring as safe_fromstring

from diptych.storage.decoding import decode_cp1252, looks_binary, utf16_without_mark
from diptych.storage.errors import ExchangeFileError, InputError
from diptych.storage.palette import normalize_color

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PROJECT_ENTRY = "project.qde"
SOURCES_FOLDER = "sources"
INTERNAL_SCHEME = "internal://"

# GUIDs that Diptych derives (codings, notes, the stand-in user) are name-based UUIDs in
# this namespace, so that the same project always exports the same bytes.
DIPTYCH_GUID_NAMESPACE = uuidlib.UUID("6f1d8a52-3c7e-5b0e-9a4d-2b8c1f0e7d39")

# Passages with no coder are exported as coded by this user; importing maps it back to
# "no coder" instead of inventing a coder name.
STAND_IN_USER_GUID = str(uuidlib.uuid5(DIPTYCH_GUID_NAMESPACE, "stand-in user"))
STAND_IN_USER_NAME = "Diptych user"

_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
# Hyphen look-alikes seen in GUIDs copied out of the specification PDF.
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-"})
# Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

REFI_ADVICE = (
    "Diptych reads REFI-QDA project files (.qdpx) and codebooks (.qdc) as exported by"
    " NVivo, ATLAS.ti, MAXQDA or QualCoder."
)


def tag(namespace: str, name: str) -> str:
    """The ElementTree name of a REFI element, e.g. ``{urn:QDA-XML:project:1.0}Code``."""
    return f"{{{namespace}}}{name}"


def split_tag(name: str) -> tuple[str, str]:
    """An ElementTree name as (namespace, local name); the namespace is "" if none."""
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return "", name


def normalize_guid(value: str | None) -> str | None:
    """A GUID as lower-case ``8-4-4-4-12`` text, without braces; None if it is not one."""
    if not value:
        return None
    text = value.strip().translate(_HYPHENS)
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1]
    return text.lower() if _GUID.fullmatch(text) else None


def stable_guid(*parts: str) -> str:
    """A GUID derived from ``parts``: the same parts always give the same GUID."""
    return str(uuidlib.uuid5(DIPTYCH_GUID_NAMESPACE, "\x1f".join(parts)))


def as_guid(value: str) -> str:
    """``value`` if it is a GUID (normalised), else a GUID derived from it."""
    return normalize_guid(value) or stable_guid("id", value)


def to_xs_datetime(value: str) -> str | None:
    """A stored timestamp as ``xs:dateTime`` in UTC with a ``Z``; None if it is not one."""
    moment = _parse_moment(value)
    # isoformat, not strftime: strftime writes the year 33 as "33", not "0033"
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def from_xs_datetime(value: str | None) -> str | None:
    """An ``xs:dateTime`` as Diptych stores times (UTC, to the second, with a ``Z``)."""
    return to_xs_datetime(value) if value else None


# A moment this close to either end of the calendar cannot be shown in every time zone
# (year 1 at midnight UTC is still year 0 in New York): such a date is taken as missing.
_EARLIEST = datetime.min.replace(tzinfo=UTC) + timedelta(days=2)
_LATEST = datetime.max.replace(tzinfo=UTC) - timedelta(days=2)


def _parse_moment(value: str) -> datetime | None:
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)  # REFI tools that omit the zone mean UTC
        moment = moment.astimezone(UTC)
    except (ValueError, OverflowError):  # not a date, or its zone takes it off the calendar
        return None
    return moment.replace(microsecond=0) if _EARLIEST <= moment <= _LATEST else None


def xml_text(value: str) -> str:
    """``value`` with the characters XML 1.0 cannot hold replaced by U+FFFD (same length)."""
    return _NOT_XML.sub("\ufffd", value)


def import_color(value: str | None) -> str | None:
    """A REFI ``color`` attribute as ``#RRGGBB``; None if missing or not a colour.

    Some tools write an alpha channel (``#RRGGBBAA``); the alpha is dropped.
    """
    if not value:
        return None
    text = value.strip()
    if len(text) == 9 and text.startswith("#"):
        text = text[:7]
    try:
        return normalize_color(text)
    except InputError:
        return None


def parse_xml(data: bytes, *, path: Path, member: str | None = None) -> Element:
    """Parse untrusted XML: DTDs, entities and external references are refused.

    Raises:
        ExchangeFileError: the XML is malformed or uses a forbidden construct.
    """
    where = f" ({member})" if member else ""
    try:
        try:
            root: Element = safe_fromstring(data, forbid_dtd=True)
        except ParseError as error:
            repaired = _mislabelled_cp1252(data)
            if repaired is None:
                raise
            try:
                root = safe_fromstring(repaired, forbid_dtd=True)
            except ParseError:
                raise error from None  # the file's own fault, not its encoding
        return root
    except defusedxml.DefusedXmlException as exc:
        raise ExchangeFileError(
            f"contains XML with a document type or entity declaration{where}, which Diptych"
            " refuses because it can read other files or exhaust memory",
            path=path,
            advice="Only open exchange files from a source you trust. " + REFI_ADVICE,
        ) from exc
    except (ParseError, ValueError, LookupError) as exc:  # LookupError: unknown encoding
        raise ExchangeFileError(
            f"is not well-formed XML{where}: {exc}",
            path=path,
            advice="The file may be damaged; export it again. " + REFI_ADVICE,
        ) from exc


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_DECLARED_ENCODING = re.compile(rb"\s*<\?xml[^>]*?\bencoding\s*=\s*[\"']([^\"']*)[\"']")


def _mislabelled_cp1252(data: bytes) -> bytes | None:
    """``data`` re-encoded as UTF-8 if it says UTF-8 (or nothing) but is not; else None.

    QualCoder on Windows writes its codebook (``.qdc``) in the system's Windows-1252
    while declaring UTF-8, so every accented code name ("Sécurité") breaks the XML.
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    declared = _DECLARED_ENCODING.match(data)
    if declared and declared[1].strip().lower() not in (b"utf-8", b"utf8"):
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        if _UTF8_SEQUENCE.search(data):
            return None  # UTF-8 with a damaged byte: refused, not read as mojibake
        return decode_cp1252(data).encode("utf-8")
    return None  # it is UTF-8: the fault is elsewhere


_XSI = "http://www.w3.org/2001/XMLSchema-instance"

REFI_NAMESPACES = frozenset({PROJECT_NS, CODEBOOK_NS, ""})
"""Namespaces read as REFI elements (some tools write none at all)."""

_STAMPS = frozenset({"creatingUser", "creationDateTime", "modifyingUser", "modifiedDateTime"})
_TEXT_SOURCE = frozenset({"guid", "name", "richTextPath", "plainTextPath"}) | _STAMPS

# The schema's attributes of each element Diptych reads; any other is reported as skipped.
KNOWN_ATTRIBUTES: dict[str, frozenset[str]] = {
    "Project": frozenset({"name", "origin", "creatingUserGUID", "creationDateTime",
                          "modifyingUserGUID", "modifiedDateTime", "basePath"}),
    "CodeBook": frozenset({"origin"}),
    "User": frozenset({"guid", "name", "id"}),
    "Code": frozenset({"guid", "name", "isCodable", "color"}),
    "TextSource": _TEXT_SOURCE,
    "Note": _TEXT_SOURCE,
    "PlainTextSelection": frozenset({"guid", "name", "startPosition", "endPosition"}) | _STAMPS,
    "Coding": frozenset({"guid", "creatingUser", "creationDateTime"}),
    "CodeRef": frozenset({"targetGUID"}),
    "NoteRef": frozenset({"targetGUID"}),
    "Link": frozenset({"guid", "name", "direction", "color", "originGUID", "targetGUID"}),
}  # fmt: skip

_TEXT_SOURCE_CHILDREN = frozenset(
    {"Description", "PlainTextContent", "PlainTextSelection", "Coding", "NoteRef", "VariableValue"}
)

# The schema's child elements of each element Diptych reads; any other is reported.
KNOWN_CHILDREN: dict[str, frozenset[str]] = {
    "Project": frozenset({"Users", "CodeBook", "Variables", "Cases", "Sources", "Notes",
                          "Links", "Sets", "Graphs", "Description", "NoteRef"}),
    "CodeBook": frozenset({"Codes", "Sets"}),
    "Users": frozenset({"User"}),
    "Codes": frozenset({"Code"}),
    "Code": frozenset({"Description", "NoteRef", "Code"}),
    "Sources": frozenset({"TextSource", "PictureSource", "PDFSource", "AudioSource",
                          "VideoSource"}),
    "TextSource": _TEXT_SOURCE_CHILDREN,
    "Note": _TEXT_SOURCE_CHILDREN,
    "PlainTextSelection": frozenset({"Description", "Coding", "NoteRef"}),
    "Coding": frozenset({"CodeRef", "NoteRef"}),
    "Notes": frozenset({"Note"}),
    "Links": frozenset({"Link"}),
    "Link": frozenset({"NoteRef"}),
}  # fmt: skip


class ElementReader:
    """Walks REFI elements and counts what it passes over, so that nothing is dropped
    silently: elements and attributes outside the schema, and whatever the caller skips.

    Attributes:
        skipped: how many of each kind of thing were not imported, by description.
    """

    def __init__(self) -> None:
        self.skipped: dict[str, int] = {}

    def skip(self, what: str, count: int = 1) -> None:
        """Count ``count`` things described as ``what`` as not imported."""
        if count:
            self.skipped[what] = self.skipped.get(what, 0) + count

    def children(self, element: Element) -> list[tuple[str, Element]]:
        """The element's REFI children as (local name, element); others are counted."""
        _, parent = split_tag(element.tag)
        known = KNOWN_CHILDREN.get(parent, frozenset())
        result = []
        for child in element:
            namespace, name = split_tag(child.tag)
            if namespace not in REFI_NAMESPACES or name not in known:
                self.skip(f"unknown element <{name}> in <{parent}>")
                continue
            self.check_attributes(name, child)
            result.append((name, child))
        return result

    def check_attributes(self, name: str, element: Element) -> None:
        """Count the element's attributes that its schema does not define."""
        known = KNOWN_ATTRIBUTES.get(name)
        if known is None:
            return
        for key in element.attrib:
            namespace, attribute = split_tag(key)
            if namespace == _XSI:
                continue  # xsi:schemaLocation and the like describe the file, not the data
            if namespace or attribute not in known:
                self.skip(f"unknown attribute {attribute} on <{name}>")


# UTF-32 marks first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_source(data: bytes) -> tuple[str, str] | None:
    """A source file's text and encoding: a byte-order mark decides (MAXQDA has been seen
    writing UTF-16, QualCoder UTF-8 with a mark), else UTF-16 recognised by its NUL bytes
    (some Windows tools write it without a mark; it is valid UTF-8 when all ASCII, one
    letter and one NUL at a time), else UTF-8, else cp1252.

    The mark itself is not part of the text: REFI positions count from the first
    character after it. NULs become U+FFFD, keeping every offset in place. None if the
    file is not text (many control characters, such as a file of NUL bytes, which reads
    as UTF-16 of U+0000).
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text, encoding = data.decode(codec, errors="replace"), codec
            break
    else:
        wide = utf16_without_mark(data) if b"\x00" in data else None
        if wide is not None:
            text, encoding = wide
        else:
            try:
                text, encoding = data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                text, encoding = decode_cp1252(data), "cp1252"
    text = text.removeprefix("\ufeff")
    if looks_binary(text):
        return None
    return text.replace("\x00", "\ufffd"), encoding
