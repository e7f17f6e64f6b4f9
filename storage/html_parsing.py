"""The standard library's HTML parser, made to read what it cannot as browsers do."""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser


class ForgivingParser(HTMLParser):
    """An :class:`HTMLParser` that reads marked sections and a page cut short as browsers
    do, and quickly."""

    def close(self) -> None:
        """Finish the page; markup left open at its end is dropped, as browsers do.

        The standard parser of older Pythons rescans the rest of the page once for every
        ``<`` in such a tail, which a crafted page can make last for hours.
        """
        tail, self.rawdata = self.rawdata, ""
        if tail and self.cdata_elem is None and not tail.startswith("<"):
            self.handle_data(unescape(tail))  # text cut short, e.g. "AT&T" at the end
        super().close()

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        # The standard parser raises on marked sections other than CDATA and IE's
        # conditionals; browsers read them as bogus comments.
        rawdata = self.rawdata
        if rawdata.startswith("<![CDATA[", i):
            end = rawdata.find("]]>", i)
            if end >= 0:
                self.handle_data(rawdata[i + len("<![CDATA[") : end])  # XHTML
                return end + len("]]>")
            return -1
        end = rawdata.find(">", i)
        if end >= 0:
            self.handle_comment(rawdata[i + len("<![") : end])
        return -1 if end < 0 else end + 1
