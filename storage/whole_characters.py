"""Where a text may be cut without splitting a character as a reader sees it.

A character on the screen can be several code points: a letter and the accents combined
with it (``e`` + U+0301), a flag (two regional indicators, 🇰🇷), an emoji with a skin tone
or a variation selector (👍🏽, ❤️), emoji joined by U+200D (👨‍👩‍👧), a Korean syllable
written as its jamo, a Devanagari consonant cluster joined by a virama (क्ष). A name cut
between two of these code points ends in a stray accent, a lone letter in a box where a
flag was, or a different emoji. This is a rule-based reading of Unicode's grapheme
cluster boundaries (UAX #29) for cutting only: where it is unsure, it keeps the code
points together, so a cut may fall a character earlier than it had to, never inside one.
"""

from __future__ import annotations

import unicodedata

_ZWJ = "\u200d"
_MARKS = frozenset({"Mn", "Me", "Mc"})  # combining, enclosing and spacing marks
_ALSO_EXTENDING = frozenset("\u200c\u0e33\u0eb3\uff9e\uff9f")  # ZWNJ, Thai/Lao AM, kana marks


def whole_end(text: str, end: int) -> int:
    """The largest position at most ``end`` where ``text`` may be cut with every
    character before it whole (0 if none is)."""
    end = max(0, min(end, len(text)))
    while 0 < end < len(text) and _joined(text, end):
        end -= 1
    return end


def _joined(text: str, at: int) -> bool:
    """True if ``text[at - 1]`` and ``text[at]`` belong to one character as seen."""
    before, after = text[at - 1], text[at]
    if _extends(after) or before == _ZWJ:
        return True
    if _regional(after) and _regional(before):
        run = at
        while run > 0 and _regional(text[run - 1]):
            run -= 1
        return (at - run) % 2 == 1  # the pairs are counted from the run's start
    if _jamo_joined(before, after):
        return True
    return unicodedata.category(after) == "Lo" and _after_virama(text, at)


def _after_virama(text: str, at: int) -> bool:
    """True if the marks just before ``at`` hold a virama, which joins the consonant
    before it to the one at ``at`` (an Indic conjunct, क्ष)."""
    back = at - 1
    while back >= 0 and _extends(text[back]):
        if unicodedata.combining(text[back]) == 9:
            return True
        back -= 1
    return False


def _extends(char: str) -> bool:
    """A mark, joiner or modifier that belongs to the character before it."""
    code = ord(char)
    return (
        unicodedata.category(char) in _MARKS  # the variation selectors among them
        or char == _ZWJ
        or char in _ALSO_EXTENDING
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tags, as in the flags of Scotland and Wales
    )


def _regional(char: str) -> bool:
    return 0x1F1E6 <= ord(char) <= 0x1F1FF


def _jamo_joined(before: str, after: str) -> bool:
    """Hangul jamo written one after another: a syllable, not several."""
    b, a = ord(before), ord(after)
    leading = 0x1100 <= b <= 0x115F or 0xA960 <= b <= 0xA97F
    vowel_or_final = 0x1160 <= a <= 0x11FF or 0xD7B0 <= a <= 0xD7FF
    syllable = 0xAC00 <= a <= 0xD7A3
    jamo_after = vowel_or_final or 0x1100 <= a <= 0x115F or 0xA960 <= a <= 0xA97F
    return vowel_or_final or (leading and (jamo_after or syllable))
