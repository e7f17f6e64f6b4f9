"""The main window's end of the message bridge, and undo and redo: information in the status
bar, a warning or an error in a message box, a crash in the crash dialog; each undo or redo
step named in the Edit menu, and said done in the status bar or, when parts of it failed,
why in one box."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from diptych.gui import dialogs
from diptych.gui.box_undo_keys import give_undo_keys
from diptych.gui.context import AppContext
from diptych.gui.messages import Level
from diptych.gui.session import ProjectSession
from diptych.gui.status_bar import MessageBar
from diptych.gui.typing_guard import TypingGuard, typing_now
from diptych.gui.window_parts import WindowParts


def say_when_greyed(action: QAction, said: str, bar: MessageBar) -> None:
    """Say ``said`` when the keys of ``action`` are pressed while it is greyed (Undo with
    nothing to undo): they did nothing, and the message of the last step stayed as if they
    had undone another. A shortcut of the window's takes the keys only while the action is
    greyed, so that the two never share them."""
    window = bar.window()
    shortcuts = []
    for keys in action.shortcuts():
        shortcut = QShortcut(keys, window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda: bar.say(said))
        shortcuts.append(shortcut)

    def follow() -> None:
        for shortcut in shortcuts:
            shortcut.setEnabled(not action.isEnabled())

    action.changed.connect(follow)
    follow()


CRASH_AGAIN_S = 10.0  # the same unexpected error this soon after its box: not another box
RESTORED_ELSEWHERE = (
    "The project was restored from a backup in another window: it is now as that backup"
    " holds it. Work done here since that backup was taken is kept in the backup made just"
    " before the restore (listed as “before a restore”): File > Restore from backup… goes"
    " back to it."
)


class WindowMessages(WindowParts):
    """Messages shown, and undo and redo said."""

    def __init__(self, context: AppContext, session: ProjectSession) -> None:
        super().__init__(context, session)
        # The warnings and errors of an undo or redo under way, shown in one box after it.
        self._gathered: list[tuple[int, str, str]] | None = None
        for action, nothing in ((self.actions_.undo, "Nothing more to undo."),
                                (self.actions_.redo, "Nothing more to redo.")):  # fmt: skip
            say_when_greyed(action, nothing, self.message_bar)
        self._crash_box: QMessageBox | None = None  # the box of an unexpected error, if up
        self._crash_summary = ""  # ... and its error
        self._last_crash = ("", 0.0)  # the last unexpected error, and when it was said
        self._restore_stamp = context.settings.restore_stamp(session.project.path)
        session.externalChange.connect(self._say_if_restored_elsewhere)

    def _say_if_restored_elsewhere(self) -> None:
        """After a change to the file from elsewhere: if it was another window's restore
        from a backup, say so (this window's work since that backup seemed deleted)."""
        stamp = self.context.settings.restore_stamp(self.session.project.path)
        if stamp != self._restore_stamp:
            self._restore_stamp = stamp
            self.context.messages.warning(RESTORED_ELSEWHERE, "Restore from backup")

    def on_messages_posted(self, level: int, title: str, text: str) -> None:
        """Information goes to the status bar; warnings and errors to a message box."""
        if level == Level.INFO:
            self.message_bar.say(text)
            return
        if self._gathered is not None:
            self._gathered.append((level, title, text))
            return
        icon = QMessageBox.Icon.Critical if level == Level.ERROR else QMessageBox.Icon.Warning
        typing = typing_now()  # before the box takes the keyboard
        box = dialogs.show_message(self, icon, title, text)
        if typing:  # the keys typed on are not its answer
            TypingGuard(box)
        # "Ctrl+Z undoes the update": the keys work from the box too, and put it away.
        give_undo_keys(box, self.session.undo_stack, self.actions_.undo, self.actions_.redo)

    def on_messages_crashed(self, summary: str, details: str) -> None:
        """An unexpected error: say so, keep working (everything saved is saved). The same
        error again, while its box is up or a moment after it was closed, is said in the
        status bar: an error that comes back with every event was a box after each box."""
        now = time.monotonic()
        shown = self._crash_box is not None and isValid(self._crash_box)
        again = summary == self._last_crash[0] and now - self._last_crash[1] < CRASH_AGAIN_S
        self._last_crash = (summary, now)
        if (summary == self._crash_summary and shown) or again:
            self.message_bar.say(
                f"The same unexpected error again ({summary}); each time is written to"
                f" {self.context.paths.crash_log}."
            )
            return
        self._crash_box = dialogs.crash(self, summary, details, self.context.paths.crash_log)
        self._crash_summary = summary
        self._crash_box.finished.connect(lambda _result: self._crash_closed())

    def _crash_closed(self) -> None:
        self._crash_box = None
        self._last_crash = (self._crash_summary, time.monotonic())

    def save_typing(self) -> None:
        """Save the note and the memo being typed, as steps of their own, now: before an
        undo (which then takes back the latest step) or a step made in the background."""
        self.editor.save_note()
        self.memos.save()

    def on_importer_updating(self, _article_id: int) -> None:
        """An update from a newer file is about to be applied: what is being typed is
        saved first, else it would be saved after the update (as the update's box takes the
        focus, or as Ctrl+Z is pressed), and Ctrl+Z would take back the typing, not the
        update the window says it undoes."""
        self.save_typing()

    def on_undo_triggered(self) -> None:
        """Undo; a note being typed is saved first, so that undo takes back the latest step."""
        self.save_typing()
        if not self.session.undo_stack.canUndo():  # the typing saved was typed back
            self.message_bar.say("Nothing more to undo.")
            return
        self._step("Undone", self.session.undo_stack.undoText(), self.session.undo_stack.undo)

    def _step(self, done: str, text: str, step: Callable[[], None]) -> None:
        """Undo or redo, and say so in the status bar: the message of the step taken back
        ("Passage deleted — Ctrl+Z to undo") stayed there, saying the opposite. A message
        the step gives itself is left to be read. A step that failed is not said to be done:
        one box says why, however many of the step's parts refused."""
        stack = self.session.undo_stack
        index, said = stack.index(), self.message_bar.said
        self._gathered = []
        try:
            step()
        finally:
            problems, self._gathered = self._gathered, None
        if problems:
            texts = list(dict.fromkeys(text for _level, _title, text in problems))
            level = max(level for level, _title, _text in problems)
            self.on_messages_posted(level, problems[0][1], "\n\n".join(texts))
        elif stack.index() != index and self.message_bar.said == said:
            self.message_bar.say(f"{done}: {text}" if text else done)

    def on_redo_triggered(self) -> None:
        """Redo the last undone step."""
        self.save_typing()
        self._step("Redone", self.session.undo_stack.redoText(), self.session.undo_stack.redo)

    def on_undo_stack_undo_text_changed(self, text: str) -> None:
        """Name the step that Undo takes back ('&' in a name is shown, not a key letter)."""
        self.actions_.undo.setText(f"&Undo {text.replace('&', '&&')}".strip())

    def on_undo_stack_redo_text_changed(self, text: str) -> None:
        """Name the step that Redo does again ('&' in a name is shown, not a key letter)."""
        self.actions_.redo.setText(f"&Redo {text.replace('&', '&&')}".strip())
