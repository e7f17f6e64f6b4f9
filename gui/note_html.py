"""Notes shown safely: Markdown to HTML that can load nothing, and to one line of text.

Notes are written by people but may be pasted from anywhere, so they are untrusted. The
parser is the project's one Markdown parser (raw HTML off); a core rule then replaces
every image by its alt text and unwraps every link that is not http, https or mailto,
so the HTML handed to Qt never names a resource to load nor a script to run.
"""

from __future__ import annotations

import html
import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget

from diptych.storage.import_html import allowed_href
from diptych.storage.import_markdown import make_markdown_parser

_SPACES = re.compile(r"\s+")


@cache
def _note_parser() -> MarkdownIt:
    parser = make_markdown_parser()
    # Let every link reach the token stream: the core rule below keeps the safe ones and
    # shows the others as their text, rather than as the raw ``[x](javascript:...)``.
    parser.validateLink = _any_link  # type: ignore[method-assign]
    parser.core.ruler.push("safe_links_no_images", _safe_links_no_images)
    return parser


def _any_link(url: str) -> bool:
    return True


def _safe_links_no_images(state: StateCore) -> None:
    """Core rule: images become their alt text; links to other schemes lose their link."""
    for block in state.tokens:
        if block.type == "inline" and block.children:
            block.children = _sanitised(block.children)


def _sanitised(children: list[Token]) -> list[Token]:
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


def note_to_html(markdown: str) -> str:
    """Render a note to HTML for a text browser or a tooltip.

    Args:
        markdown: the note as written.

    Returns:
        HTML with every character of the note escaped, no images and only http, https and
        mailto links; "" for an empty note.
    """
    if not markdown.strip():
        return ""
    return _note_parser().render(markdown)


def note_to_plain(markdown: str) -> str:
    """The note's words on one line, without Markdown markers (for lists and summaries)."""
    words: list[str] = []
    for block in _note_parser().parse(markdown):
        if block.type == "inline":
            words.extend(c.content for c in block.children or [] if c.content)
            words.append(" ")
        elif block.type in ("code_block", "fence"):
            words.append(block.content)
    return _SPACES.sub(" ", "".join(words)).strip()


def text_to_html(text: str) -> str:
    """Plain text (a quote, a title) as escaped HTML with its line breaks, for tooltips."""
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


class NoteBrowser(QTextBrowser):
    """A read-only view of a rendered note that never loads a resource or follows a link.

    Args:
        parent: the owning widget.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def show_note(self, markdown: str) -> None:
        """Show ``markdown`` rendered."""
        self.setHtml(note_to_html(markdown))

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Nothing is ever loaded: not images, not style sheets, not files.

        An empty byte array rather than None: on None, QTextDocument goes on to read local
        files and ``data:`` addresses itself.
        """
        return QByteArray()
