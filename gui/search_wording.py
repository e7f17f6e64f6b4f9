"""What the Search panel says: how to write a search, how many results of each kind, why
nothing was found, each result's first line; and where a result's words are in its text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from diptych.storage.control_characters import isolated
from diptych.storage.model import MemoKind
from diptych.storage.wording import counted, sentence

if TYPE_CHECKING:
    from diptych.storage.search import SearchHit

LIMIT = 50
"""Results listed of each kind, the best first."""

# Under the field while it is empty (a placeholder this long was cut off in the dock): one
# line for how words are found, one example of each way to write a search.
SYNTAX_HINT = (
    "The word being typed finds the words it begins.\n"
    '"exact phrase"  ·  tariffs OR quotas  ·  trade* (words beginning so)  ·  -word (left out)'
)


def typed_query(text: str) -> str:
    """The search field's ``text`` as it is searched: the word being typed at its end is
    the start of a word (``semicond`` finds semiconductor), as words are found while
    typing in Find in article and the Passages filter; a word finished with a space is a
    whole word (see :func:`diptych.storage.search_typed.as_typed`)."""
    from diptych.storage.search_typed import as_typed

    return as_typed(text)


def first_match(text: str, query: str) -> tuple[int, int] | None:
    """The earliest place in ``text`` where a phrase or word of ``query`` occurs, as the
    search found it: a whole word (not the start of a longer one unless it is a
    ``prefix*``, whose whole word is covered), with or without accents, a phrase whole.
    """
    from diptych.storage.search_words import first_found

    return first_found(text, query)


def best_of_each(hits: list[SearchHit]) -> tuple[list[SearchHit], set[str]]:
    """The best :data:`LIMIT` articles, passages and memos of ``hits`` (in their order),
    and the kinds ("article", "passage", "memo") of which there were more."""
    seen: dict[str, int] = {}
    listed = []
    for hit in hits:
        seen[hit.kind] = seen.get(hit.kind, 0) + 1
        if seen[hit.kind] <= LIMIT:
            listed.append(hit)
    return listed, {kind for kind, count in seen.items() if count > LIMIT}


def why_nothing(query: str) -> str:
    """What to say when ``query`` finds nothing: "No matches", or why it could not find
    anything (no word in it, or words only left out), which "No matches" did not say."""
    from diptych.storage.search import why_nothing_found

    reason = why_nothing_found(query)
    return "No matches" if reason is None else f"No matches: {reason}"


def describe(listed: list[SearchHit], more: set[str]) -> str:
    """What the results are: "2 articles (14 matches), 1 passage, 1 memo"; "More than 50
    articles, 3 passages (the best 50 are listed: ...)" when there are more than are
    listed, so that a search of a big project is not taken for all there is (nor the
    matches of the articles listed for all the matches)."""
    if not listed:
        return "No matches"
    parts = []
    for kind in ("article", "passage", "memo"):
        count = sum(1 for hit in listed if hit.kind == kind)
        if kind in more:
            parts.append(f"more than {counted(LIMIT, kind)}")
        elif count:
            parts.append(counted(count, kind) + _in_all(listed, kind))
    text = sentence(", ".join(parts))
    if more:
        text += f" (the best {LIMIT} are listed: add a word to narrow the search)"
    return text


def _in_all(listed: list[SearchHit], kind: str) -> str:
    """How often the articles listed have the words, " (14 matches)", if they are all the
    articles found; nothing for the other kinds (a passage or a memo is short: its
    snippet shows its matches)."""
    total = sum(hit.occurrences for hit in listed if hit.kind == kind)
    return f" ({counted(total, 'match', 'matches')})" if kind == "article" and total else ""


def heading(hit: SearchHit) -> str:
    """The first line of a result: what it is and where ("Passage · Harbour report",
    "Memo on tag · Method", "Project memo"), and for an article how often its text has
    the words ("Article · Harbour report — 12 matches"; nothing if only its title has
    them). The title keeps to its place in the line: a right-to-left title took the count
    after it for its own and showed it before the title."""
    title = isolated(hit.title)
    if hit.kind == "article" and hit.occurrences:
        return f"Article · {title} — {counted(hit.occurrences, 'match', 'matches')}"
    if hit.kind != "memo":
        return f"{'Passage' if hit.kind == 'passage' else 'Article'} · {title}"
    if hit.memo_on == MemoKind.PROJECT:
        return "Project memo"
    return f"Memo on {hit.memo_on} · {title}"
