"""The address an article was saved from, as the file itself says it, for citing it.

A web page saved from a browser names its address in its head: ``<link rel="canonical">``
(the address the site gives as the page's own), ``<meta property="og:url">``, or the
comment browsers write when saving a page whole (``<!-- saved from url=(0042)https://… -->``;
SingleFile's ``url: https://…``). A Markdown note clipped from the web names it in its front
matter (``source:``, ``url:``, as Obsidian's web clipper and Jekyll write it). Only an http or
https address is kept, on one line; anything else (``javascript:``, ``file:``, a relative
address) is as good as none. Plain text names none.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

from diptych.storage.article_titles import front_matter_lines
from diptych.storage.control_characters import ONE_LINE_CONTROLS

MAX_ADDRESS = 2000
"""Characters of the longest address kept (what browsers and search engines take)."""
_HEAD_CHARS = 200_000  # a page's head is looked through up to its <body>, or this far
_BODY = re.compile(r"<body[\s>]", re.IGNORECASE)
_SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S+)", re.IGNORECASE)  # browsers' comment
_SINGLE_FILE = re.compile(r"Page saved with SingleFile\s+url:\s*(\S+)", re.IGNORECASE)
_FRONT_MATTER_KEYS = ("source", "url", "source_url", "canonical_url", "link")
_URI_SAFE = ":/?#@!$&'()*+,;=%~"  # and letters, digits and "_.-": what a URI holds as it is
_BARE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")  # a "%" that encodes nothing
_AUTHORITY_END = re.compile(r"[/?#]")  # after the host (with a user's name, a port)
_IP_LITERAL = re.compile(r"(?:[^@]*@)?\[[0-9A-Fa-f:.]+\](?::[0-9]*)?")  # [::1], [::1]:8080


def web_address(text: str) -> str:
    """``text`` as an article's source address: an absolute http or https address on one
    line (``www.…`` read as ``https://www.…``), or "" for anything else (a relative
    address, ``javascript:``, a file's path)."""
    address = ONE_LINE_CONTROLS.sub("", text).strip()
    if address.lower().startswith("www."):  # typed as browsers show it: theirs is https
        address = "https://" + address
    if not address or len(address) > MAX_ADDRESS or any(ch.isspace() for ch in address):
        return ""
    try:
        parts = urlsplit(address)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    return address


def uri_form(address: str) -> str:
    """``address`` as a URI, for links and exports: letters beyond ASCII and characters
    that may not stand in a URI (spaces never do: see :func:`web_address`) percent-encoded,
    what is already encoded left as it is.

    Pages give addresses that browsers take but a URI may not hold, which tools reading
    an export (the W3C's checker among them) refuse: ``[`` and ``]`` in a query
    (``?filter[year]=2024``), a ``%`` that encodes nothing, a second ``#``. Brackets are
    kept only around an IPv6 host (``http://[::1]/``); the rest are encoded.
    """
    address = _BARE_PERCENT.sub("%25", address)
    scheme, slashes, rest = address.partition("://")
    authority = _AUTHORITY_END.split(rest, maxsplit=1)[0] if slashes else ""
    path, hash_mark, fragment = rest[len(authority) :].partition("#")
    brackets = "[]" if _IP_LITERAL.fullmatch(authority) else ""
    return quote(scheme + slashes + authority, safe=_URI_SAFE + brackets) + quote(
        path + hash_mark + fragment.replace("#", "%23"), safe=_URI_SAFE
    )


def page_address(page: str) -> str:
    """The address a web page says it was saved from (see the module docstring), or ""."""
    head = page[:_HEAD_CHARS]
    body = _BODY.search(head)
    reader = _HeadReader()
    try:
        reader.feed(head[: body.start()] if body else head)
        reader.close()
    except (AssertionError, ValueError):  # the stdlib parser on some broken markup
        pass
    for found in (reader.canonical, reader.og_url, reader.saved_from):
        if address := web_address(found):
            return address
    return ""


def front_matter_address(text: str) -> str:
    """The ``source:`` (or ``url:``…) of a Markdown file's front matter, or ""."""
    from diptych.storage.yaml_scalars import front_matter_value

    lines = front_matter_lines(text)
    for key in _FRONT_MATTER_KEYS:
        if address := web_address(front_matter_value(lines, key) or ""):
            return address
    return ""


class _HeadReader(HTMLParser):
    """Reads the addresses a page's head gives for the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.canonical = self.og_url = self.saved_from = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href", "")
        elif tag == "meta" and values.get("property", "").lower() == "og:url":
            self.og_url = self.og_url or values.get("content", "")

    def handle_comment(self, data: str) -> None:
        found = _SAVED_FROM.search(data) or _SINGLE_FILE.search(data)
        if found and not self.saved_from:
            self.saved_from = found[1]
