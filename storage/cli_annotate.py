"""The ``diptych annotate`` command: a passage of an article, given by its quote or its
offsets, tagged.

A quote is found as Find in article finds it: its quotes and apostrophes may be typed
straight where the article has curly ones, or the other way round
(:mod:`diptych.storage.typed_quotes`), a space where the text breaks a line (a text wrapped
in lines), and the passage is the article's own characters, whole: with an accent written
after the last letter, and never half an emoji or a flag.
A quote found several times tags the one ``--occurrence`` names; without it, the first,
and a note on stderr says how many there are (scripts rely on the first being tagged).
"""

from __future__ import annotations

import argparse
import unicodedata

from diptych.storage.anchors import whole_characters
from diptych.storage.cli_annotate_again import tag_again
from diptych.storage.cli_results import Output, Result
from diptych.storage.codebook import PATH_SEPARATOR
from diptych.storage.errors import InputError
from diptych.storage.model import Annotation, Article
from diptych.storage.project import Project
from diptych.storage.tag_paths import new_tag_path
from diptych.storage.typed_quotes import as_typed, typed_occurrences


def annotate_command(project: Project, args: argparse.Namespace) -> Result:
    article = project.articles.get(article_id=args.article)
    notes: list[str] = []
    if args.quote is not None:
        start, end = _quoted(article, args.quote, args.occurrence, notes)
    else:
        start, end = _offsets(article, args.start, args.end, notes)
    if args.replace_note and not args.note:
        raise InputError("--replace-note needs --note, the note to put instead")
    with project.transaction():
        tag_ids = [_tag_id(project, name) for name in args.tag]
        same = _passage_on(project, article.id, start, end, args.coder)
        if same is not None:  # a script run again: tagged once, as the window does
            passage = tag_again(project, same, tag_ids, args, notes)
        else:
            passage = project.annotations.add(
                article_id=article.id, start=start, end=end, tag_ids=tag_ids,
                note=args.note, coder=args.coder,
            )  # fmt: skip
        codebook = project.tags.codebook()
    data = {
        "uuid": passage.uuid, "id": passage.id, "article": passage.article_id,
        "start": passage.start, "end": passage.end, "quote": passage.exact,
        "tags": [codebook.path(t) for t in passage.tag_ids if t in codebook],
        "note": passage.note, "coder": passage.coder, "new": same is None,
    }  # fmt: skip
    return Output([passage.uuid], data, notes)


def _offsets(article: Article, start: int, end: int | None, notes: list[str]) -> tuple[int, int]:
    """``[start, end)`` widened to whole characters, as a quote is (offsets from a script
    count code points, which may split an accent from its letter or a flag in two)."""
    if end is None:
        raise InputError("--start needs --end")
    if not 0 <= start < end <= len(article.text):
        return start, end  # refused when the passage is added, saying why
    whole = whole_characters(article.text, start, end)
    if whole != (start, end):
        notes.append(
            f"the range {start}-{end} splits a character (an accent, an emoji or a flag);"
            f" the passage is {whole[0]}-{whole[1]}, its whole characters"
        )
    return whole


def _passage_on(
    project: Project, article_id: int, start: int, end: int, coder: str
) -> Annotation | None:
    """The passage of ``coder`` on exactly ``[start, end)`` (not an orphan), if any."""
    for passage in project.annotations.query(article_id=article_id, coder=coder):
        if not passage.is_orphan and (passage.start, passage.end) == (start, end):
            return passage
    return None


def _tag_id(project: Project, name: str) -> int:
    """The tag called ``name``; created if there is none, a path's missing tags each inside
    the one before, as the tag palette makes them (``Economy/Tariffs`` under Economy,
    ``/Brand`` at the top level beside a sub-tag Brand; only the tag named gets a key)."""
    found = project.tags.find(name=name)
    if found is not None:
        return found.id
    new = new_tag_path(project.tags.codebook(), name) if PATH_SEPARATOR in name else None
    if new is None or not new.names:  # a name, or a path its own rules refuse ("Trade/")
        return project.tags.ensure(name=name)[0].id
    parent_id = new.parent_id
    for number, part in enumerate(new.names, start=1):
        keyed = number == len(new.names)
        parent_id = project.tags.add(name=part, parent_id=parent_id, keyed=keyed).id
    assert parent_id is not None
    return parent_id


def _quoted(
    article: Article, quote: str, occurrence: int | None, notes: list[str]
) -> tuple[int, int]:
    """Where ``quote`` is in ``article`` (the ``occurrence``-th time, else the first, with
    a note in ``notes`` when there are more).

    Raises:
        InputError: the quote is blank, not in the text, or not that many times.
    """
    if not quote.strip():
        raise InputError("the quote is empty")
    shown = _shown(quote)
    starts = typed_occurrences(article.text, quote)
    places = [(start, start + len(quote)) for start in starts]  # as_typed keeps each place
    if not places:
        places = _encoded_otherwise(article.text, quote)
    if not places and (places := _respaced(article.text, quote)):
        notes.append(
            f"the quote {shown!r} is in article {article.id} with other spaces or line breaks"
            " (a text wrapped in lines); the article's own words were tagged"
        )
    # Whole characters, as Find takes them: the accent written after the last letter (Zoe
    # + U+0308 is Zoë), the rest of an emoji sequence or a flag begun.
    places = sorted({whole_characters(article.text, start, end) for start, end in places})
    if not places:
        raise InputError(
            f"the quote {shown!r} is not in the text{_written_otherwise(article.text, quote)}"
        )
    count = len(places)
    if occurrence is not None and occurrence > count:
        times = "once" if count == 1 else f"only {count} times"
        raise InputError(
            f"the quote {shown!r} occurs {times}, not {occurrence} times",
            advice=f"Give --occurrence 1{'' if count == 1 else f' to {count}'}.",
        )
    if occurrence is None and count > 1:
        notes.append(
            f"the quote {shown!r} occurs {count} times in article {article.id}; the first was"
            f" tagged. To tag another, give --occurrence N (1 to {count})"
        )
    return places[(occurrence or 1) - 1]


def _encoded_otherwise(text: str, quote: str) -> list[tuple[int, int]]:
    """The places of ``text`` holding ``quote`` with its accents encoded otherwise (é as
    one character, or as e and a combining accent, as macOS and some web pages write
    them): the same text, tagged as the article writes it."""
    if text.isascii() or quote.isascii():
        return []
    from diptych.storage.quotes import search_folded

    wanted = unicodedata.normalize("NFC", as_typed(quote))
    return [
        (match.start, match.end)
        for match in search_folded(text, quote)
        if unicodedata.normalize("NFC", as_typed(text[match.start : match.end])) == wanted
    ]


def _respaced(text: str, quote: str) -> list[tuple[int, int]]:
    """The places of ``text`` holding ``quote`` with other spaces or line breaks between its
    words (a text wrapped in lines, as wire copy and e-mailed text are): the same words,
    as a selection in the window takes them across the line ends."""
    from diptych.storage.quotes import search_respaced

    found = search_respaced(as_typed(text), as_typed(quote), limit=1000)
    return [(match.start, match.end) for match in found]


def _written_otherwise(text: str, quote: str) -> str:
    """What the text has that ``quote`` may have meant, and how it differs (capitals,
    spaces or line breaks, accents...), to say after "is not in the text"; "" if
    nothing close is found."""
    from diptych.storage.quotes import search_folded, search_respaced

    typed_text, typed_quote = as_typed(text), as_typed(quote)
    lowered = typed_text.lower()
    places = []
    if len(lowered) == len(text):  # lower() kept every character's place
        at = lowered.find(typed_quote.lower())
        places = [(at, at + len(quote))] if at >= 0 else []
    found = search_folded(text, quote) or search_respaced(typed_text, typed_quote, limit=1)
    places += [(match.start, match.end) for match in found[:1]]
    if not places:
        return ""
    start, end = places[0]
    had = text[start:end]
    if as_typed(had).lower() == typed_quote.lower():
        how = "in other capitals"
    elif as_typed(had).split() == typed_quote.split():
        how = "with other spaces or line breaks"
    else:
        how = "written otherwise (ligatures, hyphens, invisible characters or spaces)"
    return f"; it has {_shown(had)!r}, {how}"


def _shown(quote: str) -> str:
    return quote if len(quote) <= 40 else quote[:37] + "..."
