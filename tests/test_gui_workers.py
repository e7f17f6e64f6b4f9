"""Background jobs: results always reach the window; cancelling is honest."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QThreadPool
from pytestqt.qtbot import QtBot

from diptych.gui.messages import MessageBridge
from diptych.gui.workers import Progress, Workers
from diptych.storage.errors import Cancelled, ExchangeFileError


def test_a_job_that_finished_after_a_late_cancel_still_reports_its_result(qtbot: QtBot) -> None:
    workers = Workers(QThreadPool())
    worker = None

    def job(progress: Progress) -> str:
        assert worker is not None
        worker.cancel()  # Cancel pressed while the job was already writing
        return "written"

    worker = workers.start(job)
    with qtbot.waitSignal(worker.signals.finished) as finished:
        pass
    assert finished.args == ["written"]


def test_a_cancelled_job_says_so(qtbot: QtBot) -> None:
    workers = Workers(QThreadPool())

    def job(progress: Progress) -> str:
        if not progress(0, 10):
            raise Cancelled
        raise Cancelled  # the job noticed the cancel at its next step

    worker = workers.start(job)
    with qtbot.waitSignal(worker.signals.cancelled):
        worker.cancel()


def test_known_errors_fail_and_bugs_crash(qtbot: QtBot) -> None:
    bridge = MessageBridge()
    workers = Workers(QThreadPool(), messages=bridge)

    def known(progress: Progress) -> None:
        raise ExchangeFileError("is not a readable zip archive", path="x.qdpx")

    def bug(progress: Progress) -> None:
        progress(0, 1)
        assert second is not None
        second.cancel()  # even after a cancel, a bug is reported, not hidden
        raise KeyError("oops")

    second = None
    first = workers.start(known)
    with qtbot.waitSignal(first.signals.failed) as failed:
        pass
    assert failed.args[0].startswith("x.qdpx: is not a readable zip archive")
    second = workers.start(bug)
    # A bug crashes the job, and the workers report it as a bug (crash log, crash dialog).
    with (
        qtbot.waitSignal(second.signals.crashed) as crashed,
        qtbot.waitSignal(bridge.crashed) as reported,
    ):
        pass
    assert crashed.args[0] == reported.args[0] == "KeyError: 'oops'"
    assert workers.cancel_all()


def test_jobs_in_one_line_run_in_turn_even_when_one_between_is_cancelled(qtbot: QtBot) -> None:
    workers = Workers(QThreadPool())
    release = threading.Event()
    ran: list[str] = []

    def job(name: str) -> Callable[[Progress], str]:
        def run(progress: Progress) -> str:
            ran.append(name)
            if name == "first":
                release.wait(30)
            return name

        return run

    first = workers.start(job("first"), line="import")
    second = workers.start(job("second"), line="import")
    third = workers.start(job("third"), line="import")
    qtbot.waitUntil(lambda: ran == ["first"])
    assert second.waiting and third.waiting
    with qtbot.waitSignal(second.signals.cancelled, timeout=0):  # at once: it did nothing
        second.cancel()
    QCoreApplication.processEvents()  # where a job let go too early would start
    assert ran == ["first"]  # the third still waits for the first

    with qtbot.waitSignal(third.signals.finished) as finished:
        release.set()
    assert finished.args == ["third"] and ran == ["first", "third"]
    assert not first.waiting and not workers.busy
