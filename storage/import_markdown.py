"""Markdown articles, read through markdown-it-py's token stream.

The one place that builds the Markdown parser is :func:`make_markdown_parser`: CommonMark
with tables and strikethrough, and raw HTML off, since articles are untrusted text. The
importer walks the tokens (it never renders HTML to parse it back) and writes headings,
paragraphs, list items, table cells, code blocks and block quotes into a
:class:`TextBuilder`, with emphasis, strong text, inline code and links as spans
(:mod:`diptych.storage.markdown_inline`). For that reading alone, its parser finds raw
HTML as tokens, whose words it keeps and whose scripts it never runs
(:mod:`diptych.storage.markdown_html`), and footnotes
(:mod:`diptych.storage.markdown_footnotes`).
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from diptych.storage.decoding import normalise_newlines
from diptych.storage.document import (
    DECIMAL,
    WRAPPED_CODE,
    ArticleText,
    Block,
    BlockKind,
)
from diptych.storage.markdown_definitions import keep_definitions
from diptych.storage.markdown_footnotes import NOTES, keep_footnotes
from diptych.storage.markdown_front_matter import FRONT_MATTER, keep_front_matter
from diptych.storage.markdown_html import read_raw_html
from diptych.storage.markdown_inline import InlineWriter
from diptych.storage.markdown_tables import keep_every_cell
from diptych.storage.text_builder import TextBuilder


def make_markdown_parser() -> MarkdownIt:
    """The Markdown parser every part of Diptych uses.

    Raw HTML is off: ``<script>`` in an article is text to read, never markup. Blocks
    nested deeper than markdown-it allows are kept as plain paragraphs instead of being
    dropped, so that no word of an article is lost.
    """
    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    keep_every_cell(parser)  # cells beyond the header row keep their words
    first_rule = parser.block.ruler.get_all_rules()[0]
    parser.block.ruler.before(first_rule, "too_deep", _too_deep_as_paragraph)
    return parser


def _too_deep_as_paragraph(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """Block rule: near the nesting limit, read the rest of the container as one paragraph.

    markdown-it skips whatever lies deeper than ``maxNesting`` (20 levels of quotes or
    lists); this rule takes over a few levels before that and keeps the text, markers
    and all.
    """
    if silent or state.level < int(state.md.options["maxNesting"]) - 4:
        return False
    last = start + 1
    while last < end and (state.isEmpty(last) or state.sCount[last] >= state.blkIndent):
        last += 1  # the container ends at the first line indented less than it
    state.push("paragraph_open", "p", 1).map = [start, last]
    inline = state.push("inline", "", 0)
    inline.content = state.getLines(start, last, state.blkIndent, False).strip()
    inline.map = [start, last]
    inline.children = []
    state.push("paragraph_close", "p", -1)
    state.line = last
    return True


def parse_markdown(text: str) -> ArticleText:
    """Read a Markdown article into display text and blocks.

    Args:
        text: the decoded article.

    Returns:
        The article's display text with its structure and inline styles.
    """
    return read_markdown(text)[0]


def read_markdown(text: str) -> tuple[ArticleText, ArticleText]:
    """Read a Markdown article, as :func:`parse_markdown` does.

    Returns:
        The article, and the part of it that is its own, which names it: the article
        without the notes gathered at its end (:mod:`diptych.storage.markdown_footnotes`).
    """
    parser = make_markdown_parser()
    keep_front_matter(parser)  # shown as the lines it is
    keep_definitions(parser)  # a term's definitions indented under it
    keep_footnotes(parser)  # raised numbers, and the notes at the end
    read_raw_html(parser)  # its words, never its scripts
    reader = _MarkdownReader()
    reader.read(parser.parse(normalise_newlines(text)))
    article = reader.finish()
    own = article.blocks[: reader.notes_at] if reader.notes_at >= 0 else article.blocks
    return article, ArticleText(article.text, own)


class _MarkdownReader:
    """Walks block tokens, keeping the list, quote and table context they open."""

    def __init__(self) -> None:
        self._builder = TextBuilder()
        self._lists: list[int | None] = []  # each open list's next number; None: bullets
        self._item: tuple[int, int, str] | None = None  # (level, number, marker) awaiting text
        self._quotes = 0
        self._definitions = 0  # open definitions: how far their paragraphs are indented
        self._tables = 0
        self._cell = {"table": -1, "row": -1, "col": -1}
        self._in_head = False
        self._inline = InlineWriter(self._builder)
        self.notes_at = -1  # the first block of the notes gathered at the end, if any

    def read(self, tokens: Sequence[Token]) -> None:
        """Write every token into the builder."""
        for token in tokens:
            if token.meta.get(NOTES) and self.notes_at < 0:
                self._builder.end()
                self.notes_at = self._builder.block_count
            handler = getattr(self, "_on_" + token.type, None)
            if handler is not None:
                handler(token)
            elif token.type.endswith("_close"):
                self._builder.end()  # headings, paragraphs, cells; a no-op for the rest

    def finish(self) -> ArticleText:
        """The finished article."""
        return self._builder.build()

    def _begin_text_block(self, kind: BlockKind, **attrs: int) -> None:
        """Open a block; the first one in a list item becomes the item itself."""
        if self._item is not None and kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE):
            level, number, marker = self._item
            self._builder.begin(BlockKind.ITEM, level=level, number=number, marker=marker)
        else:
            self._builder.begin(kind, **attrs)
        self._item = None

    def _on_heading_open(self, token: Token) -> None:
        level = int(token.tag[1:]) if token.tag[1:].isdigit() else 1
        self._begin_text_block(BlockKind.HEADING, level=level)

    def _on_paragraph_open(self, token: Token) -> None:
        if self._quotes:
            self._begin_text_block(BlockKind.QUOTE)
        else:
            self._begin_text_block(BlockKind.PARAGRAPH, level=self._definitions)

    def _on_dd_open(self, token: Token) -> None:
        self._builder.end()
        self._definitions += 1

    def _on_dd_close(self, token: Token) -> None:
        self._builder.end()
        self._definitions = max(self._definitions - 1, 0)

    def _on_inline(self, token: Token) -> None:
        self._inline.write(token.children or [])

    def _on_bullet_list_open(self, token: Token) -> None:
        self._lists.append(None)

    def _on_ordered_list_open(self, token: Token) -> None:
        # A list counts on from its first item's number, whatever the others say.
        start = token.attrGet("start")
        self._lists.append(start if isinstance(start, int) else 1)

    def _on_bullet_list_close(self, token: Token) -> None:
        self._builder.end()
        if self._lists:
            self._lists.pop()

    _on_ordered_list_close = _on_bullet_list_close

    def _on_list_item_open(self, token: Token) -> None:
        self._builder.end()
        number = self._lists[-1] if self._lists else None
        level = max(len(self._lists), 1)
        if number is None:
            self._item = (level, 0, "")
        else:
            self._lists[-1] = number + 1
            self._item = (level, number, DECIMAL)

    def _on_list_item_close(self, token: Token) -> None:
        self._builder.end()
        self._item = None

    def _on_blockquote_open(self, token: Token) -> None:
        self._builder.end()
        self._quotes += 1

    def _on_blockquote_close(self, token: Token) -> None:
        self._builder.end()
        self._quotes = max(self._quotes - 1, 0)

    def _on_fence(self, token: Token) -> None:
        if token.meta.get(FRONT_MATTER):  # key: value lines, wrapped as prose
            self._builder.begin(BlockKind.CODE, level=WRAPPED_CODE)
        else:
            self._builder.begin(BlockKind.CODE)
        self._item = None
        self._builder.add(token.content.rstrip("\n"))
        self._builder.end()

    _on_code_block = _on_fence

    def _on_html_block(self, token: Token) -> None:
        """A block of raw HTML, read as the web page importer reads a page."""
        from diptych.storage.import_html import parse_html

        fragment = parse_html(token.content, fragment=True)
        tables = {block.table for block in fragment.blocks if block.table >= 0}
        for block in fragment.blocks:
            self._begin_html_block(block)
            text, position = fragment.text, block.start
            for span in block.spans:
                self._builder.add(text[position : span.start])
                self._builder.add(text[span.start : span.end], span.style, span.href)
                position = span.end
            self._builder.add(text[position : block.end])
            self._builder.end()
        self._tables += len(tables)

    def _begin_html_block(self, block: Block) -> None:
        """Open a block read from raw HTML, in the list, quote or table around it."""
        if block.kind is BlockKind.CELL:
            self._item = None
            self._builder.begin(
                BlockKind.CELL,
                table=self._tables + block.table,
                row=block.row,
                col=block.col,
                header=block.header,
                colspan=block.colspan,
                rowspan=block.rowspan,
            )
        elif block.kind is BlockKind.ITEM:
            self._item = None
            level = len(self._lists) + block.level
            self._builder.begin(block.kind, level=level, number=block.number, marker=block.marker)
        elif block.kind is BlockKind.PARAGRAPH and self._quotes:
            self._begin_text_block(BlockKind.QUOTE)
        elif block.kind is BlockKind.PARAGRAPH:
            self._begin_text_block(BlockKind.PARAGRAPH, level=self._definitions + block.level)
        elif block.kind is BlockKind.HEADING:
            self._begin_text_block(BlockKind.HEADING, level=block.level)
        else:
            self._begin_text_block(block.kind)

    def _on_table_open(self, token: Token) -> None:
        self._builder.end()
        self._item = None
        self._cell = {"table": self._tables, "row": -1, "col": -1}
        self._tables += 1

    def _on_thead_open(self, token: Token) -> None:
        self._in_head = True

    def _on_thead_close(self, token: Token) -> None:
        self._in_head = False

    def _on_tr_open(self, token: Token) -> None:
        self._cell["row"] += 1
        self._cell["col"] = -1

    def _on_th_open(self, token: Token) -> None:
        self._cell["col"] += 1
        header = self._in_head or token.tag == "th"
        self._builder.begin(BlockKind.CELL, header=header, **self._cell)

    _on_td_open = _on_th_open
