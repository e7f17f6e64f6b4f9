"""What a text view says while it shows no text, wrapped to the view's width.

Qt's own placeholder text is drawn on one line, cut off in a narrow pane.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QTextEdit

from diptych.gui.contrast import hint_color


class EmptyHint:
    """The hint of one text view, painted over its viewport while its document is empty.

    Args:
        view: the text view that says it.
    """

    def __init__(self, view: QTextEdit) -> None:
        self._view = view
        self.text = ""

    def set_text(self, hint: str) -> None:
        """Say ``hint`` from now on (nothing, if empty)."""
        if hint != self.text:
            self.text = hint
            self._view.viewport().update()

    def paint(self) -> None:
        """Draw the hint, if there is one and the view shows no text."""
        view = self._view
        if self.text and view.document().isEmpty():
            painter = QPainter(view.viewport())
            roles = QPalette.ColorRole.Base, QPalette.ColorRole.Text
            painter.setPen(hint_color(view.palette(), *roles))
            margin = round(view.document().documentMargin())
            painter.drawText(
                view.viewport().rect().adjusted(margin, margin, -margin, -margin),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                self.text,
            )
            painter.end()
