"""Markdown tables whose rows hold more cells than the header row.

The GitHub table extension drops a row's cells beyond the header's columns, and with them
their words: a pipe written inside inline code (```a|b```) or a cell added to one row
only. An article loses no word, so :func:`keep_every_cell` puts the table rule back in a
form that keeps such cells, after the others, as cells of their own.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.common.utils import mdTrim
from markdown_it.rules_block.state_block import StateBlock
from markdown_it.rules_block.table import escapedSplit, getLine, table
from markdown_it.token import Token


def keep_every_cell(parser: MarkdownIt) -> None:
    """Read ``parser``'s tables with every cell of every row."""
    parser.block.ruler.at("table", _table, {"alt": ["paragraph", "reference"]})


def _table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    first = len(state.tokens)
    if not table(state, start, end, silent):
        return False
    if not silent:
        state.tokens[first:] = list(_with_every_cell(state, state.tokens[first:]))
    return True


def _with_every_cell(state: StateBlock, tokens: list[Token]) -> list[Token]:
    kept: list[Token] = []
    cells, line = 0, -1
    for token in tokens:
        if token.type == "tr_open":
            cells, line = 0, token.map[0] if token.map else -1
        elif token.type in ("td_open", "th_open"):
            cells += 1
        elif token.type == "tr_close" and line >= 0:
            kept += _extra_cells(state, line, cells, token.level + 1)
        kept.append(token)
    return kept


def _extra_cells(state: StateBlock, line: int, cells: int, level: int) -> list[Token]:
    """The cells the table rule left out of the row on ``line``, as it splits a row."""
    columns = escapedSplit(mdTrim(getLine(state, line)))
    if columns and columns[0] == "":
        columns.pop(0)
    if columns and columns[-1] == "":
        columns.pop()
    made: list[Token] = []
    for column in columns[cells:]:
        inline = Token("inline", "", 0, content=mdTrim(column), map=[line, line + 1])
        inline.children = []
        made += [
            Token("td_open", "td", 1, level=level, block=True),
            inline,
            Token("td_close", "td", -1, level=level, block=True),
        ]
        inline.level, inline.block = level + 1, True
    return made
