"""Zooming an article with Ctrl and the mouse wheel, one step a notch.

A touchpad turns the wheel in fractions of a notch: they add up to whole steps.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QWheelEvent

WHEEL_NOTCH = 120  # a wheel's angle delta per notch


def zooms(event: QEvent) -> bool:
    """Whether ``event`` is Ctrl and the wheel: a zoom keeps the line pending itself."""
    return isinstance(event, QWheelEvent) and bool(
        event.modifiers() & Qt.KeyboardModifier.ControlModifier
    )


class WheelZoom:
    """The zoom steps the wheel turns, whole notches at a time."""

    def __init__(self) -> None:
        self._wheel = 0  # the part of a notch turned so far

    def reset(self) -> None:
        """Forget a part of a notch turned (the wheel scrolled instead of zooming)."""
        self._wheel = 0

    def steps(self, event: QWheelEvent) -> int:
        """The whole notches turned with ``event`` and the parts before: in (+) or out (-)."""
        self._wheel += event.angleDelta().y()
        steps = int(self._wheel / WHEEL_NOTCH)
        self._wheel -= steps * WHEEL_NOTCH
        return steps
