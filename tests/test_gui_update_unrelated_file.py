"""Update from newer file… with a file whose text shares almost nothing with the article's
(the port briefing chosen for the mayor's statement, under another name or the article's
own file's name, from another folder): the window asks
first, naming the file, the article, its own file and the passages that would all be
orphaned; Cancel, the default, leaves the article as it was, Update anyway updates it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot
from test_gui_import_changed_files import answer_question
from test_update_unrelated_file import BRIEFING, MAYOR, QUOTES

from diptych.gui.main_window import MainWindow

QUESTION = (
    "brief-3.html shares almost nothing with “Mayor: We will not intervene” (imported from "
    "mayor.html): its 3 passages would all be orphaned. Update it anyway?"
)


@pytest.fixture
def mayor(qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """The mayor's statement imported into the window's project, with a passage on each
    quote; the newer file chosen for it is sub/brief-3.html, the port briefing."""
    statement = tmp_path / "mayor.html"
    statement.write_text(MAYOR, encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.importer.import_files([statement])
    (article_id,) = imported.args[0]
    project = window.session.project
    text = project.articles.get(article_id=article_id).text
    for quote in QUOTES:
        start = text.index(quote)
        project.annotations.add(article_id=article_id, start=start, end=start + len(quote))
    (tmp_path / "sub").mkdir()
    briefing = tmp_path / "sub" / "brief-3.html"
    briefing.write_text(BRIEFING, encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(briefing), ""))
    )
    return article_id


def test_cancel_the_default_leaves_the_article_as_it_was(
    qtbot: QtBot, window: MainWindow, mayor: int
) -> None:
    project = window.session.project
    text = project.articles.get(article_id=mayor).text
    said: list[tuple[str, str]] = []
    window.session.messages.posted.connect(lambda _level, title, text: said.append((title, text)))
    seen: list[list[str]] = []
    answer_question(QUESTION, "Cancel", seen)

    window.library.reimportRequested.emit(mayor)  # the Library menu's item
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)

    assert seen == [["Cancel", "Cancel", "Update anyway"]]  # Cancel is the default
    assert said == [("Update article", "Update cancelled; the article was not changed.")]
    assert project.articles.get(article_id=mayor).text == text
    assert not any(p.is_orphan for p in project.annotations.query(article_id=mayor))


def test_update_anyway_updates_it_and_orphans_its_passages(
    qtbot: QtBot, window: MainWindow, mayor: int
) -> None:
    seen: list[list[str]] = []
    answer_question(QUESTION, "Update anyway", seen)

    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.library.reimportRequested.emit(mayor)

    project = window.session.project
    assert "Crane 4" in project.articles.get(article_id=mayor).text
    assert all(p.is_orphan for p in project.annotations.query(article_id=mayor))
    window.actions_.undo.trigger()  # the window's update can be undone
    assert "would not intervene" in project.articles.get(article_id=mayor).text


def test_a_newer_version_under_another_name_is_not_asked_about(
    qtbot: QtBot, window: MainWindow, mayor: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    newer = tmp_path / "mayor-final.html"
    newer.write_text(MAYOR.replace("three hours", "four hours"), encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(newer), ""))
    )

    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.library.reimportRequested.emit(mayor)  # no question: it would block here

    project = window.session.project
    assert "four hours" in project.articles.get(article_id=mayor).text
    assert not any(p.is_orphan for p in project.annotations.query(article_id=mayor))


def test_a_short_file_of_another_subject_is_asked_about_too(
    qtbot: QtBot, window: MainWindow, mayor: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Meeting notes, 3 March.\n\nCall Kim about the budget.\n", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(notes), ""))
    )
    project = window.session.project
    text = project.articles.get(article_id=mayor).text
    said: list[tuple[str, str]] = []
    window.session.messages.posted.connect(lambda _level, title, text: said.append((title, text)))
    seen: list[list[str]] = []
    answer_question(
        "notes.txt shares almost nothing with “Mayor: We will not intervene” (imported from "
        "mayor.html): its 3 passages would all be orphaned. Update it anyway?",
        "Cancel",
        seen,
    )

    window.library.reimportRequested.emit(mayor)
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)

    assert seen == [["Cancel", "Cancel", "Update anyway"]]
    assert said == [("Update article", "Update cancelled; the article was not changed.")]
    assert project.articles.get(article_id=mayor).text == text
    assert not any(p.is_orphan for p in project.annotations.query(article_id=mayor))


def test_a_file_holding_none_of_the_passages_is_asked_about(
    qtbot: QtBot, window: MainWindow, mayor: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rewritten = MAYOR
    for quote, other in zip(QUOTES, ("would stay out", "agree", "trucks going"), strict=True):
        rewritten = rewritten.replace(quote, other)
    newer = tmp_path / "mayor-final.html"
    newer.write_text(rewritten, encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(newer), ""))
    )
    seen: list[list[str]] = []
    answer_question("none of its 3 passages are in it", "Update anyway", seen)

    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.library.reimportRequested.emit(mayor)

    assert seen == [["Cancel", "Cancel", "Update anyway"]]
    project = window.session.project
    assert "trucks going" in project.articles.get(article_id=mayor).text
    assert all(p.is_orphan for p in project.annotations.query(article_id=mayor))


def test_another_story_under_the_articles_own_file_name_is_asked_about(
    qtbot: QtBot, window: MainWindow, mayor: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another folder's mayor.html (news pages saved from a browser share their names).
    (tmp_path / "other").mkdir()
    other = tmp_path / "other" / "mayor.html"
    other.write_text(BRIEFING, encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(other), ""))
    )
    project = window.session.project
    text = project.articles.get(article_id=mayor).text
    said: list[tuple[str, str]] = []
    window.session.messages.posted.connect(lambda _level, title, text: said.append((title, text)))
    seen: list[list[str]] = []
    answer_question(
        "mayor.html shares almost nothing with “Mayor: We will not intervene” (though named as "
        "the file it was imported from): its 3 passages would all be orphaned. Update it anyway?",
        "Cancel",
        seen,
    )

    window.library.reimportRequested.emit(mayor)
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)

    assert seen == [["Cancel", "Cancel", "Update anyway"]]
    assert said == [("Update article", "Update cancelled; the article was not changed.")]
    assert project.articles.get(article_id=mayor).text == text
    assert not any(p.is_orphan for p in project.annotations.query(article_id=mayor))


def test_a_sample_article_names_no_file_the_user_never_had(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sample's articles come with Diptych: the question names no file of theirs (their
    files' names are the program's own), as it names the file a user's article came from."""
    project = window.session.project
    article = next(a for a in project.articles.all() if a.title.startswith("Xi"))
    assert article.source_name.endswith(".txt")  # the program's own name for its file
    plain = tmp_path / "plain.txt"
    plain.write_text(BRIEFING, encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *_args: (str(plain), ""))
    )
    asked: list[str] = []  # the question, answered Cancel
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    said: list[str] = []
    window.session.messages.posted.connect(lambda _level, _title, text: said.append(text))

    window.library.reimportRequested.emit(article.id)  # the Library menu's item
    qtbot.waitUntil(lambda: bool(said), timeout=10_000)
    assert asked == [
        f"plain.txt shares almost nothing with “{article.title}”: its 3 passages would all "
        "be orphaned. Update it anyway?"
    ]
