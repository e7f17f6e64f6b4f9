"""An approximate match's ends put on the words the passage began and ended with.

The approximate search finds the stretch of the new text with the fewest edits from the old
quote, character by character; where a passage's words changed, that stretch may begin or
end inside a word ("...for three s" of "for three straight years", the old quote ending
"for three years."), or stop before a last word that only moved ("...Simple as that" where
"that, really." became "that - really."). A passage begins and ends where its reader put
it, on words: each end goes to the nearest place, within a few words, where the quote's
first (or last) word stands whole, with the punctuation the quote had after it; where that
word is not there, an end inside a word goes to that word's edge. A quote that begins (or
ends) inside a word keeps that end as the search found it.
"""

from __future__ import annotations

import re

from diptych.storage.fuzzy import edit_distance

_WORD = re.compile(r"\w+")
_MIN_REACH = 24  # characters around a match's end where the quote's edge word is looked for
_MAX_REACH = 200


def word_edges(
    text: str, start: int, end: int, quote: str, *, before: str = "", after: str = ""
) -> tuple[int, int]:
    """``[start, end)`` of ``text``, an approximate match of ``quote``, with its ends on the
    words the quote begins and ends with (see the module docstring). ``before`` and
    ``after`` are the old text's characters around the quote: an end the quote had inside
    a word (its word going on beyond it) stays as found."""
    words = _WORD.findall(quote)
    if not words:
        return start, end
    reach = min(_MAX_REACH, max(_MIN_REACH, len(quote) // 3))
    new_start, new_end = start, end
    if not (before[-1:] and _is_word(before[-1]) and _is_word(quote[0])):
        new_start = _start_edge(text, start, end, words[0], reach)
    if not (after[:1] and _is_word(after[0]) and _is_word(quote[-1])):
        new_end = _end_edge(text, new_start, end, quote, words[-1], reach)
    # Spaces the quote has not at its ends are not the passage's either.
    while new_end > new_start and text[new_end - 1].isspace() and not quote[-1].isspace():
        new_end -= 1
    while new_start < new_end and text[new_start].isspace() and not quote[0].isspace():
        new_start += 1
    return (new_start, new_end) if new_start < new_end else (start, end)


def _inside_word(text: str, at: int) -> bool:
    return 0 < at < len(text) and _is_word(text[at - 1]) and _is_word(text[at])


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _start_edge(text: str, start: int, end: int, first: str, reach: int) -> int:
    """The start, if inside a word: where the quote's first word stands nearest, else that
    word's start. A start on a word's edge is as found (a typo in the first word, or the
    first word gone, moves nothing)."""
    if not _inside_word(text, start):
        return start
    low, high = max(0, start - reach), min(end, start + reach)
    found = [m.start() for m in _whole(first).finditer(text, low, high)]
    if found:
        return min(found, key=lambda at: (abs(at - start), at))
    while _inside_word(text, start):
        start -= 1
    return start


def _end_edge(text: str, start: int, end: int, quote: str, last: str, reach: int) -> int:
    """The end, if inside a word: where the quote's last word stands nearest, else that
    word's end; on a word's edge, but short of the quote's last word (another word ends
    the match, and the quote's stands a little further on), after that word. The
    punctuation the quote had after its last word comes with it."""
    after = quote[quote.rfind(last) + len(last) :].rstrip()
    if len(after) > 3:
        return end  # the quote closes with more than marks after its last word: as found
    word = _WORD.findall(text, start, end)
    if _inside_word(text, end):
        low, high = max(start + 1, end - reach), min(len(text), end + reach)
    elif word and edit_distance(word[-1].casefold(), last.casefold()) > 1:
        low, high = end, min(len(text), end + reach)  # only further on
    else:
        return end
    found = [m.end() for m in _whole(last).finditer(text, low, high)]
    if found:
        at = min(found, key=lambda e: (abs(e - end), -e))
        return _with_punctuation(text, at, after)
    while _inside_word(text, end):
        end += 1
    return end


def _with_punctuation(text: str, at: int, punctuation: str) -> int:
    """``at`` moved over as many marks (not letters, not spaces) as the quote had after its
    last word: "years." of the old text ends "years," in the new."""
    for _ in punctuation:
        if at < len(text) and not text[at].isspace() and not _is_word(text[at]):
            at += 1
    return at


def _whole(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
