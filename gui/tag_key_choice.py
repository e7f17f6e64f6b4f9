"""The tag dialog's choice of key: which of the keys 1-9 applies the tag, if any."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from diptych.gui.hint_label import show_as_hint
from diptych.gui.tag_values import KEY_AS_GIVEN
from diptych.storage.codebook import Codebook
from diptych.storage.model import Tag
from diptych.storage.tag_keys import TAG_KEYS

NO_KEY = "None"


def lowest_free_key(codebook: Codebook) -> int | None:
    """The key a new tag takes: the lowest that belongs to no tag, if any."""
    keys = codebook.keys()
    return next((key for key in TAG_KEYS if key not in keys), None)


class KeyChoice(QComboBox):
    """None or one of the keys 1-9; a key another tag has says which, and :attr:`note`
    says that choosing it moves the key from that tag.

    Args:
        codebook: the project's tags, with their keys.
        tag: the tag edited (its own key is chosen), or None for a new tag (the lowest
            free key is, the one a new tag takes).
        parent: the dialog.
    """

    def __init__(self, codebook: Codebook, tag: Tag | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.codebook = codebook
        self.tag = tag
        keys = codebook.keys()
        self.holders = {
            key: tag_id for key, tag_id in keys.items() if tag is None or tag_id != tag.id
        }
        self.addItem(NO_KEY, None)
        for key in TAG_KEYS:
            holder = self.holders.get(key)
            said = f"{key} (used by {codebook.path(holder)})" if holder is not None else str(key)
            self.addItem(said, key)
            self.setItemData(self.count() - 1, said, Qt.ItemDataRole.AccessibleTextRole)
        chosen = codebook.key(tag.id) if tag is not None else lowest_free_key(codebook)
        self.setCurrentIndex(max(0, self.findData(chosen)))
        self.offered = self.key()
        self.setAccessibleName("Key")
        self.setToolTip("The key (1-9) that tags the selected text with this tag")
        self.note = QLabel(parent, wordWrap=True)  # what choosing a taken key does
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # tag names are never markup
        show_as_hint(self.note)
        self.currentIndexChanged.connect(self.on_current_index_changed)
        self.on_current_index_changed()

    def key(self) -> int | None:
        """The key chosen (None: no key)."""
        data = self.currentData()
        return int(data) if data is not None else None

    def chosen(self) -> int | None:
        """The key chosen, or :data:`KEY_AS_GIVEN` if the one offered was left as it is:
        a key another window gave meanwhile (the dialog open) is then not taken back."""
        key = self.key()
        return KEY_AS_GIVEN if key == self.offered else key

    def on_current_index_changed(self, _index: int = 0) -> None:
        """Say that a key another tag has moves from it to this one."""
        key = self.key()
        holder = self.holders.get(key) if key is not None else None
        text = (
            f"Key {key} moves from “{self.codebook.path(holder)}” to this tag."
            if holder is not None
            else ""
        )
        self.note.setText(text)
        self.note.setVisible(bool(text))
        self.setAccessibleDescription(text)
