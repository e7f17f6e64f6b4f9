"""Update from newer file is the window's own change: the file watch does not take it for
another program's, which made the window read everything again a second after."""

from __future__ import annotations

from pathlib import Path

from gui_support import make_context, open_window
from pytestqt.qtbot import QtBot

from diptych.storage.annotations import NewAnnotation
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

TEXT = "Tariff talks resumed in Geneva.\n\nMarkets rose while critics called it symbolic."


def test_an_update_from_a_newer_file_is_not_another_programs_change(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "p.diptych"
    with Project.create(path) as project:
        article = project.articles.add(parsed=parse_article(TEXT.encode(), name="a.txt"))
        tag = project.tags.add(name="Trade").id
        project.annotations.add_many(items=[NewAnnotation(article.id, 0, 12, (tag,), "")])
    window = open_window(qtbot, make_context(tmp_path / "user"), Project.open(path))
    newer = tmp_path / "newer.txt"
    newer.write_text(TEXT.replace("Markets rose", "Markets fell"), encoding="utf-8")
    external: list[bool] = []
    window.session.externalChange.connect(lambda: external.append(True))

    with qtbot.waitSignal(window.context.messages.posted, timeout=30_000):
        window.importer.reimport(article.id, newer)
    window.session.on_watch_timeout()  # the window's next look at the file

    assert "Markets fell" in window.session.project.articles.get(article_id=article.id).text
    assert external == []
