"""The dialogs an import shows: choosing files, a folder or a newer version of an article
(each opens where the last one was chosen, kept in the settings), and the progress of the
reading."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath

from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget
from shiboken6 import isValid

from diptych.gui.settings import Settings, folder_or_documents, is_file
from diptych.gui.workers import Worker

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


WAITING = "Waiting for the import under way to end"


def progress_label(files: Sequence[Path], verb: str) -> str:
    """What an import of ``files`` is doing, as its progress dialog says it."""
    if len(files) > 1:
        return f"{verb} {len(files)} files…"
    if files[0].is_dir():  # "Reading Downloads…" would read as a file's name
        return f"{verb} the files in the folder {files[0].name}…"
    return f"{verb} {files[0].name}…"


def show_progress(
    worker: Worker, files: Sequence[Path], verb: str, window: QWidget, *, title: str = "Import"
) -> None:
    """A progress dialog for one import (or update: its ``title`` says which), shown only
    if it takes more than a moment (one long web page can take a while), closed when the
    import ends however it ends (a bug included: the workers report that). One that waits
    for the import under way says so until its turn comes; Cancel then takes it back."""
    label = progress_label(files, verb)
    progress = QProgressDialog(label, "Cancel", 0, len(files), window)
    progress.setWindowTitle(title)
    busy_bar = len(files) == 1 or any(path.is_dir() for path in files)

    def begin() -> None:
        if isValid(progress):
            progress.setLabelText(label)
            # a busy bar: one file has no steps, a folder no count yet
            progress.setRange(0, 0 if busy_bar else len(files))

    if worker.waiting:
        progress.setLabelText(f"{WAITING}, then {label[0].lower()}{label[1:]}")
        progress.setRange(0, 0)
        worker.signals.started.connect(begin)
    else:
        begin()

    # An import goes on being told once its window has given way to another project (see
    # ImportController.import_exchange), when this dialog may be gone with the window.
    def advance(done: int, total: int) -> None:
        if total <= 1 or not isValid(progress):  # the files not counted yet (a folder's)
            return
        if done < total:
            progress.setRange(0, total)
            progress.setValue(done)
        elif progress.maximum():  # every file read: the articles and their index written,
            # which takes a while for long ones; the bar stood at 99% meanwhile
            progress.setLabelText(f"Saving the articles read into the project ({total} files)…")
            progress.setRange(0, 0)

    worker.signals.progressed.connect(advance)
    progress.setValue(0)  # at its minimum, the dialog times its appearance from now...
    progress.setMinimumDuration(500)  # ...and shows after half a second, not four
    progress.canceled.connect(worker.cancel)

    def close(*_args: object) -> None:
        if isValid(progress):
            progress.reset()
            progress.deleteLater()

    signals = worker.signals
    for signal in (signals.finished, signals.failed, signals.cancelled, signals.crashed):
        signal.connect(close)
