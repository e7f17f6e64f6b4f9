"""Buttons of a dialog's own wording (Restore, Export) dressed as its
standard buttons are: where the style puts icons on dialog buttons (Cancel's, OK's, on
most Linux desktops), a button added by name had none, beside a Cancel that had one."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QStyle

OK_ICON = QStyle.StandardPixmap.SP_DialogOkButton


def dress_as_standard(button: QAbstractButton, pixmap: QStyle.StandardPixmap = OK_ICON) -> None:
    """Give ``button`` the icon of the standard button it stands for (OK's, by default),
    where the style shows icons on dialog buttons; none where it shows none."""
    style = button.style()
    if style.styleHint(QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons, None, button):
        button.setIcon(style.standardIcon(pixmap, None, button))
