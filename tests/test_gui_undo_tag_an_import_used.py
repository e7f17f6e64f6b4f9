"""A tag made in the window, then used by a REFI-QDA project imported into it (one of its
codes has the same name, so its passages went to that tag): Ctrl+Z takes back the import
first, then the tag. An import whose undo was refused (another window wrote on what it
brought) leaves the tag used: Ctrl+Z on "New tag" keeps it, and says that the import or
another window used it."""

from __future__ import annotations

from pathlib import Path

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


def imported(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> list[tuple[int, str]]:
    """Make the tag "Harbour", then import a project whose code of that name goes to it;
    what the window says from then on."""
    said: list[tuple[int, str]] = []
    window.context.messages.posted.connect(lambda level, _title, text: said.append((level, text)))
    assert perform(window.session, AddTag(window.session, name="Harbour"))
    window.importer.import_files([harbour_study(tmp_path)])
    qtbot.waitUntil(lambda: any("study.qdpx" in text for _level, text in said), timeout=10_000)
    said.clear()
    return said


def harbour_passages(window: MainWindow) -> list[int]:
    harbour = next(t.id for t in window.session.ordered_tags() if t.name == "Harbour")
    return [p.id for p in window.session.project.annotations.query() if harbour in p.tag_ids]


def test_ctrl_z_takes_back_the_import_before_the_tag_it_used(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    imported(qtbot, window, tmp_path)
    assert harbour_passages(window)

    window.actions_.undo.trigger()  # Ctrl+Z: "Undo Import study.qdpx"
    assert "Harbour" in [t.name for t in window.session.ordered_tags()]  # made here: kept
    assert not harbour_passages(window)

    window.actions_.undo.trigger()  # Ctrl+Z: "Undo New tag Harbour"
    assert "Harbour" not in [t.name for t in window.session.ordered_tags()]


def test_undoing_a_new_tag_an_import_put_on_passages_says_the_import_did(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    said = imported(qtbot, window, tmp_path)
    (passage,) = harbour_passages(window)
    with Project.open(window.session.project.path) as other_window:  # a note on it there
        other_window.annotations.set_note(annotation_id=passage, note="Checked")

    window.actions_.undo.trigger()  # the import: refused, the note kept
    (refusal,) = [text for level, text in said if level >= Level.WARNING]
    assert refusal.startswith("The article 'Field notes' was given passages")
    assert window.session.passage(passage).note == "Checked"
    said.clear()
    window.actions_.undo.trigger()  # Ctrl+Z: "Undo New tag Harbour"

    assert "Harbour" in [t.name for t in window.session.ordered_tags()]  # kept
    (refused,) = [text for level, text in said if level >= Level.WARNING]
    assert refused.startswith(
        "The tag 'Harbour' was put on passages, or given sub-tags or a memo, since, by an"
        " import or in another window, so it was kept rather than lose that work."
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
