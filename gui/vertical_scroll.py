"""A scroll area for a panel's contents that scrolls up and down only (the Passage panel
in a short dock): the contents keep the height they need rather than draw over one another.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QFrame, QPlainTextEdit, QScrollArea, QTextEdit, QWidget


class VerticalScroll(QScrollArea):
    """Shows ``page`` as wide as the area and scrolls it up and down.

    It is never narrower than the page's own minimum (with room for the scroll bar), so
    that the panel keeps its width as before; it asks for the page's minimum height too,
    but for no more than a share of the screen's, so that on a small screen the panels
    beside one another still fit and scroll rather than push the window off the screen.

    The field that takes the keyboard is scrolled into view however it takes it (Tab, a
    click, or a key such as F2 that puts the keyboard in a note), and a text field's
    cursor stays in view as it is typed in: in a short panel, typing into a field out of
    sight would otherwise go unseen.

    A ``steady`` area asks for the height its page first needed (the Passage panel as the
    window opens, empty) and scrolls what needs more, rather than grow with what it shows:
    grown, it would push the panel below it down, and move a row of the Passages list
    from under the pointer between the press and the release of a click on it.

    Args:
        page: the contents.
        parent: the owning widget.
        most: the largest share of the screen's height to ask for.
        steady: ask for the same height whatever the page shows.
    """

    def __init__(
        self, page: QWidget, parent: QWidget | None = None, *, most: float, steady: bool = False
    ) -> None:
        super().__init__(parent)
        self._most = most
        self._steady = steady
        self._first_height: int | None = None
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The fields inside take the keyboard, and the area scrolls to them: as a stop of
        # its own, it would be read as a nameless "scroll pane" between them.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(page)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.on_focus_changed)
        for field in page.findChildren(QPlainTextEdit) + page.findChildren(QTextEdit):
            field.cursorPositionChanged.connect(lambda f=field: self.show_cursor(f))

    def on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Scroll the field that took the keyboard into view, if it is in the page."""
        page = self.widget()
        if new is None or page is None or not page.isAncestorOf(new):
            return
        if isinstance(new, QPlainTextEdit | QTextEdit):
            self.show_cursor(new)
        else:
            self.ensureWidgetVisible(new)

    def show_cursor(self, field: QPlainTextEdit | QTextEdit) -> None:
        """Scroll the text cursor of ``field``, if it has the keyboard, into view, with
        a line's room under it."""
        page = self.widget()
        if page is None or not field.hasFocus():
            return
        rect = field.cursorRect()
        where = field.viewport().mapTo(page, rect.center())
        self.ensureVisible(where.x(), where.y(), 0, rect.height())

    def minimumSizeHint(self) -> QSize:
        page = self.widget()
        if page is None:
            return super().minimumSizeHint()
        least = page.minimumSizeHint()
        width = least.width() + self.verticalScrollBar().sizeHint().width()
        needed = least.height()
        if self._steady:
            if self._first_height is None:
                self._first_height = needed
            needed = self._first_height
        cap = int(self.screen().availableGeometry().height() * self._most)
        height = max(min(needed, cap), super().minimumSizeHint().height())
        return QSize(width, height) + QSize(2 * self.frameWidth(), 2 * self.frameWidth())
