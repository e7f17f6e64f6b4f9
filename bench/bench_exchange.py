"""Undoing and redoing a big REFI-QDA import: 300 articles with ~18,000 codings
(12,000 passages with one or two codes each, 60 codes), exported from a project built
through the stores' bulk paths and imported into a new project.

Diptych: Edit > Undo (``take_back``) and Edit > Redo (``bring_back``) of the recorded
import, in the project's store, and the same steps through the undo stack of a real
window showing the Library and the Passages panel (the longest stall of the window until
its lists have followed). Baseline: a raw ``sqlite3`` ``executemany`` of the same rows
(articles, passages, their codes) into an empty project file of the same schema (search
indexes and their triggers included), in one transaction, and a raw ``DELETE`` of them,
with the same pragmas. The import itself is kept in the JSON (``import_ms``).

Run on its own: ``QT_QPA_PLATFORM=offscreen python bench/bench_exchange.py [--quick]``.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import Config, Figure, elapsed_ms, table
from projects import big_project, new_project
from qt_support import StallMonitor, application, run_events, wait_until

from diptych.storage.exchange_undo import ExchangeChanges, bring_back, import_recorded, take_back
from diptych.storage.exporting import collect
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdpx

NAME = "exchange"
SETTLE_MS = 100
ARTICLE_COLUMNS = (
    "id, uuid, title, source_name, format, encoding, imported_at, updated_at, original_text,"
    " display_text, characters, blocks, sort_order, source_url"
)
PASSAGE_COLUMNS = (
    "id, uuid, article_id, start_pos, end_pos, exact, prefix, suffix, note, coder,"
    " created_at, updated_at, status"
)
Rows = dict[str, list[tuple[Any, ...]]]


def run(config: Config) -> list[Figure]:
    """Undo and redo of the import, in the store and in a window."""
    articles = config.size(300, 6)
    passages = config.size(12_000, 120)
    qdpx = config.workdir / "colleague.qdpx"
    built = big_project(config.workdir / "colleague.diptych", articles=articles,
                        passages=passages, tags=config.size(60, 8))  # fmt: skip
    with Project.open(built.path) as source:
        qdpx.write_bytes(export_qdpx(collect(source), None))
    project = new_project(config.workdir / "exchange.diptych")
    started = time.perf_counter()
    _summary, changes = import_recorded(project, path=qdpx)
    imported_ms = (time.perf_counter() - started) * 1000
    rows = _rows(project)
    codings = len(rows["annotation_tags"])
    raw = config.workdir / "raw.diptych"
    new_project(raw).close()  # the same schema, empty
    undo: list[float] = []
    redo: list[float] = []
    raw_insert: list[float] = []
    raw_delete: list[float] = []
    for _ in range(config.repeats(5)):
        raw_insert.append(_raw(raw, lambda conn: _insert(conn, rows)))
        undo.append(elapsed_ms(lambda: take_back(project, changes)))
        raw_delete.append(_raw(raw, lambda conn: _delete(conn, rows)))
        redo.append(elapsed_ms(lambda: bring_back(project, changes)))
    project.close()
    what = f"{len(rows['articles'])} articles, {codings:,} codings"
    extra: dict[str, float | str] = {"import_ms": imported_ms, "codings": codings,
                                     "passages": len(rows["annotations"])}  # fmt: skip
    figures = [
        Figure(NAME, f"redo the import of {what}", "ms", redo,
               "sqlite3 executemany of the same rows", raw_insert, extra=extra),
        Figure(NAME, f"undo the import of {what}", "ms", undo,
               "sqlite3 DELETE of the same rows", raw_delete, extra=extra),
    ]  # fmt: skip
    figures += _into_articles_there(config, built.path, qdpx, raw, rows, what)
    return figures + _in_window(config, qdpx, raw, rows, what)


def _into_articles_there(
    config: Config, source: Path, qdpx: Path, raw: Path, rows: Rows, what: str
) -> list[Figure]:
    """The same file imported into a project holding its articles, without passages:
    every coding is a passage added to an article already there."""
    path = config.workdir / "there.diptych"
    shutil.copyfile(source, path)
    with Project.open(path) as project:
        with project.transaction():
            project.db.execute("DELETE FROM annotations")
        _summary, changes = import_recorded(project, path=qdpx)
        undo: list[float] = []
        redo: list[float] = []
        raw_insert: list[float] = []
        raw_delete: list[float] = []
        passages = {"annotations": rows["annotations"], "annotation_tags": rows["annotation_tags"]}
        for _ in range(config.repeats(5)):
            raw_insert.append(_raw(raw, lambda conn: _insert(conn, passages)))
            undo.append(elapsed_ms(lambda: take_back(project, changes)))
            raw_delete.append(_raw(raw, lambda conn: _delete(conn, passages)))
            redo.append(elapsed_ms(lambda: bring_back(project, changes)))
    extra: dict[str, float | str] = {"changes": _size(changes)}
    return [
        Figure(NAME, f"redo the import of {what}, articles there already", "ms", redo,
               "sqlite3 executemany of the same rows", raw_insert, extra=extra),
        Figure(NAME, f"undo the import of {what}, articles there already", "ms", undo,
               "sqlite3 DELETE of the same rows", raw_delete, extra=extra),
    ]  # fmt: skip


def _rows(project: Project) -> Rows:
    """The rows the import wrote that the baseline writes too."""
    db = project.db.conn
    return {
        "articles": db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles").fetchall(),
        "annotations": db.execute(f"SELECT {PASSAGE_COLUMNS} FROM annotations").fetchall(),
        "annotation_tags": db.execute("SELECT * FROM annotation_tags").fetchall(),
    }  # fmt: skip


def _raw(path: Path, write: Any) -> float:
    """Milliseconds of ``write`` on a raw connection to ``path``, in one transaction."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = OFF")  # the codes are not in the raw file
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    write(conn)
    conn.execute("COMMIT")
    elapsed = (time.perf_counter() - started) * 1000
    conn.close()
    return elapsed


def _insert(conn: sqlite3.Connection, rows: Rows) -> None:
    for table_name, columns in (("articles", ARTICLE_COLUMNS), ("annotations", PASSAGE_COLUMNS)):
        if table_name not in rows:  # the articles are there already
            continue
        marks = ", ".join("?" * len(rows[table_name][0]))
        conn.executemany(f"INSERT INTO {table_name} ({columns}) VALUES ({marks})", rows[table_name])
    conn.executemany("INSERT INTO annotation_tags VALUES (?, ?)", rows["annotation_tags"])


def _delete(conn: sqlite3.Connection, rows: Rows) -> None:
    conn.executemany(
        "DELETE FROM annotation_tags WHERE annotation_id = ?",
        [(row[0],) for row in rows["annotations"]],
    )
    conn.executemany("DELETE FROM annotations WHERE id = ?", [(r[0],) for r in rows["annotations"]])
    articles = rows.get("articles", [])
    conn.executemany("DELETE FROM articles WHERE id = ?", [(r[0],) for r in articles])


def _in_window(config: Config, qdpx: Path, raw: Path, rows: Rows, what: str) -> list[Figure]:
    """Edit > Undo and Edit > Redo of the import in a window showing the Library and the
    Passages panel: the longest stall until the window's lists have followed."""
    from diptych.gui.commands import perform
    from diptych.gui.exchange_commands import ImportExchange

    application()
    path = config.workdir / "window.diptych"
    new_project(path).close()
    window = _window(config.workdir / "user", path)
    session = window.session
    _summary, changes = import_recorded(session.project, path=qdpx)
    session.changed_by_worker()
    perform(session, ImportExchange(session, [qdpx], [changes]))
    _settle(window)
    undo: list[float] = []
    redo: list[float] = []
    raw_insert: list[float] = []
    raw_delete: list[float] = []
    for _ in range(config.repeats(3)):
        raw_insert.append(_raw(raw, lambda conn: _insert(conn, rows)))
        undo.append(_stall(window, session.undo_stack.undo))
        raw_delete.append(_raw(raw, lambda conn: _delete(conn, rows)))
        redo.append(_stall(window, session.undo_stack.redo))
    listed = window.passages.model.rowCount()
    extra: dict[str, float | str] = {"passages_listed": listed, "changes": _size(changes)}
    window.close()
    window.deleteLater()
    run_events(50)
    return [
        Figure(NAME, f"redo the import of {what}, in a window: longest GUI stall", "ms", redo,
               "sqlite3 executemany of the same rows", raw_insert, extra=extra),
        Figure(NAME, f"undo the import of {what}, in a window: longest GUI stall", "ms", undo,
               "sqlite3 DELETE of the same rows", raw_delete, extra=extra),
    ]  # fmt: skip


def _size(changes: ExchangeChanges) -> str:
    return f"{len(changes.articles)} articles, {len(changes.passages)} passages"


def _window(home: Path, path: Path) -> Any:
    """A window on the project with the Passages panel shown, its watch on the file left
    off (so that it never falls inside a measurement)."""
    from diptych.gui.context import AppContext
    from diptych.gui.launcher import Launcher
    from diptych.gui.messages import MessageBridge
    from diptych.gui.paths import AppPaths
    from diptych.gui.settings import Settings

    paths = AppPaths(data=home / "data", config=home / "config")
    paths.ensure()
    context = AppContext(
        paths=paths, settings=Settings(paths.config / "diptych.ini"), messages=MessageBridge()
    )
    launcher = Launcher(context)
    window = launcher.show_project(Project.open(path))
    window.launcher = launcher  # kept alive with the window
    window.session.watch(False)
    window.docks["passages"].show()
    window.docks["passages"].raise_()
    _settle(window)
    return window


def _settle(window: Any) -> None:
    wait_until(lambda: not any(pane.is_loading for pane in window.area.panes()))
    wait_until(lambda: not window.passages.model.reading)
    run_events(SETTLE_MS)


def _stall(window: Any, step: Any) -> float:
    """The longest stall (ms) of the window from ``step`` until its lists have followed."""
    monitor = StallMonitor()
    monitor.start()
    run_events(20)  # the monitor is ticking before the step starts
    step()
    _settle(window)
    return monitor.stop()


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    quick = "--quick" in sys.argv[1:]
    with tempfile.TemporaryDirectory(prefix="diptych-bench-exchange-") as folder:
        figures = run(Config(quick=quick, repeat=1 if quick else 3, workdir=Path(folder)))
        print(table(figures))
        print({f.name: f.extra for f in figures})
        print({f.name: [round(s) for s in f.samples] for f in figures})
