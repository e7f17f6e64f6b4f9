"""A headless annotator for the reliability tests, and the tests' side of its reports.

The writer works on an existing project through the storage API, one transaction per
action, the way the window does, and reports on standard output, one JSON object per
line (each written whole and flushed at once, tagged with the writer's ``pid``):

- ``{"event": "open"}`` once the project is open;
- ``{"event": "begin", "op": ..., "uuid": ..., ...}`` just before an action's transaction;
- ``{"event": "done", "op": ..., "uuid": ..., "ms": ...}`` once its COMMIT has returned:
  the acknowledgement, after which the action must never be lost (``ms``: how long the
  action took, waiting for the write lock included);
- ``{"event": "busy", "op": ..., "uuid": ..., "message": ...}`` when the action was refused
  with :class:`ProjectBusyError` (it must then not have happened);
- ``{"event": "error", "type": ..., "message": ..., "traceback": ...}`` for anything
  else, after which the writer exits with status 3;
- ``{"event": "end", "done": N}`` when it stops by itself.

Modes:

- ``annotate``: add passages with tags and notes, edit notes, change tags, delete
  passages, at random, touching only the passages of its own ``--coder``;
- ``bulk``: add ``--articles`` articles in one ``add_many`` transaction (op ``bulk``; the
  uuid is the batch name, which starts the source name of every article of the batch).

Run as ``python reliability_writer.py PROJECT annotate --seed 7 --coder A``, or as
``python reliability_writer.py --serve``: a server that has loaded Diptych once and forks
a writer for each ``{"run": [ARGS...]}`` line on standard input, so that a test can start
hundreds of writers without paying for Python's start each time. Each writer is a process
of its own with its own SQLite connection, opened after the fork.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import traceback
import uuid as uuidlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import diptych.storage.annotations
import diptych.storage.articles
import diptych.storage.memos
import diptych.storage.tags  # noqa: F401  (loaded by the server, not after each fork)
from diptych.storage.errors import ProjectBusyError
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

WORDS = ("trade", "tariff", "née", "café", "✓", "漢字", "😀", "**bold**", "line\nbreak", "'q'")
ARTICLE = "Trade\n\n" + "Bilateral trade grew again this year, said the ministry. " * 40
MAX_PASSAGES = 150  # beyond this, deletions are preferred, so the project stays small

Event = dict[str, Any]


def emit(**fields: Any) -> None:
    """Write one report line; a line under 4 KiB reaches a pipe whole, even if killed."""
    line = json.dumps({"pid": os.getpid(), **fields}, ensure_ascii=False)
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def random_note(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 6))) + f" #{rng.random():.6f}"


# The writer --------------------------------------------------------------------------------


class Annotator:
    """Random annotating actions on the passages of one coder."""

    def __init__(self, project: Project, rng: random.Random, coder: str) -> None:
        self.project = project
        self.rng = rng
        self.coder = coder
        self.tag_ids = [t.id for t in project.tags.all()]
        self.articles = [project.articles.get(article_id=a.id) for a in project.articles.all()]
        self.passages = {p.uuid: p.id for p in project.annotations.query(coder=coder)}

    def step(self) -> None:
        weights = {"add": 5, "note": 3, "tags": 1, "delete": 2}
        if not self.passages:
            weights = {"add": 1}
        elif len(self.passages) > MAX_PASSAGES:
            weights["delete"] = 20
        op = self.rng.choices(list(weights), weights=list(weights.values()))[0]
        getattr(self, f"_{op}")()

    def _add(self) -> None:
        article = self.rng.choice(self.articles)
        start = self.rng.randrange(0, len(article.text) - 60)
        end = start + self.rng.randint(5, 60)
        if article.text[start:end].isspace():
            return
        tags = sorted(self.rng.sample(self.tag_ids, self.rng.randint(1, 3)))
        note = random_note(self.rng)
        uuid = str(uuidlib.uuid4())
        with Acknowledged("add", uuid, tags=tags, note=note):
            passage = self.project.annotations.add(
                article_id=article.id,
                start=start,
                end=end,
                tag_ids=tags,
                note=note,
                coder=self.coder,
                uuid=uuid,
            )
            self.passages[uuid] = passage.id

    def _note(self) -> None:
        uuid = self.rng.choice(sorted(self.passages))
        note = random_note(self.rng)
        with Acknowledged("note", uuid, note=note):
            self.project.annotations.set_note(annotation_id=self.passages[uuid], note=note)

    def _tags(self) -> None:
        uuid = self.rng.choice(sorted(self.passages))
        tags = sorted(self.rng.sample(self.tag_ids, self.rng.randint(1, 3)))
        with Acknowledged("tags", uuid, tags=tags):
            self.project.annotations.set_tags(annotation_id=self.passages[uuid], tag_ids=tags)

    def _delete(self) -> None:
        uuid = self.rng.choice(sorted(self.passages))
        with Acknowledged("delete", uuid):
            self.project.annotations.delete(annotation_id=self.passages[uuid])
            del self.passages[uuid]


class Acknowledged:
    """Announce an action, run it, then acknowledge it or report that it was refused."""

    def __init__(self, op: str, uuid: str, **details: Any) -> None:
        self.op = op
        self.uuid = uuid
        self.details = details

    def __enter__(self) -> None:
        emit(event="begin", op=self.op, uuid=self.uuid, **self.details)
        self.started = time.monotonic()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: Any
    ) -> bool:
        ms = round((time.monotonic() - self.started) * 1000, 1)
        if exc is None:
            emit(event="done", op=self.op, uuid=self.uuid, ms=ms)
            return False
        if isinstance(exc, ProjectBusyError):
            emit(event="busy", op=self.op, uuid=self.uuid, message=str(exc), ms=ms)
            return True
        return False


def bulk(project: Project, rng: random.Random, count: int) -> None:
    """Add ``count`` articles in one transaction."""
    batch = f"batch{rng.randrange(10**9):09d}"
    template = parse_article(ARTICLE.encode(), name="article.txt")
    parsed = [
        dataclasses.replace(template, title=f"Article {i}", source_name=f"{batch}-{i}.txt")
        for i in range(count)
    ]
    with Acknowledged("bulk", batch, count=count):
        project.articles.add_many(parsed=parsed)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reliability_writer")
    parser.add_argument("project")
    parser.add_argument("mode", choices=("annotate", "bulk"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--coder", default="writer")
    parser.add_argument("--operations", type=int, default=0, help="stop after so many (0: never)")
    parser.add_argument("--duration", type=float, default=0.0, help="stop after so many seconds")
    parser.add_argument("--busy-timeout-ms", type=int, default=None)
    parser.add_argument("--articles", type=int, default=1000)
    return parser


def run(argv: list[str]) -> int:
    """One writer: open the project, act until told to stop, report everything."""
    args = build_parser().parse_args(argv)
    rng = random.Random(args.seed)
    try:
        with Project.open(args.project) as project:
            if args.busy_timeout_ms is not None:
                project.db.execute(f"PRAGMA busy_timeout = {args.busy_timeout_ms}")
            emit(event="open")
            if args.mode == "bulk":
                bulk(project, rng, args.articles)
                emit(event="end", done=1)
                return 0
            annotator = Annotator(project, rng, args.coder)
            stop = time.monotonic() + args.duration if args.duration else None
            count = 0
            while not (args.operations and count >= args.operations):
                if stop is not None and time.monotonic() >= stop:
                    break
                annotator.step()
                count += 1
            emit(event="end", done=count)
    except Exception as exc:
        kind = f"{type(exc).__module__}.{type(exc).__qualname__}"
        emit(event="error", type=kind, message=str(exc), traceback=traceback.format_exc())
        return 3
    return 0


def serve() -> int:
    """Fork a writer per ``{"run": ARGS}`` line; ``{"reap": PID}`` waits for one to end."""
    emit(event="ready")
    for line in sys.stdin:
        command = json.loads(line)
        if "run" in command:
            child = os.fork()
            if child == 0:  # the writer
                code = 3
                try:
                    sys.stdin.close()
                    code = run(command["run"])
                finally:
                    os._exit(code)
            emit(event="forked", child=child)
        elif "reap" in command:
            _, status = os.waitpid(command["reap"], 0)
            emit(event="reaped", child=command["reap"], status=os.waitstatus_to_exitcode(status))
    return 0


# The tests' side ---------------------------------------------------------------------------


class Writers:
    """A writer server in a process of its own, and the reports of the writers it starts.

    Args:
        stderr: a file that receives the server's and the writers' standard error.
    """

    def __init__(self, stderr: Path) -> None:
        self.stderr = stderr
        self._stderr = stderr.open("w", encoding="utf-8")
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            text=True,
            encoding="utf-8",
        )
        self._by_pid: dict[int, list[Event]] = {}
        self._closed = False
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        if not self._wait(lambda: self._find("ready")):
            raise RuntimeError(f"the writer server did not start: {self.log()}")

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            event = json.loads(line)
            with self._changed:
                self._by_pid.setdefault(event["pid"], []).append(event)
                self._changed.notify_all()
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def _find(self, kind: str, pid: int | None = None, **match: Any) -> list[Event]:
        events = self._by_pid.get(self.process.pid if pid is None else pid, [])
        return [
            e for e in events if e["event"] == kind and all(e.get(k) == v for k, v in match.items())
        ]

    def _wait(self, condition: Callable[[], object], timeout: float = 60.0) -> bool:
        with self._changed:
            return bool(self._changed.wait_for(lambda: condition() or self._closed, timeout))

    def _send(self, command: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()

    def start(self, project: Path, *args: str) -> int:
        """Start a writer on ``project``; returns its process id."""
        with self._changed:
            forked = len(self._find("forked"))
        self._send({"run": [str(project), *args]})
        if not self._wait(lambda: len(self._find("forked")) > forked):
            raise RuntimeError(f"the writer server stopped: {self.log()}")
        return int(self._find("forked")[forked]["child"])

    def wait_for(self, pid: int, kind: str, timeout: float = 60.0) -> bool:
        """Wait until writer ``pid`` reports ``kind`` (or ends, or the time is up)."""
        ends = (kind, "end", "error")
        self._wait(lambda: any(self._find(k, pid=pid) for k in ends), timeout)
        return bool(self._find(kind, pid=pid))

    def kill(self, pid: int) -> list[Event]:
        """SIGKILL writer ``pid``; returns everything it reported."""
        os.kill(pid, signal.SIGKILL)
        return self.reap(pid)

    def reap(self, pid: int, timeout: float = 60.0) -> list[Event]:
        """Wait for writer ``pid`` to end; returns everything it reported."""
        self._send({"reap": pid})
        if not self._wait(lambda: self._find("reaped", child=pid), timeout):
            raise RuntimeError(f"writer {pid} did not end: {self.log()}")
        with self._changed:
            return list(self._by_pid.get(pid, []))

    def errors(self, pid: int) -> list[Event]:
        """Unexpected errors of writer ``pid``, and its exit status if it failed."""
        found = self._find("error", pid=pid)
        status = [e["status"] for e in self._find("reaped", child=pid)]
        if status and status[0] not in (0, -signal.SIGKILL) and not found:
            found.append({"event": "error", "status": status[0], "stderr": self.log()})
        return found

    def log(self) -> str:
        self._stderr.flush()
        return self.stderr.read_text(encoding="utf-8")

    def close(self) -> None:
        """Stop the server (writers still running are killed)."""
        for event in self._find("forked"):
            if not self._find("reaped", child=event["child"]):
                self.kill(event["child"])
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(60)
        self._reader.join(60)
        self._stderr.close()

    def __enter__(self) -> Writers:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


@dataclasses.dataclass(frozen=True)
class PassageState:
    """What the user would see of a passage: its tags and note."""

    tag_ids: tuple[int, ...]
    note: str


def passages_of(project: Project, coder: str) -> dict[str, PassageState]:
    """A coder's passages as stored, by uuid."""
    return {p.uuid: PassageState(p.tag_ids, p.note) for p in project.annotations.query(coder=coder)}


class Ledger:
    """The passages that one writer's acknowledgements say the project holds.

    Args:
        passages: the writer's passages (by uuid) before it started.
    """

    def __init__(self, passages: dict[str, PassageState]) -> None:
        self.passages = dict(passages)
        self.acknowledged = 0
        self.refused = 0

    def feed(self, events: list[Event]) -> Event | None:
        """Apply every acknowledged action; returns the one still running, if any."""
        pending = None
        for event in events:
            kind = event["event"]
            if kind == "begin":
                pending = event
            elif kind in ("done", "busy"):
                assert pending is not None and pending["uuid"] == event["uuid"], event
                if kind == "done":
                    self.passages = self.after(pending)
                    self.acknowledged += 1
                else:
                    self.refused += 1
                pending = None
        return pending

    def after(self, event: Event | None) -> dict[str, PassageState]:
        """The passages once ``event`` (a ``begin`` report) is applied."""
        passages = dict(self.passages)
        if event is None:
            return passages
        uuid, op = event["uuid"], event["op"]
        if op == "add":
            passages[uuid] = PassageState(tuple(event["tags"]), event["note"])
        elif op == "note":
            passages[uuid] = dataclasses.replace(passages[uuid], note=event["note"])
        elif op == "tags":
            passages[uuid] = dataclasses.replace(passages[uuid], tag_ids=tuple(event["tags"]))
        elif op == "delete":
            del passages[uuid]
        return passages


if __name__ == "__main__":
    sys.exit(serve() if sys.argv[1:] == ["--serve"] else run(sys.argv[1:]))
