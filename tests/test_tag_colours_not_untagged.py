"""A tag's colour never passes for a passage without a tag: those are painted grey, in the
window and in the HTML report, so the colours given to new tags are never grey, however
many tags the codebook has."""

from __future__ import annotations

import colorsys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from diptych.gui.highlighter import HighlightTheme
from diptych.gui.passage_index import Mark
from diptych.storage.export_html_page import UNTAGGED_COLOR
from diptych.storage.palette import PALETTE
from diptych.storage.project import Project

GREYISH = 0.2  # saturation below which a colour reads as grey


def _saturation(color: str) -> float:
    red, green, blue = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hsv(red, green, blue)[1]


def test_new_tags_take_colours_that_are_not_grey(tmp_path: Path) -> None:
    project = Project.create(tmp_path / "p.diptych")
    try:
        colors = [project.tags.add(name=f"Tag {n}").color for n in range(2 * len(PALETTE))]
    finally:
        project.close()
    assert set(colors) == set(PALETTE)  # every colour of the palette is handed out
    assert _saturation(UNTAGGED_COLOR) < GREYISH
    for color in colors:
        assert color != UNTAGGED_COLOR
        assert _saturation(color) >= GREYISH, color


def test_a_passage_tagged_with_any_palette_colour_is_painted_unlike_an_untagged_one(
    qapp: QApplication,
) -> None:
    theme = HighlightTheme()
    [untagged] = theme.fills((Mark(1, 0, 5, ()),))
    assert untagged.hsvSaturationF() < GREYISH
    for color in PALETTE:
        [fill] = theme.fills((Mark(2, 0, 5, (color,)),))
        assert fill.hsvSaturationF() >= GREYISH, color
