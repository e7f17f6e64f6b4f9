"""The tag palette: type to filter the codebook, Enter applies, a new name creates a tag."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from diptych.gui.note_html import text_to_html
from diptych.gui.tag_colors import color_icon, color_name
from diptych.gui.tag_key_delegate import TagKeyDelegate, tag_key
from diptych.gui.text_folding import fold, folded
from diptych.storage.codebook import PATH_SEPARATOR, Codebook, name_key

TAG_ROLE = Qt.ItemDataRole.UserRole + 1  # tag id, or 0 for "create"
NAME_ROLE = Qt.ItemDataRole.UserRole + 2
KEY_ROLE = Qt.ItemDataRole.UserRole + 3  # the digit key (1-9) that applies the tag, if any


def matches(query: str, path: str) -> bool:
    """True if every word of ``query`` occurs in ``path``, without case or accents and with
    quotes as typed, as the Library and Passages filters compare (``economia`` finds
    ``Economía``)."""
    shown = folded(path)
    return all(word in shown for word in fold(query).split())


ALREADY_MARK = "  ✓"  # after a tag the passage has already
# Keys that move a row while typing, and a listful (by their numbers, as key events give them).
ROW_KEYS = {int(Qt.Key.Key_Down): 1, int(Qt.Key.Key_Up): -1}
PAGE_KEYS = {int(Qt.Key.Key_PageDown): 1, int(Qt.Key.Key_PageUp): -1}
LIST_ROWS = (3, 12)  # the fewest and most rows the list is tall: as many as it holds between


class TagPalette(QFrame):
    """A popup listing tags; filtering as you type.

    Signals:
        tagChosen(int): an existing tag was chosen.
        tagCreated(str): a new tag name, or a path such as ``Economy/Tariffs``, was entered.
        closed(): the palette went away (before a tag chosen in it is said).
    """

    tagChosen = Signal(int)
    tagCreated = Signal(str)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Tag palette")
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Tag name — Enter applies, a new name creates a tag")
        self.field.setAccessibleName("Tag name")
        self.list = QListView(self)
        self.list.setAccessibleName("Tags")
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.model = QStandardItemModel(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(TagKeyDelegate(lambda index: index.data(KEY_ROLE), self.list))
        self.hint = QLabel(self)
        self.hint.setObjectName("paletteHint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)  # it may quote a passage's text
        self.hint.setWordWrap(True)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.field)
        layout.addWidget(self.list)
        layout.addWidget(self.hint)
        self.resize(380, 320)
        self._codebook = Codebook([])
        self._already: frozenset[int] = frozenset()
        self.field.textChanged.connect(self.on_field_text_changed)
        self.field.installEventFilter(self)
        self.list.activated.connect(lambda index: self._choose(index.row()))

    def open_at(
        self,
        codebook: Codebook,
        position: QPoint,
        title: str = "",
        already: Collection[int] = (),
        *,
        above: int | None = None,
    ) -> None:
        """Show the palette at a global position with every tag listed; the tags
        ``already`` on the passage it tags are marked so (choosing one changes nothing).
        Where it would not fit below ``position``, it ends at the global height ``above``
        if given and there is room there (over the text it tags, not on it)."""
        self._codebook = codebook
        self._already = frozenset(already)
        self.hint.setText(title)
        # Heard with the field: the title above is a label the keyboard never reaches.
        hint = "Enter applies the tag; a new name creates a tag"
        self.field.setAccessibleDescription(f"{title}. {hint}" if title else hint)
        self.hint.setVisible(bool(title))
        self.field.clear()
        self.on_field_text_changed("")
        self._fit_rows(self.model.rowCount() + 1)  # room kept for "Create tag…" below
        self.move(self._fitted(position, above))
        self.show()
        self.raise_()
        self.activateWindow()
        self.field.setFocus()

    def _fitted(self, position: QPoint, above: int | None = None) -> QPoint:
        """``position``, moved as little as needed for the whole palette to be seen: over
        the window it belongs to when it fits there, else on the screen; ending at
        ``above`` instead when it does not fit below ``position`` and fits above that."""
        screen = QGuiApplication.screenAt(position) or self.screen()
        area = screen.availableGeometry()
        owner = self.parentWidget()
        if owner is not None:
            over_window = owner.window().frameGeometry().intersected(area)
            if over_window.width() >= self.width() and over_window.height() >= self.height():
                area = over_window
        low = position.y() + self.height() > area.bottom() + 1
        if above is not None and low and above - self.height() >= area.top():
            position = QPoint(position.x(), above - self.height())
        return _inside(position, self.width(), self.height(), area)

    def on_field_text_changed(self, text: str) -> None:
        """Refilter; offer to create the tag when no name (or path, with '/') matches exactly.

        A path whose last part is new offers to create it under the part that exists. The
        tag whose name is exactly the text typed is the current row even when other tags
        whose paths contain it come first ("security" lists Economy/Economic security
        above Security, and Enter applies Security).
        """
        from diptych.storage.tag_paths import new_tag_path, path_names  # with the first key

        self.model.clear()
        query = text.strip()
        as_path = PATH_SEPARATOR in query
        typed = PATH_SEPARATOR.join(path_names(query)) if as_path else query
        exact: int | None = None  # the row of the tag named exactly as typed
        for tag, depth in self._codebook.walk():
            path = self._codebook.path(tag.id)
            if query and not matches(query.replace(PATH_SEPARATOR, " "), path):
                continue
            if exact is None and name_key(path if as_path else tag.name) == name_key(typed):
                exact = self.model.rowCount()
            label = path if query else "    " * depth + tag.name
            on_it = tag.id in self._already
            item = QStandardItem(color_icon(tag.color), label + (ALREADY_MARK if on_it else ""))
            item.setData(tag.id, TAG_ROLE)
            key = tag_key(self._codebook, tag.id)
            item.setData(key, KEY_ROLE)
            spoken = f"{path}, {color_name(tag.color)}" + (", already on it" if on_it else "")
            if key is not None:  # the figure at the row's right end, said as the Codebook's
                spoken += f", key {key}"
            item.setData(spoken, Qt.ItemDataRole.AccessibleTextRole)
            described = tag.description or path
            item.setToolTip(
                text_to_html(f"{described}\n(already on this passage)" if on_it else described)
            )
            self.model.appendRow(item)
        new = new_tag_path(self._codebook, query) if query and exact is None else None
        if new is not None and new.names:
            create = QStandardItem(new.label())
            create.setData(0, TAG_ROLE)
            create.setData(new.paths()[-1], NAME_ROLE)
            self.model.appendRow(create)  # after the matches: Enter applies the best match
        if self.model.rowCount():  # Enter applies the tag named as typed, else the first
            self.list.setCurrentIndex(self.model.index(exact or 0, 0))
        if self.isVisible():
            self._fit_rows(self.model.rowCount())

    def _fit_rows(self, rows: int) -> None:
        """Make the list as tall as ``rows`` rows (within :data:`LIST_ROWS`), and the
        palette around it: one tag found is not shown in a tall empty box over the text.
        Its top stays where it was opened; it is never taller than it was then."""
        fewest, most = LIST_ROWS
        row = self.list.sizeHintForRow(0) if self.model.rowCount() else 0
        row = row or self.list.fontMetrics().height() + 6
        self.list.setFixedHeight(min(max(rows, fewest), most) * row + 2 * self.list.frameWidth())
        self._layout.activate()  # the palette's least height follows the list's now
        self.resize(self.width(), self.sizeHint().height())

    def _choose(self, row: int) -> None:
        item = self.model.item(row)
        if item is None:
            return
        self.hide()
        tag_id = int(item.data(TAG_ROLE) or 0)
        if tag_id:
            self.tagChosen.emit(tag_id)
        else:
            self.tagCreated.emit(str(item.data(NAME_ROLE)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down move in the list while typing, Page Up/Page Down a listful at a time (a
        codebook of many tags was walked one row per key); Enter chooses; Esc closes."""
        if (
            watched is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
        ):
            key = event.key()
            page = PAGE_KEYS.get(int(key), 0)
            rows = ROW_KEYS.get(int(key), 0) or (page * self._page() if page else 0)
            if rows:
                row = max(0, min(self.model.rowCount() - 1, self.list.currentIndex().row() + rows))
                self.list.setCurrentIndex(self.model.index(row, 0))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose(self.list.currentIndex().row())
                return True
            if key == Qt.Key.Key_Escape:
                self.hide()
                return True
        return super().eventFilter(watched, event)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.closed.emit()

    def _page(self) -> int:
        """How many rows the list shows at once (one less, as a page of text keeps a line)."""
        row = self.list.sizeHintForRow(0) if self.model.rowCount() else 0
        return max(1, self.list.viewport().height() // row - 1) if row > 0 else 1


def _inside(position: QPoint, width: int, height: int, area: QRect) -> QPoint:
    """The top-left corner nearest ``position`` of a ``width`` x ``height`` box in ``area``."""
    x = max(area.left(), min(position.x(), area.right() + 1 - width))
    y = max(area.top(), min(position.y(), area.bottom() + 1 - height))
    return QPoint(x, y)
