"""Updating an article from a newer file: passages follow the text, orphans stay, undo works."""

from __future__ import annotations

from pathlib import Path

from gui_support import make_context, open_window
from pytestqt.qtbot import QtBot

from diptych.storage.project import Project
from diptych.storage.sample import SAMPLE_FILES, create_sample_project, sample_bytes


def test_update_from_newer_file_reanchors_orphans_and_undoes(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "s.diptych"
    create_sample_project(path).close()
    window = open_window(qtbot, make_context(tmp_path / "user"), Project.open(path))
    session = window.session
    article = session.project.articles.all()[1]
    before = {p.id: p for p in session.project.annotations.query(article_id=article.id)}
    old_text = session.project.articles.get(article_id=article.id).text

    # The newer version: a new first paragraph, and the "Security cooperation" item removed.
    lines = sample_bytes(SAMPLE_FILES[1]).decode("utf-8").splitlines()
    lines = ["An editor's note added at the top of the article."] + [
        line for line in lines if not line.startswith("- Security cooperation")
    ]
    newer = tmp_path / SAMPLE_FILES[1]
    newer.write_text("\n".join(lines), encoding="utf-8")

    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.importer.reimport(article.id, newer)

    after = {p.id: p for p in session.project.annotations.query(article_id=article.id)}
    assert after.keys() == before.keys()  # nothing deleted
    orphans = [p for p in after.values() if p.is_orphan]
    assert [p.exact for p in orphans] == [
        "Security cooperation: Discussions aimed at de-escalating tensions related to North "
        "Korea and regional security challenges."
    ]
    new_text = session.project.articles.get(article_id=article.id).text
    for passage in after.values():
        if not passage.is_orphan:
            assert new_text[passage.start : passage.end] == passage.exact
    first = min(before.values(), key=lambda p: p.start)  # "symbolic restart", in the first line
    shift = len("An editor's note added at the top of the article.") + 1
    assert after[first.id].start == first.start + shift
    pane = window.area.pane_for(article.id)
    assert pane is not None
    qtbot.waitUntil(lambda: not pane.is_loading)
    assert pane.view.document().toPlainText().startswith("An editor's note")
    assert orphans[0].id not in (pane.view.index or [])  # orphans are not painted
    qtbot.waitUntil(lambda: window.passages.model.orphan_count() == 1)

    window.actions_.undo.trigger()
    restored = {p.id: p for p in session.project.annotations.query(article_id=article.id)}
    assert restored == before
    assert session.project.articles.get(article_id=article.id).text == old_text
    qtbot.waitUntil(lambda: pane.view.document().toPlainText().startswith("China"))


def test_an_orphan_is_reattached_to_a_selection_and_undo_orphans_it_again(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from gui_support import select_text
    from PySide6.QtCore import Qt

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
    orphan = next(p for p in session.project.annotations.query() if p.is_orphan)
    pane = window.area.pane_for(article.id)
    assert pane is not None
    qtbot.waitUntil(lambda: not pane.is_loading)
    window.area.set_current(pane)
    start, end = select_text(pane, "Joint military exercises with clear objectives")
    window.coding.select_passage(orphan.id)
    assert window.editor.reattach_button.isVisible()
    qtbot.mouseClick(window.editor.reattach_button, Qt.MouseButton.LeftButton)
    moved = session.passage(orphan.id)
    assert not moved.is_orphan and (moved.start, moved.end) == (start, end)
    assert moved.note == orphan.note and moved.tag_ids == orphan.tag_ids
    assert orphan.id in (pane.view.index or [])  # painted again
    window.actions_.undo.trigger()
    assert session.passage(orphan.id) == orphan  # an orphan again, exactly as it was
