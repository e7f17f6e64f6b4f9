"""The window's status bar: a message that does not fit is shortened with "…" (the whole of
it in its tooltip, and shown when it is clicked), stays long enough to be read, and gives
way to the next step taken."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QSizeGrip,
    QStatusBar,
    QStyle,
    QStyleOption,
    QTextEdit,
    QToolTip,
    QWidget,
)

from diptych.gui.bidi_cells import quoted_in_place

SHORTEST_MS = 8000  # a short message stays this long
MS_PER_CHARACTER = 60  # a longer one as long as it takes to read (about 16 characters a second)


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say ``text``, politely (after what it is saying).

    QAccessible is named here, when there is something to say, rather than on importing:
    PySide6 builds a Qt class and its enums the first time it is named, and the window
    says nothing before its first paint.
    """
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def reading_time(text: str) -> int:
    """How long ``text`` stays in the status bar, in milliseconds."""
    return max(SHORTEST_MS, len(text) * MS_PER_CHARACTER)


class MessageBar(QStatusBar):
    """The status bar of the main window.

    A message wider than the room left of the coder's name is drawn shortened, ending in
    "…", and the whole message is its tooltip. :meth:`currentMessage` is the whole message.
    A message said before the user's latest step (an edit, an undo) is taken away when the
    step is made (:meth:`on_step_taken`): "Redone: Tag …" does not stay on as if it were
    about the next tagging. A step's own message, said as it is made, stays. A click in
    read-only text (an article, a note's preview) is a step too: "The selected passage is
    not in this pane…" does not stay on once the user has clicked where to go on.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._said_now = False  # a message was said in this turn of the event loop
        self.said = 0  # how many messages were said so far
        self._watched: list[QWidget] = []  # read-only texts watched for clicks, while a
        # message is shown (the application's every event would cost each of them a call)
        self.messageChanged.connect(self.on_message_changed)

    def say(self, text: str) -> None:
        """Show ``text`` for as long as it takes to read, and announce it to a screen
        reader (politely: after what it is saying). An Arabic or Hebrew title quoted
        reads right to left in its place."""
        text = quoted_in_place(text)
        self.showMessage(text, reading_time(text))
        if text:  # heard too: a screen reader does not read the status bar by itself
            announce(self, text)
        self.said += 1
        if text and not self._watched:
            self._watch_clicks()
        if not self._said_now:
            self._said_now = True
            QTimer.singleShot(0, self._turn_ended)

    @property
    def said_just_now(self) -> bool:
        """True if a message was said in this turn of the event loop (by the step under
        way, not before it)."""
        return self._said_now

    def _turn_ended(self) -> None:
        self._said_now = False

    def _watch_clicks(self) -> None:
        """Watch the window's read-only texts (articles, previews) for a click."""
        window = self.window()
        for text in window.findChildren(QTextEdit) if window is not None else ():
            if text.isReadOnly():
                text.viewport().installEventFilter(self)
                self._watched.append(text.viewport())

    def on_message_changed(self, text: str) -> None:
        """No message left: no click to watch for."""
        if not text:
            for viewport in self._watched:
                with contextlib.suppress(RuntimeError):  # closed since
                    viewport.removeEventFilter(self)
            self._watched = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A click in read-only text (the viewports :meth:`_watch_clicks` watches, and
        no other) is the user's next step (see :meth:`on_step_taken`)."""
        if event.type() == QEvent.Type.MouseButtonPress:
            self.on_step_taken()
        return False

    def on_step_taken(self) -> None:
        """A step was made or taken back: a message said before it no longer applies."""
        if not self._said_now:
            self.clearMessage()

    def shown_text(self) -> str:
        """The message as drawn: shortened with "…" where it does not fit."""
        room = self._message_rect().width()
        return self.fontMetrics().elidedText(
            self.currentMessage(), Qt.TextElideMode.ElideRight, max(room, 0)
        )

    def _permanent(self) -> list[QWidget]:
        """The widgets shown beside a message (the coder's name), and the size grip."""
        return [
            w
            for w in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if w.isVisible()
        ]

    def _message_rect(self) -> QRect:
        """Where the message is drawn: as Qt's own status bar has it, left of what stays."""
        left, right = 6, self.width() - 12
        for widget in self._permanent():
            right = min(right, widget.x() - 2)
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            left, right = self.width() - right, self.width() - left
        return QRect(left, 0, right - left, self.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        """Qt's status bar, with the message shortened to fit (Qt clips it mid-word)."""
        if not self.currentMessage():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        for widget in self._permanent():
            if isinstance(widget, QSizeGrip):
                continue
            frame = QStyleOption()
            frame.rect = widget.geometry().adjusted(-2, -1, 2, 1)
            frame.palette = self.palette()
            frame.state = QStyle.StateFlag.State_None
            self.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, painter, widget
            )
        painter.setPen(self.palette().windowText().color())
        flags = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self._message_rect(), int(flags), self.shown_text())
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A click on a shortened message shows the whole of it, as its tooltip does (a
        tooltip waits for the pointer to rest, and for the window to be the active one);
        on the release, which would take it away again at once."""
        text = self.currentMessage()
        if text and self.shown_text() != text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
            return
        super().mouseReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        """The tooltip of a shortened message is the whole message."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.currentMessage()
            if text and self.shown_text() != text:
                QToolTip.showText(event.globalPos(), text, self)
                return True
        return super().event(event)
