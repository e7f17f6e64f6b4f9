"""Which link addresses an article keeps: http, https and mailto only.

An article's links are shown and followed from its text; an address of any other kind
(``javascript:``, ``data:``, ``file:``) could run or open something, so the link is dropped
and its words kept as plain text.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

_ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})


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
