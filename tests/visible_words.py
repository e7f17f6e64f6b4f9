"""The words a reader sees, to check that an imported article keeps every one in order."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of ``text`` as search and reading find them: runs of letters and digits."""
    return _WORD.findall(text)


def assert_words_in_order(shown: str, display_text: str) -> None:
    """Every word of ``shown`` (the text a browser shows) is in ``display_text``, in order.

    The display text may hold more (a caption, a menu), never fewer or reordered words.
    """
    found = words(display_text)
    position = 0
    for word in words(shown):
        try:
            position = found.index(word, position) + 1
        except ValueError:
            raise AssertionError(
                f"{word!r} is missing (or out of order) in {display_text!r}"
            ) from None
