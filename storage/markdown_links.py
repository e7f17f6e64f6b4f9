"""Links in a note's Markdown, found as markdown-it reads them, for the Markdown export.

:func:`refused_address` says which addresses careful viewers refuse; the other functions
find where an inline link's address and title end, scanning text the way markdown-it does,
so that the export can escape a refused link and leave a link's address alone,
:func:`note_images` finds the images that viewers would load, and
:func:`openers_after_addresses` the ``<`` that an address's link would leave live.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline

_OPENS_HTML = re.compile(r"<(?=[A-Za-z/!?])")
_ESCAPED_OPENER = re.compile(r"\\<([A-Za-z/!?])")
_WORD = re.compile(r"\S+")
_ADDRESS_MARKS = "./@"  # a domain's dot, a scheme's "//" or a path, a mail address's @
_URL_IGNORED = re.compile(r"[\t\n\r]")  # browsers drop these from any address
_URL_LEADING = "".join(map(chr, range(0x21)))  # and these from its start


def refused_address(url: str) -> bool:
    """True for an address careful viewers refuse: ``javascript:``, ``vbscript:``,
    ``file:`` and ``data:`` (but pictures), after browsers' clean-up of the address; and
    for a mail link naming a file to attach, which the window refuses too."""
    from markdown_it.common.normalize_url import validateLink

    from diptych.storage.link_addresses import allowed_href

    url = _URL_IGNORED.sub("", url).lstrip(_URL_LEADING)
    if url[:7].lower() == "mailto:":
        return not allowed_href(url)
    return not validateLink(url)


def openers_after_addresses(text: str) -> set[int]:
    """Where in ``text`` a ``<`` that could open HTML (escaped or not) follows, in the same
    word, what may be an address: a ``.``, ``/`` or ``@`` before it.

    Viewers that make bare addresses links (markdown-it's linkify, as VS Code's preview
    does) take everything up to a space or a ``<`` into the address, the backslash that
    escapes the ``<`` too (``https://example.org/report\\<img …>``): the ``<`` is then
    read as opening HTML. Such a ``<`` is written :func:`opener_apart` instead.
    """
    found: set[int] = set()
    if "<" not in text:
        return found
    for word in _WORD.finditer(text):
        if "<" not in word[0]:
            continue
        marks = [at for at in map(word[0].find, _ADDRESS_MARKS) if at >= 0]
        if marks:
            found.update(
                word.start() + m.start() for m in _OPENS_HTML.finditer(word[0], min(marks))
            )
    return found


def opener_apart(char: str) -> str:
    """A ``<`` followed by ``char``, written so that no viewer reads HTML in it, also just
    after an address: ``char`` as its numeric entity (``<&#105;mg``), which reads as the
    character everywhere but in code; a bare address ends at the ``<`` in every viewer."""
    return f"<&#{ord(char)};"


def openers_apart_from_addresses(escaped: str) -> str:
    """``escaped`` (text in which every ``<`` that could open HTML is written ``\\<``, and
    no code) with each of them after an address written :func:`opener_apart`."""
    if "\\<" not in escaped:
        return escaped
    apart = openers_after_addresses(escaped)
    return _ESCAPED_OPENER.sub(
        lambda m: opener_apart(m[1]) if m.start() + 1 in apart else m[0], escaped
    )


def refused_destination(text: str, pos: int) -> bool:
    """True if the ``](`` at ``pos`` is followed by a refused address."""
    from markdown_it.helpers import parseLinkDestination

    start = _destination_start(text, pos)
    found = parseLinkDestination(text, start, len(text))
    return found.ok and refused_address(found.str)


def unclosed_angle_destination(text: str, pos: int) -> bool:
    """True if the ``](`` at ``pos`` is followed by a ``<`` that opens no address (no
    ``>`` closes it on its line): markdown-it then reads no inline link there, and
    escaping that ``<`` would make one."""
    from markdown_it.helpers import parseLinkDestination

    start = _destination_start(text, pos)
    return text.startswith("<", start) and not parseLinkDestination(text, start, len(text)).ok


def _destination_start(text: str, pos: int) -> int:
    start = pos + 2
    while start < len(text) and text[start] in " \t\n":
        start += 1
        if text[start - 1] == "\n":
            while start < len(text) and text[start] in " \t>":
                start += 1  # a quote's marker on the next line of the paragraph
    return start


def inline_link_end(text: str, pos: int) -> int:
    """Where the inline link whose ``(`` is at ``pos`` ends, as markdown-it reads it; -1 if
    none does (then the text before it is a reference, if it names one)."""
    from markdown_it.helpers import parseLinkDestination, parseLinkTitle

    if not text.startswith("(", pos):
        return -1
    pos = _skip_spaces(text, pos + 1)
    if pos >= len(text):
        return -1
    found = parseLinkDestination(text, pos, len(text))
    if found.ok:
        if not refused_address(found.str):
            pos = found.pos
        start = pos
        pos = _skip_spaces(text, pos)
        title = parseLinkTitle(text, pos, len(text))
        if pos < len(text) and start != pos and title.ok:
            pos = _skip_spaces(text, title.pos)
    return pos + 1 if text.startswith(")", pos) else -1


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    return pos


def closed_bracket(text: str, pos: int) -> bool:
    """True if a ``[`` at ``pos`` has its ``]`` (a full reference's label follows)."""
    if not text.startswith("[", pos):
        return False
    depth = 0
    while pos < len(text):
        char = text[pos]
        if char == "\\":
            pos += 1
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if not depth:
                return True
        pos += 1
    return False


@dataclass(frozen=True)
class NoteImage:
    """An image in a note's text, as markdown-it reads it.

    Attributes:
        end: where the image (``![alt](address)`` or ``![alt][label]``) ends in the text.
        alt: its text as the window shows it, in place of the image.
        in_link: whether it stands in a link's text (``[![alt](a)](b)``).
        nested: whether its text holds brackets (a link, perhaps) of its own.
        address: the address it would be loaded from.
    """

    end: int
    alt: str
    in_link: bool
    nested: bool
    address: str


_IMAGES = "diptych_images"
_DEPTH = "diptych_image_depth"


def note_images(text: str, references: dict[str, Any]) -> dict[int, NoteImage]:
    """The images in ``text`` (one block's inline text, outside code), by where each
    starts; ``references`` are the note's link reference definitions."""
    found: dict[int, NoteImage] = {}
    if "![" in text:
        _image_parser().parseInline(text, {"references": references, _IMAGES: found})
    return found


@cache
def _image_parser() -> MarkdownIt:
    from diptych.storage.import_markdown import make_markdown_parser

    parser = make_markdown_parser()
    parser.inline.ruler.at("image", _recording_image)
    return parser


def _recording_image(state: StateInline, silent: bool) -> bool:
    """Inline rule: markdown-it's image rule, noting each image of the text's own (not
    one in another image's text) with where it starts and ends."""
    from markdown_it.rules_inline.image import image

    start, depth = state.pos, state.env.get(_DEPTH, 0)
    state.env[_DEPTH] = depth + 1  # an image's text is parsed inside the rule
    try:
        found = image(state, silent)
    finally:
        state.env[_DEPTH] = depth
    if found and not silent and not depth and _IMAGES in state.env:
        token = state.tokens[-1]
        state.env[_IMAGES][start] = NoteImage(
            end=state.pos,
            alt="".join(child.content for child in token.children or []),
            in_link=state.linkLevel > 0,
            nested="[" in token.content or "]" in token.content,
            address=str(token.attrGet("src") or ""),
        )
    return found
