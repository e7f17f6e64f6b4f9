"""What `diptych open` loads before its window is up.

Start-up time is measured by ``bench/bench_startup.py`` (docs/PERFORMANCE.md); these tests
keep the work that was taken off the start path from creeping back onto it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

# Run in a fresh process: `diptych open` on the sample project; once the window is shown
# and the event loop has turned a few times, report what was imported, then close as a
# user would.
PROBE = """
import builtins, gc, json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from diptych.gui.__main__ import main

app = QApplication(sys.argv[:1])

def shown():
    windows = QApplication.topLevelWidgets()
    return [w for w in windows if isinstance(w, QMainWindow) and w.isVisible()]

def report():
    print(json.dumps({
        "modules": sorted(sys.modules),
        "gc_enabled": gc.isenabled(),
        "frozen": gc.get_freeze_count(),
        "window_collected": [any(o is w for o in gc.get_objects()) for w in shown()],
        "main_frozen": not any(o is main for o in gc.get_objects()),
        "titles": [w.windowTitle() for w in shown()],
        "import": builtins.__import__.__name__,
    }), flush=True)
    QApplication.closeAllWindows()

def wait_for_window():
    if shown():
        QTimer.singleShot(100, report)  # a few more turns of the event loop
    else:
        QTimer.singleShot(20, wait_for_window)

QTimer.singleShot(0, wait_for_window)
sys.exit(main(["open"]))
"""

# Imported only when first used: each one lengthened the start before the first paint.
NOT_ON_THE_START_PATH = (
    "markdown_it",  # notes without Markdown syntax need no parser
    "linkify_it",  # nor a finder of the addresses to link
    "sqlite_utils",  # only to create or upgrade a project file
    "diptych.gui.indicator_edges",  # a dark window only
    "diptych.gui.file_dialog_icons",  # with the first file dialog
    "diptych.gui.passage_list_bulk_menu",  # several passages selected in the list
    "diptych.gui.coder_name",  # Edit > Coder name…
    "diptych.gui.passage_copy",  # Ctrl+C in the Passages list
    "diptych.gui.list_copy",  # with the first copy from an article
    "diptych.gui.project_name",  # File > Project name…
    "diptych.storage.search_joined",  # with the first search
    "diptych.storage.passage_copies",
    "diptych.storage.passage_restore",  # passages put back or taken away by undo and redo
    "diptych.storage.passage_bulk",  # passages deleted or re-tagged many at once
    "diptych.storage.html_to_markdown",  # with the first web page pasted into a note
    "diptych.gui.cjk_words",  # with the first step by word, double click or drag over words
    "diptych.storage.tag_paths",  # with the first key typed into the tag palette
    "diptych.storage.cli_commands",  # what the other commands do
    "diptych.storage.cli_tags",
    "diptych.storage.search",  # with the first search
    "diptych.storage.search_words",
    "diptych.storage.search_snippets",
    "diptych.storage.search_emoji",
    "diptych.storage.importing",  # the article readers: only to import or update
    "diptych.storage.decoding",
    "diptych.storage.import_html",
    "diptych.storage.import_markdown",
    "diptych.storage.refiqda_import",
    "diptych.storage.changed_files",  # changed and unrelated files: only to import or update
    "diptych.storage.text_likeness",
    "diptych.gui.export_dialog",  # with its form, its lists and where it saves
    "diptych.gui.export_form",
    "diptych.gui.export_save_to",
    "diptych.gui.export_done",  # with the first export written
    "diptych.gui.import_progress",  # with the first import
    "diptych.gui.check_list",
    "diptych.gui.export_destination",
    "diptych.gui.restore_dialog",
    "diptych.gui.project_restore",
    "diptych.gui.tag_dialog",  # with its key choice, its checks and the key's undo step
    "diptych.gui.tag_key_choice",
    "diptych.gui.tag_key_commands",
    "diptych.gui.tag_values",
    "diptych.gui.tag_edit",
    "difflib",  # only when an article's text changes
    "uuid",  # only when something new is created
)


def start_window() -> dict[str, object]:
    """Start the window in a fresh process (per-user folders of this test); returns what
    it reported."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, done.stderr[-3000:]
    report: dict[str, object] = json.loads(lines[-1])
    return report


@pytest.fixture
def later_start() -> dict[str, object]:
    """A start on the sample project as it is every day: it exists already."""
    start_window()  # the first start creates it
    return start_window()


def test_the_window_starts_without_the_modules_taken_off_its_start_path(
    later_start: dict[str, object],
) -> None:
    modules = later_start["modules"]
    assert isinstance(modules, list)
    assert "diptych.gui.main_window" in modules  # the probe did see the window start
    loaded = [m for m in NOT_ON_THE_START_PATH if m in modules]
    assert loaded == []
    assert later_start["titles"] == ["Sample project — Diptych"]


def test_the_cycle_collector_is_back_on_once_the_window_is_up(
    later_start: dict[str, object],
) -> None:
    assert later_start["gc_enabled"] is True


def test_what_start_up_made_is_left_out_of_the_collectors_rounds_but_not_the_window(
    later_start: dict[str, object],
) -> None:
    """Modules, classes and functions stay for the life of the process: each full
    collection walked them again (gui.app.keep_start_up_objects). The window, its panes
    and the project's data can become garbage: the collector still sees them."""
    frozen = later_start["frozen"]
    assert isinstance(frozen, int) and frozen > 10_000
    assert later_start["main_frozen"] is True
    assert later_start["window_collected"] == [True]


def test_imports_skip_pyside6s_feature_check_once_the_window_starts(
    later_start: dict[str, object],
) -> None:
    """PySide6's ``__feature_import__`` read the source of every module imported after it
    (gui.feature_hook); its own lazy loader of Qt classes stays."""
    assert later_start["import"] == "__lazy_import__"


def test_another_import_hook_is_left_in_place(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from diptych.gui.feature_hook import drop_feature_hook

    imported = builtins.__import__

    def tool_import(*args: object, **kwargs: object) -> object:  # a debugger's, say
        return imported(*args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", tool_import)
    drop_feature_hook()
    assert builtins.__import__ is tool_import
