"""Create or edit one tag: name, colour, parent, description and key."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from diptych.gui.autosave import field_text
from diptych.gui.contrast import ink_on
from diptych.gui.dialog_fit import grow_to_show_all, shrink_back
from diptych.gui.messages import as_shown
from diptych.gui.tag_colors import color_icon, color_name
from diptych.gui.tag_key_choice import KeyChoice
from diptych.gui.tag_values import TagValues, depth_problem, namesake_problem
from diptych.gui.theme import contrast, is_dark
from diptych.storage.codebook import Codebook
from diptych.storage.errors import InputError
from diptych.storage.model import Tag
from diptych.storage.palette import PALETTE, next_color
from diptych.storage.tag_checks import clean_tag_name

SWATCH_COLUMNS = 6
ARROW_STEPS = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Up: -SWATCH_COLUMNS,
    Qt.Key.Key_Down: SWATCH_COLUMNS,
}


class ColorSwatch(QPushButton):
    """A colour of the palette to pick with a click, or with Space (Enter: and OK) once
    the Tab key (at the tag's colour), Alt+L or the arrows reach it. A flat button shows
    no focus in some styles (Fusion): a ring in the palette's highlight colour shows which
    swatch the keys would pick. The swatch of the tag's colour has a tick
    (:meth:`set_chosen`): nothing among the twelve said which one the tag had."""

    FOCUS_PEN = 2
    ICON = 16

    def __init__(self, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.color = color
        self.chosen = False
        self.neighbours: list[ColorSwatch] = [self]  # the swatches the arrows move between
        self.setIcon(color_icon(color, self.ICON))
        self.setFlat(True)
        self.setAutoDefault(False)  # Enter is OK: see keyPressEvent
        self.setToolTip(color)
        self.setAccessibleName(color_name(color))
        self.setFixedSize(26, 24)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The arrows move the focus between the swatches, as between radio buttons: the
        twelve are one stop for Tab (see :func:`one_tab_stop`). Space picks the colour;
        Enter picks it and is the dialog's OK, as Enter is in its other fields (it picked
        the colour alone, and the dialog stayed open)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.click()
            event.ignore()  # on to the dialog, which presses its default button
            return
        step = ARROW_STEPS.get(Qt.Key(event.key()))
        if step is None or self not in self.neighbours:
            super().keyPressEvent(event)
            return
        index = self.neighbours.index(self) + step
        if 0 <= index < len(self.neighbours):
            self.neighbours[index].setFocus(Qt.FocusReason.OtherFocusReason)

    def set_chosen(self, chosen: bool) -> None:
        """Mark (or unmark) the swatch as the tag's colour."""
        if chosen != self.chosen:
            self.chosen = chosen
            self.setAccessibleDescription("the tag's colour" if chosen else "")
            self.update()

    def tick_color(self) -> QColor:
        """Dark on a light colour, white on a dark one, as a tag chip's text."""
        return ink_on(QColor(self.color))

    def focus_color(self) -> QColor:
        """The highlight colour; the text colour where it would not stand out from the
        window behind (a palette whose highlight is close to its background)."""
        palette = self.palette()
        ring = palette.color(QPalette.ColorRole.Highlight)
        if contrast(ring, palette.color(QPalette.ColorRole.Window)) < 3:  # WCAG, non-text
            ring = palette.color(QPalette.ColorRole.WindowText)
        return ring

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.chosen:
            self._paint_tick()
        if not self.hasFocus():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.focus_color(), self.FOCUS_PEN))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = self.FOCUS_PEN / 2
        painter.drawRoundedRect(self.rect().toRectF().adjusted(half, half, -half, -half), 4, 4)
        painter.end()

    def _paint_tick(self) -> None:
        """A tick across the middle of the colour."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.tick_color(), 2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        center = self.rect().toRectF().center()
        unit = self.ICON / 16
        painter.drawPolyline(
            [center + QPointF(x * unit, y * unit) for x, y in ((-4, 0), (-1, 3), (4, -3))]
        )
        painter.end()


TREE_ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # a parent's name, indented by its depth


def one_tab_stop(swatches: list[ColorSwatch]) -> ColorSwatch:
    """Tab stops at the swatch of the tag's colour (the first if none is) and goes on to
    Parent: a stop on each of the twelve took fourteen presses to get past them."""
    stop = next((swatch for swatch in swatches if swatch.chosen), swatches[0])
    for swatch in swatches:
        swatch.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus if swatch is stop else Qt.FocusPolicy.ClickFocus
        )
    return stop


class TreeRows(QStyledItemDelegate):
    """The rows of the parent list as the codebook's tree: each name indented under its
    parent (the list's items are paths, which the closed list shows)."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        row = index.data(TREE_ROW_ROLE)
        if row:
            option.text = str(row)


class TagDialog(QDialog):
    """Edit a tag's name, colour, parent, description and key.

    Args:
        codebook: the project's tags (for the parent choice, default colour and keys).
        tag: the tag to edit, or None to create one.
        parent_id: the parent preselected for a new tag.
        check: why the values cannot be saved in the project as it is now ("" if they
            can), asked at OK after the dialog's own checks: the codebook may have changed
            in another window since it opened.

    OK is refused, with the reason shown in the dialog, while the name cannot be a tag's
    name or a tag of the same name is already under the chosen parent; what was typed stays.
    """

    def __init__(
        self,
        codebook: Codebook,
        tag: Tag | None = None,
        *,
        parent_id: int | None = None,
        parent: QWidget | None = None,
        check: Callable[[TagValues], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.codebook = codebook
        self.tag = tag
        self.check = check
        self.setWindowTitle("Edit tag" if tag else "New tag")
        self.name = QLineEdit(tag.name if tag else "", self)
        # Selected, as a rename selects the name: what is typed (F2, then the new name)
        # replaces it instead of running on after it.
        self.name.selectAll()
        self.name.setPlaceholderText("Tag name")
        self.color = tag.color if tag else next_color(t.color for t in codebook.ordered())
        self.color_button = QPushButton(self)
        self.color_button.clicked.connect(self.on_color_button_clicked)
        self.color_label = QLabel(self)  # the colour's name, seen beside its swatch
        self.color_label.setObjectName("tagColorName")
        swatches = QGridLayout()
        self.swatches: list[ColorSwatch] = []
        for i, color in enumerate(PALETTE):
            swatch = ColorSwatch(color, self)
            swatch.clicked.connect(lambda _=False, c=color: self.set_color(c))
            swatches.addWidget(swatch, i // SWATCH_COLUMNS, i % SWATCH_COLUMNS)
            self.swatches.append(swatch)
            swatch.neighbours = self.swatches
        self.parent_box = QComboBox(self)
        # Listed as the codebook's tree; the one chosen is shown by its path ("Economy/
        # Trade"): an indented name showed a gap after its colour, and "Other" alone did
        # not say which of two "Other"s it was.
        self.parent_box.view().setItemDelegate(TreeRows(self.parent_box))
        self.parent_box.addItem("(top level)", None)
        excluded = {tag.id, *[t.id for t in codebook.descendants(tag.id)]} if tag else set()
        for other, depth in codebook.walk():
            if other.id not in excluded:
                path = codebook.path(other.id)
                self.parent_box.addItem(color_icon(other.color), path, other.id)
                row = self.parent_box.count() - 1
                self.parent_box.setItemData(row, "    " * depth + other.name, TREE_ROW_ROLE)
                # The path is heard, as it is seen once chosen; the indenting is not.
                self.parent_box.setItemData(row, path, Qt.ItemDataRole.AccessibleTextRole)
        wanted = tag.parent_id if tag else parent_id
        self.parent_box.setCurrentIndex(max(0, self.parent_box.findData(wanted)))
        self.key_box = KeyChoice(codebook, tag, self)  # before the description, as shown
        self.description = QPlainTextEdit(tag.description if tag else "", self)
        self.description.setPlaceholderText("What this tag means, when to use it")
        self.description.setMaximumHeight(90)
        self.description.setTabChangesFocus(True)  # Tab goes on to OK, as in every field
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        # Key letters of their own, apart from the fields': with none, Alt+O typed an "o"
        # into the name.
        self.ok_button.setText("&OK")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("&Cancel")
        self.name.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.ok_button.setEnabled(bool(self.name.text().strip()))
        self.problem = QLabel(self, wordWrap=True)
        self.problem.setObjectName("tagProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # tag names are never markup
        self.problem.hide()
        self._height_before_problem = 0  # the dialog's, before a reason was shown
        self.name.textChanged.connect(self.clear_problem)
        self.parent_box.currentIndexChanged.connect(self.clear_problem)
        self.key_box.currentIndexChanged.connect(self.on_key_box_current_index_changed)
        form = QFormLayout(self)
        form.addRow("&Name", self.name)  # each label the buddy of its field
        color_row = QHBoxLayout()
        color_row.addWidget(self.color_button)
        color_row.addWidget(self.color_label, 1)
        color_heading = QLabel("Co&lour", self)
        # Alt+L goes to the swatches (the tag's colour), through the colour's name, which
        # hands the keyboard on to it: a button for a buddy is clicked (the button opened
        # the full colour picker), and a row holding a layout gets no buddy.
        color_heading.setBuddy(self.color_label)
        self.color_label.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # a buddy takes focus
        form.addRow(color_heading, color_row)
        form.addRow("", swatches)
        form.addRow("&Parent", self.parent_box)
        form.addRow("&Key", self.key_box)
        form.addRow("", self.key_box.note)
        form.addRow("&Description", self.description)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.set_color(self.color)

    def accept(self) -> None:
        """Close with OK; a name the project cannot take (already used under the chosen
        parent, or not a valid tag name) is refused here, with the reason, so that nothing
        typed is lost."""
        problem = self.problem_with(self.values())
        if problem:
            if self.problem.isHidden():
                self._height_before_problem = self.height()
            self.problem.setText(problem)
            # Red that reads on the appearance of the moment (it may have changed since).
            self.problem.setStyleSheet(f"color: {'#FF8A80' if is_dark() else '#B3261E'};")
            self.problem.show()
            grow_to_show_all(self)  # the whole message, and the fields unsqueezed
            # The focus stays in the name: a screen reader hears the reason with it.
            self.name.setAccessibleDescription(problem)
            self.name.setFocus()
            self.name.selectAll()
            return
        super().accept()

    def on_key_box_current_index_changed(self) -> None:
        """A key chosen: its note (a key taken from another tag) shown whole, and the
        description left its room."""
        if self.isVisible():
            grow_to_show_all(self)

    def clear_problem(self) -> None:
        """The name or parent changed: the reason given for refusing them no longer holds;
        the dialog as tall as it was before it was given."""
        if self.problem.isHidden():
            return
        self.problem.hide()
        self.name.setAccessibleDescription("")
        shrink_back(self, self._height_before_problem)

    def problem_with(self, values: TagValues) -> str:
        """Why the tag cannot be saved with ``values`` ("" if it can)."""
        if self.tag is None or values.name != self.tag.name:  # a name kept is never refused
            try:
                clean_tag_name(values.name)
            except InputError as exc:
                return as_shown(exc)
        tag_id = self.tag.id if self.tag else None
        return (
            namesake_problem(self.codebook, values, tag_id)
            or depth_problem(self.codebook, values, tag_id)
            or (self.check(values) if self.check else "")
        )

    def set_color(self, color: str) -> None:
        """Choose a colour."""
        self.color = QColor(color).name().upper()
        self.color_button.setIcon(color_icon(self.color, 16))
        self.color_button.setText(self.color)
        # Named: the colour alone is lost on whoever cannot tell it from its neighbours.
        self.color_label.setText(color_name(self.color))
        self.color_button.setAccessibleName(f"Colour: {color_name(self.color)} ({self.color})")
        for swatch in self.swatches:
            swatch.set_chosen(QColor(swatch.color).name().upper() == self.color)
        self.color_label.setFocusProxy(one_tab_stop(self.swatches))

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
            description=field_text(self.description).strip(),
            key=self.key_box.chosen(),
        )
