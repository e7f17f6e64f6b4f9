"""How the REFI-QDA importer reads an untrusted file: its XML parsed with document types
and entities refused (and a codebook mislabelled as UTF-8 read as what it is), the
schema's elements and attributes walked with whatever is passed over counted, and its
source texts decoded whatever their encoding.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

import defusedxml
from defusedxml.ElementTree import fromstring as safe_fromstring

from diptych.storage.decoding import decode_cp1252, looks_binary, utf16_without_mark
from diptych.storage.errors import ExchangeFileError
from diptych.storage.refiqda_common import CODEBOOK_NS, PROJECT_NS, REFI_ADVICE, split_tag


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
        if is_blank(data):
            raise empty_exchange_file(path, member) from None
        raise ExchangeFileError(
            f"is not well-formed XML{where}: {exc}",
            path=path,
            advice="The file may be damaged; export it again. " + REFI_ADVICE,
        ) from exc


def is_blank(data: bytes) -> bool:
    """True if ``data`` holds nothing, or only white space (a byte-order mark at most
    before it), as an article file counts as empty."""
    decoded = decode_source(data)
    return decoded is not None and not decoded[0].strip()


def empty_exchange_file(path: Path, member: str | None = None) -> ExchangeFileError:
    """The error for an empty REFI-QDA file (or an empty ``member`` of a project archive):
    said as such, as an empty article file is, not as XML or a zip that cannot be read."""
    what = "codebook" if path.suffix.lower() == ".qdc" and member is None else "project"
    return ExchangeFileError(
        f"holds an empty {member}" if member else "is empty",
        path=path,
        advice=f"Copy or download the file again, or export the {what} again from the"
        " program that made it.",
    )


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
    "Variable": frozenset({"guid", "name", "typeOfVariable"}),
    "VariableRef": frozenset({"targetGUID"}),
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
    "Variables": frozenset({"Variable"}),
    "Variable": frozenset({"Description"}),
    "VariableValue": frozenset({"VariableRef", "TextValue", "BooleanValue", "IntegerValue",
                                "FloatValue", "DateValue", "DateTimeValue"}),
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
