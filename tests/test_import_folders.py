"""Folders chosen or dropped for import: their article files are imported, sub-folders
too, and what is left out (files that are not articles, hidden files, a folder reached
again through a link) is said, never silently lost or read twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage import import_files
from diptych.storage.errors import ArticleFileError, Cancelled
from diptych.storage.import_files import files_to_import
from diptych.storage.project import Project


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def relative(root: Path, paths: list[Path]) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_a_folder_gives_its_article_files_then_its_sub_folders_in_name_order(
    tmp_path: Path,
) -> None:
    root = tree(
        tmp_path / "articles",
        {
            "b.txt": "B\n",
            "A.HTML": "<p>A</p>",
            "c.Md": "# C\n",
            "2024/z.TXT": "Z\n",
            "2024/deep/y.htm": "<p>Y</p>",
            ".hidden.txt": "a hidden file\n",
            ".git/HEAD.txt": "inside a hidden folder\n",
            "README": "no suffix\n",
            "photo.jpg": "not text",
        },
    )
    (root / "2024" / "deep" / "back-up").symlink_to(root)  # a loop of links
    found = files_to_import([root])
    assert relative(root, found.files) == [
        "A.HTML",
        "b.txt",
        "c.Md",
        "2024/z.TXT",
        "2024/deep/y.htm",
    ]
    said, loop = found.left_out
    assert said.startswith(f"{root}: 2 files that are not articles were left out")
    assert (
        loop
        == f"{root}: 1 symbolic link that leads round in a loop was skipped (2024/deep/back-up)."
    )
    assert "README" in said and "photo.jpg" in said and "hidden" not in said


def test_numbered_files_come_in_the_order_of_their_numbers(tmp_path: Path) -> None:
    names = ["Part 10.md", "part 2.md", "Part 1.md", "notes.txt", "9 appendix.txt"]
    root = tree(tmp_path / "book", {name: "Text\n" for name in names})
    assert relative(root, files_to_import([root]).files) == [
        "9 appendix.txt",
        "notes.txt",
        "Part 1.md",
        "part 2.md",
        "Part 10.md",
    ]


def test_a_file_given_twice_or_inside_a_folder_given_too_is_read_once(tmp_path: Path) -> None:
    root = tree(tmp_path / "articles", {"a.txt": "A\n", "b.txt": "B\n"})
    (tmp_path / "link.txt").symlink_to(root / "a.txt")
    found = files_to_import([root / "a.txt", root, root / "a.txt", tmp_path / "link.txt"])
    assert relative(root, found.files) == ["a.txt", "b.txt"]
    assert found.left_out == []


def test_an_empty_folder_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    (empty / ".cache").mkdir(parents=True)
    found = files_to_import([empty])
    assert found.files == []
    assert found.left_out == [
        f"{empty}: holds no article files, so nothing was imported from it. Choose a folder "
        "with .htm, .html, .markdown, .md, .text, .txt, .xhtml files."
    ]


def test_a_folder_of_too_many_files_is_refused_before_anything_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_files, "MAX_FOLDER_FILES", 3)
    root = tree(tmp_path / "home", {f"sub/{n}.txt": "x\n" for n in range(3)})
    assert len(files_to_import([root]).files) == 3
    (root / "sub" / "3.txt").write_text("x\n")
    with pytest.raises(ArticleFileError) as caught:
        files_to_import([root])
    assert str(caught.value) == (
        f"{root}: holds more than 3 files, too many to import at once. Choose a smaller "
        "folder, or the article files themselves."
    )


def test_cancel_stops_the_search(tmp_path: Path) -> None:
    root = tree(tmp_path / "articles", {"a/1.txt": "1\n", "b/2.txt": "2\n"})
    asked: list[bool] = []

    def keep_going() -> bool:
        asked.append(True)
        return len(asked) < 2

    with pytest.raises(Cancelled):
        files_to_import([root], keep_going=keep_going)


def drop_files(window: MainWindow, paths: list[Path]) -> None:
    """Drop files and folders from a file manager on the window, through its real events."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPoint(window.width() // 2, window.height() // 2)
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, data, buttons, modifiers)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(QDropEvent(QPointF(point), Qt.DropAction.CopyAction, data, buttons, modifiers))


def test_dropping_a_folder_of_hundreds_of_articles_imports_them_in_one_undo_step(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    files = {f"{year}/article-{n:03}.txt": f"Article {year}-{n}\n\nText {n}.\n"
             for year in (2023, 2024) for n in range(150)}  # fmt: skip
    files["2024/scan.pdf"] = "%PDF-1.4"
    root = tree(tmp_path / "clippings", files)
    with qtbot.waitSignal(window.importer.imported, timeout=30_000):
        drop_files(window, [root])
    with Project.open(sample, read_only=True) as project:
        titles = [a.title for a in project.articles.all()]
    assert len(titles) == 2 + 300
    assert titles[2:4] == ["Article 2023-0", "Article 2023-1"]
    assert window.library.model.rowCount() == 302
    assert posted[-1][2] == "Imported 300 articles."
    assert posted[-2][2].startswith(
        f"{root}: 1 file that is not an article was left out (2024/scan.pdf). Only"
    )
    assert window.session.undo_stack.undoText() == "Import 300 articles"
    window.actions_.undo.trigger()
    with Project.open(sample, read_only=True) as project:
        assert len(project.articles.all()) == 2


def test_dropping_a_folder_of_too_many_files_imports_nothing_and_says_why(
    qtbot: QtBot,
    window: MainWindow,
    sample: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(import_files, "MAX_FOLDER_FILES", 2)
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    root = tree(tmp_path / "home", {f"{n}.txt": f"Note {n}\n" for n in range(3)})
    drop_files(window, [root])
    qtbot.waitUntil(lambda: bool(posted), timeout=10_000)
    assert posted == [
        (
            2,
            "Import",
            f"{root}: holds more than 2 files, too many to import at once. Choose a smaller "
            "folder, or the article files themselves.",
        )
    ]
    with Project.open(sample, read_only=True) as project:
        assert len(project.articles.all()) == 2


def test_a_folder_of_many_refused_files_gives_a_message_that_fits_on_the_screen(
    qtbot: QtBot, window: MainWindow, sample: Path, tmp_path: Path
) -> None:
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    files = {f"page-{n:03}.html": "<html><script>render()</script></html>" for n in range(120)}
    files["good.txt"] = "A good article\n\nWith text.\n"
    root = tree(tmp_path / "saved-pages", files)
    with qtbot.waitSignal(window.importer.imported, timeout=30_000):
        drop_files(window, [root])
    level, title, text = posted[-2]
    assert (level, title) == (1, "Import")
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "120 files could not be imported:"
    assert paragraphs[1] == (
        f"{root / 'page-000.html'}: holds no text that Diptych can show. If it is a web page "
        "that builds its text with scripts, save the article's text from the browser and "
        "import that."
    )
    assert len(paragraphs) == 1 + 5 + 1
    assert paragraphs[-1].splitlines() == [
        "…and 115 more:",
        "holds no text that Diptych can show (115): "
        + ", ".join(f"page-{n:03}.html" for n in range(5, 25))
        + " and 95 more.",
    ]
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert box.text() == text
    screen = window.screen().availableGeometry()
    assert box.sizeHint().height() < screen.height()


def test_files_listed_by_name_are_named_from_their_common_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    # Eight scans renamed .txt, one in each month's folder: those past the fifth were
    # listed as "scan.txt, scan.txt, scan.txt", which three not said anywhere.
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    months = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug")
    files = {f"{month}/scan.txt": "\x00\x01JFIF\x00" * 20 for month in months}
    files["good.txt"] = "A good article\n\nWith text.\n"
    root = tree(tmp_path / "scans", files)
    with qtbot.waitSignal(window.importer.imported, timeout=30_000):
        drop_files(window, [root])
    text = next(text for _level, title, text in posted if title == "Import")
    listed = text.split("\n\n")[-1].splitlines()
    assert listed[0] == "…and 3 more:"
    names = listed[1].split(": ", 1)[1].rstrip(".").split(", ")
    assert len(names) == 3 and len(set(names)) == 3  # told apart
    assert all(name.count("/") == 1 and name.endswith("/scan.txt") for name in names)


def test_sub_folders_that_cannot_be_read_are_said_once_and_the_rest_is_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    root = tree(
        tmp_path / "shared",
        {"a.txt": "A\n", "locked-1/b.txt": "B\n", "locked-2/c.txt": "C\n", "open/d.txt": "D\n"},
    )
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]  # another user's folders
        if Path(path).name.startswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = files_to_import([root])
    assert relative(root, found.files) == ["a.txt", "open/d.txt"]
    assert found.left_out == [
        f"{root / 'locked-1'} (and 1 other folder in shared): could not be read, so the "
        "articles in it were not imported. Check that you may open the folder, then import "
        "it again."
    ]


def test_documents_left_out_are_named_from_the_folder_with_how_to_bring_them_in(
    tmp_path: Path,
) -> None:
    files = {"a.txt": "A\n\nText.", "sub/report.docx": "PK", "README": "x"}
    root = tree(tmp_path / "material", files)
    [said] = import_files.files_to_import([root]).left_out
    left_out = "2 files that are not articles were left out (README, sub/report.docx)."
    assert said.startswith(f"{root}: {left_out}")
    assert said.endswith(import_files.DOCUMENT_ADVICE)
