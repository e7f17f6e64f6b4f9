"""Definition lists in Markdown articles, written as pandoc and PHP Markdown Extra write
them::

    Tariff
    : A tax on imports.
    : A wall around a market.

    Quota

    :   A limit.

        Set each year.

CommonMark knows none: the term and its definitions ran together as one paragraph,
"Tariff : A tax on imports. : A wall around a market." The block rule here keeps the term
a paragraph of its own and reads each definition as the blocks it holds, indented under
the term: between ``dd_open`` and ``dd_close`` tokens. A term starts a block, as in pandoc
(a colon line in the middle of a paragraph stays a line of it), and a colon with no space
or nothing after it is no definition.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

_CODE_INDENT = 4  # columns: a line indented so far is code, not a term or a definition
_DEFINITION_INDENT = 2  # a definition's later lines are indented this far past its colon


def keep_definitions(parser: MarkdownIt) -> None:
    """Read definition lists in ``parser``'s articles."""
    parser.block.ruler.before("paragraph", "definitions", _definitions, {"alt": ["paragraph"]})


def _definitions(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Block rule: a term and its definitions (or, asked by a paragraph inside a
    definition, whether the line starts the term's next definition)."""
    if silent:
        return state.ddIndent >= 0 and _after_colon(state, start) >= 0
    if state.sCount[start] - state.blkIndent >= _CODE_INDENT or _after_colon(state, start) >= 0:
        return False
    line = start + 1
    if line < end and state.isEmpty(line):
        line += 1  # a blank line may stand between a term and its definition
    if line >= end or state.sCount[line] < state.blkIndent or _after_colon(state, line) < 0:
        return False
    _push_term(state, start)
    while line < end and state.sCount[line] >= state.blkIndent and _after_colon(state, line) >= 0:
        line = _push_definition(state, line, end)
    state.line = line
    return True


def _after_colon(state: StateBlock, line: int) -> int:
    """Where the text after a definition's colon starts on ``line``, or -1 if none does."""
    if state.sCount[line] - state.blkIndent >= _CODE_INDENT:
        return -1
    colon = state.bMarks[line] + state.tShift[line]
    stop = state.eMarks[line]
    if colon >= stop or state.src[colon] != ":":
        return -1
    text = state.skipSpaces(colon + 1)
    if text == colon + 1 or text >= stop:  # ":word", or a colon alone
        return -1
    return colon + 1


def _push_term(state: StateBlock, line: int) -> None:
    state.push("paragraph_open", "p", 1).map = [line, line + 1]
    inline = state.push("inline", "", 0)
    inline.content = state.getLines(line, line + 1, state.blkIndent, False).strip()
    inline.map = [line, line + 1]
    inline.children = []
    state.push("paragraph_close", "p", -1)


def _push_definition(state: StateBlock, line: int, end: int) -> int:
    """Read the definition starting on ``line`` as blocks; returns the line after it."""
    position, column = _after_colon(state, line), state.sCount[line] + 1
    while position < state.eMarks[line] and state.src[position] in " \t":
        column += 4 - column % 4 if state.src[position] == "\t" else 1
        position += 1
    saved = (state.blkIndent, state.ddIndent, state.tShift[line], state.sCount[line], state.tight)
    state.push("dd_open", "dd", 1).map = [line, line + 1]
    state.blkIndent = state.ddIndent = state.sCount[line] + _DEFINITION_INDENT
    state.tShift[line] = position - state.bMarks[line]
    state.sCount[line] = column
    try:
        state.md.block.tokenize(state, line, end)
    finally:
        state.blkIndent, state.ddIndent, state.tShift[line], state.sCount[line], state.tight = saved
    state.push("dd_close", "dd", -1)
    return max(state.line, line + 1)
