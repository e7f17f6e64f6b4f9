"""Two imports of the same file at the same moment (two windows, or ``diptych import``
while the window imports) add it once: the second waits for the first and leaves it out.

The moment is made, not hoped for: the first import is held just before it adds its
articles until the second has looked for duplicates and asked for the write lock (or,
when the look comes after the lock, asked for it); only then does the first go on."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from test_cli import run

from diptych.storage.articles import ArticleStore
from diptych.storage.import_files import add_new_articles
from diptych.storage.importing import read_article_file
from diptych.storage.project import Project

MINUTES = "Minutes of the trade talks\n\nBoth sides agreed on tariffs.\n"
WAIT = 60  # seconds; only a safety net for a broken test, never reached when it passes


def hold_first_add_until_the_other_asks_for_the_lock(
    monkeypatch: pytest.MonkeyPatch, other: Callable[[], object]
) -> Callable[[], object]:
    """Run ``other`` in a thread from inside this thread's first ``add_many``, once that
    thread asked for a write transaction; returns a function that joins it and gives
    what ``other`` returned."""
    asked = threading.Event()
    results: list[object] = []
    worker = threading.Thread(target=lambda: results.append(other()), daemon=True)
    transaction, add_many = Project.transaction, ArticleStore.add_many

    @contextlib.contextmanager
    def noting_transaction(self: Project) -> Iterator[None]:
        if threading.current_thread() is worker:
            asked.set()
        with transaction(self):
            yield

    def held_add_many(self: ArticleStore, **kwargs: object) -> object:
        if threading.current_thread() is not worker and not worker.is_alive() and not results:
            worker.start()
            asked.wait(WAIT)
        return add_many(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Project, "transaction", noting_transaction)
    monkeypatch.setattr(ArticleStore, "add_many", held_add_many)

    def join() -> object:
        worker.join(WAIT)
        assert not worker.is_alive()
        return results[0]

    return join


def titles(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        return [a.title for a in project.articles.all()]


def test_two_command_line_imports_of_one_file_at_once_add_it_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "study.diptych"
    Project.create(path).close()
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    join = hold_first_add_until_the_other_asks_for_the_lock(
        monkeypatch, lambda: run("import", path, minutes)
    )
    code, out, err = run("import", path, minutes)
    assert (code, err) == (0, "")
    other_code, other_out, other_err = join()  # type: ignore[misc]
    assert (other_code, other_err) == (0, "")
    assert titles(path) == ["Minutes of the trade talks"]
    lines = [out.strip(), other_out.strip()]
    assert "1" in lines  # one of them added it ...
    left_out = next(line for line in lines if line != "1")
    assert left_out.startswith(f"# left out: {minutes}: is already in the project")


def test_two_connections_adding_one_article_at_once_add_it_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "study.diptych"
    Project.create(path).close()
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    read = [(minutes, read_article_file(minutes))]

    def other_window() -> tuple[list[str], list[str]]:
        with Project.open(path) as there:
            added, said = add_new_articles(there, read, advice="Update it instead.")
            return [a.title for a in added], [str(e) for e in said]

    join = hold_first_add_until_the_other_asks_for_the_lock(monkeypatch, other_window)
    with Project.open(path) as here:
        added, said = add_new_articles(here, read, advice="Update it instead.")
    assert ([a.title for a in added], said) == (["Minutes of the trade talks"], [])
    there_added, there_said = join()  # type: ignore[misc]
    assert there_added == []
    assert there_said == [
        f"{minutes}: is already in the project as “Minutes of the trade talks”, so it was "
        "not imported again. Update it instead."
    ]
    assert titles(path) == ["Minutes of the trade talks"]


def test_cancel_inside_the_add_adds_nothing(tmp_path: Path) -> None:
    from diptych.storage.errors import Cancelled

    path = tmp_path / "study.diptych"
    Project.create(path).close()
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    with Project.open(path) as project, pytest.raises(Cancelled):
        add_new_articles(
            project,
            [(minutes, read_article_file(minutes))],
            advice="",
            keep_going=lambda: False,
        )
    assert titles(path) == []
