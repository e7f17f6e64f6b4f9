"""The inline text of a Markdown article's blocks: runs of text, each in one style.

Emphasis, strong text, inline code and links become spans; an image is its alt text.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.token import Token

from diptych.storage.document import SpanStyle
from diptych.storage.link_addresses import allowed_href
from diptych.storage.text_builder import TextBuilder

Runs = list[tuple[list[str], SpanStyle | None, str]]


class InlineWriter:
    """Writes inline tokens as runs of text, one style per run.

    The builder gives each run one style, so nested styles are resolved by rank: a link
    keeps its target above all, then code, strong and emphasis. Runs of the same style
    are gathered before they reach the builder, which keeps long paragraphs cheap.
    """

    def __init__(self, builder: TextBuilder) -> None:
        self._builder = builder
        self._depth = {"em": 0, "strong": 0}
        self._href: str | None = None  # inside a link; "" when its target was dropped

    def write(self, tokens: Sequence[Token]) -> None:
        """Add the runs of one inline token's children to the open block."""
        runs: Runs = []
        for token in tokens:
            self._take(token, runs)
        self._flush(runs)
        self._depth = {"em": 0, "strong": 0}
        self._href = None

    def _take(self, token: Token, runs: Runs) -> None:
        kind = token.type
        if kind in ("em_open", "strong_open", "em_close", "strong_close"):
            name, _, edge = kind.partition("_")
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
            self._append(runs, _plain_text(token.children or []))
        elif token.content and not kind.endswith(("_open", "_close")):
            self._append(runs, token.content)

    def _append(
        self,
        runs: Runs,
        text: str,
        style: SpanStyle | None = None,
    ) -> None:
        if self._href:
            style, href = SpanStyle.LINK, self._href
        else:
            style, href = style or self._style(), ""
        if runs and runs[-1][1:] == (style, href):
            runs[-1][0].append(text)
        else:
            runs.append(([text], style, href))

    def _style(self) -> SpanStyle | None:
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
        elif not token.type.endswith(("_open", "_close")):
            parts.append(token.content)
    return "".join(parts)
