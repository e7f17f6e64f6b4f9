"""Dialogs sized to the screen they open on: a size chosen for a roomy screen (the Export
dialog's 720 x 520) was taller than a laptop's at a scale of 1.5 (512 pixels), its buttons
below the edge. What they hold scrolls (their lists) rather than push them off it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

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
