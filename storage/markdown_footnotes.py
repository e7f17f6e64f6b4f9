"""Footnotes in Markdown articles, written as pandoc, GitHub and PHP Markdown Extra write
them::

    Tariffs rose[^1] and fell.[^note]

    [^1]: In 1930.
    [^note]: As the second note says.

        A note may hold more paragraphs, indented.

CommonMark knows none: the reference stayed "[^1]" in the sentence and the definition a
paragraph of its own, "[^1]: In 1930." where it was written. Here a reference is shown as
the note's number raised ("rose¹"), in the superscript digits that search already reads
as a word of their own (see :mod:`diptych.storage.search_folding`), so that the display
text itself shows the number as a reader sees it, and quotes and exports keep it so.
Notes are numbered in the order they are first referred to, and gathered at the article's
end under a "Notes" heading as a numbered list, as pandoc and GitHub show them (under the
article's own last heading instead when nothing but notes follows it). A note nobody
refers to is kept too, numbered after the others: no word of an article is lost. A
reference to a note that is not defined stays the text it is.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

NOTES_HEADING = "Notes"
"""The heading the notes are gathered under."""
NOTES = "notes"
"""Marks, in its ``meta``, the first token of the notes gathered at the article's end."""
RAISED_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_CODE_INDENT = 4  # columns: a line indented so far is code, not a definition
_NOTE_INDENT = 4  # a note's later blocks are indented this far
_OPEN, _CLOSE, _REFERENCE = "footnote_open", "footnote_close", "footnote_ref"


@dataclass
class _Notes:
    """The article's notes, kept in the parser's environment while it reads."""

    labels: set[str] = field(default_factory=set)  # the notes defined, by label


def keep_footnotes(parser: MarkdownIt) -> None:
    """Read footnote references and definitions in ``parser``'s articles."""
    parser.block.ruler.before(
        "reference", "footnote_definition", _definition, {"alt": ["paragraph", "reference"]}
    )
    parser.inline.ruler.after("image", "footnote_reference", _reference)
    parser.core.ruler.after("inline", "footnotes_at_the_end", _gather_notes)


def _notes(env: MutableMapping[str, Any]) -> _Notes:
    notes = env.get("footnotes")
    if not isinstance(notes, _Notes):
        notes = env["footnotes"] = _Notes()
    return notes


def _label_key(label: str) -> str:
    """A label as references match it: without regard to case, as pandoc matches."""
    return label.casefold()


def _label_end(src: str, start: int, stop: int) -> int:
    """Where the ``]`` of a label starting at ``start`` (after ``[^``) is, or -1: a label
    holds no space, line end or bracket, and at least one character."""
    pos = start
    while pos < stop:
        char = src[pos]
        if char == "]":
            return pos if pos > start else -1
        if char in " \t\n[":
            return -1
        pos += 1
    return -1


def _definition(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Block rule: ``[^label]: text``, and the blocks indented under it, is a note."""
    if state.sCount[start] - state.blkIndent >= _CODE_INDENT:
        return False
    begin = state.bMarks[start] + state.tShift[start]
    stop = state.eMarks[start]
    if not state.src.startswith("[^", begin):
        return False
    close = _label_end(state.src, begin + 2, stop)
    if close < 0 or close + 1 >= stop or state.src[close + 1] != ":":
        return False
    if silent:
        return True
    label = state.src[begin + 2 : close]
    _notes(state.env).labels.add(_label_key(label))
    opened = state.push(_OPEN, "", 1)
    opened.meta, opened.map = {"label": label}, [start, start + 1]
    _read_note(state, start, end, close + 2)
    state.push(_CLOSE, "", -1)
    return True


def _read_note(state: StateBlock, line: int, end: int, after_colon: int) -> None:
    """Read the note's blocks, its first line starting after its colon."""
    saved = (
        state.bMarks[line],
        state.tShift[line],
        state.sCount[line],
        state.parentType,
        state.blkIndent,
    )
    column = state.sCount[line] + after_colon - (state.bMarks[line] + state.tShift[line])
    first, pos = column, after_colon
    while pos < state.eMarks[line] and state.src[pos] in " \t":
        column += 4 - column % 4 if state.src[pos] == "\t" else 1
        pos += 1
    state.bMarks[line] = after_colon
    state.tShift[line] = pos - after_colon
    state.sCount[line] = column - first
    state.blkIndent += _NOTE_INDENT
    state.parentType = "footnote"
    if state.sCount[line] < state.blkIndent:
        state.sCount[line] += state.blkIndent
    try:
        state.md.block.tokenize(state, line, end)
    finally:
        (
            state.bMarks[line],
            state.tShift[line],
            state.sCount[line],
            state.parentType,
            state.blkIndent,
        ) = saved
    state.line = max(state.line, line + 1)


def _reference(state: StateInline, silent: bool) -> bool:
    """Inline rule: ``[^label]`` refers to the note of that label, if there is one."""
    start, stop = state.pos, state.posMax
    if not state.src.startswith("[^", start):
        return False
    close = _label_end(state.src, start + 2, stop)
    if close < 0:
        return False
    label = state.src[start + 2 : close]
    if _label_key(label) not in _notes(state.env).labels:
        return False  # no such note: the text it is
    if not silent:
        state.push(_REFERENCE, "", 0).meta = {"label": label}
    state.pos = close + 1
    return True


def _gather_notes(state: StateCore) -> None:
    """Core rule: number the references in reading order and move the notes to the end."""
    if not isinstance(state.env.get("footnotes"), _Notes):
        return
    tokens, notes = _take_notes(state.tokens)
    order = _numbered(tokens, notes)
    tail = [] if _ends_with_heading(tokens) else _heading()
    tail.append(Token("ordered_list_open", "ol", 1, block=True))
    tail[0].meta[NOTES] = True
    for label in order:
        tail.append(Token("list_item_open", "li", 1, block=True))
        tail += notes[label]
        tail.append(Token("list_item_close", "li", -1, block=True))
    tail.append(Token("ordered_list_close", "ol", -1, block=True))
    state.tokens = tokens + tail if order else tokens


def _numbered(tokens: list[Token], notes: dict[str, list[Token]]) -> list[str]:
    """The notes' labels in the order they are numbered: first referred to in the article,
    then in a note (a note may refer to another), then as written for those none refers
    to; each reference is written as its note's number."""
    numbers: dict[str, int] = {}  # each note's number, by label
    order = _number_references(tokens, numbers)
    unreferred = iter(notes)  # the notes as written
    done = 0
    while True:
        while done < len(order):
            order += _number_references(notes[order[done]], numbers)
            done += 1
        label = next((key for key in unreferred if key not in numbers), None)
        if label is None:
            return order
        numbers[label] = len(numbers) + 1
        order.append(label)


def _take_notes(tokens: list[Token]) -> tuple[list[Token], dict[str, list[Token]]]:
    """The tokens without the notes, and each note's blocks by label (the first note of
    a label keeps it; a later one keeps its words, under a label of its own). A note
    written inside another is a note of its own."""
    kept: list[Token] = []
    notes: dict[str, list[Token]] = {}
    written: dict[str, int] = {}  # how many notes of each label
    inside = [kept]  # where tokens go: the innermost open note, or the article
    for token in tokens:
        if token.type == _OPEN:
            key = _label_key(str(token.meta["label"]))
            written[key] = written.get(key, 0) + 1
            if written[key] > 1:
                key += f"\0{written[key]}"  # a second note of the label: none refers to it
            notes[key] = []
            inside.append(notes[key])
        elif token.type == _CLOSE and len(inside) > 1:
            inside.pop()
        else:
            inside[-1].append(token)
    return kept, notes


def _number_references(tokens: list[Token], numbers: dict[str, int]) -> list[str]:
    """Write each reference in ``tokens`` as its note's raised number, numbering notes
    not referred to before (their labels are returned, in order); references side by side
    are parted by a comma ("¹,²")."""
    new: list[str] = []
    for token in tokens:
        before: Token | None = None
        for child in token.children or ():
            if child.type == _REFERENCE:
                key = _label_key(str(child.meta["label"]))
                if key not in numbers:
                    numbers[key] = len(numbers) + 1
                    new.append(key)
                number = str(numbers[key])
                side_by_side = before is not None and before.type == _REFERENCE
                child.content = ("," if side_by_side else "") + number.translate(RAISED_DIGITS)
            before = child
    return new


def _ends_with_heading(tokens: list[Token]) -> bool:
    """True if the article ends with a heading (its own heading of the notes)."""
    return len(tokens) >= 3 and tokens[-1].type == "heading_close"


def _heading() -> list[Token]:
    inline = Token("inline", "", 0, content=NOTES_HEADING, block=True)
    inline.children = [Token("text", "", 0, content=NOTES_HEADING)]
    return [
        Token("heading_open", "h2", 1, markup="##", block=True),
        inline,
        Token("heading_close", "h2", -1, markup="##", block=True),
    ]
