"""One value of a Markdown file's front matter, read as YAML reads it, without a YAML library.

Front matter is YAML, and a title holding quotes is written in one of its three forms
(Obsidian's web clipper, Jekyll and Hugo write them so): double-quoted, with backslash
escapes (``"Why \\"Made in China\\" matters"``); single-quoted, a quote doubled
(``'It''s the economy'``); or plain, its quotes its own (``Trump calls it "fake"``).
:func:`yaml_scalar` reads each as the text it stands for. A value may run on over the lines
indented under its key, or be a block (``|`` or ``>``) on those lines: they are read as one
line, as a title is.
"""

from __future__ import annotations

import re

_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85",
    "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
_BLOCK = re.compile(r"[|>][+-]?[1-9]?[+-]?(?:\s+#.*)?")
_COMMENT = re.compile(r"\s#")  # in a plain value: the rest of the line is a comment


def front_matter_value(lines: list[str], key: str) -> str | None:
    """The value of ``key`` in front matter ``lines`` (the first, if it is given twice),
    read by :func:`yaml_scalar`, with the lines indented under it; None without it."""
    for row, line in enumerate(lines):
        name, colon, value = line.partition(":")
        if colon and not line[:1].isspace() and name.strip().lower() == key:
            more = []
            for following in lines[row + 1 :]:
                if following[:1] not in (" ", "\t") and following.strip():
                    break
                more.append(following.strip())
            if _BLOCK.fullmatch(value.strip()):
                return " ".join(" ".join(more).split())
            return yaml_scalar(" ".join([value.strip(), *more]).strip())
    return None


def yaml_scalar(value: str) -> str:
    """``value`` (what follows ``key:`` on its line) as the text it stands for. A value
    that only starts with a quote (``'Quoted' and more``), not YAML, is read as written."""
    if value[:1] in ("'", '"'):
        text, end = _double_quoted(value) if value[0] == '"' else _single_quoted(value)
        rest = value[end + 1 :].strip()
        if not rest or rest.startswith("#"):  # nothing after it, or a comment
            return text.strip()
    comment = _COMMENT.search(value)
    return (value[: comment.start()] if comment else value).strip()


def _single_quoted(value: str) -> tuple[str, int]:
    """The text of a single-quoted scalar (``''`` is one quote) and where it ends."""
    text, at = [], 1
    while at < len(value):
        if value[at] == "'":
            if not value.startswith("''", at):
                break
            at += 1
        text.append(value[at])
        at += 1
    return "".join(text), at


def _double_quoted(value: str) -> tuple[str, int]:
    """The text of a double-quoted scalar (its escapes read) and where it ends."""
    text: list[str] = []
    at = 1
    while at < len(value) and value[at] != '"':
        if value[at] == "\\" and at + 1 < len(value):
            escaped, length = _escape(value, at + 1)
            if length:
                text.append(escaped)
                at += 1 + length
                continue
        text.append(value[at])  # a backslash escaping nothing YAML knows stays as written
        at += 1
    return "".join(text), at


def _escape(value: str, at: int) -> tuple[str, int]:
    """The character escaped by what follows a backslash at ``at``, and its length; 0 if
    YAML knows no such escape."""
    code = value[at]
    digits = _HEX_DIGITS.get(code, 0)
    if digits:
        hex_part = value[at + 1 : at + 1 + digits]
        if len(hex_part) != digits or any(c not in "0123456789abcdefABCDEF" for c in hex_part):
            return "", 0
        number = int(hex_part, 16)
        valid = number <= 0x10FFFF and not 0xD800 <= number <= 0xDFFF  # no lone surrogate
        return (chr(number) if valid else "\ufffd"), 1 + digits
    if code in _ESCAPES:
        return _ESCAPES[code], 1
    return "", 0
