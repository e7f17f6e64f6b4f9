"""The inline text of a Markdown article's blocks: runs of text, each in one style.

Emphasis, strong text, inline code and links become spans; an image is its alt text in
brackets (:mod:`diptych.storage.image_text`); raw HTML keeps its words and harmless
formatting (:mod:`diptych.storage.markdown_html`), a superscript or subscript held back to
be written whole (:mod:`diptych.storage.raised_text`); a footnote reference is its note's
raised number, set by :mod:`diptych.storage.markdown_footnotes`.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from diptych.storage.document import SpanStyle
from diptych.storage.html_structure import quotation_mark
from diptych.storage.image_text import image_text
from diptych.storage.link_addresses import allowed_href
from diptych.storage.markdown_html import HIDDEN, SHIFTED, STYLED, read_tag
from diptych.storage.raised_text import AS_IT_IS, shifted, written
from diptych.storage.text_builder import TextBuilder

Runs = list[tuple[list[str], SpanStyle | None, str]]
_DEPTHS = ("em", "strong", "code", "strike", "q")  # how many of each are open
_BEFORE = 8  # characters before a superscript that say how it is written


class InlineWriter:
    """Writes inline tokens as runs of text, one style per run.

    The builder gives each run one style, so nested styles are resolved by rank: a link
    keeps its target above all, then code, strong and emphasis. Runs of the same style
    are gathered before they reach the builder, which keeps long paragraphs cheap.
    """

    def __init__(self, builder: TextBuilder) -> None:
        self._builder = builder
        self._depth = dict.fromkeys(_DEPTHS, 0)
        self._href: str | None = None  # inside a link; "" when its target was dropped
        self._hidden = ""  # inside a <script> or <style>: its name
        self._after_tag = False  # raw HTML was the last thing read
        self._script = ""  # inside a <sup> or <sub>: the outermost one's name
        self._script_depth = 0  # open elements of that name
        self._held: Runs = []  # its runs, held back until it ends
        self._before = ""  # the text before it

    def write(self, tokens: Sequence[Token]) -> None:
        """Add the runs of one inline token's children to the open block."""
        runs: Runs = []
        for token in tokens:
            self._take(token, runs)
        self._release(runs, whole=False)  # a <sup> left open ends with its paragraph
        self._flush(runs)
        # Raw HTML left open ends with its paragraph: an unclosed <script> hides no more.
        self._depth = dict.fromkeys(_DEPTHS, 0)
        self._href = None
        self._hidden = ""
        self._after_tag = False

    def _take(self, token: Token, runs: Runs) -> None:
        kind = token.type
        if self._hidden:
            tag = read_tag(token.content) if kind == "html_inline" else None
            if tag is not None and tag.closing and tag.name == self._hidden:
                self._hidden = ""
        elif kind == "html_inline":
            self._html_tag(token.content, runs)
        elif kind in ("em_open", "strong_open", "em_close", "strong_close", "s_open", "s_close"):
            name, _, edge = kind.partition("_")
            name = "strike" if name == "s" else name  # ~~struck~~
            self._depth[name] = max(self._depth[name] + (1 if edge == "open" else -1), 0)
        elif kind == "link_open":
            self._href = allowed_href(str(token.attrs.get("href", "")))
        elif kind == "link_close":
            self._href = None
        elif kind == "softbreak":
            self._append(runs, " ")
        elif kind == "hardbreak":
            self._append(runs, "\n")
        elif kind == "code_inline":
            self._append(runs, token.content, SpanStyle.CODE)
        elif kind == "image":
            self._append(runs, image_text(_plain_text(token.children or [])))
        elif token.content and not kind.endswith(("_open", "_close")):
            self._append(runs, token.content)

    def _html_tag(self, markup: str, runs: Runs) -> None:
        """Raw HTML: its formatting kept, the rest dropped (see :mod:`.markdown_html`)."""
        self._after_tag = True
        tag = read_tag(markup)
        if tag is None:
            return
        name, step = tag.name, -1 if tag.closing else 1
        if name == "br":
            self._append(runs, "\n")
            self._after_tag = True  # a line's end after it starts no line with a space
        elif name in HIDDEN:
            self._hidden = "" if tag.closing else name
        elif name in STYLED:
            depth = STYLED[name].value
            self._depth[depth] = max(self._depth[depth] + step, 0)
        elif name in SHIFTED:
            self._script_tag(name, runs, closing=tag.closing)
        elif name == "q":
            self._quote_mark(runs, closing=tag.closing)
        elif name == "a":
            self._href = None if tag.closing else allowed_href(tag.href)

    def _quote_mark(self, runs: Runs, *, closing: bool) -> None:
        """An inline quote's start or end: its quotation mark, as text, as a browser shows it."""
        if closing:
            if not self._depth["q"]:
                return
            self._depth["q"] -= 1
        self._append(runs, quotation_mark(self._depth["q"], closing=closing))
        if not closing:
            self._depth["q"] += 1

    def _append(
        self,
        runs: Runs,
        text: str,
        style: SpanStyle | None = None,
    ) -> None:
        if self._after_tag:  # spaces either side of a tag show as one, as in a browser
            self._after_tag = False
            last = self._held or runs
            if text.startswith(" ") and last and last[-1][0][-1].endswith((" ", "\n")):
                text = text[1:]
        if self._script:
            runs = self._held
        if self._href:
            style, href = SpanStyle.LINK, self._href
        else:
            style, href = style or self._style(), ""
        if runs and runs[-1][1:] == (style, href):
            runs[-1][0].append(text)
        else:
            runs.append(([text], style, href))

    def _script_tag(self, name: str, runs: Runs, *, closing: bool) -> None:
        """A ``<sup>`` or ``<sub>`` tag: its text is held until it ends, then written as
        :func:`~diptych.storage.raised_text.written` says. One inside another is part of
        it."""
        if not closing and not self._script:
            self._script, self._held = name, []
            self._before = "".join(p for parts, _, _ in runs[-_BEFORE:] for p in parts)[-_BEFORE:]
        if name != self._script:
            return
        self._script_depth += -1 if closing else 1
        if self._script_depth <= 0:
            self._release(runs, whole=True)

    def _release(self, runs: Runs, *, whole: bool) -> None:
        """Add the held runs of a superscript or subscript to ``runs``: raised, lowered or
        marked if it was read ``whole``, else only raised or lowered if it can be."""
        held, tag = self._held, self._script
        self._held, self._script, self._script_depth = [], "", 0
        pieces = ["".join(parts) for parts, _, _ in held]
        if not tag or not pieces:
            return
        content = "".join(pieces)
        form = written(content, tag, self._before) if whole else shifted(content, tag)
        for text, (_, style, href) in zip((form or AS_IT_IS).apply(pieces), held, strict=True):
            if runs and runs[-1][1:] == (style, href):
                runs[-1][0].append(text)
            else:
                runs.append(([text], style, href))

    def _style(self) -> SpanStyle | None:
        if self._depth["code"]:
            return SpanStyle.CODE
        if self._depth["strike"]:
            return SpanStyle.STRIKE
        if self._depth["strong"]:
            return SpanStyle.STRONG
        return SpanStyle.EMPHASIS if self._depth["em"] else None

    def _flush(self, runs: Runs) -> None:
        for parts, style, href in runs:
            self._builder.add("".join(parts), style, href)


def _plain_text(tokens: Sequence[Token]) -> str:
    """The text of inline tokens without markup (an image's alt text)."""
    parts = []
    for token in tokens:
        if token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.children:
            parts.append(_plain_text(token.children))
        elif token.type != "html_inline" and not token.type.endswith(("_open", "_close")):
            parts.append(token.content)
    return "".join(parts)
