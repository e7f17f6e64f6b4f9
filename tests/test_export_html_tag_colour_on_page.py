"""In the HTML report a white or near-white tag's marks (its quotes' bar and tint, its
swatches, its heading's underline) show on the white page, in the colour the window gives
them on its light page: they were white on white, and its passages looked untagged."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QColor

from diptych.gui.contrast import told_apart as shown_in_the_window
from diptych.storage.color_contrast import MIN_HUE_DIFFERENCE, MIN_MARK_CONTRAST, contrast
from diptych.storage.exporting import ExportOptions, export_project
from diptych.storage.project import Project

WHITE = (255, 255, 255, 255)


def tag_colours(page: str) -> dict[int, tuple[str, str]]:
    """Each tag's colour and tint in the report's style sheet: {tag id: (--tag, --tint)}."""
    found = re.findall(r"\.t(\d+) \{ --tag: (#[0-9A-F]{6}); --tint: (#[0-9A-F]{8}); \}", page)
    return {int(tag): (colour, tint) for tag, colour, tint in found}


def test_a_tag_of_the_pages_colour_shows_in_the_report(sample: Path) -> None:
    colours = ["#FFFFFF", "#FAFAFA", "#F4F4F4", "#F6C945", "#7CC6F2"]
    with Project.open(sample) as project:
        tags = [t for t in project.tags.codebook().ordered()][: len(colours)]
        for tag, colour in zip(tags, colours, strict=True):
            project.tags.update(tag_id=tag.id, color=colour)
        page = export_project(project, fmt="html", options=ExportOptions()).decode("utf-8")
    shown = tag_colours(page)
    for tag, colour in zip(tags, colours, strict=True):
        mark, tint = shown[tag.id]
        rgb = (int(mark[1:3], 16), int(mark[3:5], 16), int(mark[5:7], 16), 255)
        apart = max(abs(c - 255) for c in rgb[:3])
        assert apart >= MIN_HUE_DIFFERENCE or contrast(rgb, WHITE) >= MIN_MARK_CONTRAST, colour
        assert tint == f"{mark}33"
        window = shown_in_the_window(QColor(colour), QColor("#FFFFFF"))
        assert mark == window.name().upper(), colour  # as the window shows it
    assert shown[tags[3].id][0] == "#F6C945" and shown[tags[4].id][0] == "#7CC6F2"  # as given
