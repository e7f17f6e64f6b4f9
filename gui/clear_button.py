"""Qt's own clear button inside a text field, named in the field's words.

Qt draws the button from an action of its own that has neither text nor tooltip, so a
screen reader reaches it as a bare "push button" and a hovering mouse is told nothing.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit

#: The object name Qt gives the action behind a line edit's clear button.
CLEAR_ACTION = "_q_qlineeditclearaction"


def give_clear_button(field: QLineEdit, said: str) -> None:
    """Show a clear button in ``field``, read and shown as a tooltip as ``said``
    (such as "Clear the filter")."""
    field.setClearButtonEnabled(True)
    action = field.findChild(QAction, CLEAR_ACTION)
    if action is not None:  # were a later Qt to build it otherwise, it would only stay nameless
        action.setText(said)
        action.setToolTip(said)
