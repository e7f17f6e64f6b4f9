"""When the reader turns to a pane's text, which makes the pane the current one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent

from diptych.gui.article_view import ArticleView

_FOCUS_BACK = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason)


class ReaderWatch(QObject):
    """Watches a pane's text for the reader turning to it.

    The caret moved by the reader counts, not the caret of a new document put in the view
    (an article shown again after a switch between light and dark, or its full text
    replacing its first screen): a pane that is not the reader's would take the keys (F8,
    1-9) and the Library's selection. The text getting the focus counts too, also when the
    caret does not move (Tab, a click where the caret is, the focus coming back to it).

    Signals:
        activated(): the reader turned to the text.
        chosen(): the reader chose this text to work in: moved its caret, or clicked or
            tabbed into it; not the focus merely coming back to it (a menu closed, the
            window active again), which leaves what the reader had selected elsewhere.
    """

    activated = Signal()
    chosen = Signal()

    def __init__(self, view: ArticleView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.caret_position = 0
        """The caret's last position (in the view's document)."""
        self._document = view.document()
        self._put_back: int | None = None
        view.cursorPositionChanged.connect(self.on_view_cursor_position_changed)
        view.installEventFilter(self)

    def on_view_cursor_position_changed(self) -> None:
        """The caret moved: the reader moved it, unless it is that of a new document."""
        document, position = self.view.document(), self.view.textCursor().position()
        if document is not self._document:
            # Its caret is at the start, or soon put back where the one it replaces had it.
            self._document, self._put_back = document, self.caret_position
            self.caret_position = position
            return
        put_back, self._put_back = self._put_back, None
        self.caret_position = position
        if position != put_back:
            self.activated.emit()
            self.chosen.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The text getting the focus: the reader turned to it."""
        if watched is self.view and isinstance(event, QFocusEvent) and event.gotFocus():
            self.activated.emit()
            if event.reason() not in _FOCUS_BACK:
                self.chosen.emit()
        return super().eventFilter(watched, event)
