"""The words of a Markdown export kept to what they say.

Titles, quotes, tag paths and names are escaped so that they read as text whatever they
hold: a quote starting with ``#``, ``-`` or ``1.`` stays a quote, and ``*``, ``_``, ``[``,
``$``, ``==`` or ``%%`` in it do not turn into emphasis, links, Obsidian maths, highlights
or comments. Right-to-left words keep to their place in a line of others. Notes and memos
stay Markdown inside a block quote (see :mod:`diptych.storage.export_markdown_notes`).
"""

from __future__ import annotations

import re

from diptych.storage.control_characters import BIDI_CONTROLS
from diptych.storage.export_markdown_notes import note_markdown

_INLINE = re.compile(r"([\\`*_\[\]<>|~$#])")
_SPECIAL = re.compile(r"[\\`*_\[\]<>|~$#&=%]")
_SPECIAL_START = frozenset("-+=0123456789 \t")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LEADING_SPACE = re.compile(r"^[ \t]+")
_LINE_START = re.compile(r"^([-+=])|^(\d+)([.)])")
# A line's indentation with its block quote and list marks, each followed by white space.
_LAYOUT = re.compile(r"(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*")
_RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def escape_text(text: str) -> str:
    """``text`` escaped to read literally as one Markdown paragraph line (no newlines)."""
    if not text or (text[0] not in _SPECIAL_START and _SPECIAL.search(text) is None):
        return text
    text = _INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"\\&", text).replace("==", "=\\=").replace("%%", "%\\%")
    text = _LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text)
    return _LEADING_SPACE.sub(lambda m: m[0].replace(" ", "&#32;").replace("\t", "&#9;"), text)


def isolated(text: str) -> str:
    """``text`` kept to its own place in a line of other words.

    Its bidi embeddings and overrides go (an unclosed U+202E in a title reversed the rest
    of the citation line: "coded by Alice" read "ecilA yb dedoc"), and right-to-left text
    is wrapped in U+2068 ... U+2069 (first strong isolate), so that it cannot swap places
    with the pieces beside it. Left-to-right text is returned as it is.
    """
    if BIDI_CONTROLS.search(text):
        text = BIDI_CONTROLS.sub("", text)
    return f"\u2068{text}\u2069" if _RIGHT_TO_LEFT.search(text) else text


def one_line(text: str) -> str:
    """``text`` with runs of whitespace (newlines included) made single spaces."""
    return " ".join(text.split())


def quoted(markdown: str, prefix: str = "> ") -> list[str]:
    """Lines putting ``markdown`` (kept as Markdown) inside a block quote."""
    lines = markdown.replace("\r\n", "\n").replace("\r", "\n").strip("\n").split("\n")
    return [prefix + _tabs_as_spaces(line) if line.strip() else prefix.rstrip() for line in lines]


def _tabs_as_spaces(line: str) -> str:
    """``line`` with the tabs in its indentation and list or quote marks made spaces.

    Markdown sets tab stops every four columns from the start of the line, and the
    block quote's ``"> "`` moves them: a note line indented with a tab (F2 types one) is
    a code block in the window but read as a paragraph in the quote, and a tab after a
    list mark shifted the item's text. As spaces, the indentation stays what it was.
    """
    if "\t" not in line:
        return line
    layout = _LAYOUT.match(line)
    if layout is None or "\t" not in layout[0]:
        return line
    return layout[0].expandtabs(4) + line[layout.end() :]


def quoted_note(markdown: str) -> list[str]:
    """A note or memo inside a block quote: Markdown, with raw HTML shown as text."""
    return quoted(note_markdown(markdown))
