"""Web pages, read with the standard library's forgiving HTML parser.

Pages are untrusted: nothing in them is fetched or run. Only the article's words and their
structure are kept: headings, paragraphs, list items, table cells, preformatted code and
block quotes, with emphasis, strong text, inline code and links (http, https and mailto
only) as spans; an image reads as its alternative text, in brackets
(:mod:`diptych.storage.image_text`). :mod:`diptych.storage.html_elements` says which
elements are dropped with everything inside them (scripts, styles, embedded objects,
media, form controls, ruby readings) and how XHTML's prefixed names are read. A paragraph,
heading or other block inside a button, or inside a ruby reading, ends it: browsers show
those, and a page that leaves a button open (or misspells ``</button>``) would otherwise
lose every word after it. Likewise an ``<svg>`` left open ends where browsers end it, at
the next paragraph, list, table or styled text; a reading left open ends with the element
around it. A MathML formula is kept as its characters, without the whitespace that lays
out its markup.

Lists saved from Word as paragraphs are read as lists
(:mod:`diptych.storage.html_word_lists`), and bold and italic written as styles as bold
and italic (:mod:`diptych.storage.html_emphasis`). A footnote marker after a word is kept
in brackets, a word of its own, and a footnote's link back to its marker (``↩``) is left
out (:mod:`diptych.storage.html_note_marks`); other superscripts and subscripts are raised
or lowered ("10⁶", "H₂O") or marked ("10^abc") as :mod:`diptych.storage.raised_text` says,
never run into the number before them.

When the page marks its article (one ``<main>`` or ``role="main"``, or one ``<article>``),
only that is read (a ``<main>`` beside whose one ``<article>`` stand only headings and
lists: that article), with the headline just before it and the subheading, byline and date
of its block (:mod:`diptych.storage.html_main`): the site's menu, banners and footer are
left out, the import says so, and the whole page is kept as the article's original text.
Otherwise navigation, footers and asides are kept as ordinary text: a page that does not
say where its article is may put it anywhere, and a stray menu costs the reader a glance
while a lost paragraph cannot be noticed at all.

Whitespace collapses as in a browser, except inside ``<pre>``. Broken markup (unclosed
tags, stray end tags) is handled the way browsers mostly do: a new list item closes the
previous one, a new cell the previous cell, a block closes an open paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diptych.storage.decoding import normalise_newlines
from diptych.storage.document import ArticleText, BlockKind, SpanStyle
from diptych.storage.html_elements import (
    BREAKS_OUT_OF_FOREIGN,
    CODE_TAGS,
    INVISIBLE_OPERATORS,
    VOID,
    DroppedContent,
    hidden,
)
from diptych.storage.html_emphasis import Emphasis
from diptych.storage.html_lists import ReversedCounts
from diptych.storage.html_main import MainPart, find_main
from diptych.storage.html_names import ElementNames
from diptych.storage.html_note_lists import NOTES_HEADING, NoteLists
from diptych.storage.html_note_marks import BackLinks, NoteMarks, Run
from diptych.storage.html_parsing import ForgivingParser
from diptych.storage.html_structure import (
    BLOCK_TAGS,
    HEADINGS,
    Context,
    OpenBlock,
    OpenElements,
    child_context,
    quotation_mark,
    tag_set,
)
from diptych.storage.html_word_lists import WordLists, marker_number
from diptych.storage.image_text import image_text
from diptych.storage.link_addresses import allowed_href, without_redirect
from diptych.storage.text_builder import TextBuilder

_WHITESPACE = re.compile(r"[ \t\n\r\f]+")


@dataclass(frozen=True, slots=True)
class Page:
    """A web page as read.

    Attributes:
        content: the article's display text with its structure.
        title: the page's ``<title>`` ("" if it has none).
        main_only: the page marks its article and only that was read: words around it
            (navigation, header, footer) were left out.
    """

    content: ArticleText
    title: str
    main_only: bool = False


def parse_html(text: str, *, fragment: bool = False) -> ArticleText:
    """Read a web page into display text and blocks; a ``fragment`` of one (raw HTML in
    Markdown) is read whole, whatever elements it holds."""
    if fragment:
        return _read(normalise_newlines(text), None).content
    return read_page(text).content


def read_html(text: str) -> tuple[ArticleText, str]:
    """Read a web page: the article's display text with its structure, and the page's
    ``<title>`` ("" if it has none); see :func:`read_page`."""
    page = read_page(text)
    return page.content, page.title


def read_page(text: str) -> Page:
    """Read a web page (``text``, decoded): its main article if it marks one
    (:mod:`diptych.storage.html_main`), else all of its body."""
    page = normalise_newlines(text)
    part = find_main(page)
    read = _read(page, part)
    if part is not None and not read.content.text.strip():
        return _read(page, None)  # the marked element is empty (filled by scripts)
    return read


def _read(page: str, part: MainPart | None) -> Page:
    reader = _PageReader(ReversedCounts(page), NoteLists(page), part)
    reader.feed(page)
    reader.close()
    title = " ".join(" ".join(reader.title).split())
    return Page(reader.finish(), title, part is not None and part.left_out)


class _PageReader(ForgivingParser):
    """Turns parser events into blocks; see the module docstring for the rules."""

    def __init__(
        self, reversed_counts: ReversedCounts, note_lists: NoteLists, part: MainPart | None
    ) -> None:
        super().__init__(convert_charrefs=True)
        self._part = part  # the part of the page read, None for all of it
        self._reversed = reversed_counts  # how many items each reversed list holds
        self._note_lists = note_lists  # where the page's list of footnotes starts
        self.title: list[str] = []
        self._title_state = "before"  # "before", "inside", "done"
        self._builder = TextBuilder()
        self._elements = OpenElements(Context())
        self._dropped = DroppedContent()
        self._block: OpenBlock | None = None
        self._tables = 0
        self._code = 0  # open code elements
        self._emphasis = Emphasis()
        self._href: str | None = None
        self._in_page_link = False
        self._pre_start = False  # just inside <pre>, where a first newline is not content
        self._names = ElementNames()
        self._formulas = 0  # open <math> elements
        self._quotes = 0  # open inline quotes (<q>)
        self._word_lists = WordLists()
        self._note_marks = NoteMarks()
        self._back_links = BackLinks()
        self._after_image = False  # an image's description was the last text written

    def finish(self) -> ArticleText:
        """The finished article (call after :meth:`close`)."""
        self._marker_as_text()
        self._end_block()
        return self._builder.build()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = self._names.start(tag, attrs)
        self._pre_start = False
        if self._title_state == "inside":
            self._title_state = "done"
        if tag == "title":
            if self._title_state == "before" and self._dropped.in_page_head():
                self._title_state = "inside"
        elif not self._dropped.start(tag):
            values = {name: value or "" for name, value in attrs}
            if hidden(values):
                self._dropped.hide(tag)  # never shown: never read
            elif self._kept_start(tag):
                self._start(tag, values)

    def handle_endtag(self, tag: str) -> None:
        tag = self._names.end(tag)
        if tag == "title":
            self._title_state = "done" if self._title_state == "inside" else self._title_state
        elif self._dropped.end(tag):
            return
        elif self._part is not None and not self._part.end(tag, self.getpos()):
            return  # outside the part read
        elif tag == "br":
            self._line_break()  # browsers read a stray </br> as <br>
        elif tag in BLOCK_TAGS:
            self._marker_as_text()
            closes = frozenset(HEADINGS) if tag in HEADINGS else frozenset({tag})
            if self._elements.pop_to(closes):
                self._emphasis.end_block(len(self._elements))
                self._boundary(self._elements.top)
        else:
            self._emphasis.end(tag)
            if tag == "span":
                self._word_marker(self._word_lists.end_span())
            elif tag in ("sup", "sub"):
                self._add(self._note_marks.end(tag))
            elif tag == "math":
                self._formulas = max(self._formulas - 1, 0)
            elif tag in CODE_TAGS:
                self._code = max(self._code - 1, 0)
            elif tag == "q" and self._quotes:
                self._quotes -= 1
                self.handle_data(quotation_mark(self._quotes, closing=True))
            elif tag == "a":
                self._href, self._in_page_link = None, False
                self._write(self._back_links.end())
        if self._part is not None and not self._part.keeping:
            self._leave()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = self._names.start(tag, attrs)
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_data(self, data: str) -> None:
        if self._title_state == "inside":
            self.title.append(data)
            return
        if len(self._dropped):
            if self._dropped.innermost == "style":
                self._emphasis.read_style_sheet(data)
            if not (self._dropped.in_page_head() and data.strip()):
                return
            self._dropped.clear()  # words in the head: the body began, as browsers read it
        if self._part is not None and not self._part.data(data):
            return  # outside the part read
        if self._word_lists.gathering:
            data = self._word_lists.gather(data)
        if self._formulas:  # no layout whitespace, no invisible operators: what shows
            data = data.translate(INVISIBLE_OPERATORS)
            if not data.strip(" \t\n\r\f"):
                return
        context = self._elements.top
        if context.pre:
            text = data[1:] if self._pre_start and data.startswith("\n") else data
        else:
            text = _WHITESPACE.sub(" ", data)
            last = self._note_marks.last or (self._block.last if self._block else "")
            if last in ("", " ", "\n"):
                text = text.lstrip(" ")
        self._pre_start = False
        if not text:
            return
        if self._after_image:
            self._after_image = False
            if text[0].isalnum():
                text = " " + text
        if self._back_links.holding:
            self._write(self._back_links.hold(text, *self._style()))
        else:
            self._write([(text, *self._style())])

    def _write(self, runs: list[Run]) -> None:
        """Add runs of text, or hold them back while a superscript or subscript is read."""
        for text, style, href in runs:
            if self._note_marks.holding:
                self._note_marks.hold(text, style, href)
            else:
                self._add([(text, style, href)])

    def _add(self, runs: list[Run]) -> None:
        """Add runs of text held back (see :mod:`diptych.storage.html_note_marks`)."""
        for text, style, href in runs:
            if self._block is None:
                self._block = self._open_block(self._elements.top)
            self._block.append(text, style, href)

    def handle_comment(self, data: str) -> None:
        if self._part is None or self._part.keeping:
            self._word_marker(self._word_lists.comment(data))

    def _kept_start(self, tag: str) -> bool:
        """True if the start tag ``tag`` is in the part of the page read."""
        part = self._part
        if part is None:
            return True
        position = self.getpos()
        if part.keeping and part.begins(position):
            self._leave()  # the article begins: a headline before it left open ends
        return part.start(tag, position)

    def _leave(self) -> None:
        """A part of the page read ends: so does all that was open in it."""
        self._marker_as_text()
        self._end_block()
        self._elements.clear()
        self._emphasis.end_all()
        self._href, self._in_page_link = None, False
        self._code = self._formulas = self._quotes = 0

    def _word_marker(self, marker: str | None) -> None:
        """Number the Word list item a marker ended (or keep a letter as text)."""
        if marker is None:
            return
        number = marker_number(marker)
        if number is None:  # a letter or a roman numeral: kept, as the reader sees it
            self.handle_data(" ".join(marker.split()) + " ")
        elif self._elements.top.kind is BlockKind.ITEM:
            self._elements.top.attrs["number"] = number

    def _start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag in BREAKS_OUT_OF_FOREIGN:
            self._formulas = 0  # browsers end a formula left open here
        if tag not in BLOCK_TAGS and tag not in VOID:
            self._emphasis.start(tag, attrs, len(self._elements))
        if tag == "span":
            self._word_lists.start_span(attrs.get("style", ""))
        elif tag == "math":
            self._formulas += 1
        elif tag in CODE_TAGS:
            self._code += 1
        elif tag == "q":  # its quotation marks are text, as a browser shows them
            self.handle_data(quotation_mark(self._quotes, closing=False))
            self._quotes += 1
        elif tag in ("sup", "sub"):
            before = "" if self._block is None else self._block.ending(8)
            self._note_marks.start(tag, before, in_page_link=self._in_page_link)
        elif tag == "a":
            self._href = allowed_href(without_redirect(attrs.get("href", "")))
            self._in_page_link = attrs.get("href", "").strip().startswith("#")
            self._note_marks.link(attrs.get("href", ""))
            self._write(self._back_links.start(attrs.get("href", "")))
        elif tag == "img":
            self._image(attrs)
        elif tag == "br":
            self._line_break()
        elif tag == "hr":
            self._end_block()
        elif tag in BLOCK_TAGS:
            self._start_block_element(tag, attrs)

    def _image(self, attrs: dict[str, str]) -> None:
        """An image reads as its alternative text (:func:`image_text`), unless the page
        says it is decoration (hidden, or presentation only) or it is a tracking pixel."""
        # One the page hides (the hidden attribute, display: none) never gets here.
        unseen = attrs.get("aria-hidden", "").strip().lower() == "true"
        decoration = attrs.get("role", "").strip().lower() in ("presentation", "none")
        if unseen or decoration or _tiny(attrs.get("width", "")) or _tiny(attrs.get("height", "")):
            return
        text = image_text(attrs.get("alt", ""))
        if text.startswith("["):  # a description: a word of its own beside the words
            self.handle_data(f" {text}")
            self._after_image = True  # a word right after it is spaced from it
        elif text:
            self.handle_data(text)

    def _start_block_element(self, tag: str, attrs: dict[str, str]) -> None:
        self._marker_as_text()
        elements = self._elements
        if elements.top_tag == "p":
            elements.pop_to(tag_set("p"))  # a block closes an open paragraph
        top = elements.top
        if tag == "li" and top.open_li:
            elements.pop_to(tag_set("li"))
        elif tag in ("dt", "dd") and top.open_term:
            elements.pop_to(tag_set("dt dd"))
        elif tag in ("td", "th") and top.open_cell:
            elements.pop_to(tag_set("td th"))
        elif tag == "tr" and (top.open_row or top.open_cell):
            elements.pop_to(tag_set("tr"))
        self._emphasis.end_block(len(elements))
        if tag == "ol" and self._note_lists.needs_heading(self.getpos()):
            self._notes_heading()
        items = self._reversed.at(self.getpos()) if tag == "ol" and "reversed" in attrs else 0
        context = child_context(elements.top, tag, attrs, items=items)
        context = self._word_lists.item_context(context, tag, attrs)
        if tag == "table" and context.table is not None:
            context.table.index = self._tables
            self._tables += 1
        self._boundary(context)
        elements.push(tag, context)
        self._pre_start = context.pre

    def _notes_heading(self) -> None:
        """A "Notes" heading before the page's list of footnotes (see
        :mod:`~diptych.storage.html_note_lists`), as a Markdown article's notes have."""
        self._end_block()
        heading = OpenBlock(BlockKind.HEADING, {"level": 2}, None)
        heading.append(NOTES_HEADING, None, "")
        heading.write(self._builder)

    def _marker_as_text(self) -> None:
        if self._word_lists.gathering:
            self.handle_data(self._word_lists.left_open())
        self._write(self._back_links.release())
        self._add(self._note_marks.boundary())

    def _open_block(self, context: Context) -> OpenBlock:
        kind, attrs, owner = context.kind, context.attrs, context.owner
        if owner is not None:
            if kind is BlockKind.ITEM and owner.used:
                kind, attrs = BlockKind.PARAGRAPH, {}  # text after a nested list
            owner.used = True
        return OpenBlock(kind, attrs, owner)

    def _boundary(self, context: Context) -> None:
        """A block element starts or ends: a new block, or a new line in the same one."""
        block = self._block
        if block is None:
            return
        if context.owner is not None and context.owner is block.owner:
            if block.last not in ("", "\n"):
                self._line_break()
        else:
            self._end_block()

    def _line_break(self) -> None:
        self._write(self._back_links.release())
        self._add(self._note_marks.release())
        block = self._block
        if block is not None and block.runs:
            if not self._elements.top.pre:
                block.drop_trailing_space()
            block.append("\n", *self._style())

    def _end_block(self) -> None:
        self._after_image = False
        if self._block is not None:
            self._block.write(self._builder)
            self._block = None

    def _style(self) -> tuple[SpanStyle | None, str]:
        if self._href:
            return SpanStyle.LINK, self._href
        if self._code:
            return SpanStyle.CODE, ""
        if self._emphasis.struck:  # what it marks (removed) matters more than its weight
            return SpanStyle.STRIKE, ""
        if self._emphasis.bold:
            return SpanStyle.STRONG, ""
        return (SpanStyle.EMPHASIS if self._emphasis.italic else None), ""


def _tiny(size: str) -> bool:
    """True for an image's width or height of a pixel or two (a tracking pixel's)."""
    digits = size.strip().removesuffix("px").strip()
    return digits.isdigit() and int(digits) <= 2
