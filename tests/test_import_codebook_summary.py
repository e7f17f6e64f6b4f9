"""What importing a REFI-QDA codebook (``.qdc``) says: a codebook holds tags only, so the
summary counts the tags added and those already there, not a row of noughts for the
articles, passages and memos it could never hold."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.storage.project import Project
from diptych.storage.refiqda_import import import_exchange_file

NS = 'xmlns="urn:QDA-XML:codebook:1.0"'


def codebook(tmp_path: Path) -> Path:
    """A codebook from MAXQDA with the tags Trust, Doubt and Method."""
    path = tmp_path / "codes.qdc"
    path.write_text(
        f'<CodeBook {NS} origin="MAXQDA 2022"><Codes>'
        '<Code guid="a1b2c3d4-0000-4000-8000-000000000001" name="Trust" isCodable="true"/>'
        '<Code guid="a1b2c3d4-0000-4000-8000-000000000002" name="Doubt" isCodable="true"/>'
        '<Code guid="a1b2c3d4-0000-4000-8000-000000000003" name="Method" isCodable="true"/>'
        "</Codes></CodeBook>",
        encoding="utf-8",
    )
    return path


def test_a_codebook_says_how_many_tags_it_added_and_found_already_there(
    tmp_path: Path,
) -> None:
    with Project.create(tmp_path / "study.diptych") as project:
        project.tags.add(name="Method")
        summary = import_exchange_file(project, path=codebook(tmp_path))
    assert summary.describe() == [
        "codes.qdc from MAXQDA 2022: 2 new tags (1 already in the codebook)"
    ]


def test_a_codebook_imported_again_says_it_added_no_tags(tmp_path: Path) -> None:
    path = codebook(tmp_path)
    with Project.create(tmp_path / "study.diptych") as project:
        first = import_exchange_file(project, path=path)
        again = import_exchange_file(project, path=path)
    assert first.describe() == ["codes.qdc from MAXQDA 2022: 3 new tags"]
    assert again.describe() == [
        "codes.qdc from MAXQDA 2022: no new tags (3 already in the codebook)"
    ]


def test_the_window_says_what_a_codebook_brought_in_without_articles_or_passages(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    posted: list[str] = []
    window.context.messages.posted.connect(lambda _level, _title, text: posted.append(text))
    window.importer.import_files([codebook(tmp_path)])
    qtbot.waitUntil(
        lambda: any("before the import is kept" in text for text in posted), timeout=10_000
    )
    said = next(text for text in posted if "before the import is kept" in text)
    assert said.startswith("codes.qdc from MAXQDA 2022: 3 new tags. Edit > Undo (Ctrl+Z) takes")
    for word in ("article", "passage", "memo", "source", "coding"):
        assert word not in said
