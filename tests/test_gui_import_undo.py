"""Importing articles among other changes, then undo and redo from the Edit menu.

Files imported (File > Import articles…) are one step, named in Edit > Undo: undo takes the
articles out (and closes the pane the import opened), redo brings them back with the same
ids, and the step recorded before the import still undoes as it should. A REFI-QDA
project imported is not a step (a backup is taken before it instead): Edit > Undo still
names the step before it, and undoing that step takes back only that step; a tag that step
created, which the import put on a passage of its own, is kept (and a box says why).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import keyboard_in, select_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot
from test_gui_undo_sweep import check_window

from diptych.gui.main_window import MainWindow
from diptych.storage.exporting import collect
from diptych.storage.refiqda_export import export_qdpx

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
QUOTE = "renewed diplomatic engagement"  # untagged text of the second sample article


def tag_with_the_first_key(qtbot: QtBot, window: MainWindow) -> int:
    """Select QUOTE in the second pane and press 1; the passage made."""
    pane = keyboard_in(qtbot, window, 1)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_1)
    passage = pane.selected_passage
    assert passage
    return passage


def library_ids(window: MainWindow) -> list[int]:
    model = window.library.model
    return [model.summary(row).id for row in range(model.rowCount())]


def file_ids(window: MainWindow) -> list[int]:
    return [a.id for a in window.session.project.articles.all()]


def press(qtbot: QtBot, modifiers: Qt.KeyboardModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, modifiers)


def test_files_imported_after_a_tagging_undo_and_redo_in_order(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.resize(1600, 900)
    session, stack = window.session, window.session.undo_stack
    passage = tag_with_the_first_key(qtbot, window)
    tagged = session.passage(passage)
    files = []
    for name in ("talks.md", "minutes.txt"):
        path = tmp_path / name
        path.write_text(f"# {name}\n\nDay one of the talks.\n", encoding="utf-8")
        files.append(str(path))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *_a: (files, "")))
    before = file_ids(window)
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.actions_.import_articles.trigger()
    new = imported.args[0]
    assert len(new) == 2 and file_ids(window) == before + new
    assert window.actions_.undo.text() == "&Undo Import 2 articles"
    qtbot.waitUntil(lambda: window.area.pane_for(new[0]) is not None)
    assert library_ids(window) == file_ids(window)
    titles = [a.title for a in session.articles() if a.id in new]

    pane = keyboard_in(qtbot, window, 0)
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    assert file_ids(window) == before and library_ids(window) == before
    assert all(window.area.pane_for(i) is None for i in new)
    assert window.actions_.undo.text().startswith("&Undo Tag")
    assert window.actions_.redo.text() == "&Redo Import 2 articles"
    check_window(qtbot, window)

    press(qtbot, CONTROL)  # the tagging, as it was before the import
    assert passage not in {p.id for p in session.project.annotations.query()}
    assert not stack.canUndo()
    check_window(qtbot, window)

    press(qtbot, CONTROL | SHIFT)
    assert session.passage(passage).tag_ids == tagged.tag_ids
    press(qtbot, CONTROL | SHIFT)
    assert file_ids(window) == before + new and library_ids(window) == before + new
    assert [a.title for a in session.articles() if a.id in new] == titles
    print("PANES", [p.article_id for p in window.area.panes()])
    assert window.actions_.undo.text() == "&Undo Import 2 articles"
    check_window(qtbot, window)


def test_a_refiqda_import_is_no_step_and_leaves_the_step_before_it_to_undo(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, stack = window.session, window.session.undo_stack
    exported = tmp_path / "copy.qdpx"
    exported.write_bytes(export_qdpx(collect(session.project), None))
    passage = tag_with_the_first_key(qtbot, window)
    undo_text = window.actions_.undo.text()
    assert undo_text.startswith("&Undo Tag")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *_a: ([str(exported)], ""))
    )
    said: list[str] = []
    session.messages.posted.connect(lambda _level, _title, text: said.append(text))
    window.actions_.import_articles.trigger()
    qtbot.waitUntil(lambda: any("copy.qdpx" in text for text in said), timeout=20_000)
    for box in QApplication.topLevelWidgets():
        if box is not window and box.isVisible():
            box.close()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert stack.count() == 1 and stack.index() == 1
    assert window.actions_.undo.text() == undo_text
    after_import = {p.id for p in session.project.annotations.query()}

    pane = keyboard_in(qtbot, window, 1)
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    assert {p.id for p in session.project.annotations.query()} == after_import - {passage}
    check_window(qtbot, window)
    press(qtbot, CONTROL | SHIFT)
    assert passage in {p.id for p in session.project.annotations.query()}
    check_window(qtbot, window)


def test_a_refiqda_import_that_put_a_new_tag_on_more_passages_is_undone_before_the_tag(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    from lxml import etree

    session = window.session
    pane = keyboard_in(qtbot, window, 1)
    select_text(pane, QUOTE)
    qtbot.keyClick(pane.view, Qt.Key.Key_T, CONTROL)
    palette = window.coding.palette
    qtbot.waitUntil(palette.isVisible)
    qtbot.keyClicks(palette.field, "Zeta")
    qtbot.keyClick(palette.field, Qt.Key.Key_Return)
    zeta = next(t for t in session.ordered_tags() if t.name == "Zeta")
    step = window.actions_.undo.text()
    # A colleague's copy of the project, with Zeta on one passage more.
    colleague = tmp_path / "colleague.qdpx"
    colleague.write_bytes(export_qdpx(collect(session.project), None))
    with zipfile.ZipFile(colleague) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    q = "{urn:QDA-XML:project:1.0}"
    root = etree.fromstring(members["project.qde"])
    article = session.project.articles.get(article_id=1)
    source = root.find(f".//{q}TextSource[@guid='{article.uuid}']")
    selection = etree.SubElement(
        source,
        f"{q}PlainTextSelection",
        guid="0f8fad5b-d9cb-469f-a165-70867728950e",
        startPosition="0",
        endPosition="5",
    )
    coding = etree.SubElement(selection, f"{q}Coding", guid="7c9e6679-7425-40de-944b-e07fc1f90ae7")
    etree.SubElement(coding, f"{q}CodeRef", targetGUID=zeta.uuid)
    members["project.qde"] = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    with zipfile.ZipFile(colleague, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *_a: ([str(colleague)], ""))
    )
    said: list[str] = []
    session.messages.posted.connect(lambda _level, _title, text: said.append(text))
    window.actions_.import_articles.trigger()
    qtbot.waitUntil(lambda: any("colleague.qdpx" in text for text in said), timeout=20_000)
    for box in QApplication.topLevelWidgets():
        if box is not window and box.isVisible():
            box.close()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    theirs = [p for p in session.project.annotations.query(article_id=1) if zeta.id in p.tag_ids]
    assert len(theirs) == 1
    assert window.actions_.undo.text() == "&Undo Import “colleague.qdpx”"

    pane = keyboard_in(qtbot, window, 1)
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)  # the import goes, the tagging stays
    assert [p.exact for p in session.project.annotations.query() if zeta.id in p.tag_ids] == [QUOTE]
    assert window.actions_.undo.text() == step
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)  # then the tagging, and the new tag
    assert zeta.id not in window.session.codebook()
    check_window(qtbot, window)
    pane = keyboard_in(qtbot, window, 1)
    for _ in range(2):
        qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL | SHIFT)
    tagged = [p.exact for p in session.project.annotations.query() if zeta.id in p.tag_ids]
    assert sorted(tagged) == sorted([theirs[0].exact, QUOTE])
    check_window(qtbot, window)
