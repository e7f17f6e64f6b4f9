"""Quotes and apostrophes as a keyboard types them: an article's curly ones straight.

Articles copied from the web write Xi’s and “symbolic restart”; a keyboard types Xi's
and "symbolic restart". Find in article, the Library's and the Passages filters and
``diptych annotate --quote`` treat them as the same. Each character stands for one, so
that an offset found in the typed form is one of the text's own characters.
"""

from __future__ import annotations

# Characters of articles (copied from the web, typeset) that a keyboard types otherwise,
# each with the one it types.
AS_TYPED = (
    ("\u2018", "'"),  # ‘
    ("\u2019", "'"),  # ’
    ("\u201a", "'"),  # ‚ (a low quote, as German opens one)
    ("\u201b", "'"),  # ‛
    ("\u02bc", "'"),  # ʼ
    ("\u00b4", "'"),  # ´ (an acute accent typed as an apostrophe)
    ("`", "'"),  # a grave accent typed as an apostrophe
    ("\u201c", '"'),  # “
    ("\u201d", '"'),  # ”
    ("\u201e", '"'),  # „
    ("\u201f", '"'),  # ‟
    ("\u00a0", " "),  # no-break space
)


def as_typed(text: str) -> str:
    """``text`` with curly quotes straight and no-break spaces plain, as typed (same length).

    Run on every passage as the Passages filter is typed: str.replace is many times
    quicker than str.translate on text that is not ASCII.
    """
    if text.isascii() and "`" not in text:
        return text
    for typeset, typed in AS_TYPED:
        if typeset in text:
            text = text.replace(typeset, typed)
    return text


def typed_occurrences(text: str, quote: str) -> list[int]:
    """Where ``quote`` starts in ``text``, its quotes and apostrophes written either way
    (:func:`as_typed`), case as it is: each occurrence counted without overlapping the one
    before, as a reader finding them one by one would. ``quote`` must not be empty."""
    haystack, needle = as_typed(text), as_typed(quote)
    starts: list[int] = []
    at = haystack.find(needle)
    while at >= 0:
        starts.append(at)
        at = haystack.find(needle, at + len(needle))
    return starts
