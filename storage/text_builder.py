"""Building an article's display text block by block, as the importers read it.

:class:`TextBuilder` keeps the layout rules of :mod:`diptych.storage.document`: one
separator between blocks, blank blocks dropped, surrounding whitespace trimmed (but a code
block's indentation kept), adjacent spans of the same style joined.

Soft hyphens and word joiners are left out: they only say where a line may or may not
break inside a word, browsers show none of them, and the search index would read a word
holding one ("Bundes\u00adkanzleramt") as two, so that it was never found whole. Joiners
that shape letters (U+200C, U+200D) and zero-width spaces, which separate words, stay.
"""

from __future__ import annotations

from collections.abc import Iterator

from diptych.storage.document import (
    ArticleText,
    Block,
    BlockKind,
    Span,
    SpanStyle,
    separator_between,
)

_UNSHOWN = dict.fromkeys(map(ord, "\u00ad\u2060\ufeff"))
"""Soft hyphen, word joiner, and zero-width no-break space (the word joiner of old)."""


def without_unshown(text: str) -> str:
    """``text`` without the soft hyphens and word joiners a browser does not show."""
    return text.translate(_UNSHOWN)


class TextBuilder:
    """Builds an :class:`ArticleText` block by block, keeping the layout rules.

    Importers call :meth:`begin`, then :meth:`add` for each run of text (with an optional
    inline style), then :meth:`end`. Blocks that end up empty are dropped.
    """

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._blocks: list[Block] = []
        self._open: dict[str, object] | None = None
        self._block_start = 0
        self._spans: list[Span] = []
        self._block_text: list[str] = []
        self._block_length = 0  # kept as we go: summing the parts on every add is quadratic

    def begin(self, kind: BlockKind, **attrs: object) -> None:
        """Open a block of ``kind``; ``attrs`` are :class:`Block` fields (level, table...)."""
        if self._open is not None:
            self.end()
        self._open = {"kind": kind, **attrs}
        self._block_text = []
        self._block_length = 0
        self._spans = []

    def add(self, text: str, style: SpanStyle | None = None, href: str = "") -> None:
        """Append text to the open block (opening a paragraph if none is open)."""
        text = without_unshown(text)
        if not text:
            return
        if self._open is None:
            self.begin(BlockKind.PARAGRAPH)
        offset = self._block_length
        self._block_text.append(text)
        self._block_length += len(text)
        if style is not None:
            self._spans.append(Span(offset, offset + len(text), style, href))

    @property
    def block_count(self) -> int:
        """How many blocks are finished."""
        return len(self._blocks)

    @property
    def in_block(self) -> bool:
        """True while a block is open."""
        return self._open is not None

    def current_text(self) -> str:
        """The text added to the open block so far."""
        return "".join(self._block_text)

    def end(self) -> None:
        """Close the open block; an empty or blank block is discarded."""
        if self._open is None:
            return
        attrs, self._open = self._open, None
        raw = "".join(self._block_text)
        # Code keeps its indentation; other blocks lose surrounding whitespace.
        text = raw.strip("\n") if attrs["kind"] is BlockKind.CODE else raw.strip()
        if not text.strip():
            return
        lead = raw.index(text[0]) if text else 0
        block = Block(start=0, end=0, **attrs)  # type: ignore[arg-type]
        if self._blocks:
            sep = separator_between(self._blocks[-1], block)
            self._parts.append(sep)
            self._length += 1
        start = self._length
        spans = tuple(
            Span(
                start + max(s.start - lead, 0),
                start + min(s.end - lead, len(text)),
                s.style,
                s.href,
            )
            for s in _merge_spans(self._spans)
            if min(s.end - lead, len(text)) > max(s.start - lead, 0)
        )
        self._parts.append(text)
        self._length += len(text)
        self._blocks.append(
            Block(
                kind=block.kind,
                start=start,
                end=self._length,
                level=block.level,
                number=block.number,
                table=block.table,
                row=block.row,
                col=block.col,
                header=block.header,
                spans=spans,
                marker=block.marker,
                colspan=block.colspan,
                rowspan=block.rowspan,
            )
        )

    def build(self) -> ArticleText:
        """Close any open block and return the finished text."""
        self.end()
        return ArticleText("".join(self._parts), tuple(self._blocks))


def _merge_spans(spans: list[Span]) -> Iterator[Span]:
    """Join adjacent spans of the same style and link target."""
    current: Span | None = None
    for span in spans:
        if (
            current is not None
            and current.end == span.start
            and (current.style, current.href) == (span.style, span.href)
        ):
            current = Span(current.start, span.end, span.style, span.href)
            continue
        if current is not None:
            yield current
        current = span
    if current is not None:
        yield current
