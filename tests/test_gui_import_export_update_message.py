"""Update from newer file… on an article without passages says so, instead of a row of
noughts ("0 passages in place, 0 moved, 0 found approximately, 0 orphaned"); the message
names the article updated (the update runs in the background: the user may have moved on,
and a box about passages orphaned would not say whose)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level


def test_an_article_without_passages_is_updated_in_plain_words(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("Minutes\n\nBoth sides agreed.\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.importer.import_files([minutes])
    article_id = imported.args[0][0]
    newer = tmp_path / "minutes v2.txt"
    newer.write_text("Minutes\n\nBoth sides agreed on tariffs.\n", encoding="utf-8")
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))

    with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
        window.importer.reimport(article_id, newer)

    level, title, text = posted[-1]
    assert (level, title) == (Level.INFO, "Update article")
    assert text == (
        "Updated “Minutes”: it has no passages to find again. Ctrl+Z undoes the update."
    )
    assert "agreed on tariffs" in window.session.project.articles.get(article_id=article_id).text


def test_an_update_that_loses_nothing_is_no_warning_for_orphans_lost_before(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    minutes = tmp_path / "minutes.txt"
    minutes.write_text("Minutes\n\nBoth sides agreed on tariffs.\n", encoding="utf-8")
    with qtbot.waitSignal(window.importer.imported, timeout=10_000) as imported:
        window.importer.import_files([minutes])
    article_id = imported.args[0][0]
    text = window.session.project.articles.get(article_id=article_id).text
    start = text.index("on tariffs")
    window.session.project.annotations.add(article_id=article_id, start=start, end=start + 10)
    posted: list[tuple[int, str, str]] = []
    window.context.messages.posted.connect(lambda *args: posted.append(args))
    for words in (
        "Both sides agreed.",
        "Both sides agreed at last.",
        "Both sides agreed on tariffs.",
    ):
        newer = tmp_path / "v2" / "minutes.txt"  # its own file's newer version
        newer.parent.mkdir(exist_ok=True)
        newer.write_text(f"Minutes\n\n{words}\n", encoding="utf-8")
        with qtbot.waitSignal(window.importer.reimported, timeout=10_000):
            window.importer.reimport(article_id, newer)

    lost, still, back = posted[-3:]
    assert lost == (
        Level.WARNING, "Update article", "Updated “Minutes”: 0 passages in place, 0 moved, "
        "0 found approximately, 1 orphaned (listed under Orphans, never deleted). "
        "Ctrl+Z undoes the update.",
    )  # fmt: skip
    assert still == (
        Level.INFO, "Update article", "Updated “Minutes”: 0 passages in place, 0 moved, "
        "0 found approximately, 1 orphaned (of which 1 already before this update; listed under "
        "Orphans, never deleted). Ctrl+Z undoes the update.",
    )  # fmt: skip
    assert back[:2] == (Level.INFO, "Update article")
    assert back[2].endswith(
        "0 orphaned. 1 earlier orphan was found again. Ctrl+Z undoes the update."
    )
