"""Scraped plain text ("text") and verbatim text ("plain") into display text and blocks."""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from diptych.storage.document import ArticleText, Block, BlockKind, SpanStyle, check_layout
from diptych.storage.import_text import looks_like_heading, parse_inline, parse_plain, parse_text

SEED_000 = "000_1cefcc49ccd7fc22.txt"
SEED_001 = "001_58ff977ce34ff27f.txt"


def seed(name: str) -> str:
    return (resources.files("diptych.resources") / "samples" / name).read_text("utf-8")


def words(text: str) -> Counter[str]:
    """The words a reader sees: soft hyphens, word joiners and zero-width no-break spaces
    are not shown, so "0\u00ad0" is the one word "00" (see text_builder)."""
    shown = re.sub(r"[\u00ad\u2060\ufeff]", "", text)
    return Counter(re.findall(r"\w+", re.sub(r"[*|]", " ", shown)))


def block_text(article: ArticleText, block: Block) -> str:
    return article.text[block.start : block.end]


def of_kind(article: ArticleText, kind: BlockKind) -> list[Block]:
    return [b for b in article.blocks if b.kind is kind]


def table_grid(article: ArticleText, table: int) -> list[list[str]]:
    rows: dict[int, list[str]] = {}
    for block in of_kind(article, BlockKind.CELL):
        if block.table == table:
            rows.setdefault(block.row, []).append(block_text(article, block))
    return [rows[r] for r in sorted(rows)]


# The seeds ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", [SEED_000, SEED_001])
def test_seed_keeps_every_word_and_invents_none(name: str) -> None:
    source = seed(name)
    article = parse_text(source)
    check_layout(article)
    assert words(article.text) == words(source)
    assert "|" not in article.text and "*" not in article.text
    assert article.text == article.text.rstrip()  # trailing blank lines gone


def test_seed_000_headings() -> None:
    article = parse_text(seed(SEED_000))
    assert [(h.level, h.text) for h in article.outline()] == [
        (2, "The Shifting Landscape: Evidence of a New Diplomatic Era"),
        (3, "Economic Interdependence as a Driving Force"),
        (2, "Case Study: The 2026 Beijing Summit"),
        (2, "Voices of Recalibration: Leadership Perspectives"),
        (2, "The Road Ahead: Implications and Future Scenarios"),
        (2, "Conclusion: Navigating a New Geopolitical Reality"),
    ]
    assert article.blocks[0].kind is BlockKind.PARAGRAPH  # the long first line


def test_seed_001_headings_and_items() -> None:
    article = parse_text(seed(SEED_001))
    assert [h.text for h in article.outline()] == [
        "Xi’s South Korea Visit Marks Turning Point in Diplomatic Relations",
        "Experts Analyze the Impact of Strategic Engagement Beyond Apec",
        "Recommendations for Strengthening Long-Term Economic and Security Cooperation",
    ]
    items = of_kind(article, BlockKind.ITEM)
    assert len(items) == 10
    assert all(item.level == 1 and item.number == 0 for item in items)
    assert block_text(article, items[0]).startswith("Enhanced economic dialogue:")
    # "...include:" ends in a colon, so it stays a paragraph
    intro = next(b for b in article.blocks if block_text(article, b).startswith("Key takeaways"))
    assert intro.kind is BlockKind.PARAGRAPH


def test_seed_001_tables() -> None:
    article = parse_text(seed(SEED_001))
    tables = sorted({b.table for b in of_kind(article, BlockKind.CELL)})
    assert tables == [0, 1, 2, 3]
    assert table_grid(article, 0) == [
        ["Aspect", "Before Visit", "Post-Visit Outlook"],
        ["Trade Relations", "Ambiguous with restrictions", "Commitment to expansion"],
        ["Diplomatic Communication", "Limited and cautious", "Open and strategic"],
        ["Regional Security", "Heightened mistrust", "Collaborative frameworks"],
    ]
    assert [len(row) for row in table_grid(article, 1)] == [2] * 5
    # the always-empty fourth column is dropped
    assert [len(row) for row in table_grid(article, 2)] == [3] * 3
    headers = [b for b in of_kind(article, BlockKind.CELL) if b.header]
    assert {b.row for b in headers} == {0}


def test_seed_001_broken_header_is_joined_into_one_row() -> None:
    article = parse_text(seed(SEED_001))
    grid = table_grid(article, 3)
    assert grid[0] == ["Recommendation", "Focus Area", "Expected Outcome"]
    header = [b for b in of_kind(article, BlockKind.CELL) if b.table == 3 and b.row == 0]
    assert all(b.header for b in header)
    assert len(grid) == 6
    assert grid[-1] == [
        "Multi-Layered Security Dialogues",
        "Defense & Intelligence",
        "Improved interoperability & coordinated threat response",
    ]
    # cells of one row are separated by tabs, rows by newlines
    assert "Recommendation\tFocus Area\tExpected Outcome\n" in article.text


def test_seed_001_emphasis() -> None:
    article = parse_text(seed(SEED_001))
    spans = [s for b in article.blocks for s in b.spans]
    assert [(article.text[s.start : s.end], s.style) for s in spans] == [
        ("symbolic restart", SpanStyle.EMPHASIS)
    ]


# Rules one by one ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Case Study: The 2026 Beijing Summit", True),
        ("Part II: Results", True),
        # fields filled in at the top of notes, transcripts and mails
        ("Date: 4 March 2025", False),
        ("To: Minister", False),
        ("Subject: Port strike", False),
        ("Interviewer: Kim", False),
        ("Q: Why now", False),
        ("2026 in Review", True),
        ("This ends with a full stop.", False),
        ("Is this a question?", False),
        ("Key takeaways include:", False),
        ("A quoted ending.”", False),
        ("lower case start", False),
        ("One two three four five six seven eight nine ten eleven twelve thirteen", False),
        ("X" * 101, False),
        ("", False),
    ],
)
def test_looks_like_heading(line: str, expected: bool) -> None:
    assert looks_like_heading(line) is expected


def test_heading_levels_nest_only_under_a_heading_directly_above() -> None:
    article = parse_text("Top Title\nSub Title\nThird One\n\nText follows here.\nAnother Heading")
    assert [h.level for h in article.outline()] == [2, 3, 3, 2]


def test_list_items_bullets_and_numbers() -> None:
    article = parse_text("- dash\n* star\n• bullet\n1. first\n2) second\n  - nested")
    items = of_kind(article, BlockKind.ITEM)
    assert [block_text(article, b) for b in items] == [
        "dash",
        "star",
        "bullet",
        "first",
        "second",
        "nested",
    ]
    assert [(b.level, b.number) for b in items] == [(1, 0), (1, 0), (1, 0), (1, 1), (1, 2), (2, 0)]


def test_item_lines_never_become_headings() -> None:
    article = parse_text("- Short Item Text\n1. Another Short One")
    assert not article.outline()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("a *word* here", [("a ", None), ("word", SpanStyle.EMPHASIS), (" here", None)]),
        ("**bold** text", [("bold", SpanStyle.STRONG), (" text", None)]),
        ("**bold *inner***", [("**bold *inner***", None)]),
        ("5 * 3 * 2 = 30", [("5 * 3 * 2 = 30", None)]),
        ("a*b*c", [("a*b*c", None)]),
        ("* not emphasis *", [("* not emphasis *", None)]),
        ("**a** and *b*", [("a", SpanStyle.STRONG), (" and ", None), ("b", SpanStyle.EMPHASIS)]),
        ("lone * star", [("lone * star", None)]),
    ],
)
def test_inline_emphasis(line: str, expected: list[tuple[str, SpanStyle | None]]) -> None:
    assert parse_inline(line) == expected


def test_stray_star_stays_in_the_text() -> None:
    article = parse_text("Compute 5 * 3 now.")
    assert article.text == "Compute 5 * 3 now."
    assert not article.blocks[0].spans


def test_thematic_breaks_produce_nothing() -> None:
    article = parse_text("First paragraph here.\n---\n* * *\nSecond paragraph here.")
    assert article.text == "First paragraph here.\nSecond paragraph here."


def test_blank_lines_are_skipped() -> None:
    article = parse_text("\n\nOne line here.\n\n\nTwo line here.\n\n\n")
    assert article.text == "One line here.\nTwo line here."


def test_table_with_header_and_short_row() -> None:
    article = parse_text("| A | B | C |\n|---|:-:|--|\n| 1 | 2 | 3 |\n| 4 | 5 |\nAfter the table.")
    assert table_grid(article, 0) == [["A", "B", "C"], ["1", "2", "3"], ["4", "5"]]
    cells = of_kind(article, BlockKind.CELL)
    assert [b.header for b in cells[:3]] == [True] * 3 and not cells[3].header
    assert article.blocks[-1].kind is BlockKind.PARAGRAPH


def test_table_without_separator_has_no_header() -> None:
    article = parse_text("| a | b |\n| c | d |")
    assert table_grid(article, 0) == [["a", "b"], ["c", "d"]]
    assert not any(b.header for b in article.blocks)


def test_table_cell_broken_mid_text_is_joined() -> None:
    text = "| H1 | H2 |\n|---|---|\n| long cell that\ncontinues here | x |\n| y | z |"
    assert table_grid(parse_text(text), 0) == [
        ["H1", "H2"],
        ["long cell that continues here", "x"],
        ["y", "z"],
    ]


def test_separator_after_rows_starts_a_new_table() -> None:
    text = "| A | B |\n|---|---|\n| 1 | 2 |\n| C | D | E |\n|---|---|---|\n| 3 | 4 | 5 |"
    article = parse_text(text)
    assert table_grid(article, 0) == [["A", "B"], ["1", "2"]]
    assert table_grid(article, 1) == [["C", "D", "E"], ["3", "4", "5"]]


def test_table_cells_carry_emphasis() -> None:
    article = parse_text("| *a* | **b** |")
    spans = [(s.style, article.text[s.start : s.end]) for b in article.blocks for s in b.spans]
    assert spans == [(SpanStyle.EMPHASIS, "a"), (SpanStyle.STRONG, "b")]


def test_huge_pipe_table_is_read() -> None:
    lines = ["| Key | Value | Note |", "|---|---|---|"]
    # every third row broken over three lines, as scrapers leave them
    for i in range(10_000):
        lines.append(f"| k{i} | v{i} | n{i} |" if i % 3 else f"| k{i} |\nv{i} |\nn{i} |")
    article = parse_text("\n".join(lines))
    check_layout(article)
    grid = table_grid(article, 0)
    assert len(grid) == 10_001
    assert grid[1] == ["k0", "v0", "n0"] and grid[2] == ["k1", "v1", "n1"]
    assert grid[-1] == ["k9999", "v9999", "n9999"]


# Verbatim text ---------------------------------------------------------------------------


def test_plain_keeps_the_text_exactly() -> None:
    text = "  Title: not a heading  \n\n- not an item\n| not | a table |\n*not emphasis*\n"
    article = parse_plain(text)
    check_layout(article)
    assert article.text == text
    assert {b.kind for b in article.blocks} == {BlockKind.PARAGRAPH}
    assert not any(b.spans for b in article.blocks)
    assert [block_text(article, b) for b in article.blocks] == text.split("\n")


def test_plain_without_blank_lines_has_one_block_per_line() -> None:
    text = "First line\nSecond line\nThird"
    article = parse_plain(text)
    assert article.text == text
    assert len(article.blocks) == 3


@settings(max_examples=200)
@given(st.text())
def test_plain_display_text_is_always_the_input(text: str) -> None:
    article = parse_plain(text)
    check_layout(article)
    assert article.text == text


# Fuzz -------------------------------------------------------------------------------------

_PIECES = [*"ab Z1|*-•.:\n\t \u00a0é😀", "| ", "|---|", "- ", "1. ", "**", "\n|", "|\n"]
_TEXTISH = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@settings(max_examples=200)
@given(st.one_of(st.text(), _TEXTISH))
@example("0\u00ad0")  # a soft hyphen inside a word is not shown: one word
@example("1\u2060. Tariffs")
def test_any_text_gives_a_valid_layout(text: str) -> None:
    article = parse_text(text)
    check_layout(article)
    numbers = Counter(re.findall(r"^\s*(\d{1,3})[.)]", text, re.M))
    assert words(article.text) <= words(text) <= words(article.text) + numbers
