"""The progress of a window's imports and updates from a newer file, one box at a time.

They run one after another (:data:`~diptych.gui.importer.IMPORT_LINE`). Only the one under
way has a progress box; one that waits for it has none until its turn comes: the box under
way names it ("Next, once this one ends: the folder Week 2"), and the status bar holds it
with a Cancel of its own, so that the user is never left with two boxes, one over the other,
each with a Cancel that reads the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressDialog,
    QStatusBar,
    QToolButton,
    QWidget,
)
from shiboken6 import isValid

from diptych.gui.import_messages import waiting_what
from diptych.gui.workers import Worker


def progress_label(files: Sequence[Path], verb: str) -> str:
    """What an import of ``files`` is doing, as its progress box says it."""
    if len(files) > 1:
        return f"{verb} {len(files)} files…"
    if files[0].is_dir():  # "Reading Downloads…" would read as a file's name
        return f"{verb} the files in the folder {files[0].name}…"
    return f"{verb} {files[0].name}…"


class ProgressBox:
    """The progress dialog of the import under way: what it does, and, under that, what
    waits for it (:meth:`note`)."""

    def __init__(self, files: Sequence[Path], verb: str, window: QWidget, title: str) -> None:
        self.text = progress_label(files, verb)
        self._note = ""
        self.dialog = QProgressDialog(self.text, "Cancel", 0, len(files), window)
        self.dialog.setWindowTitle(title)

    def say(self, text: str) -> None:
        """Say ``text`` of the import under way (the note on what waits stays under it)."""
        self.text = text
        self._show_text()

    def note(self, text: str) -> None:
        """Say ``text`` under what the import does ("" for nothing)."""
        dialog = self.dialog
        if text == self._note or not isValid(dialog):
            return
        self._note = text
        centre = dialog.geometry().center()
        label = dialog.findChild(QLabel)
        if label is not None:  # a long name (an article's title) wraps, in a box wide
            label.setWordWrap(bool(text))  # enough for a few lines, not a word a line
        dialog.setMinimumWidth(dialog.fontMetrics().averageCharWidth() * 60 if text else 0)
        self._show_text()
        if not text:  # not left as tall and wide as it was with the note
            dialog.resize(dialog.sizeHint())
        if dialog.isVisible():  # where it was, not grown or shrunk to one side
            geometry = dialog.geometry()
            geometry.moveCenter(centre)
            dialog.move(geometry.topLeft())

    def _show_text(self) -> None:
        if isValid(self.dialog):
            said = f"{self.text}\n\n{self._note}" if self._note else self.text
            self.dialog.setLabelText(said)


def _follow(worker: Worker, box: ProgressBox, busy_bar: bool, count: int) -> None:
    """Keep ``box`` showing how far ``worker``'s import has come, from now on."""
    dialog = box.dialog
    dialog.setRange(0, 0 if busy_bar else count)  # one file has no steps, a folder no count yet

    # An import goes on being told once its window has given way to another project (see
    # ImportController.import_exchange), when this dialog may be gone with the window.
    def advance(done: int, total: int) -> None:
        if total <= 1 or not isValid(dialog):  # the files not counted yet (a folder's)
            return
        if done < total:
            dialog.setRange(0, total)
            dialog.setValue(done)
        elif dialog.maximum():  # every file read: the articles and their index written,
            # which takes a while for long ones; the bar stood at 99% meanwhile
            box.say(f"Saving the articles read into the project ({total} files)…")
            dialog.setRange(0, 0)

    worker.signals.progressed.connect(advance)
    dialog.setValue(0)  # at its minimum, the dialog times its appearance from now...
    dialog.setMinimumDuration(500)  # ...and shows after half a second, not four
    dialog.canceled.connect(worker.cancel)


class WaitingInBar(QWidget):
    """What waits in the status bar: its name and a Cancel that takes it back.

    Args:
        what: what waits, as the window names it ("the folder Week 2").
        worker: its worker.
        bar: the window's status bar.
        place: its place among the bar's lasting widgets (after what waits before it).
    """

    def __init__(self, what: str, worker: Worker, bar: QStatusBar, place: int) -> None:
        super().__init__(bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(f"Waiting: {what}", self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.cancel = QToolButton(self)
        self.cancel.setText("Cancel")
        self.cancel.setToolTip(f"Cancel {what}, which waits; the import under way goes on")
        self.cancel.setAccessibleName(f"Cancel {what}")
        self.cancel.clicked.connect(worker.cancel)
        layout.addWidget(self.label)
        layout.addWidget(self.cancel)
        # As tall as the status bar's other widgets (the coder's name): the window's
        # panels and panes do not move up and down as it comes and goes.
        beside = [w.height() for w in bar.findChildren(QLabel) if w.parent() is bar]
        self.setMaximumHeight(max(beside, default=bar.fontMetrics().height() + 4))
        bar.insertPermanentWidget(place, self)


class ImportProgress(QObject):
    """The progress of a window's imports, in turn: one box, for the import under way.

    Args:
        window: parent of the boxes; its status bar (a main window's) holds what waits.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self._box: ProgressBox | None = None  # the import under way's, until it ends
        self._waiting: dict[Worker, str] = {}  # what waits, by its worker, in turn
        self._in_bar: dict[Worker, WaitingInBar] = {}

    def show(
        self,
        worker: Worker,
        files: Sequence[Path],
        verb: str,
        *,
        title: str = "Import",
        what: str = "",
    ) -> None:
        """A progress box for the import of ``files`` (or an update: its ``title`` says
        which), shown only if it takes more than a moment, closed when it ends however it
        ends (a bug included: the workers report that). One that waits for the import
        under way has none until its turn comes: it is named (``what``, else by its files)
        in the box under way and in the status bar, with its own Cancel."""
        busy_bar = len(files) == 1 or any(path.is_dir() for path in files)
        boxes: list[ProgressBox] = []

        def begin() -> None:
            self._waiting.pop(worker, None)
            self._out_of_bar(worker)
            box = ProgressBox(files, verb, self.window, title)
            boxes.append(box)
            self._box = box
            _follow(worker, box, busy_bar, len(files))
            self._note_waiting()

        def close(*_args: object) -> None:
            self._waiting.pop(worker, None)
            self._out_of_bar(worker)
            for box in boxes:
                if self._box is box:
                    self._box = None
                if isValid(box.dialog):
                    box.dialog.reset()
                    box.dialog.deleteLater()
            self._note_waiting()

        if worker.waiting:
            self._waiting[worker] = what or waiting_what(files)
            worker.signals.started.connect(begin)
            self._into_bar(worker)
            self._note_waiting()
        else:
            begin()
        # Connected now: the box closes before what the import asks or says as it ends.
        signals = worker.signals
        for signal in (signals.finished, signals.failed, signals.cancelled, signals.crashed):
            signal.connect(close)

    @property
    def shown(self) -> QProgressDialog | None:
        """The box of the import under way (shown once it takes more than a moment)."""
        return self._box.dialog if self._box is not None else None

    def _note_waiting(self) -> None:
        """Say in the box under way what waits for it."""
        if self._box is None:
            return
        waiting = list(self._waiting.values())
        if not waiting:
            self._box.note("")
            return
        cancel = "Each has a Cancel" if len(waiting) > 1 else "Its Cancel is"
        self._box.note(
            f"Next, once this one ends: {', then '.join(waiting)}.\n{cancel} in the status bar."
        )

    def _into_bar(self, worker: Worker) -> None:
        bar = self.window.statusBar() if isinstance(self.window, QMainWindow) else None
        if bar is not None:
            place = len(self._in_bar)
            self._in_bar[worker] = WaitingInBar(self._waiting[worker], worker, bar, place)

    def _out_of_bar(self, worker: Worker) -> None:
        item = self._in_bar.pop(worker, None)
        if item is not None and isValid(item):
            bar = item.parentWidget()
            if isinstance(bar, QStatusBar):  # the next one waiting takes its place
                bar.removeWidget(item)
            item.deleteLater()
