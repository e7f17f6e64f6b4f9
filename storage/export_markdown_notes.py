"""Notes for the Markdown export: kept as Markdown, with raw HTML shown as text.

The window renders a note with raw HTML off, so ``<b>`` or ``<script>`` in a note reads
as those characters. Most Markdown viewers (Obsidian, GitHub, editors' previews) would
interpret them instead. :func:`note_markdown` backslash-escapes every ``<`` that could
open a tag, a comment or an HTML block, so that any viewer shows the note as the window
does. Everything else is left as written: emphasis, links, lists, autolinks
(``<https://…>``), entities, and code spans and code blocks, where ``<`` is already text.

Code is found by the same parser the window uses: its code blocks by their lines, its
code spans by the backtick runs of each paragraph, heading or table row, scanned left to
right as CommonMark does.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_OPENS_HTML = re.compile(r"<(?=[A-Za-z/!?])")
_AUTOLINK = re.compile(
    r"<(?:[A-Za-z][A-Za-z0-9.+-]{1,31}:[^<>\x00-\x20]*"
    r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>"
)
_BACKTICKS = re.compile(r"`+")


@cache
def _parser() -> MarkdownIt:
    from diptych.storage.import_markdown import make_markdown_parser

    return make_markdown_parser()


def note_markdown(note: str) -> str:
    """``note`` (Markdown) with every ``<`` that could start raw HTML escaped as ``\\<``."""
    note = note.replace("\r\n", "\n").replace("\r", "\n")
    if _OPENS_HTML.search(note) is None:
        return note
    lines = note.split("\n")
    code: set[int] = set()
    inline: set[tuple[int, int]] = set()
    for token in _parser().parse(note):
        if token.map is None:
            continue
        if token.type in ("code_block", "fence"):
            code.update(range(*token.map))
        elif token.type == "inline":
            inline.add((token.map[0], token.map[1]))
    done: set[int] = set(code)
    for start, end in sorted(inline):
        rows = [row for row in range(start, end) if row not in done]
        if rows and rows == list(range(rows[0], rows[-1] + 1)):
            text = _escaped_inline("\n".join(lines[row] for row in rows)).split("\n")
            for row, line in zip(rows, text, strict=True):
                lines[row] = line
            done.update(rows)
    for row, line in enumerate(lines):  # any other line: a thematic break, a list marker...
        if row not in done:
            lines[row] = _escaped_inline(line)
    return "\n".join(lines)


def _escaped_inline(text: str) -> str:
    """``text`` with each ``<`` opening HTML escaped, outside code spans and autolinks."""
    out: list[str] = []
    pos = 0
    while pos < len(text):
        char = text[pos]
        if char == "\\":
            out.append(text[pos : pos + 2])  # an escaped character: never an opener
            pos += 2
        elif char == "`":
            pos = _code_span(text, pos, out)
        elif char == "<":
            pos = _angle(text, pos, out)
        else:
            out.append(char)
            pos += 1
    return "".join(out)


def _code_span(text: str, pos: int, out: list[str]) -> int:
    """Copy the code span opening at ``pos`` whole, or its unmatched backticks."""
    opener = _BACKTICKS.match(text, pos)
    assert opener is not None
    for closer in _BACKTICKS.finditer(text, opener.end()):
        if len(closer[0]) == len(opener[0]):
            out.append(text[pos : closer.end()])
            return closer.end()
    out.append(opener[0])
    return opener.end()


def _angle(text: str, pos: int, out: list[str]) -> int:
    """Copy an autolink whole; escape a ``<`` that could open HTML."""
    autolink = _AUTOLINK.match(text, pos)
    if autolink is not None:
        out.append(autolink[0])
        return autolink.end()
    out.append("\\<" if _OPENS_HTML.match(text, pos) else "<")
    return pos + 1
