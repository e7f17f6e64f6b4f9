"""Tag colours: validation and a palette of distinct highlight colours."""

from __future__ import annotations

import re
from collections.abc import Iterable

from diptych.storage.errors import InputError

# Saturated enough to tell apart as highlights, light enough to read black text on;
# ordered so that neighbours differ in hue. No grey: grey is how a passage without a tag
# is painted (in the window and the HTML report), and a tag's colour must never pass for it.
PALETTE_NAMES = {  # each colour with the name it was chosen by (heard by screen readers)
    "#F6C945": "yellow",
    "#7CC6F2": "sky blue",
    "#F28C8C": "salmon",
    "#8FD694": "green",
    "#C39BE8": "lavender",
    "#F7A85C": "orange",
    "#5ED1C4": "teal",
    "#F29BCB": "pink",
    "#B5C95A": "olive",
    "#9FB3F5": "periwinkle",
    "#D9B48F": "sand",
    "#E39BE3": "orchid",
}
PALETTE = tuple(PALETTE_NAMES)

_HEX = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")


def normalize_color(value: str) -> str:
    """Return ``value`` as ``#RRGGBB`` in upper case.

    Accepts ``#rrggbb``, ``rrggbb`` and the short ``#rgb`` form.

    Raises:
        InputError: the value is not a hex colour.
    """
    match = _HEX.fullmatch(value.strip())
    if not match:
        raise InputError(
            f"{value!r} is not a colour", advice="Use the form #RRGGBB, for example #F6C945."
        )
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return "#" + digits.upper()


def next_color(used: Iterable[str]) -> str:
    """The first palette colour not in ``used``; cycles when all are taken."""
    taken = [c.upper() for c in used]
    for color in PALETTE:
        if color not in taken:
            return color
    return PALETTE[len(taken) % len(PALETTE)]
