"""A file edited since it was imported, imported again (its folder, a week later), is left
out and named rather than copied: a second copy would hold none of the first's passages.
A file that only shares its name with an article (two sites' ``index.html``) is imported."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from test_cli import run

from diptych.storage.changed_files import ChangedFileError
from diptych.storage.import_files import add_new_articles, advice_once
from diptych.storage.importing import parse_article, read_article_file
from diptych.storage.project import Project
from diptych.storage.text_likeness import close, likeness, unrelated

WEEK1 = """# Notes on the first week

Monday: the mayor met the harbour board to talk about the new container terminal.

Tuesday: residents of the old town protested against the night traffic of the lorries.

Wednesday: the council asked the port authority for a study of the noise at night.

Thursday: the harbour board published its answer and promised a public meeting soon.
"""
EDITED = WEEK1.replace("promised a public meeting soon", "set the public meeting for May") + (
    "\nFriday: the local paper printed a long letter from the residents' association.\n"
)
OTHER_PAGE = """# Welcome to the cycling club

Our rides leave from the town square every Sunday at nine in the morning, rain or shine.

Members bring their own helmets, lights and spare tubes; the club lends a pump.
"""


def titles(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        return [a.title for a in project.articles.all()]


def test_an_edited_text_is_close_and_another_article_is_not() -> None:
    assert close(WEEK1, EDITED)
    assert not close(WEEK1, OTHER_PAGE)
    assert unrelated(WEEK1, OTHER_PAGE)
    assert not unrelated(WEEK1, EDITED)
    assert likeness("", "").of_longer == 1.0


def test_words_shared_by_chance_do_not_make_two_articles_close() -> None:
    # The same common phrase in two articles: a few shared runs, far from most.
    first = "In the end of the day " + OTHER_PAGE
    second = "In the end of the day " + WEEK1
    assert not close(first, second)


def test_a_file_edited_since_it_was_imported_is_left_out_naming_its_article(
    tmp_path: Path,
) -> None:
    notes = tmp_path / "notes-week1.md"
    notes.write_text(WEEK1, encoding="utf-8")
    with Project.create(tmp_path / "p.diptych") as project:
        (first,), _ = add_new_articles(project, [(notes, read_article_file(notes))], advice="")
        notes.write_text(EDITED, encoding="utf-8")

        added, said = add_new_articles(
            project, [(notes, read_article_file(notes))], advice="Use Update."
        )

        assert added == [] and len(project.articles.all()) == 1
        (error,) = said
        assert isinstance(error, ChangedFileError) and error.article_id == first.id
        assert error.in_window() == (
            f"{notes}: has changed since it was imported as “Notes on the first week”, so it "
            "was not imported again. To bring in the changes with its passages, use Update "
            "from newer file… on it."
        )
        bare, advice = advice_once(said)
        assert bare == [error] and advice == []  # its own advice names its article


def test_a_file_saved_before_its_article_was_imported_is_said_to_be_an_older_version(
    tmp_path: Path,
) -> None:
    notes = tmp_path / "notes-week1.md"
    notes.write_text(WEEK1, encoding="utf-8")
    with Project.create(tmp_path / "p.diptych") as project:
        add_new_articles(project, [(notes, read_article_file(notes))], advice="")
        notes.write_text(EDITED, encoding="utf-8")
        an_hour_before = notes.stat().st_mtime - 3600
        os.utime(notes, (an_hour_before, an_hour_before))

        _added, (error,) = add_new_articles(project, [(notes, read_article_file(notes))], advice="")

        assert isinstance(error, ChangedFileError) and error.older
        assert str(error).startswith(
            f"{notes}: differs from “Notes on the first week” but was saved before it was "
            "imported (the article was updated since from another file): most likely an older"
            " version, so it was not imported again."
        )
        os.utime(notes)  # saved now, after the import: a newer version
        _added, (error,) = add_new_articles(project, [(notes, read_article_file(notes))], advice="")
        assert isinstance(error, ChangedFileError) and not error.older


def test_a_file_of_the_same_name_with_other_text_is_imported(tmp_path: Path) -> None:
    first, second = tmp_path / "news", tmp_path / "club"
    first.mkdir()
    second.mkdir()
    (first / "index.md").write_text(WEEK1, encoding="utf-8")
    (second / "index.md").write_text(OTHER_PAGE, encoding="utf-8")
    project = tmp_path / "p.diptych"
    assert run("import", project, first)[0] == 0

    code, out, err = run("import", project, second)

    assert (code, err) == (0, "")
    assert titles(project) == ["Notes on the first week", "Welcome to the cycling club"]
    assert "left out" not in out


def test_the_command_line_leaves_a_changed_file_out_and_says_how_to_update(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "week"
    folder.mkdir()
    notes = folder / "notes-week1.md"
    notes.write_text(WEEK1, encoding="utf-8")
    project = tmp_path / "p.diptych"
    assert run("import", project, folder)[0] == 0
    notes.write_text(EDITED, encoding="utf-8")
    (folder / "notes-week2.md").write_text(OTHER_PAGE, encoding="utf-8")

    code, out, err = run("import", project, folder)

    assert (code, err) == (0, "")
    assert titles(project) == ["Notes on the first week", "Welcome to the cycling club"]
    left_out = [line for line in out.splitlines() if line.startswith("# left out:")]
    assert left_out == [
        f"# left out: {notes}: has changed since it was imported as “Notes on the first "
        "week”, so it was not imported again. To bring in the changes with its passages, "
        "use: diptych reimport PROJECT 1 FILE"
    ]


def test_a_file_unchanged_but_read_otherwise_now_is_already_in_the_project(
    tmp_path: Path,
) -> None:
    # An earlier Diptych read the same file into a text a little different from today's
    # (a web page's images were left out, say): the file did not change, so it is not
    # offered as a newer version.
    notes = tmp_path / "notes-week1.md"
    notes.write_text(WEEK1, encoding="utf-8")
    today = read_article_file(notes)
    earlier = replace(today, content=parse_article(EDITED.encode(), name=notes.name).content)
    with Project.create(tmp_path / "p.diptych") as project:
        project.articles.add(parsed=earlier)

        added, said = add_new_articles(project, [(notes, today)], advice="")

        assert added == [] and len(project.articles.all()) == 1
        (error,) = said
        assert not isinstance(error, ChangedFileError)
        assert "is already in the project as “Notes on the first week”" in error.in_window()
