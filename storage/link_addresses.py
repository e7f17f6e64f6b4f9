"""Which link addresses an article keeps: http, https and mailto only.

An article's links are shown and followed from its text; an address of any other kind
(``javascript:``, ``data:``, ``file:``) could run or open something, so the link is dropped
and its words kept as plain text. A link Google Docs exported through a Google redirect is
kept as the address it leads to (:func:`without_redirect`).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

_ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
_REDIRECTS = frozenset({"www.google.com", "google.com"})  # Google Docs' exported links


def without_redirect(href: str) -> str:
    """The address a Google redirect (``https://www.google.com/url?q=ADDRESS&sa=D...``)
    leads to, or ``href`` itself: Google Docs exports every link as one, which would send
    each click, and the reader, through Google."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return href
    if parts.hostname not in _REDIRECTS or parts.path != "/url":
        return href
    targets = parse_qs(parts.query).get("q", [])
    return targets[0] if targets else href


def allowed_href(href: str) -> str:
    """``href`` if it is an http, https or mailto address, else "" (the link is dropped).

    A mail link that names a file to attach is dropped too: some mail programs attach
    the named file (``mailto:a@b.org?attach=~/.ssh/id_rsa``) to the message they open.
    """
    href = href.strip()
    scheme, colon, rest = href.partition(":")
    if not colon or scheme.lower() not in _ALLOWED_SCHEMES:
        return ""
    if any(ord(ch) < 0x20 or ch == "\x7f" for ch in href):
        return ""
    if scheme.lower() == "mailto" and _names_attachment(rest):
        return ""
    return href


def _names_attachment(mail: str) -> bool:
    """True if a mailto address's query has a field whose name begins with "attach"."""
    _, _, query = unquote(mail).partition("?")
    fields = re.split(r"[&;]", query) if query else []
    return any(f.partition("=")[0].strip().lower().startswith("attach") for f in fields)
