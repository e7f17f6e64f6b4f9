# Markdown-style headings in plain text: "# Council faces pressure", "## Section 1: Housing".
#
# Notes and scraped articles often keep a Markdown writer's heading marks. A line of one to
# six "#", a space or tab, and words is a heading of that level, read without its marks as
# Markdown reads it (a closing run of "#" after a space goes too). These stay text:
# - "#hashtag", "#1 priority": no space after the marks (a tag, a rank);
# - "# 5", "# 2024": no letters (a number written after a hash);
# - "# not a heading, said the writer": a lower-case start (a comment or an aside);
# - a "#" line longer than a heading is (a paragraph someone marked);
# - every "#" line of a file that reads as comments, not as an article: a script ("#!"
#   first) or a file whose "# " lines hold half its text or more (a comment block, a
#   configuration file). An article's headings are short beside its prose.

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_MARKED = re.compile(r"(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")
_MAX_CHARS = 200  # as a title: a longer line is a paragraph set big


@dataclass(frozen=True, slots=True)
class MarkedHeading:
    """A heading line's level (1-6) and its words without the marks."""

    level: int
    text: str


def marked_heading(line: str) -> MarkedHeading | None:
    """The heading that ``line`` (stripped) marks, or None if it is text."""
    match = _MARKED.fullmatch(line)
    if match is None:
        return None
    words = match.group(2)
    if not words or len(words) > _MAX_CHARS or words[0].islower():
        return None
    if not any(char.isalpha() for char in words):
        return None
    return MarkedHeading(len(match.group(1)), words)


def reads_marked_headings(lines: Sequence[str]) -> bool:
    """True if the "#" lines of a text (its lines, stripped or not) may be headings: it
    is not a script and its "#" lines hold less than half of its text."""
    stripped = [line.strip() for line in lines]
    if stripped and stripped[0].startswith("#!"):
        return False
    # Counted by their marks alone: a comment's words may be lower case ("# change
    # with care"), and "#1 priority" or "#housing" is text like any other.
    marked = sum(len(line) for line in stripped if _MARKED.fullmatch(line))
    total = sum(len(line) for line in stripped)
    return marked > 0 and marked * 2 < total
