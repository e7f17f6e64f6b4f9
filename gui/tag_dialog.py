"""Create or edit one tag: name, colour, parent and description."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from diptych.gui.tag_model import color_icon
from diptych.storage.codebook import Codebook
from diptych.storage.model import Tag
from diptych.storage.palette import PALETTE, next_color


@dataclass(frozen=True)
class TagValues:
    """What the dialog returns."""

    name: str
    color: str
    parent_id: int | None
    description: str


class TagDialog(QDialog):
    """Edit a tag's name, colour, parent and description.

    Args:
        codebook: the project's tags (for the parent choice and default colour).
        tag: the tag to edit, or None to create one.
        parent_id: the parent preselected for a new tag.
    """

    def __init__(
        self,
        codebook: Codebook,
        tag: Tag | None = None,
        *,
        parent_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit tag" if tag else "New tag")
        self.name = QLineEdit(tag.name if tag else "", self)
        self.name.setPlaceholderText("Tag name")
        self.color = tag.color if tag else next_color(t.color for t in codebook.ordered())
        self.color_button = QPushButton(self)
        self.color_button.clicked.connect(self.on_color_button_clicked)
        swatches = QGridLayout()
        for i, color in enumerate(PALETTE):
            swatch = QPushButton(self)
            swatch.setIcon(color_icon(color, 16))
            swatch.setFlat(True)
            swatch.setToolTip(color)
            swatch.setFixedSize(26, 24)
            swatch.clicked.connect(lambda _=False, c=color: self.set_color(c))
            swatches.addWidget(swatch, i // 6, i % 6)
        self.parent_box = QComboBox(self)
        self.parent_box.addItem("(top level)", None)
        excluded = {tag.id, *[t.id for t in codebook.descendants(tag.id)]} if tag else set()
        for other, depth in codebook.walk():
            if other.id not in excluded:
                self.parent_box.addItem(
                    color_icon(other.color), "    " * depth + other.name, other.id
                )
        wanted = tag.parent_id if tag else parent_id
        self.parent_box.setCurrentIndex(max(0, self.parent_box.findData(wanted)))
        self.description = QPlainTextEdit(tag.description if tag else "", self)
        self.description.setPlaceholderText("What this tag means, when to use it")
        self.description.setMaximumHeight(90)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.ok_button.setEnabled(bool(self.name.text().strip()))
        form = QFormLayout(self)
        form.addRow("Name", self.name)
        form.addRow("Colour", self.color_button)
        form.addRow("", swatches)
        form.addRow("Parent", self.parent_box)
        form.addRow("Description", self.description)
        form.addRow(buttons)
        self.set_color(self.color)

    def set_color(self, color: str) -> None:
        """Choose a colour."""
        self.color = QColor(color).name().upper()
        self.color_button.setIcon(color_icon(self.color, 16))
        self.color_button.setText(self.color)

    def on_color_button_clicked(self) -> None:
        """Pick any colour."""
        chosen = QColorDialog.getColor(QColor(self.color), self, "Tag colour")
        if chosen.isValid():
            self.set_color(chosen.name())

    def values(self) -> TagValues:
        """The values entered."""
        return TagValues(
            name=self.name.text().strip(),
            color=self.color,
            parent_id=self.parent_box.currentData(),
            description=self.description.toPlainText().strip(),
        )
