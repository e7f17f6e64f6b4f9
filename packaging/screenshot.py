"""Take the README screenshot from the real window (run under Xvfb by `make screenshot`).

A copy of the sample project gets a few more passages so that both articles show several
coloured highlights, one of them overlapping another; then the window opens on it, a
passage is selected so that the editor shows its note, and the window is grabbed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

EXTRA_PASSAGES = (
    # (article index, quote, tags, note)
    (0, "the actions of middle powers are becoming increasingly significant", ("Diplomacy",), ""),
    (0, "intensifying rivalry between Washington and Beijing", ("Security",), ""),
    (0, "Washington and Beijing", ("Diplomacy",), "Overlaps the rivalry passage."),
    (
        1,
        "after years of frosty relations marked by geopolitical tensions and economic disputes",
        ("Diplomacy",),
        "Background: THAAD-era frost.",
    ),
    (1, "economic disputes", ("Trade",), ""),
    (
        1,
        "Key themes during the meetings included cooperation on technology, climate initiatives, "
        "and economic integration",
        ("Economy", "Evidence"),
        "List of themes — compare with 000.",
    ),
)


def build_project(folder: Path) -> Path:
    """The sample project plus the extra passages."""
    from diptych.storage.anchors import find_quote
    from diptych.storage.sample import create_sample_project

    path = folder / "Sample project.diptych"
    with create_sample_project(path) as project:
        articles = project.articles.all()
        for index, quote, tags, note in EXTRA_PASSAGES:
            article = project.articles.get(article_id=articles[index].id)
            anchor = find_quote(article.text, quote)
            tag_ids = [project.tags.find(name=t).id for t in tags]  # type: ignore[union-attr]
            project.annotations.add(
                article_id=article.id, start=anchor.start, end=anchor.end, tag_ids=tag_ids,
                note=note, coder="Ann",
            )  # fmt: skip
    return path


def main(output: Path) -> int:
    """Open the window on the enriched sample and save a PNG of it."""
    home = Path(tempfile.mkdtemp(prefix="diptych-shot-"))
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config")):
        os.environ[var] = str(home / sub)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from diptych.gui.context import AppContext
    from diptych.gui.launcher import Launcher
    from diptych.storage.project import Project

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Diptych")
    context = AppContext.standard()
    context.settings.set_coder("Ann")  # the coder of the passages shown
    project_path = build_project(home)
    window = Launcher(context).show_project(Project.open(project_path))
    window.resize(1600, 980)
    window.move(0, 0)

    def select_and_grab() -> None:
        try:
            passages = window.session.project.annotations.query()
            chosen = next(p for p in passages if p.note.startswith("Background"))
            window.coding.selection.reveal_passage(chosen.id, chosen.article_id)
            window.area.panes()[1].view.verticalScrollBar().setValue(0)
        except Exception:
            window.close()
            app.exit(1)  # the traceback is printed; a screenshot of nothing chosen is no use
            raise
        QTimer.singleShot(600, grab)

    def grab() -> None:
        window.grab().save(str(output))
        print(f"saved {output}")
        window.close()
        app.quit()

    QTimer.singleShot(1500, select_and_grab)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png").resolve()))
