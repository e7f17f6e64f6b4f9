"""Notes from Markdown to HTML that can load and run nothing: the rules the window and the
HTML report share.

Notes are written by analysts but may be pasted from anywhere, so they are untrusted.
Every note goes through the project's one Markdown parser (raw HTML off: markup is shown
as text) and one core rule over its tokens:

- an image becomes its alt text, so nothing is ever loaded, nor linked to be loaded;
- a link is kept only for an http, https or mailto address (:func:`allowed_href`); any
  other link becomes its text, so ``[x](javascript:...)`` reads "x";
- a kept link carries its address and title only;
- a bare address becomes a link under the same rule (:func:`link_bare_addresses`): one
  starting with ``http://``, ``https://`` or ``www.``, and a mail address (``mailto:``).
  Punctuation that ends a sentence, or closes the bracket or quotation the address stands
  in (curly quotes, guillemets, Chinese and Japanese brackets), stays outside the link.

A note reads the same in the window and in the HTML report (which also marks its links
``rel="noreferrer"``):

- each line break typed in a paragraph is a line break (``<br>``), as in the note's
  editor, rather than a space joining the lines, as Markdown has it;
- a heading is a bold line (``<p class="note-heading"><strong>``): large in the window
  it outweighed the passage it comments on, and in the report it must not enter the
  page's outline among the tags' headings.
"""

from __future__ import annotations

import html
import re
import types
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # markdown-it is imported with the first note that needs it
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

PLAIN_NOTE = re.compile(
    r"(?!(?i:(?:.*\W)?www\.))"  # an address to link ("see www.who.int")
    r"[^\W\d_][^\\`*_\[\]<>!&#+=|~{}:\-\n\r\t\x00-\x1f@$%^]*(?<=\S)"
)
"""A one-line note with none of Markdown's syntax characters, not starting with a digit,
and no address the parser would make a link (those need ``:``, ``@`` or ``www.``)."""

LONGEST_ADDRESS = 2048
"""A bare address longer than this stays text (few sites take longer ones; written as a
link, it is one): linkify-it reads on from every place an address could start, so a
paragraph of addresses run together would otherwise take time growing with the square of
its length."""

_MAY_LINK = re.compile(r"[:@]|www\.", re.IGNORECASE)
"""What every address :func:`link_bare_addresses` links holds: the ``:`` of ``http:``,
``https:`` or ``mailto:``, a mail address's ``@``, or ``www.``."""

_SPACES = re.compile(r"\s+")
_BREAKS = ("softbreak", "hardbreak")
_LINKS_AND_IMAGES = frozenset({"image", "link_open", "link_close"})


class NoteRenderer:
    """Renders notes to safe HTML fragments (see the module docstring for the rules).

    Args:
        link_rel: a ``rel`` value for every kept link ("" for none); with it, a bare
            address linked (``https://…``, ``<https://…>``) has the class ``address``.
    """

    def __init__(self, *, link_rel: str = "") -> None:
        self._link_rel = link_rel

    @cached_property
    def _md(self) -> MarkdownIt:
        """The parser, built on first use: most notes are plain text and never need it,
        and importing markdown-it would lengthen the window's start-up."""
        from diptych.storage.import_markdown import make_markdown_parser

        md = make_markdown_parser()
        # Let every link reach the token stream: the core rule keeps the safe ones and
        # shows the others as their text, rather than as the raw ``[x](javascript:...)``.
        md.validateLink = _any_link  # type: ignore[method-assign]
        md.options["breaks"] = True  # a line break typed is one
        link_bare_addresses(md)
        md.core.ruler.push("safe_links_no_images", _safe_links_no_images)
        md.add_render_rule("heading_open", _heading_open)
        md.add_render_rule("heading_close", _heading_close)
        if self._link_rel:
            md.add_render_rule("link_open", _link_open_with_rel(self._link_rel))
        return md

    def render(self, markdown: str) -> str:
        """``markdown`` as an HTML fragment; "" for a blank note."""
        if not markdown.strip():
            return ""
        if PLAIN_NOTE.fullmatch(markdown):
            # Nothing Markdown would interpret: the paragraph the parser would give, at a
            # hundredth of the cost (tests/test_export_html.py checks they agree).
            return f"<p>{escape_html(markdown)}</p>"
        return str(self._md.render(markdown)).strip()

    def plain(self, markdown: str) -> str:
        """The note's words on one line, without Markdown markers or addresses."""
        if PLAIN_NOTE.fullmatch(markdown):
            # What the parser would give (tests/test_export_html.py checks they agree).
            return _SPACES.sub(" ", markdown).strip()
        return self.parsed_plain(markdown)

    def parsed_plain(self, markdown: str) -> str:
        """:meth:`plain` through the parser, whatever the note."""
        words: list[str] = []
        for block in self._md.parse(markdown):
            if block.type == "inline":
                # A line break within a paragraph parts its words as a space does.
                words.extend(" " if c.type in _BREAKS else c.content for c in block.children or [])
                words.append(" ")
            elif block.type in ("code_block", "fence"):
                words.append(block.content)
        return _SPACES.sub(" ", "".join(words)).strip()


def escape_html(text: str) -> str:
    """``text`` escaped as markdown-it escapes a paragraph's text (``'`` is kept)."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def _any_link(url: str) -> bool:
    return True


def link_bare_addresses(md: MarkdownIt) -> None:
    """Make ``md`` link the addresses a note names without Markdown (with linkify-it).

    Only addresses that announce themselves are linked, as GitHub links them: those
    starting with ``http://``, ``https://`` or ``www.`` and naming a domain with a dot in
    it, ``mailto:`` ones and mail addresses. A word such as "notes.md" or "example.org"
    stays a word (linkify-it's own guess would link it, ``.md`` being a country's domain).
    ``ftp://`` and ``//host`` addresses, which the safety rule would refuse, are not taken
    apart either: they read as written.
    """
    linkify = md.linkify
    if linkify is None:
        raise ModuleNotFoundError("Notes need linkify-it-py: reinstall Diptych (make run).")
    md.options["linkify"] = True
    # The core rule only: markdown-it's inline one takes time growing with the square of
    # a paragraph's length when it holds many "://" that start no address.
    md.core.ruler.enable("linkify")
    linkify.set({"fuzzy_link": False, "fuzzy_email": True})
    linkify.tlds(["int", "mil"], keep_old=True)  # mail addresses at who.int, army.mil
    src = linkify.re
    domain = rf"(?:(?:{src['src_domain']})\.)+{src['src_domain_root']}"
    address = domain + src["src_port"] + src["src_host_terminator"] + src["src_path"]
    http = re.compile("//" + src["src_auth"] + address, re.IGNORECASE)
    after_www = re.compile(address, re.IGNORECASE)
    # linkify-it calls a validator or normaliser as it is only if it is a bound method (it
    # makes any other function a method of its class, for every instance to share), and
    # matches a validator that is a pattern against a copy of the rest of the note.
    linkify.add("http:", {"validate": types.MethodType(_address_length(http), linkify)})
    linkify.add("ftp:", None).add("//", None)
    linkify.add(
        "www.",
        {
            "validate": types.MethodType(_address_length(after_www, www=True), linkify),
            "normalize": types.MethodType(_with_http, linkify),
        },
    )
    _look_first_for_address_marks(linkify)


def _look_first_for_address_marks(linkify: Any) -> None:
    """Make ``linkify`` search only text holding an address's marks (:data:`_MAY_LINK`).

    linkify-it's first look (``pretest``) searched every paragraph, heading and table
    cell with a pattern thousands of characters long (for the domains it could guess as
    well), and markdown-it then asks it whether each piece of text holds an address
    (``test``) before asking it for the addresses (``match``), which searches the piece
    again. Text without ``:``, ``@`` or ``www.`` holds no address linked here and is
    now passed over at once (docs/PERFORMANCE.md, long notes); text with them
    is searched once, by ``match``, which finds an address exactly where ``test`` would
    have said there is one (the same patterns, the same checks), so the links are the
    same (tests/test_note_address_search.py).
    """
    may_link = _MAY_LINK.search

    def may_hold_address(text: str) -> bool:
        return may_link(text) is not None

    linkify.pretest = may_hold_address
    linkify.test = may_hold_address


_ADDRESS_ENDS = re.compile(
    "[\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a"  # ‘’‚‛“”„‟«»‹›
    "\u2026"  # …
    "\u3001\u3002\u3008-\u3011\u3014-\u301b"  # 、。〈〉《》「」『』【】〔〕〖〗〘〙〚〛
    "\uff08\uff09\uff0c\uff0e\uff1a\uff1b\uff01\uff1f"  # （），．：；！？
    "\uff3b\uff3d\uff5b\uff5d\uff5f\uff60"  # ［］｛｝｟｠
    "\uff61\uff62\uff63\uff64]"  # ｡｢｣､
)
"""What ends a bare address, as a space does: typographic quotation marks (curly quotes,
guillemets, „ “), the brackets and full stops and commas of Chinese and Japanese, and ``…``.
Addresses carry these only percent-encoded; written out, they are the sentence's."""


def _address_length(address: re.Pattern[str], *, www: bool = False) -> Any:
    """A linkify-it validator: the length of the ``address`` after its scheme or ``www.``
    (0: none), ending at the first of :data:`_ADDRESS_ENDS`."""

    def length(linkify: Any, text: str, pos: int) -> int:
        # As for addresses linkify-it guesses: not the middle of a path, a name or an address.
        if www and pos >= 5 and text[pos - 5] in ".:/\\-_@":
            return 0
        end = pos + LONGEST_ADDRESS
        mark = _ADDRESS_ENDS.search(text, pos, end)
        # Read as if the text stopped at the mark: punctuation before it (a full stop, a
        # closing bracket with no opening one) is then left outside as at a text's end.
        found = address.match(text, pos, mark.start() if mark else end)
        if not found or (not mark and found.end() == end < len(text)):
            return 0
        return found.end() - pos

    return length


def _with_http(linkify: Any, match: Any) -> None:
    match.url = "http://" + match.url


def _safe_links_no_images(state: StateCore) -> None:
    """Core rule: images become their alt text; links to other schemes lose their link.

    Only the text holding a link or an image is gone through again: a long note's
    headings, items and cells, most of its text, are left as the parser read them.
    """
    for block in state.tokens:
        children = block.children if block.type == "inline" else None
        if children and any(token.type in _LINKS_AND_IMAGES for token in children):
            block.children = _sanitised(children)


def _sanitised(children: list[Token]) -> list[Token]:
    from markdown_it.token import Token

    from diptych.storage.link_addresses import allowed_href

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


def _link_open_with_rel(rel: str) -> Any:
    def link_open(self: Any, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
        tokens[idx].attrSet("rel", rel)
        if tokens[idx].info == "auto" or _reads_as_its_address(tokens, idx):
            tokens[idx].attrSet("class", "address")  # its text already says where it goes
        return str(self.renderToken(tokens, idx, options, env))

    return link_open


def _reads_as_its_address(tokens: Sequence[Any], idx: int) -> bool:
    """True if the link opened at ``idx`` reads as its own address, as
    ``[https://example.org/x](https://example.org/x)`` does: its text (emphasised or not)
    that address, as written or as shown (``https://example.org/café``), or a mail
    link's address alone."""
    from markdown_it.common.normalize_url import normalizeLinkText

    words = []
    for token in tokens[idx + 1 :]:
        if token.type == "link_close":
            break
        if token.type in ("text", "code_inline"):
            words.append(token.content)
        elif token.nesting == 0:
            return False  # a line break: not one address
    text = "".join(words).strip()
    href = str(tokens[idx].attrGet("href") or "")
    forms = {href, normalizeLinkText(href)}
    forms |= {form.removeprefix("mailto:") for form in forms}
    return bool(text) and (text in forms or f"{text}/" in forms)


def _heading_open(self: Any, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
    return '<p class="note-heading"><strong>'


def _heading_close(self: Any, tokens: Sequence[Any], idx: int, options: Any, env: Any) -> str:
    return "</strong></p>\n"
