"""A named pipe (or any other file that is not a regular file) named like a REFI-QDA file
is refused at once, as an article file of that kind is: opening it waited for a writer
for ever, so ``diptych import`` (or the window's import worker) never returned."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

import pytest

from diptych.storage.errors import ExchangeFileError
from diptych.storage.project import Project
from diptych.storage.refiqda_import import import_exchange_file

GUARD = 60  # seconds: only for a broken test; a refusal comes at once


@pytest.mark.parametrize("name", ["codes.qdc", "study.qdpx"])
def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path, name: str) -> None:
    pipe = tmp_path / name
    os.mkfifo(pipe)
    errors: list[BaseException] = []

    def run() -> None:
        with Project.open(tmp_path / "p.diptych", create=True) as project:
            try:
                import_exchange_file(project, path=pipe)
            except BaseException as exc:  # handed to the test
                errors.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(GUARD)
    waited = worker.is_alive()
    while waited and worker.is_alive():  # each open of the pipe waits for a writer: be one
        with contextlib.suppress(OSError):  # no reader waiting at this moment
            os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(0.1)
    assert not waited
    (error,) = errors
    assert isinstance(error, ExchangeFileError)
    assert str(error).startswith(f"{pipe}: is not a regular file")
