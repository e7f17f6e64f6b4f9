"""Notes shown safely in the window: Markdown to HTML that can load nothing, and to one
line of text.

The rules are those of :mod:`diptych.storage.note_markdown`, which the HTML report uses
too: raw HTML shown as text, every image replaced by its alt text and every link that
is not http, https or mailto unwrapped to its text, so the HTML handed to Qt never names
a resource to load nor a script to run. :class:`NoteBrowser` refuses to load anything
even so.
"""

from __future__ import annotations

import html
from functools import cache

from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from diptych.gui.messages import MessageBridge
from diptych.gui.theme import render_style
from diptych.storage.note_markdown import NoteRenderer

OPENED_SCHEMES = ("http", "https", "mailto")  # the only links a note keeps
EMPTY_PREVIEW = "Nothing written yet."
NOT_OPENED = (
    "{address} could not be opened: no browser or mail program answered."
    " The address was copied, to paste where you like."
)


@cache
def _renderer() -> NoteRenderer:
    return NoteRenderer()


def note_to_html(markdown: str) -> str:
    """Render a note to HTML for a text browser or a tooltip.

    Args:
        markdown: the note as written.

    Returns:
        HTML with every character of the note escaped, no images and only http, https and
        mailto links; "" for an empty note.
    """
    return _renderer().render(markdown)


def note_to_plain(markdown: str) -> str:
    """The note's words on one line, without Markdown markers (for lists and summaries)."""
    return _renderer().plain(markdown)


def text_to_html(text: str) -> str:
    """Plain text (a quote, a title) as escaped HTML with its line breaks, for tooltips."""
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


class NoteBrowser(QTextBrowser):
    """A read-only view of a rendered note that never loads a resource.

    A click on an http, https or mailto link opens it in the browser or mail program (the
    browser itself never follows a link); any other link does nothing. A link no program
    opens is copied, and the window says so.

    Args:
        messages: where the window is told what the user should know.
        parent: the owning widget.
    """

    def __init__(self, messages: MessageBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messages = messages
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.on_anchor_clicked)
        self.setPlaceholderText(EMPTY_PREVIEW)  # an empty note's preview is not just blank

    def on_anchor_clicked(self, url: QUrl) -> None:
        """Open a web or mail link outside Diptych."""
        if url.scheme().lower() in OPENED_SCHEMES and not QDesktopServices.openUrl(url):
            self._not_opened(url.toString())

    def _not_opened(self, address: str) -> None:
        """No browser or mail program could open ``address``: copy it and say so."""
        QGuiApplication.clipboard().setText(address)
        self.messages.info(NOT_OPENED.format(address=address))

    def show_note(self, markdown: str) -> None:
        """Show ``markdown`` rendered (nothing written: the placeholder says so)."""
        if markdown.strip():
            # Links in the colour they have in articles, chosen to read on the appearance
            # of the moment (the palette's own link blue may be too dark on a grey page).
            link = render_style().link_color.name()
            self.document().setDefaultStyleSheet(f"a {{ color: {link}; }}")
            self.setHtml(note_to_html(markdown))
        else:
            self.clear()

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Nothing is ever loaded: not images, not style sheets, not files.

        An empty byte array rather than None: on None, QTextDocument goes on to read local
        files and ``data:`` addresses itself.
        """
        return QByteArray()
