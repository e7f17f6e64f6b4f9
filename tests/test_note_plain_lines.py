"""A note's one-line summary (the passage list, search results) keeps the words of
separate lines apart."""

from __future__ import annotations

import pytest

from diptych.storage.note_markdown import NoteRenderer


@pytest.mark.parametrize(
    ("note", "summary"),
    [
        ("First line\nsecond line", "First line second line"),
        ("Ends with a break  \nthen more", "Ends with a break then more"),
        ("Ends with a backslash\\\nthen more", "Ends with a backslash then more"),
        ("see\nwww.who.int", "see www.who.int"),
        ("*one*\n**two**", "one two"),
    ],
)
def test_the_words_of_two_lines_stay_apart(note: str, summary: str) -> None:
    assert NoteRenderer().plain(note) == summary
