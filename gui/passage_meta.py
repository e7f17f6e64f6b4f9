"""The foot of the Passage panel: who coded the passage and when, and "Delete passage".

Beside the button there is room for a few words only; when there is not room for the
longest of them (the date and time, kept together), the words take a row of their own
above the button rather than be cut ("· upd…").
"""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QPushButton, QWidget

from diptych.gui.elided_label import ElidedLabel
from diptych.gui.hint_label import show_as_hint

BESIDE = QBoxLayout.Direction.LeftToRight
ABOVE = QBoxLayout.Direction.TopToBottom


class PassageMetaRow(QWidget):
    """Who coded the passage and when, beside (or above) the button that deletes it.

    Args:
        parent: the owning widget.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Up to three lines: beside "Delete passage", one for a long coder's name and two
        # for the date and time.
        self.meta = ElidedLabel(self, lines=3)
        show_as_hint(self.meta)
        self.delete_button = QPushButton("Delete passage", self)
        self.delete_button.setToolTip("Delete this passage with its tags and note (undoable)")
        self._layout = QBoxLayout(BESIDE, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.meta, 1)
        self._layout.addWidget(self.delete_button)

    def set_text(self, text: str) -> None:
        """Show ``text`` (its no-break spaces keep words together)."""
        self.meta.set_full_text(text)
        self._place(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place(event.size().width())

    def _place(self, width: int) -> None:
        """Beside the button if the longest word fits there, else above it."""
        metrics = self.meta.fontMetrics()
        longest = max(
            (metrics.horizontalAdvance(w) for w in self.meta.full_text().split()), default=0
        )
        room = width - self.delete_button.sizeHint().width() - self._layout.spacing()
        direction = BESIDE if longest + 2 <= room else ABOVE
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)
            self._layout.activate()  # the words wrap at their new width at once
