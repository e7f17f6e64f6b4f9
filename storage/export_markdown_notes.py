"""Notes for the Markdown export: kept as Markdown, read by any viewer as the window reads them.

The window renders a note with raw HTML off, so ``<b>`` or ``<script>`` in a note reads
as those characters. Most Markdown viewers (Obsidian, GitHub, editors' previews) would
interpret them instead. :func:`note_markdown` backslash-escapes every ``<`` that could
open a tag, a comment or an HTML block, so that any viewer shows the note as the window
does. Everything else is left as written: emphasis, links, lists, autolinks
(``<https://…>``), entities, and code spans and code blocks, where ``<`` is already text.

Four more things would read differently in one exported file than in the window:

- Images, which the window and the HTML report never load (they show an image's text):
  viewers would load them from their addresses as the file is opened, and a picture
  pasted from the web could report the reader or change after the export. An image is
  written as a link to its address (``![chart](https://…)`` as ``[chart](https://…)``):
  its text, as the window shows it, and an address the reader may follow, nothing
  loaded. Within a link's text, or holding brackets of its own, it is written as its
  text alone, as the window shows it (a link cannot hold another). A picture held in
  the note itself (``data:image/…``) loads nothing from anywhere and is kept.

- Links to ``javascript:``, ``vbscript:``, ``file:`` and ``data:`` addresses, which careful
  viewers refuse (as the window does) but permissive ones make clickable, and mail links
  naming a file to attach, which the window refuses. Such a link, an
  image of one, an autolink to one or a link reference definition of one, is escaped to
  read as the characters written, as careful viewers show it.
- Link reference definitions (``[1]: https://…``), which hold for the whole file: one
  note's ``[1]`` would link to the first note's address, and a citation "[1]" in a note
  without definitions would become a link into another note. Each note's labels get the
  note's own suffix (``[1][1-3fa9c2d1]``, ``[1-3fa9c2d1]: https://…``), so a note's
  references only ever reach its own definitions. A footnote's label (``[^1]``, a link
  reference to viewers without footnotes) is renamed where it stands: ``[^1-3fa9c2d1]``.
- ``%%``, which opens a comment in Obsidian: one left open hides every note after it.
  It is escaped (``%\\%``), as in quotes and titles, and reads as written.

Code is found by the same parser the window uses: its code blocks by their lines, its
code spans by the backtick runs of each paragraph, heading or table row, scanned left to
right as CommonMark does.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from diptych.storage.markdown_links import (
    NoteImage,
    closed_bracket,
    inline_link_end,
    note_images,
    opener_apart,
    openers_after_addresses,
    refused_address,
    refused_destination,
    unclosed_angle_destination,
)

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_OPENS_HTML = re.compile(r"<(?=[A-Za-z/!?])")
_AUTOLINK = re.compile(
    r"<(?:([A-Za-z][A-Za-z0-9.+-]{1,31}:[^<>\x00-\x20]*)"
    r"|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>"
)
_BACKTICKS = re.compile(r"`+")
_LINK_TEXT_END = re.compile(r"\]\(")
_LABEL = re.compile(r"\[((?:[^\[\]\\]|\\.){1,999})\]", re.DOTALL)
_SPACES_TO_END = re.compile(r"[ \t]*(?:\n[ \t>]*)*\Z")  # fails at the first other character
_CONTAINER_MARKS = " \t>-+*0123456789.)"  # what may stand before a definition on its line


@cache
def _parser(*, permissive: bool = False) -> MarkdownIt:
    """The window's parser, reading blocks alone: where code, paragraphs and definitions
    are is all the export asks of it, and reading each paragraph's words besides took as
    long again."""
    parser = block_parser()
    if permissive:  # a definition of any address, as permissive viewers take it
        parser.validateLink = _any_link  # type: ignore[method-assign]
    return parser


def block_parser() -> MarkdownIt:
    """A new parser reading a note's blocks as the window does, leaving their words
    unread (each ``inline`` token's content, without children)."""
    from diptych.storage.import_markdown import make_markdown_parser

    parser = make_markdown_parser()
    parser.core.ruler.disable(["inline", "text_join"])
    return parser


def _any_link(url: str) -> bool:
    return True


def note_markdown(note: str) -> str:
    """``note`` (Markdown) as it goes into the export; see the module docstring.

    Every ``<`` that could start raw HTML is escaped as ``\\<``, every link to a refused
    address is escaped to read as written, and every reference label gets the note's suffix.
    """
    return "\n".join(rewritten_note(note)[0])


def rewritten_note(note: str) -> tuple[list[str], list[Token] | None]:
    """:func:`note_markdown`'s lines, one for each line of ``note``, and the blocks it
    read ``note`` as (None if it needed no reading, or took lines together)."""
    note = note.replace("\r\n", "\n").replace("\r", "\n")
    if (
        _OPENS_HTML.search(note) is None
        and "]:" not in note
        and "%%" not in note
        and "![" not in note
        and not any(refused_destination(note, m.start()) for m in _LINK_TEXT_END.finditer(note))
    ):
        return note.split("\n"), None  # most notes: nothing to change, found without the parser
    lines = note.split("\n")
    env: dict[str, Any] = {}
    code: set[int] = set()
    inline: set[tuple[int, int]] = set()
    tokens = _parser().parse(note, env)
    for token in tokens:
        if token.map is None:
            continue
        if token.type in ("code_block", "fence"):
            code.update(range(*token.map))
        elif token.type == "inline":
            inline.add((token.map[0], token.map[1]))
    references: dict[str, dict[str, Any]] = env.get("references", {})
    _refuse_definitions(note, lines, code)
    # The window's own definitions: a label whose first definition is refused reaches a
    # later one there, as it does in the export.
    kept = {label for label, ref in references.items() if not refused_address(str(ref["href"]))}
    rewriter = _Rewriter(kept, hashlib.sha256(note.encode()).hexdigest()[:8], references)
    done: set[int] = set(code)
    gone: set[int] = set()  # lines an image written as its text took into the one before
    for label, reference in references.items():
        if label in kept:  # a definition's address and title lines: never shown as text
            done.update(range(reference["map"][0] + 1, reference["map"][1]))
    for start, end in sorted(inline):
        rows = [row for row in range(start, end) if row not in done]
        if rows and rows == list(range(rows[0], rows[-1] + 1)):
            lines[rows[0]] = rewriter.not_a_definition(lines[rows[0]])
            text = rewriter.rewrite("\n".join(lines[row] for row in rows)).split("\n")
            # An image written as its text takes one line where its address ran onto the
            # next: the paragraph's lines left over go (none is left blank, which would
            # end the paragraph there)
            gone.update(rows[len(text) :])
            for row, line in zip(rows, text, strict=False):
                lines[row] = line
            done.update(rows)
    for row, line in enumerate(lines):  # any other line: a definition, a list marker...
        if row not in done:
            lines[row] = rewriter.definition(line) or rewriter.rewrite(line)
    if gone:
        return [line for row, line in enumerate(lines) if row not in gone], None
    return lines, tokens


def _refuse_definitions(note: str, lines: list[str], code: set[int]) -> None:
    """Escape the definitions of refused addresses in ``lines``.

    The colon after the label is escaped (``[1]\\: javascript:…``), so the line reads as
    careful viewers show it: text, in which ``[1]`` still links to another definition of
    the label if the note has one; ``\\[`` when the label does not end on that line.
    """
    if "]:" not in note:
        return
    env: dict[str, Any] = {}
    _parser(permissive=True).parse(note, env)
    for reference in env.get("references", {}).values():
        if refused_address(str(reference["href"])):
            row = reference["map"][0]
            if row not in code:  # text now, as careful viewers show it
                lines[row] = _not_a_definition_line(lines[row])


def _not_a_definition_line(line: str) -> str:
    start = line.find("[")
    match = _LABEL.match(line, start) if start >= 0 else None
    if match is not None and line.startswith(":", match.end()):
        return f"{line[: match.end()]}\\{line[match.end() :]}"
    return line.replace("[", "\\[", 1)


class _Rewriter:
    """Scans text outside code, escaping raw HTML and refused links, renaming labels,
    writing images as links.

    Args:
        labels: the normalised labels of the note's definitions to rename.
        suffix: what the note's labels get, unique to the note.
        references: the note's definitions, as markdown-it read them.
    """

    def __init__(self, labels: set[str], suffix: str, references: dict[str, Any]) -> None:
        self._labels = labels
        self._suffix = suffix
        self._references = references
        self._keep_until = 0  # a link destination's end: no labels renamed before it
        self._open = 0  # brackets open that may end a link's text
        self._closed_at = -1  # just after the last bracket that closed one

    def definition(self, line: str) -> str | None:
        """``line`` with its definition's label renamed, or None if it defines none."""
        from markdown_it.common.utils import normalizeReference

        start = line.find("[")
        if start < 0 or line[:start].strip(_CONTAINER_MARKS):
            return None
        match = _LABEL.match(line, start)
        if match is None or not line.startswith(":", match.end()):
            return None
        if normalizeReference(match[1]) not in self._labels:
            return None
        return f"{line[:start]}[{self._new(match[1])}]{line[match.end() :]}"

    def not_a_definition(self, line: str) -> str:
        """``line``, which starts a paragraph, escaped where it could read as a definition.

        Escaping its ``<`` could turn ``[x]: <b>bold</b>`` into the definition
        ``[x]: \\<b>bold\\</b>``, hiding the line; ``\\[x]:`` reads as it did.
        """
        from markdown_it.common.utils import normalizeReference

        start = line.find("[")
        if start < 0 or line[:start].strip(_CONTAINER_MARKS):
            return line
        match = _LABEL.match(line, start)
        if match is None or not line.startswith(":", match.end()):
            return line
        if normalizeReference(match[1]) in self._labels:
            return line  # a link to one of the note's definitions, then a colon
        return f"{line[:start]}\\{line[start:]}"

    def rewrite(self, text: str) -> str:
        """``text`` (one or more lines of one block) rewritten."""
        out: list[str] = []
        pos = 0
        self._keep_until = 0
        self._open, self._closed_at = 0, -1
        images = note_images(text, self._references)
        apart = openers_after_addresses(text)  # after an address: see opener_apart
        while pos < len(text):
            char = text[pos]
            if char == "!" and pos in images:
                pos = _image(text, pos, images[pos], out)
            elif char == "\\" and pos + 1 in apart:
                out.append(opener_apart(text[pos + 2]))  # "\\<" of the note's own
                pos += 3
            elif char == "\\":
                out.append(text[pos : pos + 2])  # an escaped character: never an opener
                pos += 2
            elif char == "`":
                pos = _code_span(text, pos, out)
            elif char == "<":
                pos = _angle(text, pos, out, apart=pos in apart)
            elif char == "%" and text.startswith("%", pos + 1):
                out.append("%\\%")  # an Obsidian comment would hide the notes after it
                pos += 2
            elif pos < self._keep_until or char not in "[]":
                out.append(char)
                pos += 1
            elif char == "[":
                pos = self._bracket(text, pos, out)
            else:
                closes = self._open > 0  # the end of a link's text, perhaps
                if closes:
                    self._open -= 1
                    self._closed_at = pos + 1
                pos = self._destination(text, pos, out, closes=closes)
        return "".join(out)

    def _bracket(self, text: str, pos: int, out: list[str]) -> int:
        """A reference to one of the note's definitions gets the renamed label."""
        from markdown_it.common.utils import normalizeReference

        match = _LABEL.match(text, pos)
        if match is not None and _ends_in_open_paren(text, match.end()):
            match = None  # "[1](" and nothing after it: no link at all, as markdown-it reads it
        if match is not None and normalizeReference(match[1]) in self._labels:
            if pos == self._closed_at:
                out.append(f"[{self._new(match[1])}]")  # [text][label]
                return match.end()
            after = text[match.end() : match.end() + 2]
            if match[1].startswith("^") and not (
                inline_link_end(text, match.end()) >= 0 or closed_bracket(text, match.end())
            ):
                out.append(f"[{self._new(match[1])}]")  # a footnote's, renamed where it is
                return match.end()
            if after == "[]" or not (
                inline_link_end(text, match.end()) >= 0  # an inline link's text
                or closed_bracket(text, match.end())  # a full reference's text
            ):
                out.append(f"{match[0]}[{self._new(match[1])}]")  # [label] and [label][]
                return match.end() + (2 if after == "[]" else 0)
        out.append("[")
        self._open += 1
        return pos + 1

    def _new(self, label: str) -> str:
        from markdown_it.common.utils import MD_TRIM_RE, mdTrim

        return f"{mdTrim(MD_TRIM_RE.sub(' ', label))}-{self._suffix}"

    def _destination(self, text: str, pos: int, out: list[str], *, closes: bool) -> int:
        """A ``]``; before ``(``, escaped when the link's address is refused."""
        if not text.startswith("(", pos + 1):
            out.append("]")
            return pos + 1
        if refused_destination(text, pos) or unclosed_angle_destination(text, pos):
            out.append("]\\(")  # text, as the window reads it (an unclosed "<" stays one)
        else:
            out.append("](")
            if closes:  # an address and title hold no labels
                self._keep_until = inline_link_end(text, pos + 1)
        return pos + 2


def _image(text: str, pos: int, image: NoteImage, out: list[str]) -> int:
    """An image at ``pos`` written as a link to its address, or as its text alone; a
    picture held in the note itself (a ``data:`` address) is loaded from nowhere: kept."""
    if image.address[:5].lower() == "data:":
        out.append("!")
        return pos + 1
    if not (image.in_link or image.nested or refused_address(image.address)):
        _escape_exclamation_mark(out)
        return pos + 1  # "[text](address)" from here on, rewritten as a link is
    from diptych.storage.export_markdown_text import escape_text

    out.append(escape_text(image.alt.replace("\n", " ")))
    return image.end


def _escape_exclamation_mark(out: list[str]) -> None:
    """Escape a ``!`` written just before an image written as a link: "Wow!![chart](…)"
    would otherwise be written "Wow![chart](…)", an image again, without the "!"."""
    last = out[-1] if out else ""
    before = last[:-1]
    # Backslashes are copied in pairs with what they escape: an odd run escapes the "!".
    if last.endswith("!") and (len(before) - len(before.rstrip("\\"))) % 2 == 0:
        out[-1] = before + "\\!"


def _ends_in_open_paren(text: str, pos: int) -> bool:
    """True if ``(`` stands at ``pos`` with nothing but spaces after it to the block's end
    (and the quote markers of its lines)."""
    return text.startswith("(", pos) and _SPACES_TO_END.match(text, pos + 1) is not None


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


def _angle(text: str, pos: int, out: list[str], *, apart: bool) -> int:
    """Copy an autolink whole; escape a ``<`` that could open HTML or a refused autolink
    (``apart``: written :func:`~diptych.storage.markdown_links.opener_apart`)."""
    autolink = _AUTOLINK.match(text, pos)
    if autolink is not None and not (autolink[1] and refused_address(autolink[1])):
        out.append(autolink[0])
        return autolink.end()
    if apart:
        out.append(opener_apart(text[pos + 1]))
        return pos + 2
    out.append("\\<" if _OPENS_HTML.match(text, pos) else "<")
    return pos + 1
