"""Labels that say what to do, in a quieter colour than the text that still reads: 4.5:1
on the window (Qt's own placeholder colour, the text at half strength, does not)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from diptych.gui.contrast import hint_color

FOLLOWED = (QEvent.Type.PaletteChange, QEvent.Type.ParentChange)


class _HintTint(QObject):
    """Tints its label again whenever the appearance (or the label's parent) changes."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in FOLLOWED and isinstance(watched, QWidget):
            tint(watched)
        return False


def show_as_hint(label: QWidget) -> None:
    """Draw ``label``'s text as a hint, now and after every change of appearance."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    tint(label)
    label.installEventFilter(_HintTint(label))


def tint(label: QWidget) -> None:
    """Give ``label`` its own placeholder colour: :func:`hint_color` on its parent's window
    (the parent's palette, not its own, which holds the colour given last time)."""
    parent = label.parentWidget()
    source = parent.palette() if parent is not None else QGuiApplication.palette()
    color = hint_color(source, QPalette.ColorRole.Window, QPalette.ColorRole.WindowText)
    palette = label.palette()
    if palette.color(QPalette.ColorRole.PlaceholderText) != color:
        palette.setColor(QPalette.ColorRole.PlaceholderText, color)
        label.setPalette(palette)
