# How a plain text lays out its paragraphs, read from the file as a whole.
#
# Scraped articles keep one paragraph per line; e-mail, wire copy and pdftotext output are
# hard-wrapped: each paragraph is broken into lines near one width, and paragraphs are
# parted by blank lines. Read line by line, a wrapped paragraph fell apart into a
# paragraph per line, with most of its lines taken for headings. A text is taken to be
# hard-wrapped when its prose lines end near a common width (a line is "full" when the
# wrap broke it: within a word or two of that width), the lines followed by more of their
# paragraph are mostly full and mostly end mid-sentence, and blank lines part its
# paragraphs. Its paragraphs' lines are then joined with a space, but not a line that is
# not full (a paragraph's last line, a signature's, a verse's or an address's), a list
# item or table line, a line indented further than the one before (code, a quotation), or
# a line with tabs (columns of figures).
#
# Where blank lines part a text's paragraphs, a heading stands alone between them (or
# right above a list or table): a short line among others ("By John Smith", "Reuters",
# "12 July 2023") is not one.

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum

_SENTENCE_ENDS = tuple(".!?…")
_TRAILING_QUOTES = "\"'”’»)]"
_NARROWEST = 40  # characters: a text wrapped narrower reads as verse, names or addresses
_WIDEST = 150
_FULL = 0.7  # of the width: a line at least this long was broken by the wrap
_MOSTLY = 0.7
_WIDTH_QUANTILE = 0.9  # a few lines run over the width (a long word, a link)


class LineKind(Enum):
    """What a line is, as far as joining goes."""

    PROSE = "prose"  # may be a paragraph's line
    ITEM = "item"  # starts a list item, which may be continued
    OTHER = "other"  # a table's line, a rule, a marked heading: always a line of its own


@dataclass(frozen=True, slots=True)
class TextLine:
    """A line to read: one line of the text, or the lines of one paragraph joined.

    Attributes:
        text: the line as written (its indent kept), continued lines joined stripped.
        alone: a blank line (or the text's start or end) is before it, and after it a
            blank line, the text's end, or a list or table that starts at once.
    """

    text: str
    alone: bool


@dataclass(frozen=True, slots=True)
class TextLayout:
    """The lines to read and how to read headings among them.

    Attributes:
        lines: the text's lines, blank ones left out, wrapped paragraphs joined.
        headings_stand_alone: blank lines part the text's paragraphs, so a heading stands
            alone between them.
    """

    lines: list[TextLine]
    headings_stand_alone: bool


def read_layout(lines: Sequence[str], kind: Callable[[str], LineKind]) -> TextLayout:
    """The layout of ``lines`` (without their line ends); ``kind`` tells what a non-blank
    line is."""
    kinds = [kind(line) if line.strip() else None for line in lines]
    width = _wrap_width(lines, kinds)
    read = list(_joined(lines, kinds, width))
    if width:
        return TextLayout(read, headings_stand_alone=True)
    sentences = [line for line in read if _ends_sentence(line.text)]
    alone = sum(1 for line in sentences if line.alone)
    return TextLayout(read, headings_stand_alone=bool(sentences) and alone * 2 >= len(sentences))


def _wrap_width(lines: Sequence[str], kinds: Sequence[LineKind | None]) -> int:
    """The width the text is hard-wrapped at, or 0 if it is not."""
    first = next((at for at, k in enumerate(kinds) if k is not None), len(kinds))
    last = max((at for at, k in enumerate(kinds) if k is not None), default=0)
    if None not in kinds[first:last]:
        return 0  # no blank line parts its paragraphs
    # Lines with tabs are columns of figures, not prose: they say nothing of a width.
    prose = [k is LineKind.PROSE and "\t" not in line for line, k in zip(lines, kinds, strict=True)]
    lengths = sorted(
        len(line.rstrip()) for line, is_prose in zip(lines, prose, strict=True) if is_prose
    )
    if not lengths:
        return 0
    width = lengths[int(_WIDTH_QUANTILE * (len(lengths) - 1))]
    if not _NARROWEST <= width <= _WIDEST:
        return 0
    broken = [lines[at].rstrip() for at in range(len(lines) - 1) if prose[at] and prose[at + 1]]
    if len(broken) < 2:
        return 0
    full = sum(1 for line in broken if len(line) >= _FULL * width)
    ended = sum(1 for line in broken if _ends_sentence(line))
    if full < _MOSTLY * len(broken) or ended * 2 >= len(broken):
        return 0
    return width


def _joined(
    lines: Sequence[str], kinds: Sequence[LineKind | None], width: int
) -> Iterator[TextLine]:
    """The non-blank lines, each paragraph's joined where the text is wrapped at ``width``."""
    pieces: list[str] = []
    after_blank = True
    previous = ""  # the last line read of the paragraph being joined
    opened: LineKind | None = None  # what the paragraph being joined started as
    for line, line_kind in zip(lines, kinds, strict=True):
        if line_kind is None:
            if pieces:
                yield TextLine(" ".join(pieces), alone=after_blank)
            pieces, opened, after_blank = [], None, True
        elif width and opened is not None and _continues(previous, opened, line, line_kind, width):
            pieces.append(line.strip())
            previous = line
        else:
            if pieces:  # a list or a table may follow its heading directly
                yield TextLine(
                    " ".join(pieces), alone=after_blank and line_kind is not LineKind.PROSE
                )
                after_blank = False
            pieces, previous = [line], line
            opened = line_kind if line_kind is not LineKind.OTHER else None
    if pieces:
        yield TextLine(" ".join(pieces), alone=after_blank)


def _continues(previous: str, opened: LineKind, line: str, kind: LineKind, width: int) -> bool:
    """True if ``line`` goes on with the paragraph (or list item) whose last line read is
    ``previous``: the wrap broke ``previous``, and ``line`` is more prose, not set apart."""
    if kind is not LineKind.PROSE or "\t" in previous or "\t" in line:
        return False
    if len(previous.rstrip()) < _FULL * width:
        return False
    return opened is LineKind.ITEM or _indent(line) <= _indent(previous)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip(_TRAILING_QUOTES).endswith(_SENTENCE_ENDS)
