"""Recognising UTF-16 text written without a byte-order mark."""

from __future__ import annotations

import re


def utf16_without_mark(data: bytes) -> tuple[str, str] | None:
    """Recognise UTF-16 text written without a byte-order mark, or give up (None).

    Each character is two bytes, one of them the "high" byte (the second for
    little-endian, the first for big-endian). Mostly-Latin text has a NUL high byte in
    nearly every pair. Text in one other alphabet (Cyrillic, Greek, Hebrew, Arabic, ...)
    has a NUL high byte at each space, digit and line end, and otherwise the few high
    bytes of its alphabet (and of dashes and quotes), while its low bytes are never NUL.
    Chinese, Japanese or Korean text has a NUL high byte at each space, digit and line
    end, and otherwise nearly all of its characters are ideographs, kana or Hangul (see
    :func:`_mostly_cjk`). The text must then decode cleanly.
    """
    if len(data) % 2:
        return None
    sample = data[:4096]
    pairs = max(1, len(sample) // 2)
    for codec, high, low in (
        ("utf-16-le", sample[1::2], sample[0::2]),
        ("utf-16-be", sample[0::2], sample[1::2]),
    ):
        latin = high.count(0) / pairs > 0.6
        one_alphabet = (
            high.count(0) / pairs >= _ALPHABET_SPACES
            and low.count(0) <= pairs * _ALPHABET_LOW_NULS
            and len(set(high) - {0}) <= _ALPHABET_HIGH_BYTES
        )
        if latin or one_alphabet:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None
    return _cjk(data)


def _cjk(data: bytes) -> tuple[str, str] | None:
    """``data`` as Chinese, Japanese or Korean text in UTF-16 (either byte order), if it
    reads as such."""
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            sample = data[:4096].decode(codec)
        except UnicodeDecodeError:
            continue
        if _mostly_cjk(sample):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None
    return None


def _mostly_cjk(sample: str) -> bool:
    """True if ``sample`` is long enough to tell, and nearly all of it is ideographs, kana,
    Hangul or their punctuation, with some ASCII: random bytes read as UTF-16 seldom are."""
    if len(sample) < _CJK_SHORTEST:
        return False
    found = _CJK.findall(sample)
    cjk = len(found)
    ascii_text = len(_ASCII_TEXT.findall(sample))
    # ASCII text read as UTF-16 is ideographs too ("hello" as "敨汬o"), nearly each of two
    # printable ASCII bytes, as fewer of the characters of real text are.
    paired = sum(1 for char in found if _printable(ord(char) >> 8) and _printable(ord(char) & 0xFF))
    return (
        cjk >= _CJK_SHARE * len(sample)
        and cjk + ascii_text >= _TEXT_SHARE * len(sample)
        and paired < _PAIRED_SHARE * cjk
    )


_CJK = re.compile(
    "[\u1100-\u11ff\u3000-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef]"
)
_ASCII_TEXT = re.compile("[\t\n\r\x20-\x7e]")
_PAIRED_SHARE = 0.85  # of the ideographs, at most, of two printable ASCII bytes (text all
# in hiragana, the most such, has three in four)
_CJK_SHORTEST = 8  # characters
_CJK_SHARE = 0.3  # of the characters, at least
_TEXT_SHARE = 0.97  # of the characters, at least, with ASCII text


def _printable(byte: int) -> bool:
    return 0x20 <= byte <= 0x7E


# One alphabet in UTF-16: at least this share of NUL high bytes (spaces, digits, line
# ends), at most this share of NUL low bytes, and at most this many other high bytes
# (the alphabet's, general punctuation's such as dashes and quotes, one more).
_ALPHABET_SPACES = 0.05
_ALPHABET_LOW_NULS = 0.01
_ALPHABET_HIGH_BYTES = 3
