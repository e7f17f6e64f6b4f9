"""The words of a Markdown export kept to what they say.

Titles, quotes, tag paths and names are escaped so that they read as text whatever they
hold: a quote starting with ``#``, ``-`` or ``1.`` stays a quote, and ``*``, ``_``, ``[``,
``$``, ``==`` or ``%%`` in it do not turn into emphasis, links, Obsidian maths, highlights
or comments; nor, in Pandoc's Markdown, ``@smith2004``, ``2^10^``, ``{.unnumbered}`` and
``--`` into citations, superscripts, a heading's attributes and a dash (``--force``), or
``a.``, ``iv)`` and ``(a)`` at a line's start into a list (each escape reads as its
character in CommonMark too). Straight quotes and ``...``, which Pandoc sets as curly
quotes and an ellipsis, read the same set so: they are left as written, which keeps the
file readable (every apostrophe escaped, ``don\'t``, was noise). Right-to-left words keep to
their place in a line of others. Notes and memos stay Markdown (see
:mod:`diptych.storage.export_markdown_notes`), as blocks of their own outside the quotes
(:func:`note_lines`): an analyst's words never read as the source's.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from diptych.storage.export_markdown_notes import block_parser, note_markdown, rewritten_note
from diptych.storage.markdown_links import openers_apart_from_addresses

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

_INLINE = re.compile(r"([\\`*\[\]<>|~$#^@{])")
# An underscore inside a word (snake_case, a file_name) never starts or ends emphasis in
# CommonMark: escaped only at a word's edge, where it could.
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_SPECIAL = re.compile(r"[\\`*_\[\]<>|~$#&=%^@{]|--")
_SPECIAL_START = frozenset("-+=:(0123456789 \t")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LEADING_SPACE = re.compile(r"^[ \t]+")
# A list's mark, a definition's, Pandoc's lists of letters and roman numerals ("a. ", "iv) ").
_LINE_START = re.compile(r"^([-+=:(])|^(\d+)([.)])|^([A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)([.)])(?=\s|$)")
# Pandoc's typography: "--" an en dash, "---" an em dash.
_DASH = re.compile(r"(?<=-)-")
# A line's indentation with its block quote and list marks, each followed by white space.
_LAYOUT = re.compile(r"(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*")
# In a table's cell: the inline markup alone (see escape_cell).
_CELL_INLINE = re.compile(r"([\\`*\[\]<|~$^@{])")
_CELL_SPECIAL = re.compile(r"[\\`*_\[\]<|~$#&=%^@{]|--")
_OBSIDIAN_TAG = re.compile(r"#(?=\w*[^\W\d])")  # "#budget", not "#2" ("No. 2")
_MAY_NEED_PARSING = re.compile("[#`~]")  # one line: a heading, an open fence
_ATX_MARKS = re.compile(r"^#{1,6}(?:[ \t]+|$)")
_ATX_CLOSING = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")  # "## Title ##": the closing marks
_SET_APART = frozenset({"bullet_list_open", "ordered_list_open", "blockquote_open"})


def escape_text(text: str) -> str:
    """``text`` escaped to read literally as one Markdown paragraph line (no newlines)."""
    if not text or (
        text[0] not in _SPECIAL_START
        and _SPECIAL.search(text) is None
        and _LINE_START.match(text) is None
    ):
        return text
    text = _typography(_INLINE.sub(r"\\\1", text))
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _ENTITY.sub(r"\\&", text).replace("==", "=\\=").replace("%%", "%\\%")
    text = _LINE_START.sub(_line_start, text)
    text = _LEADING_SPACE.sub(lambda m: m[0].replace(" ", "&#32;").replace("\t", "&#9;"), text)
    return openers_apart_from_addresses(text)


def escape_cell(text: str) -> str:
    """``text`` escaped to read literally as one cell of a Markdown table's row.

    A cell is not the start of a line: a list's ``-``, ``+`` or ``1.``, a heading's ``#``
    and a quote's ``>`` are words there, and figures ("-1.9", "5.1") stay as written.
    Its bars, which would end the cell, its backslashes and the inline markup
    :func:`escape_text` escapes are escaped; a ``#`` only where Obsidian would read a tag.
    """
    if _CELL_SPECIAL.search(text) is None:
        return text
    text = _typography(_CELL_INLINE.sub(r"\\\1", text))
    text = _OBSIDIAN_TAG.sub(r"\\#", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _ENTITY.sub(r"\\&", text).replace("==", "=\\=").replace("%%", "%\\%")
    return openers_apart_from_addresses(text)


def _typography(text: str) -> str:
    """``text`` with its dashes escaped where Pandoc would make them one character
    ("-\\-force" reads "--force", not "–force")."""
    return _DASH.sub(r"\\-", text)


def _line_start(match: re.Match[str]) -> str:
    """A line's start escaped: what would begin a list, a definition, a heading..."""
    if match[1]:
        return f"\\{match[1]}"
    if match[2]:
        return f"{match[2]}\\{match[3]}"
    return f"{match[4]}\\{match[5]}"


def one_line(text: str) -> str:
    """``text`` with runs of whitespace (newlines included) made single spaces."""
    return " ".join(text.split())


def note_lines(markdown: str) -> list[str]:
    """A note as blocks of its own (after its passage's quote): Markdown, with raw HTML
    shown as text (:func:`note_markdown`), that ends where it ends.

    Outside a block quote, a note's ``# heading`` would enter the document's outline
    among the tags' headings, and a code fence left open would take in every passage
    after it. Its headings become bold lines, as the window and the HTML report show
    them, and an open fence is closed. A line break within a paragraph is kept as one
    (two spaces at the line's end), as the window and the HTML report show it: most
    Markdown readers would run the lines together. A list or quote typed right under a
    line is set apart from it by a blank line: Pandoc reads it as more of that line.
    """
    lines = _lines(markdown)
    if len(lines) == 1 and not _MAY_NEED_PARSING.search(markdown):  # most notes
        return [note_markdown(lines[0])]
    # Escaped first, line for line, set out after on the blocks read for escaping: one
    # reading of the note (a long one took a good part of a second each).
    escaped, tokens = rewritten_note("\n".join(lines))
    if tokens is None and len(escaped) == len(lines):  # nothing to escape: read here
        tokens = _parser().parse("\n".join(lines))
    elif tokens is None or any(t.type == "heading_open" and t.level for t in tokens):
        # An image's text took lines together, or a heading in a list or quote, made a
        # bold line, takes the next line into it: set out, then escaped as then read.
        tokens = _parser().parse("\n".join(lines))
        return note_markdown("\n".join(_set_out(lines, tokens))).strip("\n").split("\n")
    return "\n".join(_set_out(escaped, tokens)).strip("\n").split("\n")


def _set_out(lines: list[str], tokens: list[Token]) -> list[str]:
    """``lines`` (of a note read as ``tokens``) set out as blocks of their own: see
    :func:`note_lines`."""
    _hard_breaks(lines, tokens)
    for index in reversed(range(len(tokens))):  # from the end: rows above keep their place
        token = tokens[index]
        if token.map is None:
            continue
        start, end = token.map
        if token.type == "heading_open" and token.level > 0:  # in a list or quote of the note
            _bold_in_place(lines, start, token.markup)
        elif token.level > 0:
            continue
        elif token.type == "heading_open":  # set apart, as a heading is, but by blank lines
            before = [""] if start > 0 and lines[start - 1].strip() else []
            after = [""] if end < len(lines) and lines[end].strip() else []
            heading = _heading_text(lines[start:end], token.markup)
            lines[start:end] = [*before, _bold(heading), *after]
        elif token.type == "fence" and _left_open(lines, start, end, token.markup):
            lines.append(token.markup)
        elif token.type in _SET_APART and start > 0 and lines[start - 1].strip():
            lines.insert(start, "")  # Pandoc's Markdown reads it on in the line before
    return lines


def _heading_text(rows: list[str], markup: str) -> str:
    """A heading's text from its lines as written: ``# Text #`` or ``Text`` over ``===``."""
    if markup.startswith("#"):
        return _ATX_MARKS.sub("", _ATX_CLOSING.sub("", rows[0].strip()))
    return "\n".join(row.strip() for row in rows[:-1])  # the underline left out


def _left_open(lines: list[str], start: int, end: int, markup: str) -> bool:
    """True if the fence opened on row ``start`` runs to the note's end unclosed: it
    would take in every passage after it."""
    if end < len(lines):
        return False
    closing = re.compile(rf" {{0,3}}{re.escape(markup[0])}{{{len(markup)},}}[ \t]*")
    return end - start < 2 or closing.fullmatch(lines[end - 1]) is None


def _bold_in_place(lines: list[str], row: int, markup: str) -> None:
    """A ``# heading`` in a list item or quote of a note made a bold line, in its place.

    (An underlined heading there, rarer still, stays a heading: in its list or quote, it
    is set off from the tags' headings.)
    """
    layout = _LAYOUT.match(lines[row])
    prefix = layout[0] if layout else ""
    if markup.startswith("#") and lines[row].startswith("#", len(prefix)):
        bold = _bold(_heading_text([lines[row][len(prefix) :]], markup))
        # A line of its own, as the heading was, where text follows in the same item.
        follows = row + 1 < len(lines) and lines[row + 1].strip(" \t>") and bold
        lines[row] = (prefix + bold).rstrip() + ("  " if follows else "")


def _lines(markdown: str) -> list[str]:
    return markdown.replace("\r\n", "\n").replace("\r", "\n").strip("\n").split("\n")


def _hard_breaks(lines: list[str], tokens: list[Token]) -> None:
    """End each line of a paragraph but its last with a hard line break (two spaces)."""
    for before, token in pairwise(tokens):
        if token.type == "inline" and before.type == "paragraph_open" and token.map:
            for row in range(token.map[0], token.map[1] - 1):
                if not lines[row].endswith(("\\", "  ")):
                    lines[row] = lines[row].rstrip(" \t") + "  "


@cache
def _parser() -> MarkdownIt:
    return block_parser()  # where the blocks are: their words are not read here


def _bold(heading: str) -> str:
    """A heading's text as a bold line ("" for an empty heading)."""
    if not heading.strip():
        return ""
    if not heading.strip("*_-+ \t"):  # "***": a thematic break, not bold text
        heading = _INLINE.sub(r"\\\1", heading)
    elif "*" in heading or "_" in heading or heading.endswith("\\"):
        return _bold_marked(heading)
    return f"**{heading}**"


def _bold_marked(heading: str) -> str:
    """``heading`` (with ``*``, ``_`` or a last ``\\``) as a bold line: each ``*`` and ``_``
    that reads as itself escaped, and a last ``\\`` that reads as itself doubled, so that
    between the bold's ``**`` they still do (``## Revenue *`` reads "Revenue *", not
    ``**Revenue ***``; ``## D:\\`` "D:\\"). Its own bold's marks are left out: the line is
    bold, and next to the line's ``**`` they would end it (``## **Findings**``)."""
    marks = [t for t in _mark_reader().parseInline(heading)[0].children or [] if "at" in t.meta]
    literal = {t.meta["at"] for t in marks if t.type == "text" and t.content}
    bold = {
        t.meta["at"]
        for t in marks
        if t.type.startswith("strong") or (t.type, t.content) == ("text", "")
    }
    escaped = "".join(
        "" if i in bold else f"\\{c}" if i in literal else c for i, c in enumerate(heading)
    )
    if not _unescaped(escaped, len(escaped)):
        escaped += "\\"  # a backslash at the end shows as itself; before "**" it would not
    return f"**{escaped}**"


def _unescaped(text: str, index: int) -> bool:
    """True if the character at ``index`` follows no backslash that escapes it."""
    return (index - len(text[:index].rstrip("\\"))) % 2 == 0


@cache
def _mark_reader() -> MarkdownIt:
    """A CommonMark reader noting, on each ``*`` and ``_`` it reads, where in the text it
    stands (``meta["at"]``): those still text once read are the ones reading as themselves."""
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import emphasis

    def marks(state: StateInline, silent: bool) -> bool:
        start = state.pos
        if silent or state.src[start] not in "*_":
            return False
        state.pushPending()
        first = len(state.tokens)
        if not emphasis.tokenize(state, silent):
            return False
        for offset, token in enumerate(state.tokens[first:]):
            token.meta["at"] = start + offset
        return True

    reader = MarkdownIt("commonmark").disable(["fragments_join", "text_join"])
    reader.inline.ruler.at("emphasis", marks)
    return reader
