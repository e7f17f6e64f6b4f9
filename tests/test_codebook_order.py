"""The codebook's depth-first order, walked once per codebook and handed out as a copy."""

from __future__ import annotations

from diptych.storage.codebook import Codebook
from diptych.storage.model import Tag


def tag(tag_id: int, name: str, parent_id: int | None = None, order: int = 0) -> Tag:
    return Tag(tag_id, f"u{tag_id}", name, "#7CC6F2", parent_id, sort_order=order)


def test_order_is_depth_first_and_a_caller_cannot_change_it() -> None:
    book = Codebook(
        [tag(1, "Economy"), tag(2, "Trade", 1), tag(3, "Security", order=1), tag(4, "Aid", 1)]
    )
    first = book.ordered()
    assert [t.name for t in first] == ["Economy", "Aid", "Trade", "Security"]
    first.reverse()
    first.append(tag(9, "Stray"))
    assert [t.name for t in book.ordered()] == ["Economy", "Aid", "Trade", "Security"]
    assert [book.rank(t) for t in (1, 4, 2, 3, 9)] == [0, 1, 2, 3, 4]
