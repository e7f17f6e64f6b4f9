"""Notes as the window reads them, for comparing with what a viewer makes of an export."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token


def window_reader() -> MarkdownIt:
    """A parser reading a note as the window does (raw HTML off), each image read as the
    Markdown export writes it: a link to its address with its text, as the window shows
    the text; in a link's text, or holding brackets of its own, its text alone. A picture
    held in the note (``data:``) stays one."""
    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    parser.core.ruler.push("images_as_exported", _images_as_exported)
    return parser


def _images_as_exported(state: StateCore) -> None:
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        in_link = 0
        for child in block.children:
            in_link += {"link_open": 1, "link_close": -1}.get(child.type, 0)
            src = str(child.attrGet("src") or "")
            if child.type != "image" or src[:5].lower() == "data:":
                children.append(child)
            elif in_link or "[" in child.content or "]" in child.content:
                children.append(_text("".join(c.content for c in child.children or [])))
            else:
                link = Token("link_open", "a", 1, attrs={"href": src})
                if child.attrGet("title") is not None:
                    link.attrSet("title", str(child.attrGet("title")))
                children += [link, *(child.children or []), Token("link_close", "a", -1)]
        block.children = children


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token
