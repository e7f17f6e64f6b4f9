"""The library driven like a user: filter, open, open beside, rename, remove, drag, drop files.

Dragging an article from the library onto a pane: the offscreen platform ends every QDrag
at once without a drop, so the test takes the MIME data the library view puts on its drag
(``proxy.mimeData`` of the selected rows, as ``QAbstractItemView.startDrag`` does) and
delivers it to the window's real ``dragEnterEvent``/``dropEvent`` as a QDropEvent at a
point over the target pane, which is where Qt forwards a drop that the read-only text
view refuses.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_support import finish_jobs_as_they_start, menu_item
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRect, Qt, QUrl
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDropEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from diptych.gui import dialogs
from diptych.gui.article_model import ARTICLE_ID_ROLE, ARTICLE_MIME
from diptych.gui.library_panel import LibraryPanel
from diptych.gui.main_window import MainWindow
from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project

XI_VISIT = "Xi’s South Korea Visit Marks Turning Point in Diplomatic Relations"
FIELD_NOTES = b"# Field notes from Seoul\n\nA meeting in Seoul on trade and security.\n"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """The sample project with a third article, not open in any pane at first.

    It stands in for the shared ``sample``, so the shared ``window`` opens it.
    """
    path = tmp_path / "library.diptych"
    with create_sample_project(path) as project:
        project.articles.add_many(parsed=[parse_article(FIELD_NOTES, name="field-notes.md")])
    return path


def titles(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        return [a.title for a in project.articles.all()]


def shown_titles(library: LibraryPanel) -> list[str]:
    return [library.proxy.index(row, 0).data() for row in range(library.proxy.rowCount())]


def row_point(library: LibraryPanel, title: str) -> QPoint:
    row = shown_titles(library).index(title)
    return library.view.visualRect(library.proxy.index(row, 0)).center()


def open_context_menu(library: LibraryPanel, title: str) -> QMenu:
    """Right-click an article in the list and return the menu that pops up."""
    point = row_point(library, title)
    viewport = library.view.viewport()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    return menu


def choose(menu: QMenu, text: str) -> None:
    """Choose the item of ``menu`` that reads ``text``."""
    action = menu_item(menu, text)
    menu.close()
    action.trigger()


def test_article_list_model_passes_the_model_tester(qtmodeltester, window: MainWindow) -> None:
    model = window.library.model
    qtmodeltester.check(model)
    qtmodeltester.check(window.library.proxy)
    assert model.rowCount() == 3
    sample = model.index(0, 0)
    assert "3 passages" in sample.data(Qt.ItemDataRole.ToolTipRole)
    assert sample.data(ARTICLE_ID_ROLE) == 1
    window.session.add_passage(article_id=1, start=0, end=10, tag_ids=[])
    assert "4 passages" in sample.data(Qt.ItemDataRole.ToolTipRole)
    assert sample.data(Qt.ItemDataRole.StatusTipRole) == "4 passages"
    assert model.flags(sample) & Qt.ItemFlag.ItemIsDragEnabled


def test_an_article_title_that_looks_like_html_is_shown_as_text(window: MainWindow) -> None:
    hostile = "<img src=file:///etc/passwd> & <b>bold</b>"
    window.session.rename_article(1, hostile)
    model = window.library.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ARTICLE_ID_ROLE) == 1)
    tip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<img" not in tip and "<b>" not in tip
    assert "&lt;img src=file:///etc/passwd&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in tip
    shown = QTextDocument()
    shown.setHtml(tip)  # how Qt reads a tooltip that looks like rich text
    assert shown.toPlainText().splitlines()[0] == hostile


def test_the_tooltip_says_when_an_article_was_imported_in_local_time(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time
    from datetime import datetime
    from zoneinfo import ZoneInfo

    monkeypatch.setenv("TZ", "Asia/Seoul")
    time.tzset()
    try:
        model = window.library.model
        stored = model.summary(0).imported_at  # UTC, as "2026-12-03T13:05:47Z"
        seoul = datetime.fromisoformat(stored).astimezone(ZoneInfo("Asia/Seoul"))
        shown = QTextDocument()
        shown.setHtml(model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole))
        assert shown.toPlainText().splitlines()[-1] == f"Imported {seoul:%Y-%m-%d %H:%M}"
    finally:
        monkeypatch.undo()  # the zone the tests run in, for the tests after this one
        time.tzset()


def test_typing_in_the_filter_narrows_the_list(qtbot: QtBot, window: MainWindow) -> None:
    library = window.library
    qtbot.keyClicks(library.filter, "KOREA")
    assert shown_titles(library) == [
        "Xi’s South Korea Visit Marks Turning Point in Diplomatic Relations"
    ]
    library.filter.clear()
    qtbot.keyClicks(library.filter, "seoul")
    assert shown_titles(library) == ["Field notes from Seoul"]
    library.filter.clear()
    assert len(shown_titles(library)) == 3


def test_double_click_opens_the_article_in_the_current_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    library, area = window.library, window.area
    right = area.panes()[1]
    area.set_current(right)
    point = row_point(library, "Field notes from Seoul")
    qtbot.mouseClick(library.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(library.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert [p.article_id for p in area.panes()] == [1, 3]
    assert area.current is right and right.header._full_title == "Field notes from Seoul"
    qtbot.waitUntil(lambda: not right.is_loading)
    assert "A meeting in Seoul" in right.view.toPlainText()

    # An article already open is brought forward, not opened twice.
    point = row_point(library, "The Shifting Landscape: Evidence of a New Diplomatic Era")
    qtbot.mouseClick(library.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.mouseDClick(library.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert [p.article_id for p in area.panes()] == [1, 3]
    assert area.current is area.panes()[0]


def test_open_beside_adds_a_pane(qtbot: QtBot, window: MainWindow) -> None:
    library, area = window.library, window.area
    qtbot.mouseClick(
        library.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=row_point(library, "Field notes from Seoul"),
    )
    button = next(b for b in library.findChildren(QPushButton) if b.text() == "Open beside")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [p.article_id for p in area.panes()] == [1, 2, 3]
    assert area.current is area.panes()[2]
    # Beside means beside, even for an article that is already open.
    library.select_article(1)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [p.article_id for p in area.panes()] == [1, 2, 3, 1]


def test_rename_from_the_context_menu_is_undoable(
    qtbot: QtBot, window: MainWindow, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def get_text(_parent, _title, _label, text="", *_args, **_kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return "Beijing and Seoul", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    old = "Xi’s South Korea Visit Marks Turning Point in Diplomatic Relations"
    menu = open_context_menu(window.library, old)
    choose(menu, "Rename…")
    assert asked == [old]  # the field starts with the current title
    assert window.library.selected_article() == 2  # the renamed article stays selected
    assert titles(sample)[1] == "Beijing and Seoul"
    assert "Beijing and Seoul" in shown_titles(window.library)
    pane = window.area.pane_for(2)
    assert pane is not None and pane.header._full_title == "Beijing and Seoul"

    window.actions_.undo.trigger()
    assert titles(sample)[1] == old
    assert pane.header._full_title == old
    window.actions_.redo.trigger()
    assert titles(sample)[1] == "Beijing and Seoul"


def test_remove_asks_then_removes_and_undo_brings_everything_back(
    qtbot: QtBot, window: MainWindow, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions: list[str] = []
    answers = iter([False, True])

    def question(_parent, _title, text):  # type: ignore[no-untyped-def]
        questions.append(text)
        return next(answers)

    monkeypatch.setattr(dialogs, "ask_plain", question)
    title = "The Shifting Landscape: Evidence of a New Diplomatic Era"
    choose(open_context_menu(window.library, title), "Remove from project…")  # No
    assert title in titles(sample)
    assert "and its 3 passages from the project" in questions[0]

    choose(open_context_menu(window.library, title), "Remove from project…")  # Yes
    assert title not in titles(sample)
    with Project.open(sample, read_only=True) as project:
        assert {p.article_id for p in project.annotations.query()} == {2}
    assert title not in shown_titles(window.library)
    qtbot.waitUntil(lambda: len(window.area.panes()) == 1)  # its pane closed
    assert window.area.panes()[0].article_id == 2

    window.actions_.undo.trigger()
    assert titles(sample)[0] == title
    with Project.open(sample, read_only=True) as project:
        assert len(project.annotations.query(article_id=1)) == 3
    assert title in shown_titles(window.library)


def article_drop(window: MainWindow, article_title: str, target: QPoint) -> QDropEvent:
    """Drag an article from the library and drop it at ``target`` (window coordinates)."""
    library = window.library
    row = shown_titles(library).index(article_title)
    data = library.proxy.mimeData([library.proxy.index(row, 0)])
    assert ARTICLE_MIME in data.formats()
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(target, Qt.DropAction.CopyAction, data, buttons, modifiers)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(target), Qt.DropAction.CopyAction, data, buttons, modifiers)
    window.dropEvent(drop)
    return drop


def test_article_dragged_from_the_library_opens_beside_the_pane_it_is_dropped_on(
    qtbot: QtBot, window: MainWindow
) -> None:
    area = window.area
    right = area.panes()[1]
    target = right.mapTo(window, QPoint(right.width() // 4, right.height() // 2))
    article_drop(window, "Field notes from Seoul", target)  # on the pane's left half
    assert [p.article_id for p in area.panes()] == [1, 3, 2]
    assert area.current is area.panes()[1]
    assert window.library.selected_article() == 3

    # Dropped anywhere else (here, on the library), it opens in a new pane; one open
    # already is not opened twice: its pane becomes the current one.
    elsewhere = window.library.mapTo(window, window.library.rect().center())
    article_drop(
        window, "Xi’s South Korea Visit Marks Turning Point in Diplomatic Relations", elsewhere
    )
    assert [p.article_id for p in area.panes()] == [1, 3, 2]
    assert area.current is area.panes()[2]


def file_drop(window: MainWindow, paths: list[Path]) -> None:
    """Drop files from a file manager onto the window."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    point = window.rect().center()
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, data, buttons, modifiers)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(QDropEvent(QPointF(point), Qt.DropAction.CopyAction, data, buttons, modifiers))


def test_dropping_article_files_imports_them_in_one_undo_step(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    files = tmp_path / "files"
    files.mkdir()
    (files / "minutes.txt").write_text("Minutes of the trade talks\n\nBoth sides agreed.\n")
    (files / "memo.md").write_text("# Memo on tariffs\n\nTariffs rise in *May*.\n")
    (files / "page.html").write_text(
        "<html><head><title>Press release</title></head>"
        "<body><h1>Joint statement</h1><p>Signed in Seoul.</p></body></html>"
    )
    file_drop(window, sorted(files.iterdir()))
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 6, timeout=10_000)
    new = set(titles(sample)[3:])
    assert new == {"Minutes of the trade talks", "Memo on tariffs", "Joint statement"}
    # The first imported article opens.
    assert window.area.current is not None
    assert window.area.current.article_id == 4  # memo.md, the first file in the drop
    assert window.session.undo_stack.undoText() == "Import 3 articles"
    window.actions_.undo.trigger()
    assert len(titles(sample)) == 3


def test_dropping_a_refi_qda_project_imports_it_in_the_background(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.diptych"
    with Project.create(other) as project:
        project.articles.add_many(
            parsed=[parse_article(b"Interview with a diplomat.\n\nWe met twice.", name="i.txt")]
        )
        tag = project.tags.add(name="Interviews", color="#5ED1C4")
        project.annotations.add(article_id=1, start=0, end=9, tag_ids=[tag.id], note="first")
        exchange = tmp_path / "exchange.qdpx"
        exchange.write_bytes(export_project(project, fmt="qdpx"))
    # A change since the backup taken on opening: the import must back it up first.
    qtbot.waitUntil(lambda: window.backups.last is not None, timeout=5000)
    window.session.project.tags.add(name="Coded before the import")

    with qtbot.waitSignal(window.importer.imported, timeout=10_000):
        file_drop(window, [exchange])
    assert "Interview with a diplomat." in titles(sample)
    assert "Interview with a diplomat." in shown_titles(window.library)
    assert window.session.project.tags.find(name="Interviews") is not None
    with Project.open(sample, read_only=True) as project:
        tags = {t.id: t.name for t in project.tags.all()}
        notes = [
            (p.exact, [tags[t] for t in p.tag_ids], p.note) for p in project.annotations.query()
        ]
    assert ("Interview", ["Interviews"], "first") in notes
    # A backup was taken before the import, with the change and without the import.
    backups = window.context.paths.backups
    before = [p for p in backups.rglob("*.diptych") if "before-import" in p.name]
    assert len(before) == 1
    with Project.open(before[0], read_only=True) as project:
        assert project.tags.find(name="Coded before the import") is not None
        assert project.tags.find(name="Interviews") is None


def test_a_quick_import_is_not_lost(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    finish_jobs_as_they_start(monkeypatch, 5000)
    note = tmp_path / "quick.txt"
    note.write_text("A quick note\n\nShort enough to parse at once.\n")
    window.importer.import_files([note])
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 4, timeout=1000)


def test_a_long_single_import_shows_a_busy_dialog_until_it_ends(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from PySide6.QtWidgets import QProgressDialog

    import diptych.gui.import_jobs as import_jobs

    release = threading.Event()
    real_read = import_jobs.read_article

    def slow_read(path: Path):  # type: ignore[no-untyped-def]
        release.wait(10)  # a long web page being parsed
        return real_read(path)

    monkeypatch.setattr(import_jobs, "read_article", slow_read)
    page = tmp_path / "long page.html"
    page.write_text("<h1>Long page</h1><p>Its text.</p>", encoding="utf-8")
    window.importer.import_files([page])

    def busy() -> QProgressDialog | None:
        dialogs = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        return dialogs[0] if dialogs else None

    qtbot.waitUntil(lambda: busy() is not None, timeout=2000)  # after half a second
    dialog = busy()
    assert dialog is not None and dialog.labelText() == "Reading long page.html…"
    assert (dialog.minimum(), dialog.maximum()) == (0, 0)  # a busy bar: one file, no steps
    release.set()
    qtbot.waitUntil(lambda: busy() is None and "Long page" in shown_titles(window.library))


def test_a_library_of_hundreds_of_articles_is_laid_out_and_reaches_its_last_row(
    qtbot: QtBot, session
) -> None:
    long_title = "A very long title that has to wrap over several lines in a narrow library " * 2
    files = [
        parse_article(f"# Article {n}\n\nText {n}.\n".encode(), name=f"{n}.md") for n in range(300)
    ]
    files.append(parse_article(f"# {long_title}\n\nThe last one.\n".encode(), name="last.md"))
    session.project.articles.add_many(parsed=files)
    session.articlesChanged.emit()
    library = LibraryPanel(session)
    qtbot.addWidget(library)
    library.resize(260, 400)
    library.show()
    qtbot.waitExposed(library)
    last = session.project.articles.all()[-1]
    library.select_article(last.id)
    library.view.scrollTo(library.view.currentIndex())
    viewport = library.view.viewport()

    def last_row() -> QRect:
        return library.view.visualRect(library.view.currentIndex())

    qtbot.waitUntil(lambda: viewport.rect().contains(last_row().center()))
    first = library.view.visualRect(library.proxy.index(0, 0))
    assert last_row().height() > first.height()  # the long title wraps
    end = last_row().center()
    above = library.view.visualRect(library.proxy.index(library.proxy.rowCount() - 2, 0))
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=above.center())
    assert library.selected_article() == session.project.articles.all()[-2].id
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert library.selected_article() == last.id
    session.rename_article(session.project.articles.all()[0].id, "Renamed")  # a reset
    assert library.selected_article() == last.id
    qtbot.waitUntil(lambda: viewport.rect().contains(last_row().center()))  # still in view


def test_what_another_program_writes_during_an_import_is_shown_after_it(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from diptych.gui import import_jobs
    from diptych.gui.session_watch import WATCH_INTERVAL_MS

    reading, go_on = threading.Event(), threading.Event()
    real_read = import_jobs.read_article

    def slow_read(path: Path):  # type: ignore[no-untyped-def]
        reading.set()
        go_on.wait(10)
        return real_read(path)

    monkeypatch.setattr(import_jobs, "read_article", slow_read)
    notes = tmp_path / "field-notes-2.md"
    notes.write_bytes(FIELD_NOTES + b"\nA second meeting in Busan.\n")  # not a copy
    passage = window.session.project.annotations.query()[0]
    window.importer.import_files([notes])
    qtbot.waitUntil(reading.is_set, timeout=10_000)
    with Project.open(sample) as other:  # another window, while the import runs
        other.annotations.set_note(annotation_id=passage.id, note="Written elsewhere")
    go_on.set()
    qtbot.waitUntil(lambda: len(shown_titles(window.library)) == 4, timeout=10_000)
    qtbot.wait(WATCH_INTERVAL_MS + 500)  # the window's next look at the file, too

    def note_shown() -> str:
        found = window.passages.model.find(passage.id)
        return found.note if found else ""

    assert note_shown() == "Written elsewhere"


def test_the_article_list_is_read_once_for_every_view_after_a_change(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = window.session.project.articles
    reads: list[int] = []
    real_all = store.all
    monkeypatch.setattr(store, "all", lambda: reads.append(1) or real_all())
    window.session.rename_article(1, "Renamed once")
    assert shown_titles(window.library).count("Renamed once") == 1  # every view has it
    assert window.passages.model.index(0, 0).data() in {a.title for a in real_all()}
    assert len(reads) == 1  # the library, the passages, the panes: one read between them
    passage = window.session.add_passage(article_id=1, start=0, end=10, tag_ids=[])
    counts = {a.id: a.annotation_count for a in window.session.articles()}
    assert (
        counts[passage.article_id]
        == window.session.project.articles.summary(article_id=passage.article_id).annotation_count
    )  # the count after the change, not a remembered one
