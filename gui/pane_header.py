"""The title bar of an article pane: Back and Forward, the outline menu (which also moves
the pane), title, zoom and close buttons.

In a narrow pane the buttons leave no room for the title, so it moves to a line of its own
below them (with the progress bar of an article being read, which takes the title's room,
never the pane's): which article a pane shows must always be readable.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from diptych.gui.elided_label import ElidedLabel
from diptych.gui.note_html import text_to_html
from diptych.gui.pane_zoom import MAX_ZOOM, MIN_ZOOM, NORMAL_ZOOM
from diptych.storage.document import Heading
from diptych.storage.sample import file_given

LONG_OUTLINE = 30  # more headings than this: the outline menu scrolls, not in columns
MIN_TITLE_WIDTH = 120  # narrower than this beside the buttons, the title gets its own line
CURRENT_MARK_HEIGHT = 3  # the line in the highlight colour across the current pane's header


ZOOM_LABEL_GAP = 5  # pixels between the zoom and its − and + buttons


class PaneHeader(QWidget):
    """Title and controls above an article.

    Signals:
        closeClicked(): close the pane.
        moveClicked(int): move the pane left (-1) or right (+1), chosen in the outline menu.
        zoomClicked(int): zoom out (-1), in (+1), or reset (0).
        headingChosen(int): a heading of the outline menu was chosen (its offset).
        backClicked(): Back (◀) was clicked.
        forwardClicked(): Forward (▶) was clicked.
        showsArticleChanged(): the pane came to show an article, or none any more.
        titleSpoken(str): what a screen reader is to call the pane's text now: which
            article, or that the pane is empty.
    """

    closeClicked = Signal()
    moveClicked = Signal(int)
    zoomClicked = Signal(int)
    headingChosen = Signal(int)
    backClicked = Signal()
    forwardClicked = Signal()
    showsArticleChanged = Signal()
    titleSpoken = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paneHeader")
        self._current = False
        self._zoom = NORMAL_ZOOM
        self.title = ElidedLabel(self)
        self.title.setObjectName("paneTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        # The arrows a reader knows from a browser go Back and Forward, as Alt+Left and
        # Alt+Right do; they moved the pane, and a click to go back rearranged the panes.
        self.back_button = self._button("◀", "Back (Alt+Left)")
        self.forward_button = self._button("▶", "Forward (Alt+Right)")
        self.back_button.clicked.connect(self.backClicked)
        self.forward_button.clicked.connect(self.forwardClicked)
        self.outline_button = self._button("☰", "Outline: go to a heading, or move the pane")
        self.outline_menu = QMenu(self)
        self.outline_button.setMenu(self.outline_menu)
        self.outline_menu.aboutToShow.connect(self.on_outline_menu_about_to_show)
        self._headings: list[Heading] = []
        self._outline_filled = True
        # Moving the pane heads the menu while it can move.
        self.move_left_action = QAction("Move pane left", self)
        self.move_right_action = QAction("Move pane right", self)
        self.move_left_action.triggered.connect(lambda: self.moveClicked.emit(-1))
        self.move_right_action.triggered.connect(lambda: self.moveClicked.emit(1))
        self._moves_separator = QAction(self)
        self._moves_separator.setSeparator(True)
        self.set_history(None, None)
        self.outline_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # No article yet, no headings: a new pane's button opened an empty menu.
        self.outline_button.setEnabled(False)
        self.zoom_label = QLabel("100%", self)
        self.zoom_label.setAccessibleName("Zoom 100%")
        self.zoom_label.setToolTip("Double-click for the actual size (Ctrl+0)")
        self._fit_zoom_label()
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(90)
        # Its room is the title's (see _place_title), never the pane's: a pane reading its
        # article is as narrow at least, and its title's line as high, as one showing it.
        self.progress.setMinimumWidth(1)
        self.progress.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self._outer = outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 3, 3, 3)
        outer.setSpacing(0)
        self._row = layout = QHBoxLayout()
        layout.setSpacing(2)
        outer.addLayout(layout)
        self._below = QHBoxLayout()
        self._below.setContentsMargins(2, 0, 0, 2)
        outer.addLayout(self._below)
        layout.addWidget(self.back_button)
        layout.addWidget(self.forward_button)
        layout.addWidget(self.outline_button)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.progress)
        buttons = (
            ("−", "Zoom out (Ctrl+-)", lambda: self.zoomClicked.emit(-1)),
            (None, None, None),
            ("+", "Zoom in (Ctrl++)", lambda: self.zoomClicked.emit(1)),
            ("✕", "Close pane (Ctrl+W)", self.closeClicked.emit),
        )
        made: dict[str, QToolButton] = {}
        for text, tip, slot in buttons:
            if text is None:
                layout.addWidget(self.zoom_label)
                continue
            button = made[text] = self._button(text, tip or "")
            button.clicked.connect(slot)
            layout.addWidget(button)
        self.zoom_out_button, self.zoom_in_button = made["−"], made["+"]
        self.close_button = made["✕"]
        self.set_moves(False, False)  # alone until the reading area says where it can move
        self.set_zoom(NORMAL_ZOOM)  # greyed until the pane shows an article
        self.zoom_label.mouseDoubleClickEvent = lambda _e: self.zoomClicked.emit(0)  # type: ignore[method-assign]

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        # Heard as what it does: its symbol alone is read out as "minus sign", "black
        # right-pointing triangle", "multiplication x".
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        return button

    def set_moves(self, left: bool, right: bool) -> None:
        """Offer Move pane left and right (in the ☰ menu) only where moving the pane changes
        what is seen (the reading area says where: not the leftmost pane left, nor an empty
        pane past another empty one)."""
        self.move_left_action.setEnabled(left)
        self.move_right_action.setEnabled(right)
        self._offer_menu()

    @property
    def is_current(self) -> bool:
        """True if this is the current pane's header (the one keys and commands act on)."""
        return self._current

    def set_current(self, current: bool) -> None:
        """Mark (or unmark) the header of the current pane with a line in the highlight
        colour: tag keys, find and the article memo act on that pane, and with the keyboard
        in the Library or the Codebook no caret tells which one it is."""
        if current != self._current:
            self._current = current
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._current:
            painter = QPainter(self)
            painter.fillRect(
                0,
                0,
                self.width(),
                CURRENT_MARK_HEIGHT,
                self.palette().color(QPalette.ColorRole.Highlight),
            )
            painter.end()

    @property
    def _full_title(self) -> str:
        return self.title.full_text()

    @property
    def shows_article(self) -> bool:
        """True while the pane shows an article (or one being opened): it has a title."""
        return bool(self._full_title)

    def set_title(self, title: str, source: str = "") -> None:
        """Show the article title (elided to fit); the source file name as tooltip (none
        for the sample's articles: their files are Diptych's own, never the user's)."""
        was_shown = self.shows_article
        source = file_given(source)
        self.title.set_full_text(title)
        self.title.setToolTip(text_to_html(f"{title}\n{source}" if source else title))
        self.set_zoom(self._zoom)  # an empty pane has nothing to zoom
        self.titleSpoken.emit(spoken_title(title))
        if self.shows_article != was_shown:
            self.showsArticleChanged.emit()

    def _fit_zoom_label(self) -> None:
        """Room for the widest zoom and a gap either side, in the label's own font: a
        fixed width left "100%+" touching at larger fonts, in a narrow pane."""
        widest = self.zoom_label.fontMetrics().horizontalAdvance("300%")
        self.zoom_label.setMinimumWidth(widest + ZOOM_LABEL_GAP * 2)

    def changeEvent(self, event: QEvent) -> None:
        """A new font (the desktop's, changed): the zoom's room measured again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_zoom_label()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_title()

    @property
    def title_on_own_line(self) -> bool:
        """True when the title is shown below the buttons (the pane is narrow)."""
        return self._below.indexOf(self.title) >= 0

    def _place_title(self) -> None:
        """The title, and the progress bar beside it, in the row of buttons if they leave
        it room, else on a line of their own below them.

        The bar goes with the title: left in the row of a narrow pane, it made the pane
        wider at its least while an article was read, and the window with it (past the
        edge of its screen, with six panes opened again on long articles)."""
        row = self._row
        items = [row.itemAt(i) for i in range(row.count())]
        with_title = (self.title, self.progress)
        shown = [
            i for i in items if i is not None and i.widget() not in with_title and not i.isEmpty()
        ]
        buttons = sum(i.sizeHint().width() for i in shown) + row.spacing() * len(shown)
        margins = self._outer.contentsMargins().left() + self._outer.contentsMargins().right()
        bar = self.progress.sizeHint().boundedTo(self.progress.maximumSize()).width()
        progress = 0 if self.progress.isHidden() else bar + row.spacing()
        narrow = self.width() < buttons + margins + MIN_TITLE_WIDTH + progress
        if narrow == self.title_on_own_line:
            return
        # Back in the row, after ◀ ▶ ☰, where it was built.
        after = row.indexOf(self.outline_button) + 1
        source, target, position = (row, self._below, 0) if narrow else (self._below, row, after)
        source.removeWidget(self.title)
        source.removeWidget(self.progress)
        target.insertWidget(position, self.title, 1)
        target.insertWidget(position + 1, self.progress)

    def set_outline(self, headings: list[Heading]) -> None:
        """Keep the article's headings; the menu is filled when it is opened (a long
        article has thousands, and opening the article should not wait for them)."""
        self._headings = headings
        self._outline_filled = False
        self._offer_menu()

    def set_history(self, back: str | None, forward: str | None) -> None:
        """Offer ◀ Back and ▶ Forward, greyed where there is nowhere to go, saying which
        article each goes to (``back``, ``forward``: its title, None for nowhere).

        A button pressed from the keyboard until there is nowhere further leaves the focus
        on the other one: Qt would give it to the next button, which the next press of Space
        would have pressed instead."""
        targets = {self.back_button: back, self.forward_button: forward}
        for button, word, keys in (
            (self.back_button, "Back", "Alt+Left"),
            (self.forward_button, "Forward", "Alt+Right"),
        ):
            title = targets[button]
            where = f"{word} to “{title}”" if title is not None else word
            button.setToolTip(f"{where} ({keys})")
            button.setAccessibleDescription(where)
        for button, other in (
            (self.back_button, self.forward_button),
            (self.forward_button, self.back_button),
        ):
            if targets[button] is None and button.hasFocus() and targets[other] is not None:
                other.setEnabled(True)
                other.setFocus(Qt.FocusReason.OtherFocusReason)
            button.setEnabled(targets[button] is not None)

    @property
    def moves(self) -> list[QAction]:
        """The ☰ menu's Move pane left and right, and the line below them."""
        return [self.move_left_action, self.move_right_action, self._moves_separator]

    def _offer_menu(self) -> None:
        moves = self.move_left_action.isEnabled() or self.move_right_action.isEnabled()
        self.outline_button.setEnabled(bool(self._headings) or moves)

    def on_outline_menu_about_to_show(self) -> None:
        """Fill the outline menu on first use; Move pane left and right head it while the
        pane can move."""
        moves = self.moves
        for action in moves:
            self.outline_menu.removeAction(action)
        if not self._outline_filled:
            self._fill_outline()
        if self.move_left_action.isEnabled() or self.move_right_action.isEnabled():
            first = next(iter(self.outline_menu.actions()), None)
            self.outline_menu.insertActions(first, moves)  # type: ignore[arg-type]

    def _fill_outline(self) -> None:
        self._outline_filled = True
        self.outline_menu.clear()
        if len(self._headings) > LONG_OUTLINE:  # scrolled, as tall as the screen at most
            self.outline_menu.setStyleSheet("QMenu { menu-scrollable: 1; }")
        # Indented below the article's top level, whatever it is: an article whose
        # headings all begin at level 2 listed every one of them indented.
        top = min((heading.level for heading in self._headings), default=1)
        for heading in self._headings:
            indent = "    " * max(0, heading.level - top)
            # '&' would mark the item's key letter (and vanish): '&&' shows it.
            action = self.outline_menu.addAction(indent + heading.text.replace("&", "&&"))
            action.triggered.connect(lambda _=False, o=heading.start: self.headingChosen.emit(o))

    def set_zoom(self, zoom: int) -> None:
        """Show the zoom (in percent); − and + are offered only while the pane shows
        an article (the title says which) and can zoom further that way (at the end, a click
        did nothing)."""
        self._zoom = zoom
        shown = self.shows_article
        self.zoom_label.setEnabled(shown)
        self.zoom_label.setText(f"{zoom}%")
        self.zoom_label.setAccessibleName(f"Zoom {self.zoom_label.text()}")
        for button, enabled, other in (
            (self.zoom_out_button, shown and zoom > MIN_ZOOM, self.zoom_in_button),
            (self.zoom_in_button, shown and zoom < MAX_ZOOM, self.zoom_out_button),
        ):
            if not enabled and button.hasFocus():  # the keys go on from the other one
                other.setFocus(Qt.FocusReason.OtherFocusReason)
            button.setEnabled(enabled)

    def set_progress(self, done: int, total: int) -> None:
        """Show building progress; hidden once complete."""
        hidden = self.progress.isHidden()
        if total <= 0 or done >= total:
            self.progress.hide()
        else:
            self.progress.setMaximum(total)
            self.progress.setValue(done)
            self.progress.show()
        if self.progress.isHidden() != hidden:  # the title needs room beside the bar too
            self._place_title()


def spoken_title(title: str) -> str:
    """The name a screen reader gives a pane's text showing ``title`` ("" for none)."""
    return f"Article “{title}”" if title else "Empty pane"
