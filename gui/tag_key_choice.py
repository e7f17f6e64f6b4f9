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

# A screen at least this tall (logical pixels) leaves the tag dialog room for the key's note
# kept from the start; on a shorter one the note takes room only while it says something,
# so that the dialog fits the screen.
ROOMY_SCREEN_HEIGHT = 480


def lowest_free_key(codebook: Codebook) -> int | None:
    """The key a new tag takes: the lowest that belongs to no tag, if any."""
    keys = codebook.keys()
    return next((key for key in TAG_KEYS if key not in keys), None)


class KeyNote(QLabel):
    """The note under the key, as tall from the start as the longest it can say at its
    width: OK and Cancel stay where they are as it comes and goes (they moved down under
    the pointer as it appeared, and the click meant for OK landed in the description).
    On a screen shorter than :data:`ROOMY_SCREEN_HEIGHT` it takes room only while it says
    something, so that the dialog fits the screen.

    Args:
        notes: every note it may show.
        parent: the dialog.
    """

    def __init__(self, notes: list[str], parent: QWidget) -> None:
        super().__init__(parent, wordWrap=True)
        screen = parent.screen()
        roomy = screen.availableGeometry().height() >= ROOMY_SCREEN_HEIGHT
        self.keeps_room = bool(notes) and roomy
        self.notes = notes if self.keeps_room else []
        self.setTextFormat(Qt.TextFormat.PlainText)  # tag names are never markup
        show_as_hint(self)

    def hasHeightForWidth(self) -> bool:
        """Its room depends on its width, whatever it says now (a label with nothing to
        say has no height for a width of its own)."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height of the tallest note at ``width``, laid out as the label lays out
        its own plain text."""
        if not self.notes:
            return super().heightForWidth(width)
        margins = self.contentsMargins()
        extra = 2 * self.margin()
        inner = max(width - extra - margins.left() - margins.right(), 1)
        flags = Qt.TextFlag.TextWordWrap.value | self.alignment().value
        metrics = self.fontMetrics()
        tallest = max(
            metrics.boundingRect(0, 0, inner, 100_000, flags, n).height() for n in self.notes
        )
        own = super().heightForWidth(width)  # the text shown, should it take more
        return max(own, tallest + extra + margins.top() + margins.bottom())


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
        # What choosing a taken key does.
        self.note = KeyNote([self._note(key) for key in self.holders], parent)
        self.note.setVisible(self.note.keeps_room)  # no key to take: no room kept
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
        text = self._note(self.key())
        self.note.setText(text)  # in the room kept for it: nothing below moves
        if not self.note.keeps_room:  # a short screen: room only while it says something
            self.note.setVisible(bool(text))
        self.setAccessibleDescription(text)

    def _note(self, key: int | None) -> str:
        holder = self.holders.get(key) if key is not None else None
        if holder is None:
            return ""
        return f"Key {key} moves from “{self.codebook.path(holder)}” to this tag."
