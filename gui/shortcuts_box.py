"""Help > Keyboard shortcuts (F1): the list of shortcuts, in a box that fits the screen."""

from __future__ import annotations

from math import ceil

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QMessageBox,
    QStyle,
    QTextBrowser,
    QWidget,
)

SHORTCUTS_WIDTH = 460  # the list of shortcuts, in pixels
# The height of the shortcuts box beyond its list (margins, the OK button, a title bar).
SHORTCUTS_CHROME = 140

SHORTCUTS = """
<table cellpadding=3>
<tr><td><b>1</b> … <b>9</b> in an article or the Codebook</td>
    <td>Tag the selected text with the tag of that key (shown beside it in the Codebook;
    choose a tag's key with Edit…)</td></tr>
<tr><td><b>Enter</b> in the Codebook</td>
    <td>Tag the selected text with the selected tag</td></tr>
<tr><td><b>Ctrl+T</b></td>
    <td>Tag palette: type to filter, <b>Up</b> / <b>Down</b> (<b>Page Up</b> /
    <b>Page Down</b>: a listful) choose, Enter applies, a new name creates a tag
    (a path such as Economy/Tariffs creates it under Economy)</td></tr>
<tr><td><b>Ctrl+Z</b> / <b>Ctrl+Shift+Z</b></td>
    <td>Undo / redo any tagging, note or tag change</td></tr>
<tr><td><b>Ctrl+F</b>, <b>F3</b> / <b>Shift+F3</b>, <b>Esc</b></td>
    <td>Find in the article, next / previous match (also with Find closed), close Find</td></tr>
<tr><td><b>Ctrl+Shift+F</b>, <b>Down</b>, <b>Enter</b></td>
    <td>Search the project, go to the results, open one (its words selected)</td></tr>
<tr><td><b>Del</b> in an article or the passages list</td><td>Delete the selected passage</td></tr>
<tr><td><b>Ctrl+K</b></td>
    <td>Mark the passages selected in the passages list (else the one selected in the
    article), found approximately by an update (“≈”), as checked</td></tr>
<tr><td><b>Ctrl++</b> / <b>Ctrl+-</b> / <b>Ctrl+0</b></td><td>Zoom the current pane</td></tr>
<tr><td><b>Ctrl+Alt+N</b> / <b>Ctrl+W</b></td><td>New pane / close pane</td></tr>
<tr><td><b>Ctrl+Tab</b> / <b>Ctrl+Shift+Tab</b></td>
    <td>Next / previous pane (from a panel: back to the current pane)</td></tr>
<tr><td><b>Alt+Left</b> / <b>Alt+Right</b>, the mouse's back / forward buttons</td>
    <td>Back / forward in the current pane (the mouse's: in the pane under it) to where it
    was before a jump: a search result, an article opened, a passage gone to</td></tr>
<tr><td><b>Enter</b> on a highlight</td><td>Select its passage (tags and note)</td></tr>
<tr><td><b>F8</b> / <b>Shift+F8</b></td>
    <td>Select the next / previous passage in the article</td></tr>
<tr><td><b>Ctrl+F8</b> / <b>Ctrl+Shift+F8</b></td>
    <td>Select the next / previous passage with the selected passage's tag</td></tr>
<tr><td><b>F2</b> in an article or the passages list</td>
    <td>Write the note of the passage outlined in the article and in view, or of the one
    chosen in the list; <b>Esc</b> saves it and goes back to where you were, from the
    note or from the panel's buttons and tags' × (<b>Tab</b> types a tab in a note)</td></tr>
<tr><td><b>Shift+F10</b> in an article</td>
    <td>The menu of the selection or the passage at the cursor (tag with, remove a tag,
    delete; with text selected over the selected passage, <i>Fit passage … to the
    selection</i>; with an orphan selected, <i>Re-attach passage … to the
    selection</i>)</td></tr>
<tr><td><b>F2</b> / <b>Del</b> in the Library or the Codebook</td>
    <td>Rename / remove the selected article; edit / delete the selected tag</td></tr>
<tr><td><b>Alt+Up</b> / <b>Alt+Down</b> in the Codebook</td>
    <td>Move the selected tag up / down among its siblings (also in the Tags menu, with
    Edit, Merge and Delete)</td></tr>
<tr><td><b>Enter</b> / <b>Shift+Enter</b> in the Library</td>
    <td>Open the selected article / open it beside (from the filter: the first match;
    <b>Down</b> goes to the matches)</td></tr>
<tr><td><b>Ctrl+click</b>, <b>Shift+click</b>, <b>Shift+arrows</b>, <b>Ctrl+A</b> in the
    Library</td>
    <td>Select several articles: <b>Del</b> removes them all, <b>Enter</b> /
    <b>Shift+Enter</b> opens each beside</td></tr>
<tr><td><b>Down</b> / <b>Enter</b> in the Passages filter</td>
    <td>Go to the matching passages / open the selected match (the first if none is)</td></tr>
<tr><td>Typing in the Passages list, <b>Esc</b> in its filter</td>
    <td>Filter the passages by their quote, note, tags or article / clear the filter</td></tr>
<tr><td><b>Shift+F10</b> or <b>Menu</b> in the Library, the Codebook or the Passages list</td>
    <td>The selected article's menu (Update from newer file…), tag's menu or passage's menu
    (go to it, edit its note, delete it)</td></tr>
<tr><td><b>Ctrl+Shift+L</b> / <b>B</b> / <b>P</b> / <b>M</b></td>
    <td>Go to the Library / Codebook / Passages / Memos (<b>Esc</b> in a panel goes back to
    the article; in a memo it saves it first, in a filter it clears its words
    first)</td></tr>
<tr><td><b>Ctrl+I</b> / <b>Ctrl+Shift+I</b> / <b>Ctrl+E</b></td>
    <td>Import articles / import a folder / export tagged notes</td></tr>
<tr><td><b>Shift+arrows</b>, <b>Ctrl+Shift+arrows</b></td>
    <td>Select text with the keyboard in an article, by characters or lines / by words</td></tr>
<tr><td><b>Ctrl+Shift+T</b></td><td>New tag in the codebook</td></tr>
<tr><td><b>Ctrl+N</b> / <b>Ctrl+O</b> / <b>Ctrl+Q</b></td>
    <td>New project / open a project / quit</td></tr>
<tr><td><b>F1</b></td><td>This list</td></tr>
</table>
"""


class ShortcutsBox(QMessageBox):
    """The keyboard shortcuts, in a list that scrolls when the screen is too low for it.

    As a message box's own text the list made a box taller than a laptop's screen, its
    last rows and its OK button off the bottom edge.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QMessageBox.Icon.NoIcon,
            "Keyboard shortcuts",
            SHORTCUTS,
            QMessageBox.StandardButton.Ok,
            parent,
        )
        self.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTextBrowser(self)
        self.table.setHtml(SHORTCUTS)
        self.table.setFrameShape(QFrame.Shape.NoFrame)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        label = self.findChild(QLabel, "qt_msgbox_label")
        grid = self.layout()
        if label is not None and isinstance(grid, QGridLayout):
            place: tuple[int, int, int, int] = grid.getItemPosition(grid.indexOf(label))  # type: ignore[assignment]
            label.hide()  # its text stays the box's text()
            grid.addWidget(self.table, *place)

    def showEvent(self, event: QShowEvent) -> None:
        self._fit_to_screen()
        super().showEvent(event)
        # The keys scroll the list (Page Down, the arrows): F1 is pressed from the keyboard,
        # and on a laptop's screen the list scrolls. Enter and Esc still close the box.
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit_to_screen(self) -> None:
        """As tall as the list, or as the screen leaves room for (then it scrolls)."""
        document = self.table.document()
        document.setTextWidth(SHORTCUTS_WIDTH)
        needed = ceil(document.size().height()) + 2 * self.table.frameWidth()
        room = self.screen().availableGeometry().height() - SHORTCUTS_CHROME
        width = SHORTCUTS_WIDTH + 2 * self.table.frameWidth()
        # A scroll bar only when the list is cut: one shown on the way narrows the list,
        # which then grows taller and keeps it.
        scrolls = needed > room
        if scrolls:
            width += self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.table.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOn
            if scrolls
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.table.setFixedSize(width, max(min(needed, room), 120))


def shortcuts(parent: QWidget) -> ShortcutsBox:
    """The keyboard shortcuts (non-blocking)."""
    box = ShortcutsBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
