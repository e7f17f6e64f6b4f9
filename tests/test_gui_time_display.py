"""Times shown in the passages table."""

from __future__ import annotations

import pytest

from diptych.gui.passage_cells import local_time


@pytest.mark.parametrize(
    "stored",
    ["0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59+00:00", "not a time", ""],
)
def test_a_time_no_clock_can_show_is_shown_as_stored(stored: str) -> None:
    shown = local_time(stored)  # an imported project may hold any of these
    assert shown == stored or (len(shown) == 16 and shown[4] == "-")


def test_a_usual_time_is_shown_in_minutes() -> None:
    assert len(local_time("2026-11-23T10:15:00Z")) == len("2026-11-23 10:15")
