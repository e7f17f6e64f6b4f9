"""Text a message gives back (typed, and not saved: the file refused it, and no field holds
it any more) in a field of its own in the message box: read-only, selectable, scrolled
when long, with a button that copies all of it. As plain message text, a long note made
the box as tall as the note, its end and its OK button below the screen's edge."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

# Where a message's text gives back what was typed: the text after it is the typed text.
GIVEN_BACK = re.compile(r"(What was typed(?: and not saved)?:)\n\n")
FIELD_LINES = 10  # the field's height, in lines of text, at most
SCREEN_SHARE = 3  # ... and at most a third of the screen's height
HOW_TO_COPY = "Copy Text copies all of it, to paste where it belongs; or select a part."


def split_given_back(text: str) -> tuple[str, str]:
    """``text`` as the message up to the words that give the typed text back, and the
    typed text ("" if it gives none back)."""
    found = GIVEN_BACK.search(text)
    if found is None:
        return text, ""
    return text[: found.end(1)], text[found.end() :]


def add_given_back(box: QMessageBox, typed: str) -> QPlainTextEdit:
    """Show ``typed`` in ``box`` in a read-only field of a few lines, between its text and
    its buttons, with a Copy Text button (which leaves the box open) and a line on how to
    copy it; the field scrolls through a long text, so the box keeps within the screen."""
    field = QPlainTextEdit(box)
    field.setObjectName("givenBackText")
    field.setPlainText(typed)
    field.setReadOnly(True)
    field.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    field.setAccessibleName("What was typed and not saved")
    field.setFixedHeight(_field_height(field))
    copy = QPushButton("Copy Text")
    copy.setAutoDefault(False)  # Enter still answers OK
    copy.clicked.connect(lambda: _copy(typed, box))
    row_below = QWidget(box)
    hint = QLabel(HOW_TO_COPY, row_below)
    hint.setWordWrap(True)
    below = QHBoxLayout(row_below)
    below.setContentsMargins(0, 0, 0, 0)
    below.addWidget(hint, 1)
    below.addWidget(copy, 0, Qt.AlignmentFlag.AlignTop)
    layout = box.layout()
    assert isinstance(layout, QGridLayout)
    buttons = box.findChild(QDialogButtonBox)
    assert buttons is not None
    layout.removeWidget(buttons)  # the field goes above the buttons
    row, columns = layout.rowCount(), max(layout.columnCount(), 2)
    layout.addWidget(field, row, 0, 1, columns)
    layout.addWidget(row_below, row + 1, 0, 1, columns)
    layout.addWidget(buttons, row + 2, 0, 1, columns)
    return field


def _field_height(field: QPlainTextEdit) -> int:
    lines = max(3, min(FIELD_LINES, field.toPlainText().count("\n") + 1))
    margins = field.contentsMargins()
    height = lines * field.fontMetrics().lineSpacing() + 2 * field.frameWidth() + 8
    height += margins.top() + margins.bottom()
    screen = field.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        height = min(height, screen.availableGeometry().height() // SCREEN_SHARE)
    return height


def _copy(typed: str, box: QMessageBox) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(typed)
    box.setWindowTitle(box.windowTitle().removesuffix(" (copied)") + " (copied)")
