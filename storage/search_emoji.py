"""Emoji in a search: looked for where they are written, as Chinese and Japanese words are.

The full-text indexes (FTS5's unicode61) read an emoji as a space between words: a search
for 🎉 had no word to look for, and a phrase with one, ``"news ❤️ for"``, was the phrase
without it, found where the text has another emoji there (news 🎉 for). A query holding an
emoji is answered as one holding Chinese is (see :mod:`diptych.storage.search_cjk`): the
term with it looked for as written, inside the texts, the query's other words by the index.
"""

from __future__ import annotations

import re

EMOJI_SYMBOLS = (
    "\u2300-\u23ff"  # ⌚ ⏰ among the technical symbols
    "\u2600-\u27bf"  # ☀ ❤ ✅ among the symbols and dingbats
    "\u2b00-\u2bff"  # ⭐ ⬆
    "\U0001f000-\U0001faff"  # the pictographs, flags' letters, skin tones, 🎉 👍 🚀
)
"""The characters an emoji starts with, as the inside of a regular expression's ``[...]``."""
_JOINING = "\u200d\ufe0f\u20e3\U000e0020-\U000e007f"
"""What an emoji is written with after its first character: the joiner of 👩‍👩‍👧, the
variation selector of ❤️, the keycap's frame, the tags of a region's flag."""
EMOJI_TERM = f"[{EMOJI_SYMBOLS}][{EMOJI_SYMBOLS}{_JOINING}]*"
"""An emoji or several written together, as a term of a query (a regular expression)."""
_TONES = "\U0001f3fb-\U0001f3ff"  # the skin tones
EMOJI_REST = f"(?:[{_TONES}{_JOINING}]|\u200d[{EMOJI_SYMBOLS}])*"
"""What the text may write after an emoji looked for, as part of it: a skin tone, the
variation selector, more of a sequence joined to it (👍 is marked 👍🏽 where the text has that,
the whole emoji, as Find in article marks it)."""
_EMOJI = re.compile(f"[{EMOJI_SYMBOLS}]")


def holds_emoji(text: str) -> bool:
    """Whether ``text`` holds an emoji."""
    return not text.isascii() and _EMOJI.search(text) is not None
