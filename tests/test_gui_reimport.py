"""Updating an article from a newer file: passages follow the text, orphans stay, undo works."""

from __future__ import annotations

from pathlib import Path

from gui_support import make_context, open_window, select_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from diptych.gui.article_pane import ArticlePane
from diptych.gui.main_window import MainWindow
from diptych.storage.model import Annotation
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


def _orphan_to_reattach(
    qtbot: QtBot, tmp_path: Path
) -> tuple[MainWindow, Annotation, ArticlePane, tuple[int, int]]:
    """The sample's second article updated without its "- Security" item: the window, the
    passage orphaned (chosen in the Passage panel), its pane and the text selected there
    to re-attach it to (the update's message put away)."""
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
    if isinstance(box, QMessageBox):
        qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    orphan = next(p for p in session.project.annotations.query() if p.is_orphan)
    pane = window.area.pane_for(article.id)
    assert pane is not None
    qtbot.waitUntil(lambda: not pane.is_loading)
    window.area.set_current(pane)
    selected = select_text(pane, "Joint military exercises with clear objectives")
    window.coding.select_passage(orphan.id)
    return window, orphan, pane, selected


def test_an_orphan_is_reattached_to_a_selection_and_undo_orphans_it_again(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, orphan, pane, (start, end) = _orphan_to_reattach(qtbot, tmp_path)
    session = window.session
    assert window.editor.reattach_button.isVisible()
    qtbot.mouseClick(window.editor.reattach_button, Qt.MouseButton.LeftButton)
    moved = session.passage(orphan.id)
    assert not moved.is_orphan and (moved.start, moved.end) == (start, end)
    assert moved.note == orphan.note and moved.tag_ids == orphan.tag_ids
    assert orphan.id in (pane.view.index or [])  # painted again
    window.actions_.undo.trigger()
    assert session.passage(orphan.id) == orphan  # an orphan again, exactly as it was


def test_space_after_reattaching_from_the_keyboard_leaves_the_tags_alone(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Re-attaching gives the keyboard back to the article's text: the button it was on is
    put away, and Qt moved the keyboard to the remove button of the passage's first tag,
    where Space took the tag off."""
    window, orphan, pane, (start, end) = _orphan_to_reattach(qtbot, tmp_path)
    assert orphan.tag_ids
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    button = window.editor.reattach_button
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)

    qtbot.keyClick(button, Qt.Key.Key_Space)
    moved = window.session.passage(orphan.id)
    assert not moved.is_orphan and (moved.start, moved.end) == (start, end)
    assert not button.isVisible()
    qtbot.waitUntil(pane.view.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert window.session.passage(orphan.id).tag_ids == orphan.tag_ids


PAGE = (
    "<html><body><h1>Town hall audit: {} M€ spent</h1><p>The audit found {} M€.</p></body></html>"
)


def test_an_update_takes_the_newer_headline_unless_the_article_was_renamed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A story updated since ("2,3 M€" -> "2,35 M€"): its title came from its headline, so
    the newer file's headline is its title, everywhere (undone with the text); a title the
    analyst gave stays."""
    path = tmp_path / "s.diptych"
    create_sample_project(path).close()
    window = open_window(qtbot, make_context(tmp_path / "user"), Project.open(path))
    session = window.session
    first = (tmp_path / "v1") / "audit.html"
    first.parent.mkdir()
    first.write_text(PAGE.format("2,3", "2,3"), encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        window.importer.import_files([first])
    article = next(a for a in session.articles() if "audit" in a.title)
    assert article.title == "Town hall audit: 2,3 M€ spent"
    window.area.open_from_library(article.id, new_pane=True)
    pane = window.area.pane_for(article.id)
    assert pane is not None
    newer = tmp_path / "audit.html"
    newer.write_text(PAGE.format("2,35", "2,35"), encoding="utf-8")

    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.importer.reimport(article.id, newer)
    dismiss_message(qtbot)

    title = "Town hall audit: 2,35 M€ spent"
    assert session.project.articles.summary(article_id=article.id).title == title
    assert pane.header.title.full_text() == title
    assert title in library_titles(window)
    window.actions_.undo.trigger()
    assert session.project.articles.summary(article_id=article.id).title == article.title
    assert pane.header.title.full_text() == article.title

    session.rename_article(article.id, "Audit (my name for it)")
    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.importer.reimport(article.id, newer)
    dismiss_message(qtbot)
    assert session.project.articles.summary(article_id=article.id).title == "Audit (my name for it)"
    assert "2,35 M€" in session.project.articles.get(article_id=article.id).text


def test_a_headline_pushed_down_stays_the_title_and_a_changed_one_is_said(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Lines added above the headline ("Updated …", an editor's note) leave the title as
    it was, in the Library and the pane; a headline changed below them becomes the title,
    and the update's message says so."""
    path = tmp_path / "s.diptych"
    create_sample_project(path).close()
    window = open_window(qtbot, make_context(tmp_path / "user"), Project.open(path))
    session = window.session
    article = session.project.articles.all()[1]
    headline = "Xi’s South Korea Visit Marks Turning Point in Diplomatic Relations"
    assert article.title == headline
    window.area.open_from_library(article.id, new_pane=True)
    pane = window.area.pane_for(article.id)
    assert pane is not None
    said: list[str] = []
    session.messages.posted.connect(lambda _level, _title, text: said.append(text))
    lead = "Updated 7 December 2026, 09:12.\n\nEditor's note: new figures.\n\n"
    text = sample_bytes(SAMPLE_FILES[1]).decode("utf-8")
    newer = tmp_path / SAMPLE_FILES[1]
    newer.write_text(lead + text, encoding="utf-8")

    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.importer.reimport(article.id, newer)
    dismiss_message(qtbot)

    assert session.project.articles.summary(article_id=article.id).title == headline
    assert pane.header.title.full_text() == headline
    assert headline in library_titles(window)
    assert "title changed" not in said[-1].lower()

    changed = headline.replace("Marks Turning", "Marks a Turning")
    newer.write_text(lead + text.replace(headline, changed), encoding="utf-8")
    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.importer.reimport(article.id, newer)
    dismiss_message(qtbot)

    assert f"Title changed from “{headline}” to “{changed}”." in said[-1]
    assert session.project.articles.summary(article_id=article.id).title == changed
    assert pane.header.title.full_text() == changed
    assert changed in library_titles(window)


def dismiss_message(qtbot: QtBot) -> None:
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def library_titles(window: MainWindow) -> list[str]:
    model = window.library.view.model()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]
