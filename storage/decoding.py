"""Turning an article file's bytes into text.

Article files come from scrapers, editors and browsers' "save page", in whatever encoding
those used. The rules, in order:

1. refuse what is not text at all (known binary formats, NUL bytes, many control characters)
   and files with nothing in them;
2. a byte-order mark decides: UTF-8 (``"utf-8-sig"``), UTF-32 or UTF-16 (``"utf-16"``);
   after a UTF-8 mark, stray bytes that are not UTF-8 are read as in rule 5
   (``"utf-8+cp1252"``);
3. bytes that are valid UTF-8 are UTF-8;
4. for HTML, a ``<meta charset>`` in the first 4 KB (or else an XML declaration) names the
   encoding, as browsers read the name (:mod:`diptych.storage.charset_labels`); bytes not
   of that encoding read as "\ufffd" (``"cp932+replaced"``);
5. UTF-8 text with a few stray bytes that are not UTF-8 (a curly quote or an accented letter
   pasted from an older program) is UTF-8 with those bytes read as cp1252
   (``"utf-8+cp1252"``), when its UTF-8 letters show it to be UTF-8 and most of its bytes
   beyond ASCII are UTF-8 (see :func:`_utf8_with_strays`);
6. otherwise an older program's encoding: of another script than Latin (Cyrillic, Greek,
   Hebrew, Arabic) where the text clearly reads so (:mod:`diptych.storage.legacy_scripts`),
   or a Chinese, Japanese or Korean one (GB18030, Big5, Shift_JIS, EUC-JP, EUC-KR) where
   the whole file reads without an error and its characters are those of such a text
   (:mod:`diptych.storage.cjk_encodings`, ``"gb18030+letters"``), else the legacy Windows
   encoding, cp1252 (its five unassigned bytes read as Latin-1, so that no byte is ever
   lost).

The text is then normalised: a leading BOM character is dropped and CRLF and lone CR become
``"\\n"``. Nothing here knows about Qt or the project database.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from dataclasses import dataclass

from diptych.storage.charset_labels import REPLACED, codec_for_label, reads_as_windows_1252
from diptych.storage.cjk_encodings import BY_LETTERS, cjk_encoding
from diptych.storage.control_characters import BINARY_SIGNS
from diptych.storage.errors import ArticleFileError
from diptych.storage.legacy_scripts import other_script
from diptych.storage.utf16_text import utf16_without_mark

SUPPORTED_ADVICE = "Diptych imports plain text (.txt), Markdown (.md) and web pages (.html)."

# Magic numbers of formats people commonly pick by mistake, with the name the user knows.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"SQLite format 3\x00", "an SQLite database (perhaps a Diptych project)"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
)

# UTF-32 marks first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)

# cp1252 over Latin-1: bytes 0x80-0x9F get their Windows meaning where cp1252 has one;
# the five it leaves unassigned (0x81 0x8D 0x8F 0x90 0x9D) keep their Latin-1 code point.
_CP1252_OVER_LATIN1 = {
    byte: bytes([byte]).decode("cp1252")
    for byte in range(0x80, 0xA0)
    if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}

# The same, a character for each byte: a table codecs.charmap_decode reads quickly.
_CP1252_TABLE = "".join(_CP1252_OVER_LATIN1.get(byte, chr(byte)) for byte in range(256))

# Bytes that are not UTF-8, as the "surrogateescape" error handler leaves them, and the
# cp1252 (over Latin-1) character each stands for.
_STRAY_AS_CP1252 = {
    0xDC00 + byte: _CP1252_OVER_LATIN1.get(byte, chr(byte)) for byte in range(0x80, 0x100)
}
_NOT_ASCII_BYTES = bytes(range(0x80, 0x100))
# Characters whose UTF-8 bytes are, read as cp1252, only ever mojibake ("Ã©", "â€œ"):
# Latin-1 letters and signs, general punctuation (dashes, quotes) and the euro sign.
_WESTERN = re.compile("[\u00a0-\u00ff\u2010-\u205f\u20ac]")

_CONTROL_SAMPLE = 65536
_CONTROL_SHARE = 0.05

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_DECLARATION = re.compile(
    rb"""\A\s*<\?xml\s[^>]*?encoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)""", re.I
)
_META_SNIFF_BYTES = 4096


@dataclass(frozen=True, slots=True)
class DecodedText:
    """Text decoded from an article file.

    Attributes:
        text: the text, newlines normalised to ``"\\n"``, without a leading BOM.
        encoding: the encoding used, e.g. ``"utf-8"`` or ``"cp1252"``.
    """

    text: str
    encoding: str


def decode_article(data: bytes, *, name: str, html: bool = False) -> DecodedText:
    """Decode an article file's bytes.

    Args:
        data: the file's contents.
        name: the file's name, for messages.
        html: True for web pages, whose ``<meta charset>`` is then honoured.

    Returns:
        The decoded, newline-normalised text and the encoding used.

    Raises:
        ArticleFileError: the file is empty or is not text.
    """
    if not data:
        raise _empty(name)
    _refuse_known_binary(data, name)
    text, encoding = _decode(data, name=name, html=html)
    text = normalise_newlines(text.removeprefix("\ufeff"))
    if not text.strip():
        raise _empty(name)
    if looks_binary(text):
        raise _binary(name, "many control characters")
    # A NUL inside UTF-16/32 text (the only way one gets here) would cut the text short
    # in C-string APIs; the replacement character keeps every offset where it was.
    return DecodedText(text.replace("\x00", "\ufffd"), encoding)


def looks_binary(text: str) -> bool:
    """True if the start of ``text`` holds many control characters that never occur in
    text: the bytes it was decoded from are not text (a file of NUL bytes, say, which
    reads as UTF-16)."""
    sample = text[:_CONTROL_SAMPLE]
    return len(BINARY_SIGNS.findall(sample)) > _CONTROL_SHARE * len(sample)


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR into ``"\\n"``."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


# The encoding recorded for a web page read as the Windows-1252 (or Latin-1, which browsers
# read so) it names; "cp1252" is a file read so for want of any other reading, which is
# worth a word to the user (see diptych.storage.reading_notes).
DECLARED_CP1252 = "windows-1252"


def decode_cp1252(data: bytes) -> str:
    """Decode ``data`` as cp1252, reading its five unassigned bytes as Latin-1."""
    return codecs.charmap_decode(data, "strict", _CP1252_TABLE)[0]


def _decode(data: bytes, *, name: str, html: bool) -> tuple[str, str]:
    """Pick the encoding and decode; see the module docstring for the order."""
    if data.startswith(codecs.BOM_UTF8):
        return _utf8_after_mark(data[len(codecs.BOM_UTF8) :])
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), label
    if b"\x00" in data:
        guessed = utf16_without_mark(data)
        if guessed is None:
            raise _binary(name, "NUL bytes", advice=_NUL_ADVICE)
        return guessed
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if html:
        declared = _declared_charset(data[:_META_SNIFF_BYTES])
        if declared is not None:
            try:
                return _declared(data, declared)
            except (LookupError, UnicodeError, ValueError):
                pass  # a codec that cannot decode at all: fall back like a browser
    mixed = _utf8_with_strays(data)
    if mixed is not None:
        return mixed, "utf-8+cp1252"
    western = decode_cp1252(data)
    if html and _names_windows_1252(data[:_META_SNIFF_BYTES]):
        return western, DECLARED_CP1252  # as it says: nothing to tell the user
    script = other_script(data, western)
    if script is not None:
        with contextlib.suppress(UnicodeDecodeError):  # past the part looked at: no byte lost
            return data.decode(script), script
    cjk = cjk_encoding(data)
    if cjk is not None:
        with contextlib.suppress(UnicodeDecodeError):  # past the part looked at: no byte lost
            return data.decode(cjk), cjk + BY_LETTERS
    return western, "cp1252"


def _declared(data: bytes, codec: str) -> tuple[str, str]:
    """``data`` read in the encoding its page names, as browsers read it: each byte that
    is not of that encoding shows as "\ufffd", and the encoding recorded says so."""
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError:
        return data.decode(codec, errors="replace"), codec + REPLACED


def _utf8_after_mark(data: bytes) -> tuple[str, str]:
    """The bytes after a UTF-8 mark: UTF-8, its stray bytes (if any) read as cp1252, as the
    mark says UTF-8 whatever the letters show; the mark itself is not part of the text."""
    try:
        return data.decode("utf-8"), "utf-8-sig"
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="surrogateescape")
        return text.translate(_STRAY_AS_CP1252), "utf-8+cp1252"


def _utf8_with_strays(data: bytes) -> str | None:
    """``data`` as UTF-8 with each byte that is not UTF-8 read as cp1252, if it is UTF-8
    text into which a few such bytes strayed; None if it reads better as cp1252.

    A cp1252 file seldom holds a run of bytes that is valid UTF-8 by chance (an accented
    capital before a quote or a no-break space), and when it does, the character is a
    rare one. So the UTF-8 reading is taken when the text holds a UTF-8 character that
    cp1252 would garble into the familiar "Ã©" or "â€œ", or more UTF-8 characters than
    stray bytes (text in another alphabet, such as Cyrillic). Never when most of its bytes
    beyond ASCII are stray ones: a Chinese or Japanese file in an older encoding holds
    many UTF-8 characters by chance, but far more bytes that are not UTF-8.
    """
    text = data.decode("utf-8", errors="surrogateescape")  # a stray byte: one character
    strays = len(data) - len(data.decode("utf-8", errors="ignore").encode())
    ascii_bytes = len(data.translate(None, _NOT_ASCII_BYTES))
    if 2 * strays > len(data) - ascii_bytes:
        return None
    utf8 = len(text) - ascii_bytes - strays
    if not _WESTERN.search(text) and utf8 <= strays:
        return None
    return text.translate(_STRAY_AS_CP1252)


def _declared_charset(head: bytes) -> str | None:
    """The codec named by a ``<meta charset>`` in ``head`` or else by its XML declaration
    (as XHTML, EPUB chapters among them, names it), if it is one worth obeying (see
    :func:`~diptych.storage.charset_labels.codec_for_label`)."""
    label = _charset_label(head)
    return None if label is None else codec_for_label(label)


def _names_windows_1252(head: bytes) -> bool:
    """True if the ``<meta charset>`` (or XML declaration) in ``head`` names Windows-1252,
    Latin-1 or ASCII, which browsers all read as Windows-1252."""
    label = _charset_label(head)
    return label is not None and reads_as_windows_1252(label)


def _charset_label(head: bytes) -> str | None:
    """The encoding's name in a ``<meta charset>`` in ``head``, or else in its XML
    declaration, as written; None if neither names one."""
    match = _META_CHARSET.search(head) or _XML_DECLARATION.match(head)
    return None if match is None else match.group(1).decode("ascii")


def _refuse_known_binary(data: bytes, name: str) -> None:
    """Raise for files whose first bytes mark a well-known binary format."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ArticleFileError(
                f"is {kind}, not a text article", path=name, advice=SUPPORTED_ADVICE
            )


# Text in UTF-16 or UTF-32 (which hold NUL bytes) that could not be told from other bytes.
_NUL_ADVICE = (
    "If it is text in another encoding (such as UTF-16), save it as UTF-8 and import it "
    f"again. {SUPPORTED_ADVICE}"
)


def _binary(name: str, reason: str, *, advice: str = SUPPORTED_ADVICE) -> ArticleFileError:
    return ArticleFileError(f"is not a text file ({reason})", path=name, advice=advice)


def _empty(name: str) -> ArticleFileError:
    return ArticleFileError(
        "is empty",
        path=name,
        advice="Choose a file that holds the article's text.",
    )
