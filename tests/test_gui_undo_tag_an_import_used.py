"""A tag made in the window, then used by a REFI-QDA project imported into it (one of its
codes has the same name, so its passages went to that tag): Ctrl+Z on "New tag" keeps the
tag, and says that the import used it, not "perhaps in another window" when no other window
was involved (and both when another one changed the file too)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from diptych.gui.commands import perform
from diptych.gui.main_window import MainWindow
from diptych.gui.messages import Level
from diptych.gui.tag_commands import AddTag
from diptych.storage.errors import ChangedMeanwhileError
from diptych.storage.exporting import collect
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.refiqda_export import export_qdpx


def harbour_study(tmp_path: Path) -> Path:
    """A REFI-QDA project with one article, a passage of it coded "Harbour"."""
    with Project.create(tmp_path / "study.diptych") as study:
        article = study.articles.add(
            parsed=parse_article(b"Field notes\n\nThe harbour was quiet.", name="field.txt")
        )
        tag = study.tags.add(name="Harbour")
        text = study.articles.get(article_id=article.id).text
        start = text.index("harbour")
        study.annotations.add(
            article_id=article.id, start=start, end=start + len("harbour"), tag_ids=[tag.id]
        )
        path = tmp_path / "study.qdpx"
        path.write_bytes(export_qdpx(collect(study), None))
    return path


@pytest.mark.parametrize(
    ("elsewhere", "who"),
    [(False, "by an import"), (True, "by an import or in another window")],
    ids=["import", "import-and-another-window"],
)
def test_undoing_a_new_tag_an_import_put_on_passages_says_the_import_did(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, elsewhere: bool, who: str
) -> None:
    said: list[tuple[int, str]] = []
    window.context.messages.posted.connect(lambda level, _title, text: said.append((level, text)))
    assert perform(window.session, AddTag(window.session, name="Harbour"))
    window.importer.import_files([harbour_study(tmp_path)])
    qtbot.waitUntil(lambda: any("study.qdpx" in text for _level, text in said), timeout=10_000)
    said.clear()
    if elsewhere:  # another window adds a tag of its own too
        with Project.open(window.session.project.path) as other_window:
            other_window.tags.add(name="Market")

    window.actions_.undo.trigger()  # Ctrl+Z: "Undo New tag Harbour"

    assert "Harbour" in [t.name for t in window.session.ordered_tags()]  # kept
    (refused,) = [text for level, text in said if level >= Level.WARNING]
    assert refused.startswith(
        f"The tag 'Harbour' was put on passages, or given sub-tags or a memo, since, {who},"
        " so it was kept rather than lose that work."
    )


def test_a_change_told_as_made_perhaps_elsewhere_can_say_who_made_it() -> None:
    error = ChangedMeanwhileError(
        "the passage's note was changed since, perhaps in another window or by an import,"
        " so it was left as it is rather than lose that change",
        advice="Edit it by hand if it should read as before.",
    )
    said = error.by("by an import")
    assert str(said) == (
        "the passage's note was changed since, by an import, so it was left as it is rather"
        " than lose that change. Edit it by hand if it should read as before."
    )
