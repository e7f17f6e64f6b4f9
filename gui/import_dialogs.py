"""The file dialogs of an import: choosing files, a folder or a newer version of an article
(each opens where the last one was chosen, kept in the settings). Its progress is shown by
:mod:`diptych.gui.import_progress`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePath

from PySide6.QtWidgets import QFileDialog, QWidget

from diptych.gui.settings import Settings, folder_or_documents, is_file

# storage.importing.FORMATS and EXCHANGE_SUFFIXES, written out: that module is not
# loaded until an import starts (tests/test_importer_filters.py keeps them in step).
ARTICLE_PATTERNS = "*.txt *.text *.md *.markdown *.html *.htm *.xhtml"
EXCHANGE_PATTERNS = "*.qdpx *.qdc"
FILE_FILTER = f"Articles and REFI-QDA files ({ARTICLE_PATTERNS} {EXCHANGE_PATTERNS});;All files (*)"
ARTICLE_FILTER = (  # a newer version of an article is an article, never a REFI-QDA file
    f"Articles ({ARTICLE_PATTERNS});;All files (*)"
)


class ImportFileDialogs:
    """The file dialogs of File > Import, File > Import folder… and Update from newer file…

    All three open in one folder, the one the last choice was made in: articles are
    downloaded to one place, and their newer versions land beside them. After a folder is
    imported they open in the folder it was chosen in, not in it: the next folder is most
    often its neighbour (Week 2 after Week 1), and inside it are only files already
    imported. The folder is kept in the settings, so that it outlasts the window (another
    project opened, a backup restored) and Diptych itself; the first dialog, and one whose
    folder has gone since, opens in Documents, never in the folder Diptych happened to be
    started from. Update from newer file… selects the article's own file in that folder,
    when it is there.

    Args:
        window: parent of the dialogs.
        settings: where the folder is kept; without it, it is kept for these dialogs only.
    """

    def __init__(self, window: QWidget, settings: Settings | None = None) -> None:
        self.window = window
        self.settings = settings
        self._folder: Path | None = None  # where the last choice was made, without settings
        self._places: dict[str, Path] = {}  # where files were read from, without settings

    @property
    def folder(self) -> str:
        """The folder the next dialog opens in."""
        last = self.settings.import_folder() if self.settings is not None else self._folder
        return str(folder_or_documents(last))

    def _chosen_in(self, folder: Path) -> None:
        """Open the next dialog in ``folder``."""
        self._folder = folder
        if self.settings is not None:
            self.settings.set_import_folder(folder)

    def note_places(self, places: Mapping[str, Path]) -> None:
        """Remember the folders article files were read from (see :meth:`_file_in_folder`)."""
        if self.settings is not None:
            self.settings.note_file_places(places)
        else:
            self._places.update(places)

    def _file_in_folder(self, file_name: str) -> str:
        """The file ``file_name`` where it was last imported or updated from, if it is
        still there, else in the folder the next dialog opens in, if it is there (a dialog
        given a file opens in its folder with it selected), else that folder. The project
        records the name of an article's file, not its folder; a source brought in from a
        REFI-QDA file bears a name that is no file's ("Interview 1", "Week 2/Notes"),
        looked for only if it could be one."""
        folder = self.folder
        if not file_name or PurePath(file_name).name != file_name:
            return folder
        places = self.settings.file_places() if self.settings is not None else self._places
        for place in (places.get(file_name), Path(folder)):
            if place is not None and is_file(place / file_name):
                return str(place / file_name)
        return folder

    def article_files(self) -> list[Path]:
        """Ask for article and REFI-QDA files to import ([] if none was chosen)."""
        from diptych.gui.file_dialog_icons import names_only  # with the dialog

        with names_only():
            names, _ = QFileDialog.getOpenFileNames(
                self.window, "Import articles", self.folder, FILE_FILTER
            )
        if names:
            self._chosen_in(Path(names[0]).parent)
        return [Path(n) for n in names]

    def folder_to_import(self) -> Path | None:
        """Ask for a folder to import (None if none was chosen)."""
        from diptych.gui.file_dialog_icons import names_only  # with the dialog

        with names_only():
            name = QFileDialog.getExistingDirectory(self.window, "Import a folder", self.folder)
        if not name:
            return None
        self._chosen_in(Path(name).parent)
        return Path(name)

    def newer_version(self, title: str = "", file_name: str = "") -> Path | None:
        """Ask for the file of a newer version of the article ``title`` (None if none was
        chosen); the dialog's title names the article, which the dialog hides. The
        article's own file (``file_name``, the name it was imported or last updated from)
        is selected when it is in the folder the dialog opens in: a newer version is most
        often saved over it, and Open then takes it at once."""
        caption = f"Newer version of “{title}”" if title else "Newer version of the article"
        start = self._file_in_folder(file_name)
        from diptych.gui.file_dialog_icons import names_only  # with the dialog

        with names_only():
            name, _ = QFileDialog.getOpenFileName(self.window, caption, start, ARTICLE_FILTER)
        if not name:
            return None
        self._chosen_in(Path(name).parent)
        self.note_places({Path(name).name: Path(name).parent})
        return Path(name)
