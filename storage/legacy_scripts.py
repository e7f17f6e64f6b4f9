"""Old one-byte encodings of scripts other than Latin, told from the text they give.

A text file that is not UTF-8 and names no encoding was written by an older program in its
country's encoding: Windows-1252 in Western Europe, but Windows-1251 (or KOI8-R) for
Russian, Ukrainian or Bulgarian, Windows-1253 for Greek, Windows-1255 for Hebrew,
Windows-1256 for Arabic. Read as Windows-1252, such a text comes out as accented Latin
letters ("Ïðàâèòåëüñòâî" for "Правительство").

Each such text is told by what it reads as: nearly all its letters are not ASCII (a Western
European text has a few accented letters among plain ones), and in the right encoding they
are letters of one script, as often each as in that language (о е а и н т... in Russian,
α ο ε τ ι... in Greek), which a text read in a wrong encoding of the same
shape is not (Greek read as Windows-1251 gives Cyrillic letters, but rare ones), nor has it
capitals inside its words (Arabic read as Greek: "ΓΪαδΚ"). Where no
encoding reads clearly so, the text is left to Windows-1252, as before.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from typing import NamedTuple


class _Script(NamedTuple):
    codec: str
    script: str  # the first word of its letters' Unicode names
    letters: dict[str, float]  # its language's letters (lower case, unaccented), per 100


def _profile(spec: str) -> dict[str, float]:
    """ "о 11 е 8.5" as {"о": 11.0, "е": 8.5}."""
    parts = spec.split()
    return {parts[i]: float(parts[i + 1]) for i in range(0, len(parts), 2)}


# How often each letter comes in running text (Russian for Cyrillic), per 100 letters.
_CYRILLIC = _profile(
    "о 11 е 8.5 а 8 и 7.4 н 6.7 т 6.3 с 5.5 р 4.7 в 4.5 л 4.4 к 3.5 м 3.2 д 3 п 2.8 у 2.6"
    " я 2 ы 1.9 ь 1.7 г 1.7 з 1.6 б 1.6 ч 1.4 й 1.2 х 1 ж 0.9 ш 0.7 ю 0.6 ц 0.5 щ 0.4 э 0.3"
    " і 1 ї 0.3 є 0.3"
)
_GREEK = _profile(
    "α 12 ο 9.8 ε 8 τ 8 ι 7.5 ν 6.5 σ 4.5 η 5 ρ 4.5 κ 4.2 π 4 υ 3.8 μ 3.5 λ 2.8 ς 2.7"
    " γ 1.8 δ 1.8 ω 1.6 θ 1.3 χ 1 φ 0.8 β 0.6 ξ 0.4 ζ 0.4 ψ 0.1"
)
_HEBREW = _profile(
    "י 11 ו 10 ה 9 ל 7 מ 6.6 א 6 ר 5.5 ת 5.5 ב 4.5 נ 4.5 ש 4 ע 3 ד 2.8 כ 2.7 ם 2.5"
    " ק 2.3 ח 2.2 פ 1.5 ן 1.5 ג 1.5 ס 1 צ 1 ט 1 ז 0.8 ך 0.5 ף 0.3 ץ 0.3"
)
_ARABIC = _profile(
    "ا 13 ل 11 ي 7 م 6.5 و 6 ن 6 ر 4.5 ه 4 ت 4 ب 3.5 ع 3 د 2.8 ف 2.5 ة 2.5 ك 2.5 ق 2.3"
    " س 2.2 ح 1.8 ج 1.4 ذ 1 ش 1 ص 1 ء 1 ى 1 خ 0.8 ط 0.8 ز 0.6 ث 0.6 ض 0.6 غ 0.4 ظ 0.3"
)
_SCRIPTS = (
    _Script("cp1251", "CYRILLIC", _CYRILLIC),
    _Script("koi8_r", "CYRILLIC", _CYRILLIC),
    _Script("cp1253", "GREEK", _GREEK),
    _Script("cp1255", "HEBREW", _HEBREW),
    _Script("cp1256", "ARABIC", _ARABIC),
)
NAMES = {
    "cp1251": "Windows-1251 (Cyrillic)",
    "koi8_r": "KOI8-R (Cyrillic)",
    "cp1253": "Windows-1253 (Greek)",
    "cp1255": "Windows-1255 (Hebrew)",
    "cp1256": "Windows-1256 (Arabic)",
}
"""The encodings this module chooses, as a reader knows them."""

_SAMPLE = 64 * 1024  # bytes looked at: enough letters to tell, quick on a big file
_FEW_LETTERS = 20  # fewer than this are not enough to tell
_MOSTLY_NOT_ASCII = 0.6  # of the letters read as Windows-1252
_ONE_SCRIPT = 0.9  # of the letters that are not ASCII, read in the right encoding
_LIKE = 0.75  # how like its language's the letters' frequencies must be (cosine, 0 to 1)


def other_script(data: bytes, as_cp1252: str) -> str | None:
    """The codec of ``data`` (which is not UTF-8, and ``as_cp1252`` is it read as
    Windows-1252) when it is clearly a text in one of these encodings; else None."""
    counts = Counter(as_cp1252[:_SAMPLE])
    letters = sum(n for c, n in counts.items() if c.isalpha())
    if letters < _FEW_LETTERS:
        return None
    if sum(n for c, n in counts.items() if c.isalpha() and not c.isascii()) < (
        _MOSTLY_NOT_ASCII * letters
    ):
        return None
    best, best_share = None, _LIKE
    for script in _SCRIPTS:
        share = _common_share(data[:_SAMPLE], script)
        if share is not None and share > best_share:
            best, best_share = script.codec, share
    return best


def _common_share(data: bytes, script: _Script) -> float | None:
    """How like its language's the text's letters are, read in ``script``'s encoding (the
    cosine of their frequencies, 0 to 1, times the share of its words whose capitals are
    where capitals go), if they are letters of that script; else None."""
    try:
        text = data.decode(script.codec)
    except UnicodeDecodeError:
        return None  # a byte the encoding does not have: not this encoding
    counts = Counter(text)
    letters = {c: n for c, n in counts.items() if c.isalpha() and not c.isascii()}
    total = sum(letters.values())
    if total < _FEW_LETTERS:
        return None
    ours = 0
    seen: Counter[str] = Counter()
    for char, count in letters.items():
        if unicodedata.name(char, "").split(" ", 1)[0] == script.script:
            ours += count
            seen[unicodedata.normalize("NFD", char.lower())[:1]] += count
    if ours < _ONE_SCRIPT * total:
        return None
    expected = script.letters
    dot = sum(n * expected.get(c, 0.0) for c, n in seen.items())
    norms = math.sqrt(sum(n * n for n in seen.values())) * math.sqrt(
        sum(f * f for f in expected.values())
    )
    return dot / norms * _regular_case(text)


_WORD = re.compile(r"[^\W\d_]{2,}")


def _regular_case(text: str) -> float:
    """The share of the text's words written in lower case, in capitals, or with a capital
    first: a text read in the wrong encoding of a script with capitals has them inside its
    words ("ΓΪαδΚ"); a script without capitals is always regular."""
    words = _WORD.findall(text)
    if not words:
        return 1.0
    regular = sum(
        1
        for w in words
        if w.lower() == w.upper()  # no capitals in its script
        or w.islower()
        or w.isupper()
        or (w[0].isupper() and w[1:].islower())
    )
    return regular / len(words)
