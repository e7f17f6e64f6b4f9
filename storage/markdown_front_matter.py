"""A Markdown article's front matter (Jekyll, Hugo, Obsidian, pandoc), shown as the lines
it is, wrapped as prose (its ``key: value`` lines are words to read, a long ``title:`` or
``description:`` among them)."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

FRONT_MATTER = "front_matter"
"""Marks, in its ``meta``, the token of the front matter."""


def keep_front_matter(parser: MarkdownIt) -> None:
    """Show the front matter of ``parser``'s articles as a code block."""
    parser.block.ruler.before("table", "front_matter", _front_matter_as_code)


_YAML_KEY = re.compile(r"[\w-]+\s*:(\s|$)")


def _front_matter_as_code(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Block rule: a file's front matter (Jekyll, Hugo, Obsidian, pandoc) is shown as the
    lines it is, in a code block, not read as Markdown: its closing ``---`` made the
    lines above it one heading ("title: … date: … tags: …") at the top of the article.

    Front matter begins on the file's first line with ``---``, followed at once by a
    ``key:`` line, and ends at the next line that is ``---`` or ``...``. Its words are kept
    (a date, an author, a source may be worth a passage); its ``title:`` is the article's
    title when it has no level-1 heading (see :mod:`diptych.storage.article_titles`).
    """
    if start != 0 or state.level or end < 3 or _line(state, 0) != "---":
        return False
    if not _YAML_KEY.match(_line(state, 1)):
        return False
    close = next((n for n in range(2, end) if _line(state, n) in ("---", "...")), None)
    if close is None:
        return False
    if silent:
        return True
    token = state.push("fence", "code", 0)
    token.info, token.markup, token.map = "yaml", "---", [0, close + 1]
    token.meta[FRONT_MATTER] = True
    token.content = state.getLines(1, close, 0, True)
    state.line = close + 1
    return True


def _line(state: StateBlock, line: int) -> str:
    """The text of one source line, without its trailing spaces."""
    return state.src[state.bMarks[line] : state.eMarks[line]].rstrip()
