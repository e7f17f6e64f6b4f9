"""Offset arithmetic: code points against UTF-16 units, display text against rendered document."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diptych.storage.document import BlockKind
from diptych.storage.offsets import (
    PositionMap,
    codepoint_to_utf16,
    utf16_length,
    utf16_to_codepoint,
)
from diptych.storage.text_builder import TextBuilder

SCIENTIST = "👩\u200d🔬"  # woman scientist: three code points joined by a ZWJ
# Latin, CJK, an astral emoji, the parts of a ZWJ sequence, an astral CJK ideograph, a
# combining accent: the characters that break naive offset arithmetic.
CHARACTERS = ["a", "b", "é", "漢", "字", "か", "な", "😀", "👩", "\u200d", "🔬", "𠀋", "\u0301"]
unicode_text = st.text(alphabet=st.sampled_from(CHARACTERS), max_size=40)


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("", 0),
        ("abc", 3),
        ("漢字かな", 4),
        ("😀", 2),
        (SCIENTIST, 5),
        ("a😀漢" + SCIENTIST, 9),
        ("𠀋", 2),
    ],
)
def test_utf16_length_counts_surrogate_pairs(text: str, units: int) -> None:
    assert utf16_length(text) == units
    assert utf16_length(text) == len(text.encode("utf-16-le")) // 2


def test_codepoint_and_utf16_offsets_of_mixed_text() -> None:
    text = "a😀漢" + SCIENTIST + "b"
    # code points:  a=0 😀=1 漢=2 👩=3 ZWJ=4 🔬=5 b=6
    # UTF-16 units: a=0 😀=1,2 漢=3 👩=4,5 ZWJ=6 🔬=7,8 b=9
    expected = [0, 1, 3, 4, 6, 7, 9, 10]
    assert [codepoint_to_utf16(text, i) for i in range(len(text) + 1)] == expected
    assert [utf16_to_codepoint(text, u) for u in expected] == list(range(len(text) + 1))


def test_utf16_offset_inside_a_surrogate_pair_rounds_down() -> None:
    text = "a😀b"
    assert utf16_to_codepoint(text, 2) == 1  # between the halves of 😀
    assert utf16_to_codepoint(text, 3) == 2


def test_offsets_beyond_the_text_are_clamped() -> None:
    assert utf16_to_codepoint("漢😀", 99) == 2
    assert codepoint_to_utf16("漢😀", 99) == 3
    assert codepoint_to_utf16("漢😀", -5) == 0


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_utf16_length_matches_the_encoder(text: str) -> None:
    assert utf16_length(text) == len(text.encode("utf-16-le")) // 2


@settings(max_examples=200, deadline=None)
@given(unicode_text, st.data())
def test_codepoint_offsets_round_trip_through_utf16(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    units = codepoint_to_utf16(text, offset)
    assert units == utf16_length(text[:offset])
    assert utf16_to_codepoint(text, units) == offset


@settings(max_examples=200, deadline=None)
@given(unicode_text, st.data())
def test_every_utf16_offset_maps_to_the_character_holding_it(
    text: str, data: st.DataObject
) -> None:
    units = data.draw(st.integers(0, utf16_length(text)))
    offset = utf16_to_codepoint(text, units)
    assert codepoint_to_utf16(text, offset) <= units
    if offset < len(text):
        assert units < codepoint_to_utf16(text, offset + 1)


# Block texts never start or end with whitespace (the builder strips them) and never
# hold the separators themselves.
block_text = st.text(alphabet=st.sampled_from([*CHARACTERS, " "]), min_size=1, max_size=12).filter(
    lambda t: t.strip() == t and t != ""
)


@st.composite
def rendered_layouts(draw: st.DrawFn) -> tuple[str, PositionMap, list[int]]:
    """An article built block by block, rendered with random layout gaps between blocks."""
    builder = TextBuilder()
    for index, text in enumerate(draw(st.lists(block_text, min_size=1, max_size=8))):
        if draw(st.booleans()):
            builder.begin(BlockKind.CELL, table=0, row=index // 2, col=index % 2)
        else:
            builder.begin(BlockKind.PARAGRAPH)
        builder.add(text)
    article = builder.build()
    # A renderer places each block after the previous one, with at least one position of
    # layout between them (a block separator, table frame markers).
    starts, position = [], draw(st.integers(0, 3))
    for block in article.blocks:
        starts.append(position)
        position += utf16_length(article.text[block.start : block.end])
        position += draw(st.integers(1, 4))
    return article.text, PositionMap(article.text, article.blocks, starts), starts


@settings(max_examples=150, deadline=None)
@given(rendered_layouts())
def test_position_map_round_trips_every_offset_inside_blocks(
    layout: tuple[str, PositionMap, list[int]],
) -> None:
    text, positions, starts = layout
    for index in range(len(positions)):
        block = positions.block(index)
        for offset in range(block.start, block.end + 1):
            rendered = positions.to_rendered(offset)
            assert rendered == starts[index] + utf16_length(text[block.start : offset])
            assert positions.to_display(rendered) == offset
            assert positions.block_index_at_rendered(rendered) == index


@settings(max_examples=100, deadline=None)
@given(rendered_layouts())
def test_layout_positions_snap_to_a_block(layout: tuple[str, PositionMap, list[int]]) -> None:
    text, positions, starts = layout
    end = starts[-1] + utf16_length(text[positions.block(len(positions) - 1).start :]) + 5
    for position in range(end):
        offset = positions.to_display(position)
        block = positions.block(positions.block_index_at_rendered(position))
        assert block.start <= offset <= block.end
        # Mapped back, it never lies after the position (inside a block it rounds down to
        # a character's start; in layout it is the previous block's end), except before
        # the first block, which snaps forward to its start.
        assert positions.to_rendered(offset) <= max(position, starts[0])


def test_position_map_of_a_table_row_and_emoji() -> None:
    builder = TextBuilder()
    builder.begin(BlockKind.HEADING, level=1)
    builder.add("Title 😀")
    for col, cell in enumerate(["漢字", SCIENTIST]):
        builder.begin(BlockKind.CELL, table=0, row=0, col=col)
        builder.add(cell)
    article = builder.build()
    assert article.text == "Title 😀\n漢字\t" + SCIENTIST
    # Heading at 0 (8 units), a table frame, then the cells with a cell marker between.
    positions = PositionMap(article.text, article.blocks, [0, 11, 14])
    assert positions.to_rendered(6) == 6  # the emoji
    assert positions.to_rendered(7) == 8  # the heading's end, after both halves
    assert positions.to_rendered(8) == 11  # "漢"
    assert positions.to_rendered(11) == 14  # start of the scientist
    assert positions.to_rendered(14) == 19  # its end
    assert positions.to_display(12) == 9  # "字"
    assert positions.to_display(15) == 11  # inside 👩 rounds down to its start
    assert positions.to_display(9) == 7  # layout before the table snaps to the heading's end


def test_position_map_needs_one_start_per_block() -> None:
    article = TextBuilder().build()
    with pytest.raises(ValueError, match="one rendered start"):
        PositionMap(article.text, (), [0])
    assert PositionMap("", (), []).to_rendered(5) == 0
    assert PositionMap("", (), []).to_display(5) == 0


def test_position_map_built_block_by_block_counts_each_blocks_own_units() -> None:
    """Blocks of one-unit characters map by subtraction; a block with astral characters
    counts its units; asking before the next block arrives changes nothing."""
    builder = TextBuilder()
    for paragraph in ("plain words", "😀 and 𠀋", "plain again"):
        builder.begin(BlockKind.PARAGRAPH)
        builder.add(paragraph)
    article = builder.build()
    positions = PositionMap(article.text)
    positions.append(article.blocks[0], 0)
    assert positions.to_rendered(5) == 5
    positions.append(article.blocks[1], 12)
    positions.append(article.blocks[2], 23)
    start = article.blocks[1].start
    assert [positions.to_rendered(start + i) for i in range(8)] == [12, 14, 15, 16, 17, 18, 19, 21]
    assert positions.to_rendered(article.blocks[2].start + 5) == 28
    assert positions.to_rendered(5) == 5


@st.composite
def right_to_left_rows(draw: st.DrawFn) -> tuple[str, PositionMap, list[int]]:
    """A paragraph, a table whose rows are rendered last cell first (as a right-to-left
    table's are: its first column on the right), and a paragraph after it; the map is
    built block by block, as the renderer builds it."""
    builder = TextBuilder()
    builder.begin(BlockKind.PARAGRAPH)
    builder.add(draw(block_text))
    columns = draw(st.integers(1, 4))
    for row in range(draw(st.integers(1, 3))):
        for col in range(columns):
            builder.begin(BlockKind.CELL, table=0, row=row, col=col)
            builder.add(draw(block_text))
    builder.begin(BlockKind.PARAGRAPH)
    builder.add(draw(block_text))
    article = builder.build()
    blocks = article.blocks
    units = [utf16_length(article.text[b.start : b.end]) for b in blocks]
    starts = [0] * len(blocks)
    position = units[0] + 2  # the paragraph, its separator and the table's frame marker
    for row_first in range(1, len(blocks) - 1, columns):
        for index in reversed(range(row_first, row_first + columns)):  # the last cell first
            starts[index] = position
            position += units[index] + 1
    starts[-1] = position + 1
    positions = PositionMap(article.text)
    for block, start in zip(blocks, starts, strict=True):
        positions.append(block, start)
    return article.text, positions, starts


@settings(max_examples=150, deadline=None)
@given(right_to_left_rows())
def test_cells_rendered_last_first_map_both_ways(
    layout: tuple[str, PositionMap, list[int]],
) -> None:
    """Every offset of every block maps to its place and back, whatever order the cells
    of a row are rendered in; a position between two cells is the end of the one before
    it in the document."""
    text, positions, starts = layout
    for index in range(len(positions)):
        block = positions.block(index)
        for offset in range(block.start, block.end + 1):
            rendered = positions.to_rendered(offset)
            assert rendered == starts[index] + utf16_length(text[block.start : offset])
            assert positions.to_display(rendered) == offset
            assert positions.block_index_at_rendered(rendered) == index
    built = PositionMap(text, [positions.block(i) for i in range(len(positions))], starts)
    for position in range(starts[-1] + 3):
        assert built.to_display(position) == positions.to_display(position)
