"""A list of checkable items, indented by depth: the export dialog's Include lists of
articles and tags. An item's text is its name alone, which typing its first letters finds:
the indenting is drawn (:mod:`diptych.gui.indented_rows`)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from diptych.gui.bidi_cells import in_line
from diptych.gui.indented_rows import DEPTH_ROLE, IndentedRows
from diptych.gui.note_html import text_to_html
from diptych.gui.tag_colors import color_icon

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CheckList(QListWidget):
    """A list of checkable items, all checked at first, indented by depth.

    Checking or unchecking an item does the same to the items below it (a tag's
    sub-tags), which can then be checked or unchecked one by one.

    Signals:
        checks_changed: the items checked changed; once for a check box and the items
            below it, once for All or None.
    """

    checks_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setItemDelegate(IndentedRows(self))
        self._cascading = False
        self.itemChanged.connect(self.on_item_changed)

    def add(
        self,
        label: str,
        item_id: int,
        color: str | None = None,
        depth: int = 0,
        path: str = "",
        *,
        tip: str = "",
    ) -> None:
        """Add one checked item; ``path`` is what a screen reader reads for it (the
        indenting that shows a sub-tag's place is not heard), ``tip`` its tooltip (the
        path, or the label, if empty)."""
        item = QListWidgetItem(in_line(label))  # made whole, then added: no
        item.setToolTip(text_to_html(tip or path or label))  # itemChanged for each setting
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        item.setData(ID_ROLE, item_id)
        item.setData(DEPTH_ROLE, depth)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, path or label)
        if color:
            item.setIcon(color_icon(color))
        self.addItem(item)

    def checked(self) -> tuple[int, ...] | None:
        """Ids of the checked items; None when all are checked (no restriction)."""
        ids = [self.item(i).data(ID_ROLE) for i in range(self.count())]
        chosen = tuple(
            int(i)
            for row, i in enumerate(ids)
            if self.item(row).checkState() == Qt.CheckState.Checked
        )
        return None if len(chosen) == len(ids) else chosen

    def on_item_changed(self, item: QListWidgetItem) -> None:
        """Give the items below ``item`` its check state."""
        if self._cascading:
            return
        depth, state = item.data(DEPTH_ROLE), item.checkState()
        self._cascading = True
        try:
            for row in range(self.row(item) + 1, self.count()):
                below = self.item(row)
                if below.data(DEPTH_ROLE) <= depth:
                    break
                below.setCheckState(state)
        finally:
            self._cascading = False
        self.checks_changed.emit()

    def set_all(self, checked: bool) -> None:
        """Check or uncheck every item."""
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        self._cascading = True  # every item is set here: nothing to pass down
        try:
            for row in range(self.count()):
                self.item(row).setCheckState(state)
        finally:
            self._cascading = False
        self.checks_changed.emit()
