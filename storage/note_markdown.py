"""Notes from Markdown to HTML that can load and run nothing: the rules the window and the
HTML report share.

Notes are written by analysts but may be pasted from anywhere, so they are untrusted.
Every note goes through the project's one Markdown parser (raw HTML off: markup is shown
as text) and one core rule over its tokens:

- an image becomes its alt text, so nothing is ever loaded, nor linked to be loaded;
- a link is kept only for an http, https or mailto address (:func:`allowed_href`); any
  other link becomes its text, so ``[x](javascript:...)`` reads "x";
- a kept link carries its address and title only.

Where the HTML goes decides the rest: the window shows a note's headings as headings,
while the report shows them as bold lines (they must not enter its outline) and marks
its links ``rel="noreferrer"``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # markdown-it is imported with the first note that needs it
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

PLAIN_NOTE = re.compile(r"[^\W\d_][^\\`*_\[\]<>!&#+=|~{}:\-\n\r\t\x00-\x1f@$%^]*(?<=\S)")
"""A one-line note with none of Markdown's syntax characters, not starting with a digit."""

_SPACES = re.compile(r"\s+")


class NoteRenderer:
    """Renders notes to safe HTML fragments (see the module docstring for the rules).

    Args:
        headings_as_lines: show a note's headings as bold paragraphs
            (``<p class="note-heading"><strong>``) rather than as headings.
        link_rel: a ``rel`` value for every kept link ("" for none).
    """

    def __init__(self, *, headings_as_lines: bool = False, link_rel: str = "") -> None:
        self._headings_as_lines = headings_as_lines
        self._link_rel = link_rel

    @cached_property
    def _md(self) -> MarkdownIt:
        """The parser, built on first use: most notes are plain text and never need it,
        and importing markdown-it would lengthen the window's start-up."""
        from diptych.storage.import_markdown import make_markdown_parser

        md = make_markdown_parser()
        # Let every link reach the token stream: the core rule keeps the safe ones and
        # shows the others as their text, rather than as the raw ``[x](javascript:...)``.
        md.validateLink = _any_link  # type: ignore[method-assign]
        md.core.ruler.push("safe_links_no_images", _safe_links_no_images)
        if self._headings_as_lines:
            md.add_render_rule("heading_open", _heading_open)
            md.add_render_rule("heading_close", _heading_close)
        if self._link_rel:
            md.add_render_rule("link_open", _link_open_with_rel(self._link_rel))
        return md

    def render(self, markdown: str) -> str:
        """``markdown`` as an HTML fragment; "" for a blank note."""
        if not markdown.strip():
            return ""
        if PLAIN_NOTE.fullmatch(markdown):
            # Nothing Markdown would interpret: the paragraph the parser would give, at a
            # hundredth of the cost (tests/test_export_html.py checks they agree).
            return f"<p>{escape_html(markdown)}</p>"
        return str(self._md.render(markdown)).strip()

    def plain(self, markdown: str) -> str:
        """The note's words on one line, without Markdown markers or addresses."""
        if PLAIN_NOTE.fullmatch(markdown):
            # What the parser would give (tests/test_export_html.py checks they agree).
            return _SPACES.sub(" ", markdown).strip()
        return self.parsed_plain(markdown)

    def parsed_plain(self, markdown: str) -> str:
        """:meth:`plain` through the parser, whatever the note."""
        words: list[str] = []
        for block in self._md.parse(markdown):
            if block.type == "inline":
                words.extend(c.content for c in block.children or [] if c.content)
                words.append(" ")
            elif block.type in ("code_block", "fence"):
                words.append(block.content)
        return _SPACES.sub(" ", "".join(words)).strip()


def escape_html(text: str) -> str:
    """``text`` escaped as markdown-it escapes a paragraph's text (``'`` is kept)."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def _any_link(url: str) -> bool:
    return True


def _safe_links_no_images(state: StateCore) -> None:
    """Core rule: images become their alt text; links to other schemes lose their link."""
    for block in state.tokens:
        if block.type == "inline" and block.children:
            block.children = _sanitised(block.children)


def _sanitised(children: list[Token]) -> list[Token]:
    from markdown_it.token import Token

    from diptych.storage.import_html import allowed_href

    kept: list[Token] = []
    dropped_opens: list[bool] = []  # for each open link: was it dropped?
    for token in children:
        if token.type == "image":
            alt = Token("text", "", 0)
            alt.content = "".join(c.content for c in token.children or [])
            kept.append(alt)
        elif token.type == "link_open":
            safe = allowed_href(str(token.attrGet("href") or ""))
            dropped_opens.append(not safe)
            if safe:
                token.attrs = {
                    "href": safe,
                    **({"title": t} if (t := token.attrGet("title")) else {}),
                }
                kept.append(token)
        elif token.type == "link_close":
            dropped = dropped_opens.pop() if dropped_opens else True
            if not dropped:
                kept.append(token)
        else:
            kept.append(token)
    return kept


def _link_open_with_rel(rel: str) -> Any:
    def link_open(self: Any, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
        tokens[idx].attrSet("rel", rel)
        return str(self.renderToken(tokens, idx, options, env))

    return link_open


def _heading_open(self: Any, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
    return '<p class="note-heading"><strong>'


def _heading_close(self: Any, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
    return "</strong></p>\n"
