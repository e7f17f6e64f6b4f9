"""The export dialog's format and its Save to field, kept in step: choosing a format gives
the file name its suffix, and a file name typed or browsed with another format's suffix
(``notes.csv``) chooses that format. A bare name, or a folder, typed is saved in the
folder the dialog showed last."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QLineEdit, QPushButton, QWidget

from diptych.gui.export_destination import export_file_name, free_path, has_file_type
from diptych.gui.session import ProjectSession
from diptych.gui.settings import is_folder
from diptych.storage.exporting import FORMATS, format_of


class ExportSaveTo(QDialog):
    """The format list, and the Save to field with its Browse… button, which
    :class:`~diptych.gui.export_form.ExportForm` lays out with the rest of the form.

    Args:
        session: the open project, whose name is the file name offered.
        folder: where a bare file name is saved until another folder is shown.
        parent: the owning widget.
    """

    def __init__(self, session: ProjectSession, folder: Path, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.session = session
        self._confirmed: Path | None = None  # a path the user agreed to replace
        self._following_name = False  # the format is changing to match the file name
        self._folder = folder
        self._suggested: str | None = None  # the file name last suggested, if any
        self.format = QComboBox(self)
        for key, fmt in FORMATS.items():
            self.format.addItem(f"{fmt.label} ({fmt.suffix})", key)
        self.output = QLineEdit(self)
        self.browse = QPushButton("&Browse…", self)
        self.output.textChanged.connect(self.on_output_text_changed)
        self.browse.clicked.connect(self.on_browse_clicked)
        self.output.installEventFilter(self)  # see eventFilter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Alt and a letter no field or button takes types nothing into Save to: Qt
        typed the letter there, Alt+E with Export greyed making ``notes.md`` ``notes.mde``.
        (On macOS, Option and a letter types a character of its own: it is kept; so is
        AltGr and a letter, which Windows reports as Ctrl+Alt.)"""
        if (
            watched is self.output
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and sys.platform != "darwin"
        ):
            modifiers = event.modifiers()
            alt_alone = modifiers & Qt.KeyboardModifier.AltModifier and not (
                modifiers & Qt.KeyboardModifier.ControlModifier
            )
            if alt_alone and event.text().isprintable() and event.text():
                return True  # a shortcut of nothing: dropped
        return super().eventFilter(watched, event)

    def fmt(self) -> str:
        """The chosen format's key."""
        return str(self.format.currentData())

    def suggest_name(self) -> None:
        """Give the file name the chosen format's suffix, or offer the project's name with
        it; a folder typed is kept as it is, and so is a name the format follows."""
        if self._following_name:
            return
        suffix = FORMATS[self.fmt()].suffix
        current = self.output.text().strip()
        if current and self._names_folder(current):
            return  # a folder typed: the file goes in it, whatever its format
        if current and current != self._suggested:
            path = Path(current)
            if has_file_type(path):  # a file type (.md, .txt): replaced
                path = path.with_suffix("")
            # A dot of the name's own ("Report 2024.03", "U.S. policy") stays.
            self.output.setText(str(path.with_name(path.name.rstrip(".") + suffix)))
        else:
            # The name suggested for the previous format is suggested afresh: "Sample
            # project (2).md" beside an earlier Markdown export is "Sample project.html".
            name = export_file_name(self.session.project.info().name)
            self._suggested = str(free_path(self._folder, name, suffix))
            self.output.setText(self._suggested)

    def on_output_text_changed(self, text: str) -> None:
        """A file name ending in another format's suffix (``notes.csv``) chooses that format.

        The folder of a whole path is kept for a bare name typed next.
        """
        path = Path(text.strip()).expanduser()
        if path.is_absolute():
            self._folder = path.parent
        key = format_of(text)
        if key is None or key == self.fmt():
            return
        self._following_name = True
        try:
            self.format.setCurrentIndex(self.format.findData(key))
        finally:
            self._following_name = False

    def on_browse_clicked(self) -> None:
        """Choose where to save. A name chosen without a file type gets the format's, as a
        typed one does; a file type of the user's own (``notes.txt``) is kept."""
        fmt = FORMATS[self.fmt()]
        kinds = f"{fmt.label} (*{fmt.suffix})"
        # Where Export would save: a bare name typed, or none, opens in the dialog's folder,
        # not in the folder the program was started from.
        start = str(self.destination()) if self.output.text().strip() else str(self._folder)
        from diptych.gui.file_dialog_icons import names_only  # with the dialog

        with names_only():
            name, _ = QFileDialog.getSaveFileName(self, "Export to", start, kinds)
        if not name:
            return
        chosen = name if has_file_type(Path(name)) else name + fmt.suffix
        self.output.setText(chosen)
        # The file dialog asked about replacing the file it named; a file the suffix
        # added names ("report" chosen, "report.html" there) is asked about on Export.
        self._confirmed = Path(chosen) if chosen == name else None

    def destination(self) -> Path:
        """The file to write: a bare name (``notes.md``) goes in the folder the dialog
        showed last, not wherever the program happened to be started from.

        A name typed without a file type (``notes``, ``Report 2024.03``, ``U.S. policy``)
        gets the format's, as a browsed one does: without it, no program would open the
        file with a double click. A file type of the user's own (``notes.txt``) is kept.
        A folder typed (``~/exports/``, or the name of one that exists, without a file
        type) gets the file, under the name offered, inside it.
        """
        typed = self.output.text().strip()
        path = self._folder / Path(typed).expanduser()
        if self._names_folder(typed):
            # A folder ("~/exports/"): the export goes in it, under the name offered,
            # never beside it as "exports.md".
            name = export_file_name(self.session.project.info().name)
            return free_path(path, name, FORMATS[self.fmt()].suffix)
        if has_file_type(path):
            return path
        return path.with_name(path.name.rstrip(".") + FORMATS[self.fmt()].suffix)  # "notes."

    def _names_folder(self, typed: str) -> bool:
        """True if ``typed`` is a folder to save in: it ends with a slash, or names a
        folder that exists and has no file type (a folder named like a file, "notes.csv",
        is refused as the file's place: taken for the file, not a folder to fill)."""
        path = self._folder / Path(typed).expanduser()
        return typed.endswith(("/", os.sep)) or (is_folder(path) and not has_file_type(path))
