"""Each named set of control characters holds exactly the characters its place needs."""

from __future__ import annotations

import re

import pytest

from diptych.storage import control_characters as cc

C0 = {chr(c) for c in range(0x20)}
C1 = {chr(c) for c in range(0x80, 0xA0)}
DEL = {"\x7f"}
BIDI = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
# Every control, the bidi controls, and their printable neighbours.
CANDIDATES = C0 | C1 | DEL | BIDI | {" ", "~", "\xa0", "\u2029", "\u202f", "\u2065", "\u206a"}


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (cc.TEXT_FILE_CONTROLS, C0 - set("\t\n\r\x0c") | DEL | C1),
        (cc.CSV_CONTROLS, C0 - set("\t\n\r") | DEL | C1),
        (cc.TERMINAL_CONTROLS, C0 - set("\t\n") | DEL | C1),
        (cc.JSON_TERMINAL_CONTROLS, DEL | C1),
        (cc.ONE_LINE_CONTROLS, C0 | DEL | C1 | BIDI),
        (cc.BIDI_CONTROLS, BIDI),
        (cc.BINARY_SIGNS, C0 - set("\t\n\r\x0c\x1b") | DEL),
    ],
)
def test_each_set_holds_exactly_its_characters(
    pattern: re.Pattern[str], expected: set[str]
) -> None:
    assert {char for char in CANDIDATES if pattern.fullmatch(char)} == expected
