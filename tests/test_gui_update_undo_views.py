"""Update from newer file… of an article open in two panes, some of its passages moved and
one orphaned, chosen from the Library's menu as a user does; then Ctrl+Z, Ctrl+Shift+Z and
Ctrl+Z again. After every step the article's text and its passages' places in the file,
both panes (their text, marks and colours), the Passages list and its orphans, and the
Codebook's counts agree.

The file dialog is answered by replacing ``QFileDialog.getOpenFileName``: the real one is
modal and waits for a click that never comes offscreen. The update's warning (a passage
orphaned) is a window-modal box: until it is answered the window takes no Ctrl+Z, so a
test that pressed Ctrl+Z until the article was back never ended. It is answered with Enter,
as a user does. The reading runs in a worker; the step is waited for with ``reimported``,
never a sleep.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import keyboard_in, menu_item
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot
from test_gui_undo_sweep import check_window, read_file, twice  # noqa: F401  (a fixture)

from diptych.gui.main_window import MainWindow
from diptych.storage.sample import SAMPLE_FILES, sample_bytes

CONTROL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ADDED = "An editor's note added at the top of the article."
GONE = "- Security cooperation"


def check_article(qtbot: QtBot, window: MainWindow, article_id: int) -> None:
    """The panes show the article's text in the file, the passages sit on their quotes,
    the orphans are listed apart, and every view agrees with the file."""
    text = window.session.project.articles.get(article_id=article_id).text
    _codebook, passages, _memo = read_file(window)
    mine = [p for p in passages if p.article_id == article_id]
    for passage in mine:
        if not passage.is_orphan:
            assert text[passage.start : passage.end] == passage.exact
    panes = [p for p in window.area.panes() if p.article_id == article_id]
    assert len(panes) == 2
    for pane in panes:
        qtbot.waitUntil(lambda pane=pane: not pane.is_loading, timeout=10_000)
        shown = pane.view.document().toPlainText()
        assert shown.startswith(text[:60])
        for passage in mine:
            if not passage.is_orphan:
                start = pane.view.positions.to_rendered(passage.start)
                end = pane.view.positions.to_rendered(passage.end)
                assert " ".join(shown[start:end].split()) == " ".join(passage.exact.split())
    listed = window.passages.model
    qtbot.waitUntil(lambda: not listed.reading)
    orphans = sum(1 for p in passages if p.is_orphan)
    assert listed.orphan_count() == orphans
    check_window(qtbot, window)


@pytest.mark.usefixtures("twice")
def test_an_update_undone_redone_and_undone_again_keeps_both_panes_and_lists_true(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = window.session
    old_text = session.project.articles.get(article_id=2).text
    assert GONE[2:] in old_text
    before = {p.id: p for p in session.project.annotations.query(article_id=2)}
    lines = sample_bytes(SAMPLE_FILES[1]).decode("utf-8").splitlines()
    newer = tmp_path / SAMPLE_FILES[1]
    newer.write_text("\n".join([ADDED] + [ln for ln in lines if not ln.startswith(GONE)]), "utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(newer), ""))
    )
    check_article(qtbot, window, 2)

    library = window.library
    library.select_article(2)
    library.view.setFocus()
    qtbot.keyClick(library.view, Qt.Key.Key_F10, SHIFT)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    update = menu_item(menu, "Update from newer file…")
    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        update.trigger()
        menu.close()

    updated = {p.id: p for p in session.project.annotations.query(article_id=2)}
    assert updated.keys() == before.keys()
    assert [p.exact[:20] for p in updated.values() if p.is_orphan] == ["Security cooperation"]
    assert any(updated[i].start != before[i].start for i in before if not updated[i].is_orphan)
    assert session.project.articles.get(article_id=2).text.startswith(ADDED)
    check_article(qtbot, window, 2)
    assert (
        window.actions_.undo.text()
        == "&Undo Update article “Xi’s South Korea Visit Marks Turning Poi…” from newer file"
    )

    # The update orphaned a passage: a box says so, and holds the keys until it is read.
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and "1 orphaned" in box.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    pane = keyboard_in(qtbot, window, 1)
    qtbot.keyClick(pane.view, Qt.Key.Key_Z, CONTROL)
    assert session.project.articles.get(article_id=2).text == old_text
    assert {p.id: p for p in session.project.annotations.query(article_id=2)} == before
    check_article(qtbot, window, 2)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CONTROL | SHIFT)
    again = {p.id: p for p in session.project.annotations.query(article_id=2)}
    assert {i: (p.start, p.end, p.is_orphan) for i, p in again.items()} == {
        i: (p.start, p.end, p.is_orphan) for i, p in updated.items()
    }
    check_article(qtbot, window, 2)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CONTROL)
    assert session.project.articles.get(article_id=2).text == old_text
    assert {p.id: p for p in session.project.annotations.query(article_id=2)} == before
    check_article(qtbot, window, 2)
    assert not session.undo_stack.canUndo()


def test_ctrl_z_in_the_updates_box_undoes_the_update_as_it_says(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    session = window.session
    old_text = session.project.articles.get(article_id=2).text
    lines = sample_bytes(SAMPLE_FILES[1]).decode("utf-8").splitlines()
    newer = tmp_path / SAMPLE_FILES[1]
    newer.write_text("\n".join(ln for ln in lines if not ln.startswith(GONE)), "utf-8")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.importer.reimport(2, newer)
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox) and box.text().endswith("Ctrl+Z undoes the update.")
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)

    qtbot.keyClick(box, Qt.Key.Key_Z, CONTROL)  # as the box says, while it is open

    assert session.project.articles.get(article_id=2).text == old_text
    qtbot.waitUntil(lambda: not box.isVisible())
    assert (
        window.actions_.redo.text()
        == "&Redo Update article “Xi’s South Korea Visit Marks Turning Poi…” from newer file"
    )
