"""Letters as a reader types them without their marks: the accents of Latin, Greek and
Cyrillic letters (é as e, Nguyễn as Nguyen, ή as η, ϋ as υ, ё as е), the vowel marks,
cantillation and tatweel of Arabic and Hebrew (الرَّئِيسُ as الرئيس, שָׁלוֹם as שלום), whether
a mark is part of its letter or written after it as a character of its own (e + U+0301,
as macOS and some sites write é). The one table of them for Find in article, the
Library's and the Passages' filters and the Search panel (see
:mod:`diptych.storage.search_folding`).

Letters of their own that Unicode happens to write as a letter with a mark stay as they
are: Russian й is not и, Ukrainian ї is not і, Belarusian ў is not у (a reader typing
without them still types them). Arabic hamza and madda stay too (أ, ئ, آ): they are part
of the letter, not a vowel mark. Marks of other scripts (the vowel signs of Indic
scripts, the Japanese voicing marks of が) are letters' parts and stay.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

KEPT = "йЙїЇўЎ"
"""Letters that keep their mark: others than the letter without it."""
TATWEEL = "\u0640"  # ـ, which stretches an Arabic word and is no letter
_HAMZA = "\u0653\u0654\u0655"  # madda, hamza above and below: of أ إ آ ئ ؤ
_MARKED_BLOCKS = (
    (0x0300, 0x036F),  # the accents of Latin, Greek and Cyrillic letters
    (0x0483, 0x0489),  # Cyrillic titlo
    (0x0591, 0x05C7),  # Hebrew cantillation and niqqud
    (0x0610, 0x061A),  # Arabic honorifics
    (0x064B, 0x065F),  # Arabic harakat
    (0x0670, 0x0670),  # Arabic superscript alef
    (0x06D6, 0x06ED),  # Quranic marks
    (0x08D3, 0x08FF),  # more Arabic marks
    (0x1AB0, 0x1AFF),  # more accents
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20FF),
    (0xFE20, 0xFE2F),  # half marks
)


def is_mark(char: str) -> bool:
    """Whether ``char`` is a mark (or tatweel) that a reader types without."""
    if char == TATWEEL:
        return True
    if char in _HAMZA or unicodedata.category(char) not in ("Mn", "Me"):
        return False
    code = ord(char)
    return any(first <= code <= last for first, last in _MARKED_BLOCKS)


def _unmarked(char: str) -> str:
    if char in KEPT:
        return char
    if is_mark(char):
        return ""
    decomposed = unicodedata.normalize("NFD", char)
    if len(decomposed) > 1 and decomposed[0].isalpha() and all(map(is_mark, decomposed[1:])):
        return decomposed[0]
    return char


unmarked = cache(_unmarked)
"""``char`` without its marks (:func:`is_mark`): a letter with them as the letter without,
a mark alone as nothing, anything else as it is."""


def without_marks(text: str) -> str:
    """``text`` with each character :func:`unmarked`."""
    if text.isascii():
        return text
    return "".join(map(unmarked, text))


# What the full-text index (SQLite's unicode61 tokenizer, remove_diacritics=1) takes off
# by itself: these accents alone, and on a Latin letter when the letter has only one.
_INDEX_TAKES_OFF = frozenset(
    chr(code)
    for code in (
        *range(0x300, 0x305),
        *range(0x306, 0x30D),
        0x30F,
        0x311,
        0x31B,
        *range(0x323, 0x329),
        0x32D,
        0x32E,
        0x330,
        0x331,
    )
)


def _index_unmarks(char: str) -> bool:
    """Whether the index reads ``char`` without its marks itself, as :func:`unmarked`."""
    if char in _INDEX_TAKES_OFF:
        return True
    code = ord(char)
    if not (0xC0 <= code < 0x250 or 0x1E00 <= code < 0x1F00):
        return False
    decomposed = unicodedata.normalize("NFD", char)
    return len(decomposed) == 2 and decomposed[0].isascii() and decomposed[1] in _INDEX_TAKES_OFF


@cache
def marked_unread() -> re.Pattern[str]:
    """Any character whose marks :func:`unmarked` takes off and the index does not (ή, ё,
    ễ, a Hebrew or Arabic vowel mark): a text with one is indexed by its folded words."""
    # The others with marks (Hebrew presentation forms as שּׁ) are folded already as
    # compatibility forms.
    codes = (*range(0xC0, 0x2100), *range(0xFE20, 0xFE30))
    found = [
        char for char in map(chr, codes) if _unmarked(char) != char and not _index_unmarks(char)
    ]
    return re.compile(f"[{re.escape(''.join(found))}]")


def whole_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``...``end`` of ``text`` made of whole letters: taking in the marks (any of
    Unicode's, category M) written after its last character, and starting on the letter
    of a mark it would start on. A match of Zoe in Zoe + U+0308 is Zoë, as the text
    writes it: the passage made of it quotes Zoë, not Zoe."""
    while 0 < start < len(text) and unicodedata.category(text[start])[0] == "M":
        start -= 1
    while end < len(text) and unicodedata.category(text[end])[0] == "M":
        end += 1
    return start, end
