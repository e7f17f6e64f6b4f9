"""Words as messages and menus say them: counts ("1 passage", "3 passages"), sentences."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """``count`` with its noun in the right number: ``counted(1, "passage")`` is
    "1 passage", ``counted(0, "passage")`` "0 passages"; ``plural`` when it is not the
    singular with an "s" ("1 copy", "2 copies")."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def were(count: int) -> str:
    """The verb after a count: "1 file was", "2 files were"."""
    return "was" if count == 1 else "were"


def sentence(text: str) -> str:
    """``text`` starting with a capital, as a message shown on its own does: "there is no
    tag 3" on the command line (after "diptych: ") reads "There is no tag 3" in a dialog."""
    return text[:1].upper() + text[1:]


def orphans_before(count: int) -> str:
    """What an update's count of orphans includes that it did not orphan: "of which 2
    already before this update" ("" for none), so that a passage lost long ago is not
    taken for one lost now."""
    return f"of which {count} already before this update" if count else ""


def found_again(count: int) -> str:
    """Orphans an update found in its newer text: "2 earlier orphans were found again"
    ("" for none)."""
    return f"{counted(count, 'earlier orphan')} {were(count)} found again" if count else ""


def title_changed(change: tuple[str, str] | None) -> str:
    """What an update that changed an article's title (``change``: before and after) says
    of it: "title changed from “Old” to “New”" ("" for no change)."""
    return f"title changed from “{change[0]}” to “{change[1]}”" if change else ""


def shortened(quote: str, length: int = 40) -> str:
    """A passage's quote on one line, cut to ``length`` characters: how messages name it."""
    quote = " ".join(quote.split())
    return quote if len(quote) <= length else quote[:length].rstrip() + "…"


def time_in_words(stamp: str, zone: tzinfo | None = None) -> str:
    """A stored time (ISO 8601, UTC when it names no zone) as a reader says it, in
    ``zone`` (None: the computer's): "6 December 2026, 21:32". A stamp that is no time
    is returned as it is."""
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    local = when.astimezone(zone)
    return f"{local.day} {MONTHS[local.month - 1]} {local.year}, {local:%H:%M}"
