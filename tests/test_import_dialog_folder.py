"""The import dialogs open in Documents first, then in the folder the last file was chosen
from, so that articles downloaded to one folder are imported in several goes without
finding it each time; and in a read-only project they do not open at all: the message
comes first."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.gui.paths import documents_folder
from diptych.storage.project import Project


def test_the_next_import_dialog_opens_where_the_last_file_was_chosen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    first, newer = downloads / "talks.md", downloads / "talks-v2.md"
    first.write_text("# Talks in Seoul\n\nDay one.\n", encoding="utf-8")
    newer.write_text("# Talks in Seoul\n\nDay one, revised.\n", encoding="utf-8")
    opened_in: list[str] = []

    def get_open_file_names(_parent, _caption, folder, _filter):  # type: ignore[no-untyped-def]
        opened_in.append(folder)
        return [str(first)], ""

    def get_open_file_name(_parent, _caption, folder, _filter):  # type: ignore[no-untyped-def]
        opened_in.append(folder)
        return str(newer), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(get_open_file_names))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open_file_name))
    button = next(b for b in window.library.findChildren(QPushButton) if b.text() == "Import…")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.importer.choose_newer_version(imported.args[0][0])
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):  # its text was updated
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    # The first dialog opens in Documents (or home), not wherever Diptych was started from;
    # the newer version's on the article's own file, in the folder it was imported from.
    assert opened_in == [str(documents_folder()), str(first), str(downloads)]
    assert opened_in[0] != str(Path.cwd())


def test_a_read_only_project_says_so_before_a_file_is_chosen_in_vain(
    qtbot: QtBot,
    context: AppContext,
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(qtbot, context, Project.open(sample, read_only=True))
    posted: list[tuple[int, str, str]] = []
    context.messages.posted.connect(lambda *args: posted.append(args))
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a: asked.append(a[1]) or ([], ""))
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a: asked.append(a[1]) or ("", ""))
    )
    button = next(b for b in window.library.findChildren(QPushButton) if b.text() == "Import…")
    assert not button.isEnabled() and "read-only project" in button.toolTip()
    window.library.importRequested.emit()  # as a menu item or key left enabled would
    window.importer.choose_newer_version(1)  # Update from newer file… in the Library's menu
    assert asked == []
    advice = (
        "Make the file writable and open it again, or save a copy (File > Save a copy…)"
        " and open that."
    )
    assert posted == [
        (2, "Import", f"{sample}: is open read-only, so nothing can be imported into it. {advice}"),
        (2, "Import", f"{sample}: is open read-only, so no article can be updated. {advice}"),
    ]


def test_the_newer_version_dialog_offers_article_files_not_refi_qda_projects(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fnmatch
    import re

    filters: list[str] = []

    def get_open_file_name(_parent, _caption, _folder, name_filter):  # type: ignore[no-untyped-def]
        filters.append(name_filter)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open_file_name))
    window.importer.choose_newer_version(1)
    first = re.search(r"\(([^)]*)\)", filters[0])  # the filter shown first
    assert first is not None
    patterns = first.group(1).split()
    offered = [
        name
        for name in ("talks.md", "talks.html", "talks.txt", "project.qdpx", "codes.qdc")
        if any(fnmatch.fnmatch(name, pattern) for pattern in patterns)
    ]
    assert offered == ["talks.md", "talks.html", "talks.txt"]
