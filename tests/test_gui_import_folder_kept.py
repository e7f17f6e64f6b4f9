"""File > Import, File > Import folder… and Update from newer file… open in the folder the last
choice was made in: in the same window, in the window of another project or of a restored
backup, and after Diptych is started again. A folder that has gone since leaves them opening
in Documents, without a word."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from gui_support import make_context, open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.launcher import Launcher
from diptych.gui.main_window import MainWindow
from diptych.gui.paths import documents_folder
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project


@dataclass
class FileDialogs:
    """The file dialogs, answered as the user would: ``files`` chosen in the files dialog,
    ``folder`` in the folder dialog, ``newer`` in the newer version's (nothing if None)."""

    files: list[Path] = field(default_factory=list)
    folder: Path | None = None
    newer: Path | None = None
    opened_in: list[Path] = field(default_factory=list)

    def open_file_names(self, _parent, _caption, folder, _filter):  # type: ignore[no-untyped-def]
        self.opened_in.append(Path(folder))
        return [str(f) for f in self.files], ""

    def existing_directory(self, _parent, _caption, folder):  # type: ignore[no-untyped-def]
        self.opened_in.append(Path(folder))
        return str(self.folder or "")

    def open_file_name(self, _parent, _caption, folder, _filter):  # type: ignore[no-untyped-def]
        self.opened_in.append(Path(folder))
        return str(self.newer or ""), ""


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> FileDialogs:
    fake = FileDialogs()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake.open_file_names))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(fake.existing_directory))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake.open_file_name))
    return fake


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    folder = tmp_path / "downloads"
    (folder / "Week 1").mkdir(parents=True)
    (folder / "talks.md").write_text("# Talks in Seoul\n\nDay one.\n", encoding="utf-8")
    (folder / "talks-v2.md").write_text("# Talks in Seoul\n\nDay one, revised.\n", encoding="utf-8")
    (folder / "Week 1" / "Day 1.md").write_text("# Day one\n\nArrived.\n", encoding="utf-8")
    return folder


def import_button(window: MainWindow) -> QPushButton:
    return next(b for b in window.library.findChildren(QPushButton) if b.text() == "Import…")


def import_talks(qtbot: QtBot, window: MainWindow, dialogs: FileDialogs, downloads: Path) -> int:
    """Import… in the Library, choosing talks.md in the downloads folder; the new article."""
    dialogs.files = [downloads / "talks.md"]
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        qtbot.mouseClick(import_button(window), Qt.MouseButton.LeftButton)
    dialogs.files = []
    return int(imported.args[0][0])


def next_import_opens_in(qtbot: QtBot, window: MainWindow, dialogs: FileDialogs) -> Path:
    """Where Import… opens (closed without a choice)."""
    qtbot.mouseClick(import_button(window), Qt.MouseButton.LeftButton)
    return dialogs.opened_in[-1]


def test_the_three_dialogs_share_the_folder_of_the_last_choice(
    qtbot: QtBot, window: MainWindow, dialogs: FileDialogs, downloads: Path
) -> None:
    article = import_talks(qtbot, window, dialogs, downloads)
    assert dialogs.opened_in == [documents_folder()]
    window.actions_.import_folder.trigger()  # closed without a choice
    window.importer.choose_newer_version(article)  # closed without a choice
    # Update from newer file… opens there too, on the article's own file
    assert dialogs.opened_in[1:] == [downloads, downloads / "talks.md"]

    dialogs.newer = downloads / "talks-v2.md"
    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.importer.choose_newer_version(article)
    dialogs.folder = downloads / "Week 1"
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.actions_.import_folder.trigger()
    # A folder imported leaves the dialogs where it was chosen, beside its neighbours.
    assert next_import_opens_in(qtbot, window, dialogs) == downloads


def test_the_folder_is_kept_after_a_restart(
    qtbot: QtBot,
    window: MainWindow,
    dialogs: FileDialogs,
    downloads: Path,
    tmp_path: Path,
    sample: Path,
) -> None:
    import_talks(qtbot, window, dialogs, downloads)
    window.close()
    started_again = make_context(tmp_path / "user")  # the same settings file, read afresh
    other = open_window(qtbot, started_again, Project.open(sample))
    assert next_import_opens_in(qtbot, other, dialogs) == downloads


def test_a_restored_backup_s_window_opens_in_the_last_folder(
    qtbot: QtBot, launched: MainWindow, dialogs: FileDialogs, downloads: Path
) -> None:
    launcher: Launcher = launched.launcher  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: launched.backups.last is not None, timeout=5000)
    backup = launched.backups.last
    assert backup is not None
    import_talks(qtbot, launched, dialogs, downloads)
    launcher.restore(launched, backup)
    restored = launcher.window
    assert restored is not None and restored is not launched
    qtbot.waitExposed(restored)
    assert next_import_opens_in(qtbot, restored, dialogs) == downloads


def test_another_project_s_window_opens_in_the_last_folder(
    qtbot: QtBot, launched: MainWindow, dialogs: FileDialogs, downloads: Path, tmp_path: Path
) -> None:
    launcher: Launcher = launched.launcher  # type: ignore[attr-defined]
    import_talks(qtbot, launched, dialogs, downloads)
    other_path = tmp_path / "other.diptych"
    create_sample_project(other_path).close()
    launcher.open_path(other_path)
    other = launcher.window
    assert other is not None and other is not launched
    qtbot.waitExposed(other)
    assert next_import_opens_in(qtbot, other, dialogs) == downloads


def test_a_folder_gone_since_opens_documents_without_a_word(
    qtbot: QtBot,
    window: MainWindow,
    context: AppContext,
    dialogs: FileDialogs,
    downloads: Path,
) -> None:
    import_talks(qtbot, window, dialogs, downloads)
    shutil.rmtree(downloads)
    posted: list[tuple[object, ...]] = []
    context.messages.posted.connect(lambda *args: posted.append(args))
    window.statusBar().clearMessage()
    assert next_import_opens_in(qtbot, window, dialogs) == documents_folder()
    window.actions_.import_folder.trigger()
    assert dialogs.opened_in[-1] == documents_folder()
    assert posted == [] and window.statusBar().currentMessage() == ""


def test_update_from_newer_file_opens_on_the_file_where_it_was_imported_from(
    qtbot: QtBot, window: MainWindow, dialogs: FileDialogs, downloads: Path, tmp_path: Path
) -> None:
    # talks.md imported from downloads; then a folder imported from elsewhere: the
    # dialogs' folder moves there, but the article's file is still looked for where it was.
    article = import_talks(qtbot, window, dialogs, downloads)
    elsewhere = tmp_path / "elsewhere" / "papers"
    elsewhere.mkdir(parents=True)
    (elsewhere / "paper.md").write_text("# A paper\n\nOn trade.\n", encoding="utf-8")
    dialogs.folder = elsewhere
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.actions_.import_folder.trigger()
    assert next_import_opens_in(qtbot, window, dialogs) == elsewhere.parent

    window.importer.choose_newer_version(article)  # closed without a choice
    assert dialogs.opened_in[-1] == downloads / "talks.md"
    # Also after a restart: the places are kept with the settings.
    window.close()
    other = open_window(
        qtbot, make_context(tmp_path / "user"), Project.open(window.session.project.path)
    )
    other.importer.choose_newer_version(article)
    assert dialogs.opened_in[-1] == downloads / "talks.md"
