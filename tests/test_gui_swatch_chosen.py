"""The tag dialog's colour swatches show which one is the tag's colour: a tick on it,
moved by picking another, and none for a colour of the user's own."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from diptych.gui.session import ProjectSession
from diptych.gui.tag_dialog import ColorSwatch, TagDialog


def ticked_pixels(swatch: ColorSwatch) -> int:
    """The pixels of the swatch painted in its tick's colour (none on a bare swatch: the
    colour, its darker edge and the dialog behind are all far from it)."""
    image: QImage = swatch.grab().toImage()
    ink = swatch.tick_color()
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if all(
            abs(a - b) <= 40
            for a, b in zip(image.pixelColor(x, y).getRgb()[:3], ink.getRgb()[:3], strict=True)
        )
    )


def ticked(dialog: TagDialog) -> list[str]:
    return [s.color for s in dialog.swatches if ticked_pixels(s) > 4]


def test_the_tags_colour_is_ticked_and_the_tick_follows_the_choice(
    qtbot: QtBot, session: ProjectSession
) -> None:
    codebook = session.codebook()
    tag = codebook.ordered()[0]
    dialog = TagDialog(codebook, tag)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert ticked(dialog) == [s.color for s in dialog.swatches if s.color == tag.color]
    assert len(ticked(dialog)) == 1
    other = next(s for s in dialog.swatches if s.color != tag.color)
    other.click()
    assert dialog.color == QColor(other.color).name().upper()
    assert ticked(dialog) == [other.color]
    assert other.accessibleDescription() == "the tag's colour"

    dialog.set_color("#123456")  # a colour of the user's own, from the colour dialog
    assert ticked(dialog) == []
    assert all(s.accessibleDescription() == "" for s in dialog.swatches)
