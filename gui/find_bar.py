"""Find in article: a bar with a search field, next/previous, and the match count."""

from __future__ import annotations

import re
from collections import deque
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from diptych.gui.clear_button import give_clear_button
from diptych.gui.field_undo import pass_undo_on
from diptych.gui.theme import is_dark
from diptych.storage.anchors import whole_characters
from diptych.storage.typed_quotes import as_typed

if TYPE_CHECKING:
    from diptych.storage.search_folding import FoldedText

MAX_MATCHES = 5000
MIN_FIELD_CHARACTERS = 14  # narrower than this beside the count, the count gets its own line


def find_all(
    text: str, needle: str, *, limit: int = MAX_MATCHES, start: int = 0
) -> list[tuple[int, int]]:
    """Matches of ``needle`` in ``text`` (from ``start`` on, at most ``limit``) as
    (start, end) code points, whatever their case, accents and marks (Lefevre finds
    Lefèvre, and Lefèvre Lefevre; Βουλη finds Βουλή, объем объём, שלום שָׁלוֹם), as the
    Search panel reads them (:func:`~diptych.storage.search_folding.plain`); straight
    quotes typed match curly ones (Xi's finds Xi’s, see :func:`as_typed`). A match is of
    the text's own characters, whole: with the accent written after its last letter
    (Cafe + U+0301 is Café, see :meth:`~diptych.storage.search_folding.FoldedText.span`),
    an emoji sequence or a flag whole (🇰 is all of 🇰🇷, see
    :func:`~diptych.storage.anchors.whole_characters`), so that a passage tagged from it
    never holds half a character.
    """
    folded, key = _searched(text, needle)
    if not key:
        return []
    haystack = folded.text
    matches: list[tuple[int, int]] = []
    spaced = _spaced(key)
    if spaced is not None:
        for match in spaced.finditer(haystack, folded.folded(start)):
            if len(matches) >= limit:
                break
            matches.append(whole_characters(text, *folded.span(*match.span())))
        return matches
    position = haystack.find(key, folded.folded(start))
    while position >= 0 and len(matches) < limit:
        matches.append(whole_characters(text, *folded.span(position, position + len(key))))
        position = haystack.find(key, position + len(key))
    return matches


def find_before(
    text: str, needle: str, end: int, *, limit: int = MAX_MATCHES
) -> list[tuple[int, int]]:
    """The last ``limit`` matches of ``needle`` that end at or before ``end``, as
    :func:`find_all` finds them, in the order of the text."""
    folded, key = _searched(text, needle)
    if not key:
        return []
    haystack = folded.text
    spaced = _spaced(key)
    if spaced is not None:
        last = deque(spaced.finditer(haystack, 0, folded.folded(end)), maxlen=limit)
        return [whole_characters(text, *folded.span(*match.span())) for match in last]
    matches: list[tuple[int, int]] = []
    position = haystack.rfind(key, 0, folded.folded(end))
    while position >= 0 and len(matches) < limit:
        matches.append(whole_characters(text, *folded.span(position, position + len(key))))
        position = haystack.rfind(key, 0, position) if position else -1
    return matches[::-1]


def count_all(text: str, needle: str, *, end: int | None = None) -> int:
    """How many matches of ``needle`` :func:`find_all` finds in ``text`` (before ``end``)."""
    folded, key = _searched(text, needle)
    if not key:
        return 0
    stop = len(folded.text) if end is None else folded.folded(end)
    spaced = _spaced(key)
    if spaced is not None:
        return sum(1 for _ in spaced.finditer(folded.text, 0, stop))
    return folded.text.count(key, 0, stop)


@lru_cache(maxsize=16)
def _spaced(key: str) -> re.Pattern[str] | None:
    """``key`` with each space in it (or run of spaces) matching any run of white space
    in the article, as the project search reads a phrase: a phrase remembered runs over a
    line end of a hard-wrapped text (e-mail, wire copy, a PDF's text) or a line break of
    a web page, and was "No matches". None if ``key`` has no white space (found as it is)."""
    parts = re.split(r"\s+", key)
    if len(parts) == 1:
        return None
    return re.compile(r"\s+".join(re.escape(part) for part in parts))


def _searched(text: str, needle: str) -> tuple[FoldedText, str]:
    """``text`` as it is searched, and ``needle`` as it is looked for in it ("" if
    nothing: no needle, or marks alone)."""
    from diptych.storage.search_folding import FoldedText  # with the first search

    folded = _folded_article(text)
    return folded, FoldedText(as_typed(needle), whole=True).text if needle else ""


@lru_cache(maxsize=4)  # the article's, searched again at each key typed in the bar
def _folded_article(text: str) -> FoldedText:
    from diptych.storage.search_folding import FoldedText

    return FoldedText(as_typed(text), whole=True)


class FindBar(QWidget):
    """The find bar under an article's title.

    Signals:
        searched(str): the search text changed.
        stepped(int): +1 for the next match, -1 for the previous one.
        closed(): the bar was closed.
    """

    searched = Signal(str)
    stepped = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in article")
        give_clear_button(self.field, "Clear what to find")
        pass_undo_on(self.field)
        self.field.setAccessibleName("Find in article")
        self.count = QLabel(self)
        self.count.setMinimumWidth(70)
        previous = _button(self, "↑", "Previous match (Shift+Enter, Shift+F3)")
        following = _button(self, "↓", "Next match (Enter, F3)")
        close = _button(self, "✕", "Close find (Esc)")
        self._outer = outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 2, 6, 2)
        outer.setSpacing(0)
        self._row = layout = QHBoxLayout()
        outer.addLayout(layout)
        self._below = QHBoxLayout()
        outer.addLayout(self._below)
        for widget in (self.field, self.count, previous, following, close):
            layout.addWidget(widget, 1 if widget is self.field else 0)
        self.field.textChanged.connect(self.searched)
        previous.clicked.connect(lambda: self.stepped.emit(-1))
        following.clicked.connect(lambda: self.stepped.emit(1))
        close.clicked.connect(self.close_bar)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_count()

    @property
    def count_on_own_line(self) -> bool:
        """True when the match count is shown below the field (the pane is narrow)."""
        return self._below.indexOf(self.count) >= 0

    def _place_count(self) -> None:
        """In a narrow pane (three side by side on a laptop) the count and the buttons left
        the field a few letters wide: the count then goes below it."""
        row = self._row
        items = [row.itemAt(i) for i in range(row.count())]
        others = [i for i in items if i is not None and i.widget() not in (self.field, self.count)]
        margins = self._outer.contentsMargins()
        field = self.field.fontMetrics().averageCharWidth() * MIN_FIELD_CHARACTERS
        needed = (
            margins.left()
            + margins.right()
            + field
            + self.count.minimumWidth()
            + sum(item.sizeHint().width() for item in others)
            + row.spacing() * (len(others) + 1)
        )
        narrow = self.width() < needed
        if narrow == self.count_on_own_line:
            return
        if narrow:
            row.removeWidget(self.count)
            self._below.addWidget(self.count)
        else:
            self._below.removeWidget(self.count)
            row.insertWidget(1, self.count)

    def open_bar(self, text: str = "") -> None:
        """Show the bar with the field focused (prefilled with ``text`` if given), its words
        searched: closing the bar forgot the matches, and words already in the field (left
        there, or the selected match put back) would not be searched again by themselves."""
        if text and text != self.field.text():
            self.field.setText(text)  # searched as it changes
        else:
            self.searched.emit(self.field.text())
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and clear the highlights."""
        self.hide()
        self.closed.emit()

    def show_count(self, current: int, total: int, *, counted: bool = False) -> None:
        """Show "3 of 12", or "No matches" (in red, as a browser's find bar says it: a
        grey "No matches" beside the words typed went unseen); a ``total`` not ``counted``
        whole stops at :data:`MAX_MATCHES` ("5000+")."""
        if not self.field.text():
            self.count.setText("")
        elif total == 0:
            self.count.setText("No matches")
        else:
            more = "+" if total >= MAX_MATCHES and not counted else ""
            self.count.setText(f"{current + 1} of {total}{more}")
        missed = bool(self.field.text()) and total == 0
        self.count.setStyleSheet(
            f"color: {'#FF8A80' if is_dark() else '#B3261E'};" if missed else ""
        )
        # Heard with the field, where the keyboard is: the count beside it is a label.
        self.field.setAccessibleDescription(self.count.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.stepped.emit(-1 if shift else 1)
        elif event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)


def _button(parent: QWidget, text: str, tip: str) -> QToolButton:
    button = QToolButton(parent)
    button.setText(text)
    button.setToolTip(tip)
    # Heard as what it does, not as its arrow or cross ("upwards arrow").
    button.setAccessibleName(tip.split(" (")[0])
    button.setAutoRaise(True)
    return button
