"""Open articles in this fresh process and report its memory (resident set size).

Usage::

    python bench/memory_child.py diptych PROJECT   # one ArticlePane per article, side by side
    python bench/memory_child.py bare TEXTFILE     # one QTextBrowser holding the whole text

Prints one JSON line, in MiB: ``start`` (the application created and the modules
imported, nothing open), ``open`` (everything built, painted and settled), ``laid_out``
(after forcing the layout of every document, as scrolling through them all would), and
``peak`` (the highest resident size of the process).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QSplitter, QTextBrowser, QTextEdit
from qt_support import application, run_events, show_and_paint, wait_until

SIZE = (1920, 1000)  # the same screen area for both
SETTLE_MS = 500


def resident_mib(field: str = "VmRSS") -> float:
    """A memory figure of this process from /proc, in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"{field} is not reported by this system")


def open_in_panes(project_path: Path) -> tuple[list[QTextEdit], list[object]]:
    """Every article of the project in its own ArticlePane, in one splitter.

    Returns the text views, and the objects to keep alive while measuring.
    """
    from diptych.gui.article_pane import ArticlePane
    from diptych.gui.messages import MessageBridge
    from diptych.gui.session import ProjectSession
    from diptych.storage.project import Project

    session = ProjectSession(Project.open(project_path), MessageBridge())
    splitter = QSplitter()
    splitter.resize(*SIZE)
    panes = []
    for article in session.project.articles.all():
        pane = ArticlePane(session)
        splitter.addWidget(pane)
        pane.show_article(article.id)
        panes.append(pane)
    show_and_paint(splitter)
    wait_until(lambda: not any(p.is_loading for p in panes), timeout_s=900)
    return [p.view for p in panes], [session, splitter]


def open_in_browser(text_path: Path) -> tuple[list[QTextEdit], list[object]]:
    """The whole text as plain text in one QTextBrowser."""
    browser = QTextBrowser()
    browser.resize(*SIZE)
    show_and_paint(browser)
    browser.setPlainText(text_path.read_text(encoding="utf-8"))
    return [browser], [browser]


def main() -> int:
    """Open what the command line names and print the memory figures."""
    application()
    if sys.argv[1] == "diptych":  # imported before the start figure, like PySide6 for both
        import diptych.gui.article_pane  # noqa: F401
    figures = {"start": resident_mib()}
    opener = open_in_panes if sys.argv[1] == "diptych" else open_in_browser
    views, alive = opener(Path(sys.argv[2]))
    run_events(SETTLE_MS)
    figures["open"] = resident_mib()
    for view in views:
        view.document().documentLayout().documentSize()  # lays out the whole document
    run_events(SETTLE_MS)
    figures["laid_out"] = resident_mib()
    figures["peak"] = resident_mib("VmHWM")
    print(json.dumps(figures), flush=True)
    del alive
    return 0


if __name__ == "__main__":
    sys.exit(main())
