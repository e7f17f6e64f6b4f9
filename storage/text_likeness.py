"""How much two versions of an article's text share: is a file the same article changed,
or another article altogether?

An import leaves out a file named as an article already in the project whose text is
:func:`close` to that article's (the analyst edited the file and imported its folder
again: a second copy would hold none of the first's passages); an update from a newer
file asks first when the file is named otherwise and its text is :func:`unrelated` to the
article's (the wrong file chosen, however short: every passage would be orphaned).

The measure is cheap on the largest article (64 MiB is refused; 1 MB reads in a fraction
of a second): each text is cut into runs of :data:`RUN_WORDS` words (without case), and
the runs the two texts share are counted. An edit to one word changes only the few runs
it is in, so a reworded paragraph still shares most of them; two different articles
share few, however many short common phrases they hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RUN_WORDS = 4
"""Words in one run; fewer would let two articles on one subject share many."""
CLOSE = 0.5
"""At least this share of the longer text's runs in the other: the same article, changed."""
UNRELATED = 0.1
"""Less than this share of the shorter text's runs in the other: another article."""
UNRELATED_SAME_NAME = 0.05
"""The same for a file of the article's own name (``index.html`` of another folder, of
another day): its name vouches for it a little, so it must share even less."""
FEWEST_RUNS = 20
"""An article of fewer runs (some two dozen words) is never said to be unrelated to a
file: a few lines rewritten share no run of four words, yet are the same article. The
file may be of any length: a stub or a meeting note chosen for a long article is not it."""

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Likeness:
    """The runs of words two texts share.

    Attributes:
        shared: runs found in both texts (each counted once).
        first: runs in the first text.
        second: runs in the second text.
    """

    shared: int
    first: int
    second: int

    @property
    def of_longer(self) -> float:
        """The share of the longer text's runs that the shorter holds (1.0 for two
        empty texts)."""
        longer = max(self.first, self.second)
        return self.shared / longer if longer else 1.0

    @property
    def of_shorter(self) -> float:
        """The share of the shorter text's runs that the longer holds."""
        shorter = min(self.first, self.second)
        return self.shared / shorter if shorter else 1.0


def _runs(text: str) -> set[int]:
    """The hashes of the text's runs of :data:`RUN_WORDS` words (a shorter text: one run
    of all its words)."""
    words = _WORD.findall(text.casefold())
    if len(words) < RUN_WORDS:
        return {hash(tuple(words))} if words else set()
    return {hash(run) for run in zip(*(words[i:] for i in range(RUN_WORDS)), strict=False)}


def likeness(first: str, second: str) -> Likeness:
    """How much ``first`` and ``second`` share (see the module's docstring)."""
    one, other = _runs(first), _runs(second)
    return Likeness(len(one & other), len(one), len(other))


def close(old: str, new: str) -> bool:
    """True if ``new`` reads as ``old`` changed: most of the longer one's runs of words
    are in the other."""
    return likeness(old, new).of_longer >= CLOSE


def unrelated(article: str, file: str, *, same_name: bool = False) -> bool:
    """True if ``article`` (the text of an article of :data:`FEWEST_RUNS` runs at least)
    and ``file`` (the text of a file chosen to update it, of any length) share almost
    nothing: even the shorter has few of its runs of words in the other (fewer still for
    a file named as the article's own, ``same_name``). A file of fewer
    than :data:`RUN_WORDS` words shares its run when its words stand together in the
    article (its headline, say); one without a word shares nothing."""
    found = likeness(article, file)
    if found.first < FEWEST_RUNS:
        return False
    words = _WORD.findall(file.casefold())
    if len(words) < RUN_WORDS:
        held = " ".join(_WORD.findall(article.casefold()))
        return not words or f" {' '.join(words)} " not in f" {held} "
    return found.of_shorter < (UNRELATED_SAME_NAME if same_name else UNRELATED)
