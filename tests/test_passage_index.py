"""The per-block index of passages behind the highlighter and the margin."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diptych.gui.passage_index import Mark, PassageIndex
from diptych.storage.importing import parse_display

TEXT = "\n".join(["alpha beta gamma", "delta epsilon", "zeta eta theta iota", "kappa"])


def make_index() -> tuple[PassageIndex, str]:
    content = parse_display(TEXT, "plain")
    return PassageIndex(content.blocks), content.text


def test_segments_split_overlaps_and_blend_marks() -> None:
    index, _ = make_index()
    index.add(Mark(1, 0, 10, ("#FF0000",)))
    index.add(Mark(2, 6, 16, ("#0000FF",)))
    segments = [(s.start, s.end, [m.annotation_id for m in s.marks]) for s in index.segments(0)]
    assert segments == [(0, 6, [1]), (6, 10, [1, 2]), (10, 16, [2])]


def test_passage_spanning_blocks_is_in_each_bucket_and_removed_cleanly() -> None:
    index, text = make_index()
    start, end = text.index("gamma"), text.index("theta")
    touched = index.add(Mark(7, start, end, ("#00FF00",)))
    assert list(touched) == [0, 1, 2]
    assert all(index.in_block(b) for b in (0, 1, 2)) and not index.in_block(3)
    assert [m.annotation_id for m in index.at(text.index("delta"))] == [7]
    assert list(index.remove(7)) == [0, 1, 2]
    assert not any(index.in_block(b) for b in range(4)) and len(index) == 0


def test_at_prefers_the_innermost_passage() -> None:
    index, _ = make_index()
    index.add(Mark(1, 0, 16, ()))
    index.add(Mark(2, 6, 10, ()))
    assert [m.annotation_id for m in index.at(7)] == [2, 1]
    assert index.at(3)[0].annotation_id == 1


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=15))
def test_segments_cover_exactly_the_marked_characters(ranges: list[tuple[int, int]]) -> None:
    index, text = make_index()
    marks = []
    for number, (start, length) in enumerate(ranges, start=1):
        start = min(start, len(text) - 1)
        end = min(len(text), start + length)
        marks.append(Mark(number, start, end, ("#123456",)))
        index.add(marks[-1])
    for block_number in range(4):
        for segment in index.segments(block_number):
            for offset in range(segment.start, segment.end):
                covering = {m.annotation_id for m in marks if m.start <= offset < m.end}
                assert covering == {m.annotation_id for m in segment.marks}
