"""A note's tabs keep their meaning inside the Markdown export's block quotes.

Markdown sets tab stops every four columns from the start of a line, and the ``"> "``
that puts a note inside its passage's quote moved them: a line indented with a tab (the
note editor types one) is a code block in the window, but became a paragraph in the
export, and a tab after a list mark changed where the item's text begins.
"""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from diptych.storage.export_markdown_text import quoted

MD = MarkdownIt("commonmark")


def _shape(tokens: list[Token]) -> list[tuple[str, str, str]]:
    """Each token's type and tag, with its text's words (white space aside)."""
    return [(t.type, t.tag, " ".join(t.content.split())) for t in tokens]


def _inside_quote(markdown: str) -> list[Token]:
    tokens = MD.parse("\n".join(quoted(markdown)))
    assert tokens[0].type == "blockquote_open" and tokens[-1].type == "blockquote_close"
    return tokens[1:-1]


def test_a_line_indented_with_a_tab_stays_a_code_block() -> None:
    note = "Run it:\n\n\tpython -m diptych\n\nthen look."
    inside = _inside_quote(note)
    assert [t.type for t in inside if t.type == "code_block"] == ["code_block"]
    code = next(t for t in inside if t.type == "code_block")
    assert code.content == "python -m diptych\n"


def test_a_tab_after_a_list_mark_keeps_the_item_together() -> None:
    note = "-\tfirst point\n\n\tsame item, second paragraph"
    assert _shape(_inside_quote(note)) == _shape(MD.parse(note))
    assert "code_block" not in {t.type for t in _inside_quote(note)}


@given(st.lists(st.text(alphabet=" \t>-*+1.)ab", max_size=8), min_size=1, max_size=6))
@example(["\tcode"])
@example(["\t tab first"])
@example(["1.\tone", "", "\ttwo"])
def test_a_note_has_the_same_structure_inside_the_quote(lines: list[str]) -> None:
    note = "\n".join(lines)
    if not note.strip():
        return
    assert _shape(_inside_quote(note)) == _shape(MD.parse(note))
