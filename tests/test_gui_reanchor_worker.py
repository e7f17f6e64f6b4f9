"""Update from newer file on a long article with many passages: the passages are found
again in the worker that reads the file, not on the GUI thread (which would freeze the
window for seconds); Cancel stops that search; undo and redo restore exactly, redo without
searching again."""

from __future__ import annotations

import random
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from gui_support import make_context, open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

import diptych.storage.article_updates as updates_module
from diptych.gui.main_window import MainWindow
from diptych.storage.annotations import NewAnnotation
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

WORDS = [
    "tariff",
    "talks",
    "resumed",
    "after",
    "officials",
    "from",
    "both",
    "delegations",
    "met",
    "in",
    "Geneva",
    "where",
    "the",
    "trade",
    "representative",
    "said",
    "markets",
    "rose",
    "while",
    "critics",
    "in",
    "congress",
    "called",
    "the",
    "deal",
    "a",
    "symbolic",
    "restart",
    "steel",
    "aluminium",
    "soybeans",
    "exports",
    "quota",
    "currency",
    "euro",
    "dollar",
    "analysts",
]
PASSAGES = 2000


def paragraphs(count: int) -> list[str]:
    r = random.Random(11)
    return [
        " ".join(r.choice(WORDS) for _ in range(r.randint(40, 90))).capitalize() + "."
        for _ in range(count)
    ]


def edited(paras: list[str]) -> str:
    """Every seventh paragraph rewritten a little, and the first half moved to the end."""
    out = [p.replace(" the ", " a ", 2) if i % 7 == 0 else p for i, p in enumerate(paras)]
    return "\n\n".join(out[len(out) // 2 :] + out[: len(out) // 2])


@pytest.fixture
def paras() -> list[str]:
    return paragraphs(500)  # about 250,000 characters


def build(path: Path, paras: list[str]) -> Path:
    """A project with one long article carrying 2,000 passages (the same for the same
    paragraphs)."""
    with Project.create(path) as project:
        text = "\n\n".join(paras)
        article = project.articles.add(parsed=parse_article(text.encode(), name="long.txt"))
        stored = project.articles.get(article_id=article.id).text
        tag = project.tags.add(name="Trade").id
        r = random.Random(3)
        items = []
        for i in range(PASSAGES):
            start = r.randrange(0, len(stored) - 300)
            items.append(
                NewAnnotation(article.id, start, start + r.randint(20, 250), (tag,), f"{i}")
            )
        project.annotations.add_many(items=items)
    return path


@pytest.fixture
def big(tmp_path: Path, paras: list[str]) -> Path:
    return build(tmp_path / "big.diptych", paras)


@pytest.fixture
def big_window(qtbot: QtBot, tmp_path: Path, big: Path) -> MainWindow:
    return open_window(qtbot, make_context(tmp_path / "user"), Project.open(big))


@pytest.fixture
def threads(monkeypatch: pytest.MonkeyPatch) -> list[threading.Thread]:
    """The thread of each search for passages in a new text."""
    seen: list[threading.Thread] = []
    real = updates_module.reanchor_all

    def recording(anchors: Sequence[Any], new_text: str, **kwargs: Any) -> Any:
        seen.append(threading.current_thread())
        return real(anchors, new_text, **kwargs)

    monkeypatch.setattr(updates_module, "reanchor_all", recording)
    return seen


def state(window: MainWindow, article_id: int) -> tuple[str, list[tuple[Any, ...]]]:
    project = window.session.project
    passages = [
        (p.id, p.start, p.end, p.exact, p.prefix, p.suffix, p.status)
        for p in project.annotations.query(article_id=article_id)
    ]
    return project.articles.get(article_id=article_id).text, passages


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the panes have built the article's text again."""
    qtbot.waitUntil(lambda: all(not p.is_loading for p in window.area.panes()), timeout=30_000)


def update(qtbot: QtBot, window: MainWindow, newer: Path) -> list[tuple[int, str, str]]:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    with qtbot.waitSignal(window.context.messages.posted, timeout=60_000):
        window.importer.reimport(1, newer)
    return posted


def test_the_passages_are_found_again_in_the_worker_and_undo_redo_restore(
    qtbot: QtBot,
    big_window: MainWindow,
    paras: list[str],
    tmp_path: Path,
    threads: list[threading.Thread],
) -> None:
    window = big_window
    newer = tmp_path / "newer.txt"
    newer.write_text(edited(paras), encoding="utf-8")
    before = state(window, 1)
    steps = window.session.undo_stack.count()

    posted = update(qtbot, window, newer)

    assert posted[-1][1] == "Update article"
    assert posted[-1][2].startswith("Updated “")
    assert len(threads) == 1
    assert threads[0] is not threading.main_thread()  # a worker's, not the window's
    assert window.session.undo_stack.count() == steps + 1
    after = state(window, 1)
    assert after[0] == parse_article(newer.read_bytes(), name="newer.txt").content.text
    assert len(after[1]) == PASSAGES
    assert sum(p[6] == "anchored" for p in after[1]) > PASSAGES * 0.9  # most found again

    # The same as an update of the same project that finds the passages itself.
    with Project.open(build(tmp_path / "expected.diptych", paras)) as expected:
        expected.articles.replace_text(
            article_id=1, parsed=parse_article(newer.read_bytes(), name="newer.txt")
        )
        assert len(threads) == 2
        text = expected.articles.get(article_id=1).text
        passages = [
            (p.id, p.start, p.end, p.exact, p.prefix, p.suffix, p.status)
            for p in expected.annotations.query(article_id=1)
        ]
    assert after == (text, passages)

    window.session.undo_stack.undo()
    assert state(window, 1) == before
    window.session.undo_stack.redo()
    assert state(window, 1) == after
    assert len(threads) == 2  # redo put the passages where the worker had found them
    settle(qtbot, window)


def test_a_passage_added_elsewhere_while_the_worker_searched_is_found_too(
    qtbot: QtBot,
    big_window: MainWindow,
    paras: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = big_window
    real = updates_module.reanchor_all
    text = window.session.project.articles.get(article_id=1).text
    quote = paras[3][:60]
    added: list[int] = []

    def then_another_window_adds(anchors: Sequence[Any], new_text: str, **kwargs: Any) -> Any:
        results = real(anchors, new_text, **kwargs)
        if not added:  # the worker's search is done; another window adds a passage
            with Project.open(window.session.project.path) as other:
                start = text.index(quote)
                added.append(
                    other.annotations.add(article_id=1, start=start, end=start + len(quote)).id
                )
        return results

    monkeypatch.setattr(updates_module, "reanchor_all", then_another_window_adds)
    newer = tmp_path / "newer.txt"
    newer.write_text(edited(paras), encoding="utf-8")

    update(qtbot, window, newer)

    passages = window.session.project.annotations.query(article_id=1)
    assert len(passages) == PASSAGES + 1
    found = next(p for p in passages if p.id == added[0])
    assert found.status == "anchored"
    assert found.exact == quote
    assert window.session.project.articles.get(article_id=1).text[found.start : found.end] == quote
    window.session.undo_stack.undo()
    restored = window.session.project.annotations.get(annotation_id=added[0])
    assert text[restored.start : restored.end] == quote
    settle(qtbot, window)


def test_cancel_while_the_passages_are_searched_leaves_the_article_as_it_was(
    qtbot: QtBot,
    big_window: MainWindow,
    paras: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = big_window
    real = updates_module.reanchor_all
    searching, release = threading.Event(), threading.Event()
    looked_for: list[int] = []

    def slow(anchors: Sequence[Any], new_text: str, **kwargs: Any) -> Any:
        searching.set()
        release.wait(10)  # Cancel is pressed meanwhile
        keep_going = kwargs.pop("keep_going")

        def counting() -> bool:
            looked_for.append(1)
            return keep_going()

        return real(anchors, new_text, keep_going=counting, **kwargs)

    monkeypatch.setattr(updates_module, "reanchor_all", slow)
    newer = tmp_path / "newer.txt"
    newer.write_text(edited(paras), encoding="utf-8")
    before = state(window, 1)
    steps = window.session.undo_stack.count()
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))

    window.importer.reimport(1, newer)
    qtbot.waitUntil(searching.is_set, timeout=10_000)
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(QProgressDialog)), timeout=5000
    )
    busy = next(d for d in window.findChildren(QProgressDialog) if d.isVisible())
    with qtbot.waitSignal(window.context.messages.posted, timeout=30_000):
        qtbot.mouseClick(busy.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
        release.set()

    assert posted[-1][1:] == ("Update article", "Update cancelled; the article was not changed.")
    assert 0 < len(looked_for) < PASSAGES  # stopped between passages, not at the end
    assert state(window, 1) == before
    assert window.session.undo_stack.count() == steps
    with Project.open(window.session.project.path, read_only=True) as project:
        assert project.articles.get(article_id=1).text == before[0]
    settle(qtbot, window)
