"""What an element is called when XHTML writes it with a namespace prefix.

XHTML may name its elements with a prefix bound to its namespace (``<html:p>`` with
``xmlns:html="http://www.w3.org/1999/xhtml"``); :class:`ElementNames` reads them by their
local name, as it reads SVG and MathML elements, so that they mean what they say. Elements
of other namespaces (Word's ``<o:p>``) keep their prefixed names, which mean nothing here:
their text is kept as ordinary text. Both the page's reader and the count of a reversed
list's items (:mod:`.html_lists`) read names so.
"""

from __future__ import annotations

_KNOWN_NAMESPACES = frozenset(
    {
        "http://www.w3.org/1999/xhtml",
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1998/Math/MathML",
    }
)


class ElementNames:
    """Reads prefixed element names by their local name where the prefix is bound to the
    XHTML, SVG or MathML namespace.

    A prefix is taken as bound from the element that declares it to the end of the page,
    not only inside that element: pages declare their prefixes on the root element, and
    reading one too long is harmless where reading one too short would lose structure.
    """

    def __init__(self) -> None:
        self._prefixes: set[str] = set()

    def start(self, tag: str, attrs: list[tuple[str, str | None]]) -> str:
        """The name of a start tag, after noting the prefixes its attributes declare."""
        for name, value in attrs:
            if name.startswith("xmlns:"):
                prefix = name.removeprefix("xmlns:")
                if (value or "").strip() in _KNOWN_NAMESPACES:
                    self._prefixes.add(prefix)
                else:
                    self._prefixes.discard(prefix)
        return self.end(tag)

    def end(self, tag: str) -> str:
        """The name of an end tag (or of a start tag already seen)."""
        prefix, colon, local = tag.partition(":")
        return local if colon and prefix in self._prefixes else tag
