"""Importing a REFI-QDA project refreshes the window once: the import's own commit is not
taken for another program's change at the next look at the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import open_window
from pytestqt.qtbot import QtBot
from test_gui_session_stamps import Clock

from diptych.gui.article_commands import RenameArticle
from diptych.gui.commands import perform
from diptych.gui.context import AppContext
from diptych.gui.main_window import MainWindow
from diptych.storage.exporting import collect
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdpx


@pytest.fixture
def window(qtbot: QtBot, context: AppContext, sample: Path) -> MainWindow:
    """The window on the sample project, its changes a second apart (dates are to the
    second: a rename then changes the article's date)."""
    return open_window(qtbot, context, Project.open(sample, clock=Clock()))


def exchange_file(folder: Path) -> Path:
    """A ``.qdpx`` of another project: one article, one tag, one passage."""
    with Project.create(folder / "other.diptych") as other:
        text = b"Interview with the harbour master about the new tariffs.\n"
        article = other.articles.add(parsed=parse_article(text, name="interview.txt"))
        tag = other.tags.add(name="Harbour")
        other.annotations.add(article_id=article.id, start=16, end=31, tag_ids=[tag.id])
        path = folder / "interview.qdpx"
        path.write_bytes(export_qdpx(collect(other), None))
    return path


def test_a_refi_qda_import_reloads_the_window_once(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    session = window.session
    shown = window.area.panes()[0].article_id or 0
    assert perform(session, RenameArticle(session, shown, "Renamed before the import"))
    reloads: list[str] = []
    session.externalChange.connect(lambda: reloads.append("another program"))
    session.allPassagesChanged.connect(lambda: reloads.append("every view"))
    session.articleTextChanged.connect(lambda article_id: reloads.append(f"text {article_id}"))
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.importer.import_files([exchange_file(tmp_path)])  # as dropped on the window
    assert len(imported.args[0]) == 1
    assert "Harbour" in [t.name for t in session.ordered_tags()]
    session.on_watch_timeout()  # the next look at the file: nothing new there
    assert reloads == ["every view"]  # and no pane rebuilt the renamed article's text


def test_the_memos_a_refi_qda_import_brings_are_shown_at_once(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, sample: Path
) -> None:
    """A colleague's copy of this project with a line more in an article's memo: imported,
    the Memos panel shows that line (typing into the memo shown before lost it)."""
    copy = tmp_path / "colleague.diptych"
    copy.write_bytes(sample.read_bytes())
    shown = window.area.panes()[0].article_id or 0
    window.area.set_current(window.area.panes()[0])
    field = window.memos.article_memo
    qtbot.waitUntil(lambda: field.target_id == shown)
    before = field.toPlainText()
    merged = f"{before}\n\nBen: I read it as a hedge.".strip()
    with Project.open(copy) as colleague:
        colleague.memos.set(kind=MemoKind.ARTICLE, target_id=shown, text=merged)
        path = tmp_path / "colleague.qdpx"
        path.write_bytes(export_qdpx(collect(colleague), None))
    posted: list[str] = []
    window.context.messages.posted.connect(lambda _l, _t, text: posted.append(text))
    window.importer.import_files([path])  # as dropped on the window
    qtbot.waitUntil(lambda: any("1 memo" in text for text in posted), timeout=10_000)
    assert window.session.memo_text(MemoKind.ARTICLE, shown) == merged
    assert field.toPlainText() == merged  # shown at once, to be typed on
