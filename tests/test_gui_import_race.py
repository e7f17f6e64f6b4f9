"""The window's import and ``diptych import`` bringing in the same file at the same moment
add it once: the window's worker looks for duplicates inside its write transaction
(``storage.import_files.add_new_articles``), as the command does.

The moment is made, not hoped for: just before the window's worker adds its article, the
command runs in a thread and is given a moment to finish its own import. Had the worker
looked for duplicates outside its transaction, the command would add the file then and
the worker a second copy; as it is, the command waits for the worker's transaction (for
less than SQLite's busy timeout) and then finds the article there.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from test_cli import run
from test_storage_import_race import MINUTES, titles

from diptych.storage.articles import ArticleStore
from diptych.storage.database import BUSY_TIMEOUT_MS
from diptych.storage.project import Project

MOMENT_S = 1.5  # long enough for the command to import when nothing holds it back
assert MOMENT_S * 1000 < BUSY_TIMEOUT_MS / 2


def test_the_window_and_the_command_importing_one_file_at_once_add_it_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diptych.gui.import_jobs import import_files_job

    path = tmp_path / "study.diptych"
    Project.create(path).close()
    minutes = tmp_path / "minutes.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    said: list[tuple[int, str, str]] = []
    command = threading.Thread(target=lambda: said.append(run("import", path, minutes)))
    add_many = ArticleStore.add_many

    def add_many_once_the_command_had_its_moment(self: ArticleStore, **kwargs: object) -> object:
        if threading.current_thread() is not command and not command.is_alive() and not said:
            command.start()
            command.join(MOMENT_S)
        return add_many(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ArticleStore, "add_many", add_many_once_the_command_had_its_moment)

    result = import_files_job(path, [minutes])(lambda done, total: True)

    command.join(60)
    assert not command.is_alive()
    code, out, err = said[0]
    assert (code, err) == (0, "")
    assert titles(path) == ["Minutes of the trade talks"]
    assert [a.title for a in result.added] == ["Minutes of the trade talks"]
    assert out.strip().startswith(f"# left out: {minutes}: is already in the project")
