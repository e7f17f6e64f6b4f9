"""The sets of control characters Diptych replaces, escapes or counts, one per place.

A note pasted from elsewhere, a title read from a web page or a file name can carry
control characters: a NUL, an escape sequence, a C1 control, a right-to-left override.
What each output can hold differs, so the sets differ on purpose:

- :data:`TEXT_FILE_CONTROLS`, for exported text files (HTML, Markdown), keeps tab, line
  ends and form feed, which text files hold.
- :data:`CSV_CONTROLS`, for the CSV export, keeps tab and line ends only, which the
  CSV quoting holds.
- :data:`TERMINAL_CONTROLS`, for what the command line prints, keeps tab and newline.
- :data:`JSON_TERMINAL_CONTROLS`, for JSON the command line prints, is DEL and C1 only:
  ``json.dumps`` escapes those below U+0020 itself.
- :data:`ONE_LINE_CONTROLS`, for titles and names, keeps none, and takes the bidi
  controls (:data:`BIDI_RANGES`) too.
- :data:`BINARY_SIGNS`, counted when a file is decoded, are the C0 controls and DEL that
  never occur in text files: tab, line ends, form feed and escape do.

Each is a compiled regular expression of one character class; :data:`BIDI_RANGES` is
also kept as the class's ranges, to build others from.
"""

from __future__ import annotations

import re
import unicodedata

BIDI_RANGES = "\u202a-\u202e\u2066-\u2069"
"""The bidi embeddings, overrides and isolates, as ranges of a regular expression's class:
one left open would reorder the text after it."""

BIDI_CONTROLS = re.compile(f"[{BIDI_RANGES}]")
"""The bidi embeddings, overrides and isolates (:data:`BIDI_RANGES`)."""
RIGHT_TO_LEFT = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
"""A letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko...)."""

TEXT_FILE_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
"""Control characters a text file should not hold (tab, line ends and form feed aside):
HTML forbids them, and a NUL makes editors and Diptych's own import take the file for
binary."""

CSV_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters a CSV cell should not hold (tab and line ends aside, which the CSV
quoting holds): a spreadsheet's own files (XML) cannot store them, and a NUL cuts the
cell short in programs reading C strings."""

TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters a terminal could act on (tab and newline aside): an escape
sequence in a title or note printed must not drive the terminal."""

JSON_TERMINAL_CONTROLS = re.compile("[\x7f-\x9f]")
"""DEL and the C1 controls, which ``json.dumps`` leaves as they are in JSON printed to a
terminal (it escapes those below U+0020 itself)."""

ONE_LINE_CONTROLS = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_RANGES}]")
"""Every C0 and C1 control and the bidi controls: a title or name is shown on one line
in lists, menus, citations and terminals, where an escape sequence or an unclosed
right-to-left override would act on everything after it."""


def replaced(text: str, controls: re.Pattern[str]) -> str:
    """``text`` with each of ``controls`` as U+FFFD, as a browser shows a NUL. Most text
    is printable, which a quicker test than the pattern's says first."""
    return text if text.isprintable() else controls.sub("\ufffd", text)


BINARY_SIGNS = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
"""Control characters that never occur in text files (tab, newline, CR, form feed and
escape do): many of them in a file's sample say it is not text."""


def isolated(text: str, *, keep_controls: bool = False) -> str:
    """``text`` kept to its own place in a line of other words.

    Its bidi embeddings and overrides go (an unclosed U+202E in a title reversed the rest
    of the citation line: "coded by Alice" read "ecilA yb dedoc"; kept with
    ``keep_controls``, where offsets into the text must hold, the isolate holding them in),
    and right-to-left text is wrapped in U+2068 ... U+2069 (first strong isolate), so that
    it cannot swap places with the pieces beside it. Left-to-right text is returned as it
    is.
    """
    if not keep_controls and BIDI_CONTROLS.search(text):
        text = BIDI_CONTROLS.sub("", text)
    return f"\u2068{text}\u2069" if RIGHT_TO_LEFT.search(text) else text


_STRONG = {"L": False, "R": True, "AL": True}


def right_to_left(text: str) -> bool:
    """True if the first letter of ``text`` with a direction of its own is right-to-left
    (the paragraph direction Unicode's bidi algorithm gives it)."""
    if not RIGHT_TO_LEFT.search(text):
        return False
    for character in text:
        direction = _STRONG.get(unicodedata.bidirectional(character))
        if direction is not None:
            return direction
    return False
