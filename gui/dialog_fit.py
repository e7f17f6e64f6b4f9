"""Dialogs sized to the screen they open on: a size chosen for a roomy screen (the Export
dialog's 720 x 520) was taller than a laptop's at a scale of 1.5 (512 pixels), its buttons
below the edge. What they hold scrolls (their lists) rather than push them off it."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QWidget

# The window's frame and title bar, which the dialog's size leaves out.
FRAME_ROOM = 40


def resize_within_screen(dialog: QWidget, width: int, height: int) -> None:
    """Give ``dialog`` the size ``width`` by ``height``, or as much of it as its screen
    has room for (never less than its least size)."""
    room = dialog.screen().availableGeometry()
    least = dialog.minimumSizeHint()
    dialog.resize(
        max(min(width, room.width() - FRAME_ROOM // 2), least.width()),
        max(min(height, room.height() - FRAME_ROOM), least.height()),
    )


def grow_to_show_all(dialog: QWidget) -> None:
    """Make ``dialog``, already shown, tall enough for what it holds now (a message shown in
    it, wrapped over several lines), within its screen: a shown dialog keeps its size, and
    its layout squeezed the message (its first and last lines cut off) and the fields."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()  # what it holds now: the least size is stale until then
    width = dialog.width()
    wanted = _height_for(layout, width) or dialog.sizeHint().height()
    if wanted > dialog.height():
        resize_within_screen(dialog, width, wanted)


def shrink_back(dialog: QWidget, height: int) -> None:
    """Make ``dialog`` as tall as it was (``height``) after a message shown in it went, if
    it holds no more than it did then: the room the message took went to the rows left,
    spreading them apart from their labels."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    wanted = max(height, _height_for(layout, dialog.width()) or dialog.minimumSizeHint().height())
    if wanted < dialog.height():
        dialog.resize(dialog.width(), wanted)


def _height_for(layout: QLayout, width: int) -> int:
    """The height ``layout`` needs at ``width`` (0 if its height does not depend on it)."""
    return layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else 0
