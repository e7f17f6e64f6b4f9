"""A note's or memo's tabs keep their meaning in the Markdown export.

Markdown sets tab stops every four columns from the start of a line: a line indented with
a tab (the note editor types one) is a code block in the window, and must stay one in the
export, and a tab after a list mark must keep where the item's text begins. (Inside a
block quote, where notes and memos once stood, the ``"> "`` moved the stops.)
"""

from __future__ import annotations

from hypothesis import assume, example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from diptych.storage.export_markdown_text import note_lines

MD = MarkdownIt("commonmark")


def _shape(tokens: list[Token]) -> list[tuple[str, str, str]]:
    """Each token's type and tag, with its text's words (white space aside)."""
    return [(t.type, t.tag, " ".join(t.content.split())) for t in tokens]


def _exported(markdown: str) -> list[Token]:
    """The tokens of ``markdown`` as the export writes it (a note or memo)."""
    return MD.parse("\n".join(note_lines(markdown)))


def test_a_line_indented_with_a_tab_stays_a_code_block() -> None:
    note = "Run it:\n\n\tpython -m diptych\n\nthen look."
    inside = _exported(note)
    assert [t.type for t in inside if t.type == "code_block"] == ["code_block"]
    code = next(t for t in inside if t.type == "code_block")
    assert code.content == "python -m diptych\n"


def test_a_tab_after_a_list_mark_keeps_the_item_together() -> None:
    note = "-\tfirst point\n\n\tsame item, second paragraph"
    assert _shape(_exported(note)) == _shape(MD.parse(note))
    assert "code_block" not in {t.type for t in _exported(note)}


@given(st.lists(st.text(alphabet=" \t>-*+1.)ab", max_size=8), min_size=1, max_size=6))
@example(["\tcode"])
@example(["\t tab first"])
@example(["1.\tone", "", "\ttwo"])
def test_a_note_has_the_same_structure_in_the_export(lines: list[str]) -> None:
    note = "\n".join(lines)
    assume(note.strip())
    # a heading is exported as a bold line on purpose (it never joins the export's outline)
    assume("heading_open" not in {t.type for t in MD.parse(note)})
    assert _shape(_exported(note)) == _shape(MD.parse(note))
