"""Memory with ten 1 MB articles open side by side, in fresh processes.

The window shows at most six panes (``gui.pane_area.MAX_PANES``), so ten real
``ArticlePane`` objects are put side by side in a plain QSplitter instead, all on one
project (``bench/memory_child.py``). Baseline: one QTextBrowser holding the same ten
display texts as plain text. Both get the same screen area. Each figure is the growth of
the process's resident size from its start (application created, modules imported) to
everything built and painted; a second figure after forcing the layout of every document.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from common import Config, Figure, interleave
from projects import add_tags, markdown_article, new_project, passages

NAME = "memory"
CHILD = Path(__file__).resolve().parent / "memory_child.py"
ARTICLES = 10
PASSAGES_PER_KB = 0.1


def run(config: Config) -> list[Figure]:
    """Ten articles in ten panes, against one browser with their text."""
    size = config.size(1_000_000, 20_000)
    project_path = config.workdir / "memory.diptych"
    text_path = config.workdir / "memory.txt"
    project = new_project(project_path)
    tags = add_tags(project)
    texts = []
    for index in range(ARTICLES):
        parsed = markdown_article(size, seed=100 + index, name=f"article-{index}.md")
        article_id = project.articles.add(parsed=parsed).id
        count = max(1, round(size / 1000 * PASSAGES_PER_KB))
        project.annotations.add_many(
            items=passages(parsed.content.text, article_id=article_id, count=count, tag_ids=tags)
        )
        texts.append(parsed.content.text)
    project.close()
    text_path.write_text("\n".join(texts), encoding="utf-8")
    runs: dict[str, list[dict[str, float]]] = {"diptych": [], "bare": []}

    def measure(mode: str, path: Path) -> float:
        figures = _child(mode, path)
        runs[mode].append(figures)
        return figures["open"] - figures["start"]

    opened, bare = interleave(lambda: measure("diptych", project_path),
                              lambda: measure("bare", text_path), config.repeats(2))  # fmt: skip
    laid = [r["laid_out"] - r["start"] for r in runs["diptych"]]
    bare_laid = [r["laid_out"] - r["start"] for r in runs["bare"]]
    baseline = "1 QTextBrowser.setPlainText of the same text"
    label = f"{ARTICLES} x {size / 1e6:g} MB articles in {ARTICLES} panes"
    return [
        Figure(NAME, f"{label}: RSS growth, open", "MiB", opened, baseline, bare,
               extra=_extra(runs)),
        Figure(NAME, f"{label}: RSS growth, fully laid out", "MiB", laid, baseline, bare_laid),
    ]  # fmt: skip


def _extra(runs: dict[str, list[dict[str, float]]]) -> dict[str, float | str]:
    last, base = runs["diptych"][-1], runs["bare"][-1]
    return {
        "start_mib": last["start"],
        "peak_mib": last["peak"],
        "baseline_start_mib": base["start"],
        "baseline_peak_mib": base["peak"],
    }


def _child(mode: str, path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, str(CHILD), mode, str(path)], check=False, capture_output=True, text=True
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"memory {mode} process failed: {done.stderr[-2000:]}")
    return dict(json.loads(lines[-1]))
