"""What an HTML element means for an article's blocks, and the state of the blocks read.

:func:`child_context` says what text inside a block-level element becomes (a heading, a
list item with its level and number, a table cell with its row and column, code, a quote
or a paragraph) and repairs what browsers repair: a new list item closes the previous one,
a new cell the previous cell. A list's level is also read as Google Docs exports it.
:class:`OpenElements` is the stack of open elements and :class:`OpenBlock` the block whose
text is being gathered. The page reader in :mod:`diptych.storage.import_html` drives them
from the parser's events.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TypeAlias

from diptych.storage.document import BlockKind, SpanStyle
from diptych.storage.html_lists import NumberedList, marker_of
from diptych.storage.text_builder import TextBuilder


def tag_set(names: str) -> frozenset[str]:
    """The tag names in ``names``, separated by spaces."""
    return frozenset(names.split())


def quotation_mark(depth: int, *, closing: bool) -> str:
    """The quotation mark a browser shows at the start or end of an inline quote
    (``<q>``) ``depth`` quotes deep: “double” outside, ‘single’ within."""
    marks = "“”" if depth % 2 == 0 else "‘’"
    return marks[1] if closing else marks[0]


_PREFORMATTED = frozenset({"pre", "listing", "xmp"})
_DOCS_LIST = re.compile(r"(?<!\S)lst-kix_\S*-(\d{1,2})(?!\S)")
_DEEPEST_DOCS_LEVEL = 8  # Google Docs nests lists 9 levels deep
_NUMBERS = 1_000_000_000  # an item's number, either way from 0

BlockAttrs: TypeAlias = dict[str, int | bool | str]
"""A block's fields (level, number, marker, table...) as an element sets them."""
HEADINGS = {f"h{n}": n for n in range(1, 7)}
"""Heading tags and their levels."""
BLOCK_TAGS = tag_set(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form header hgroup html legend li listing main "
    "menu nav ol p pre section summary table tbody td tfoot th thead tr ul xmp"
) | frozenset(HEADINGS)
"""Elements that start and end blocks (or lines within a block)."""


class BlockOwner:
    """The element (heading, list item, cell, pre) whose text makes one block."""

    __slots__ = ("used",)

    def __init__(self) -> None:
        self.used = False


@dataclass(slots=True)
class _Table:
    index: int
    row: int = -1
    col: int = -1
    spans: list[tuple[int, int, int]] = field(default_factory=list)
    """Cells spanning rows: their first and last column, and the last row they fill."""
    _above: list[tuple[int, int, int]] = field(default_factory=list)  # ... filling this row
    _above_row: int = -1  # the row _above is for
    _next: int = 0  # the first of _above right of the row's last cell

    def place(self, colspan: int, rowspan: int) -> int:
        """The column of the row's next cell: the first one that no cell above, spanning
        rows, fills (as browsers lay tables out)."""
        if self._above_row != self.row:
            self.spans = [span for span in self.spans if span[2] >= self.row]
            self._above, self._above_row, self._next = sorted(self.spans), self.row, 0
        col, above = self.col + 1, self._above
        while self._next < len(above) and above[self._next][0] <= col:
            col = max(col, above[self._next][1] + 1)
            self._next += 1
        self.col = col + colspan - 1
        if rowspan > 1:
            self.spans.append((col, self.col, self.row + rowspan - 1))
        return col


@dataclass(frozen=True, slots=True)
class Context:
    """What text means where it stands: the block kind and attributes it gets."""

    kind: BlockKind = BlockKind.PARAGRAPH
    attrs: BlockAttrs = field(default_factory=dict)
    owner: BlockOwner | None = None
    pre: bool = False
    lists: int = 0
    list: NumberedList | None = None
    table: _Table | None = None
    in_head: bool = False
    open_li: bool = False  # the nearest list-level element is an <li>
    open_term: bool = False  # the nearest definition-list element is a <dt> or <dd>
    open_cell: bool = False  # the nearest table-level element is a cell
    open_row: bool = False  # the nearest table-level element is a row


def _word_title_level(tag: str, attrs: dict[str, str]) -> int:
    """1 for the paragraph Word writes in its Title style (``<p class=MsoTitle>``), which
    is the document's title, above its Heading 1 sections (``<h1>``); else 0."""
    if tag != "p":
        return 0
    return 1 if "msotitle" in attrs.get("class", "").lower().split() else 0


def child_context(parent: Context, tag: str, attrs: dict[str, str], *, items: int = 0) -> Context:
    """The context inside a block-level ``tag`` opened in ``parent``; ``items`` is how many
    items a reversed list holds, which it counts down from unless it says its start."""
    if parent.open_cell and tag != "table":
        # Headings, lists, paragraphs and code in a cell stay lines of the cell; code
        # keeps its line breaks and spaces there too.
        return replace(parent, pre=True) if tag in _PREFORMATTED else parent
    if level := HEADINGS.get(tag) or _word_title_level(tag, attrs):
        return replace(parent, kind=BlockKind.HEADING, attrs={"level": level}, owner=BlockOwner())
    if tag in _PREFORMATTED:
        return replace(parent, kind=BlockKind.CODE, attrs={}, owner=BlockOwner(), pre=True)
    if tag in ("ul", "ol", "menu", "dir"):
        lists = parent.lists + 1 + _docs_list_level(attrs.get("class", ""))
        new_list = _new_list(tag, attrs, items)
        return replace(parent, lists=lists, list=new_list, open_li=False, open_term=False)
    if tag == "li":
        return _item_context(parent, attrs)
    if tag in ("dl", "dt", "dd"):
        return _definition_context(parent, tag)
    if tag == "blockquote" and parent.kind is BlockKind.PARAGRAPH:
        return replace(parent, kind=BlockKind.QUOTE)
    if tag == "table":
        return Context(table=_Table(index=-1), lists=parent.lists, list=parent.list)
    if parent.table is not None:
        return _table_context(parent, tag, attrs)
    return parent


def _docs_list_level(classes: str) -> int:
    """How many levels deeper than its place a list is: Google Docs exports each level of
    a list as a list of its own, beside the others, named by its level (``lst-kix_x-1``)."""
    found = _DOCS_LIST.search(classes)
    return min(int(found[1]), _DEEPEST_DOCS_LEVEL) if found else 0


def _definition_context(parent: Context, tag: str) -> Context:
    if tag == "dd" and parent.kind is BlockKind.PARAGRAPH:  # indented under its term
        indent = int(parent.attrs.get("level", 0)) + 1
        return replace(parent, attrs={"level": indent}, open_term=True)
    return replace(parent, open_term=tag != "dl")


def _new_list(tag: str, attrs: dict[str, str], items: int) -> NumberedList:
    if tag != "ol":
        return NumberedList(ordered=False, marker=marker_of(attrs, "", ordered=False))
    step = -1 if "reversed" in attrs else 1
    start = _integer(attrs.get("start"), items if step < 0 else 1, lower=-_NUMBERS)
    return NumberedList(True, start, step, marker_of(attrs))


def _item_context(parent: Context, attrs: dict[str, str]) -> Context:
    number, marker = 0, ""
    if parent.list is not None and parent.list.ordered:
        value = _integer_or_none(attrs.get("value"), lower=-_NUMBERS)
        number = parent.list.number(value)
        marker = marker_of(attrs, parent.list.marker)
    elif parent.list is not None:
        marker = marker_of(attrs, parent.list.marker, ordered=False)
    level = max(parent.lists, 1)
    return replace(
        parent,
        kind=BlockKind.ITEM,
        attrs={"level": level, "number": number, "marker": marker},
        owner=BlockOwner(),
        open_li=True,
        open_term=False,  # a <dd> in the item is the item's own
    )


def _table_context(parent: Context, tag: str, attrs: dict[str, str]) -> Context:
    table = parent.table
    assert table is not None
    if tag == "thead":
        return replace(parent, in_head=True)
    if tag == "tr":
        table.row += 1
        table.col = -1
        return replace(parent, open_row=True, open_cell=False)
    if tag in ("td", "th"):
        if table.row < 0:
            table.row = 0
        colspan = max(_integer(attrs.get("colspan"), 1, upper=1000), 1)
        rowspan = max(_integer(attrs.get("rowspan"), 1, upper=65534), 1)
        col = table.place(colspan, rowspan)
        cell: BlockAttrs = {
            "table": table.index,
            "row": table.row,
            "col": col,
            "header": tag == "th" or parent.in_head,
            "colspan": colspan,
            "rowspan": rowspan,
        }
        return replace(parent, kind=BlockKind.CELL, attrs=cell, owner=BlockOwner(), open_cell=True)
    return parent


def _integer(value: str | None, default: int, *, lower: int = 0, upper: int = _NUMBERS) -> int:
    """An attribute's integer value, or ``default`` if it has none that is sensible."""
    number = _integer_or_none(value, lower=lower, upper=upper)
    return default if number is None else number


def _integer_or_none(value: str | None, *, lower: int, upper: int = _NUMBERS) -> int | None:
    try:
        number = int((value or "").strip())
    except ValueError:
        return None
    return number if lower <= number <= upper else None


class OpenElements:
    """Open elements, innermost last, with a count per tag so lookups stay O(1)."""

    def __init__(self, root: Context) -> None:
        self._items: list[tuple[str, Context]] = [("", root)]
        self._open: Counter[str] = Counter()

    def __len__(self) -> int:
        return len(self._items) - 1

    @property
    def top(self) -> Context:
        return self._items[-1][1]

    @property
    def top_tag(self) -> str:
        return self._items[-1][0]

    def count(self, tag: str) -> int:
        """How many ``tag`` elements are open."""
        return self._open[tag]

    def push(self, tag: str, context: Context) -> None:
        self._items.append((tag, context))
        self._open[tag] += 1

    def pop_to(self, tags: frozenset[str]) -> bool:
        """Close the innermost element named in ``tags`` and all inside it."""
        if not any(self._open[tag] for tag in tags):
            return False
        while True:
            tag, _ = self._items.pop()
            self._open[tag] -= 1
            if tag in tags:
                return True

    def clear(self) -> None:
        del self._items[1:]
        self._open.clear()


class OpenBlock:
    """The block being read: its kind, attributes and runs of styled text."""

    __slots__ = ("attrs", "kind", "last", "owner", "runs")

    def __init__(self, kind: BlockKind, attrs: BlockAttrs, owner: BlockOwner | None) -> None:
        self.kind, self.attrs, self.owner = kind, attrs, owner
        self.runs: list[tuple[list[str], SpanStyle | None, str]] = []
        self.last = ""  # the last character added

    def append(self, text: str, style: SpanStyle | None, href: str) -> None:
        if self.runs and self.runs[-1][1:] == (style, href):
            self.runs[-1][0].append(text)
        else:
            self.runs.append(([text], style, href))
        self.last = text[-1]

    def ending(self, count: int) -> str:
        """The last ``count`` characters (or fewer) of the block's text so far."""
        tail = ""
        for parts, _, _ in reversed(self.runs):
            for part in reversed(parts):
                tail = part + tail
                if len(tail) >= count:
                    return tail[-count:]
        return tail

    def drop_trailing_space(self) -> None:
        if self.last == " ":
            parts = self.runs[-1][0]
            parts[-1] = parts[-1][:-1]
            self.last = ""

    def write(self, builder: TextBuilder) -> None:
        builder.begin(self.kind, **self.attrs)
        for parts, style, href in self.runs:
            builder.add("".join(parts), style, href)
        builder.end()
