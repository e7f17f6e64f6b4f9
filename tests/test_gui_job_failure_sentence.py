"""A known error from a background job (an import, an update from a newer file) reads as a
sentence in the window, as one raised in the window does: "There is no article 7", not
"there is no article 7" (the command line's wording, after "diptych: ")."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.workers import Worker
from diptych.storage.errors import ArticleFileError, InputError


def failure_of(qtbot: QtBot, error: Exception) -> str:
    def job(_progress: object) -> None:
        raise error

    worker = Worker(job)
    with qtbot.waitSignal(worker.signals.failed) as failed:
        worker.run()
    return str(failed.args[0])


def test_a_job_s_known_error_starts_with_a_capital(qtbot: QtBot) -> None:
    assert failure_of(qtbot, InputError("there is no article 7")) == "There is no article 7."


def test_a_job_s_error_naming_its_file_starts_with_the_file(qtbot: QtBot) -> None:
    text = failure_of(qtbot, ArticleFileError("is empty", path="notes.md"))
    assert text.startswith("notes.md: is empty")
