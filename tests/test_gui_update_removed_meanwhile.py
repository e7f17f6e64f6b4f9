"""Update from newer file… of an article removed while its newer file is read (from the
Library, which the update's progress leaves free, or in another window): the message names
the article and says it was not updated, where it said "There is no article 2", a number the
user never sees."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui import importer
from diptych.gui.article_commands import RemoveArticle
from diptych.gui.commands import perform
from diptych.gui.import_jobs import newer_version_job
from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project


@pytest.mark.parametrize("elsewhere", [False, True], ids=["here", "in another window"])
def test_an_article_removed_while_its_newer_file_is_read_is_named(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    elsewhere: bool,
) -> None:
    article = window.session.articles()[1]
    text = window.session.project.articles.get(article_id=article.id).text
    newer = tmp_path / "newer.txt"
    newer.write_text(f"{text}\n\nAn editor's note.\n", encoding="utf-8")
    said: list[tuple[str, str]] = []
    window.session.messages.posted.connect(lambda _level, title, text: said.append((title, text)))

    if elsewhere:  # once its passages are found in the newer text, not yet put there

        def read_then_removed(path: Path, article_id: int, file: Path) -> Callable[..., object]:
            def job(progress: Callable[[int, int], bool]) -> object:
                newer = read(progress)
                with Project.open(path) as other:
                    other.articles.remove(article_id=article_id)
                return newer

            read = newer_version_job(path, article_id, file)
            return job

        monkeypatch.setattr(importer, "newer_version_job", read_then_removed)
    window.importer.reimport(article.id, newer)
    if not elsewhere:
        perform(window.session, RemoveArticle(window.session, article.id))
    qtbot.waitUntil(lambda: any(title == "Update article" for title, _ in said), timeout=5_000)

    updates = [text for title, text in said if title == "Update article"]
    assert updates == [
        f"“{article.title}” was removed while newer.txt was read, perhaps in another window,"
        " so it was not updated."
    ]
    assert not any("article 2" in text for _title, text in said)
    if not elsewhere:
        window.session.undo_stack.undo()  # the removal: the article as it was
        assert window.session.project.articles.get(article_id=article.id).text == text
