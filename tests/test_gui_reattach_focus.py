"""Re-attaching an orphan from the Passage panel gives the keyboard back to the article's
text: the button it was on is put away, and Qt moved the keyboard to the remove button of
the passage's first tag, where Space took the tag off."""

from __future__ import annotations

from pathlib import Path

from gui_support import make_context, open_window, select_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from diptych.storage.project import Project
from diptych.storage.sample import SAMPLE_FILES, create_sample_project, sample_bytes


def test_space_after_reattaching_from_the_keyboard_leaves_the_tags_alone(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "s.diptych"
    create_sample_project(path).close()
    window = open_window(qtbot, make_context(tmp_path / "user"), Project.open(path))
    session = window.session
    article = session.project.articles.all()[1]
    lines = sample_bytes(SAMPLE_FILES[1]).decode("utf-8").splitlines()
    newer = tmp_path / SAMPLE_FILES[1]
    newer.write_text("\n".join(ln for ln in lines if not ln.startswith("- Security")), "utf-8")
    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.importer.reimport(article.id, newer)
    box = QApplication.activeModalWidget()  # the update's message, naming the orphan
    assert isinstance(box, QMessageBox) and box.windowTitle() == "Update article"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    orphan = next(p for p in session.project.annotations.query() if p.is_orphan)
    assert orphan.tag_ids
    pane = window.area.pane_for(article.id)
    assert pane is not None
    qtbot.waitUntil(lambda: not pane.is_loading)
    window.area.set_current(pane)
    start, end = select_text(pane, "Joint military exercises with clear objectives")
    window.coding.select_passage(orphan.id)
    button = window.editor.reattach_button
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)

    qtbot.keyClick(button, Qt.Key.Key_Space)
    moved = session.passage(orphan.id)
    assert not moved.is_orphan and (moved.start, moved.end) == (start, end)
    assert not button.isVisible()
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert session.passage(orphan.id).tag_ids == orphan.tag_ids
