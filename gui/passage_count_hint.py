"""The line over the Passages list saying how many passages its filters match in the tab
shown, and how many more in the other: a tag's count in the Codebook takes in its orphans,
which the Orphans tab lists apart, and the rows alone left the difference unexplained."""

from __future__ import annotations

from diptych.storage.wording import counted


def other_tab_text(shown: int, other: int, *, orphans_tab: bool) -> str:
    """What the hint says of ``shown`` matches in the tab shown (the Orphans tab if
    ``orphans_tab``) and ``other`` in the other tab: "5 passages match here; 1 more, an
    orphan, is in the Orphans tab"."""
    verb = "is" if other == 1 else "are"
    if orphans_tab:
        here = f"{counted(shown, 'orphan')} {'matches' if shown == 1 else 'match'} here"
        there = (
            counted(other, "passage").replace(" ", " more ", 1)
            if shown
            else counted(other, "passage")
        )
        return f"{here if shown else 'No orphan matches here'}; {there} {verb} in the Passages tab."
    here = f"{counted(shown, 'passage')} {'matches' if shown == 1 else 'match'} here"
    which = "an orphan" if other == 1 else "orphans"
    if not shown:
        return f"No passage matches here; {other}, {which}, {verb} in the Orphans tab."
    return f"{here}; {other} more, {which}, {verb} in the Orphans tab."
