"""`diptych import` takes folders as the window does, and leaves out an article that is
already in the project instead of copying it, saying once after such files how to bring in a
changed version."""

from __future__ import annotations

from pathlib import Path

from test_cli import run

from diptych.storage.project import Project


def titles(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        return [a.title for a in project.articles.all()]


def test_a_folder_imports_its_article_files_in_name_order(tmp_path: Path) -> None:
    folder = tmp_path / "chapters"
    (folder / "more").mkdir(parents=True)
    (folder / "Part 10.md").write_text("# Part ten\n\nThe end.\n", encoding="utf-8")
    (folder / "Part 2.txt").write_text("Part two\n\nThe middle.\n", encoding="utf-8")
    (folder / "more" / "Notes.html").write_text("<h1>Notes</h1><p>Aside.</p>", encoding="utf-8")
    (folder / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / ".hidden.md").write_text("# Hidden\n", encoding="utf-8")
    project = tmp_path / "p.diptych"

    code, out, err = run("import", project, folder)

    assert code == 0, err
    assert titles(project) == ["Part two", "Part ten", "Notes"]
    ids = [line for line in out.splitlines() if not line.startswith("#")]
    assert len(ids) == 3
    left_out = [line for line in out.splitlines() if line.startswith("# left out:")]
    assert len(left_out) == 1 and "cover.png" in left_out[0]


def test_an_article_already_in_the_project_is_left_out_and_named(tmp_path: Path) -> None:
    article = tmp_path / "Report.md"
    article.write_text("# Report\n\nFindings.\n", encoding="utf-8")
    copy = tmp_path / "Report copy.md"
    copy.write_bytes(article.read_bytes())
    other = tmp_path / "Other.md"
    other.write_text("# Other\n\nSomething else.\n", encoding="utf-8")
    project = tmp_path / "p.diptych"
    assert run("import", project, article)[0] == 0

    code, out, err = run("import", project, article, other, copy)

    assert code == 0, err
    assert titles(project) == ["Report", "Other"]
    said = out.splitlines()
    left_out = [line for line in said if line.startswith("# left out:")]
    assert len(left_out) == 2
    assert all("Report" in line and "already in the project" in line for line in left_out)
    # How to bring in a changed version is said once, after the files it concerns.
    assert not any("reimport" in line for line in left_out)
    advice = "To bring in a changed version of an article, use: diptych reimport"
    assert [line for line in said if "reimport" in line] == [f"# {advice} PROJECT ARTICLE_ID FILE"]
    assert said.index(f"# {advice} PROJECT ARTICLE_ID FILE") > said.index(left_out[-1])


def test_a_file_of_a_folder_that_cannot_be_read_is_left_out_as_the_window_does(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "week"
    folder.mkdir()
    (folder / "notes.txt").write_text("Notes\n\nThe harbour was quiet.\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    project = tmp_path / "p.diptych"

    code, out, err = run("import", project, folder)

    assert code == 0, err
    assert titles(project) == ["Notes"]
    assert f"# left out: {folder / 'empty.txt'}: is empty." in out

    named = tmp_path / "q.diptych"  # a file named on the command line: all or nothing
    code, _out, err = run("import", named, folder / "notes.txt", folder / "empty.txt")
    assert code == 2 and "empty.txt: is empty" in err
    assert not named.exists() or titles(named) == []


def test_a_folder_with_nothing_to_import_is_refused_and_leaves_no_project(
    tmp_path: Path,
) -> None:
    empty, pdfs, blank = tmp_path / "empty", tmp_path / "pdfs", tmp_path / "blank"
    for folder in (empty, pdfs, blank):
        folder.mkdir()
    (pdfs / "a.pdf").write_bytes(b"%PDF-1.4")
    (blank / "empty.txt").write_bytes(b"")
    said = {
        empty: "empty: holds no article files",
        pdfs: "1 file that is not an article was left out (a.pdf)",
        blank: "empty.txt: is empty",
    }
    for folder, why in said.items():
        project = tmp_path / f"{folder.name}.diptych"
        code, out, err = run("import", project, folder)
        assert code == 2
        assert err.startswith("diptych: nothing was imported: ") and why in err
        assert err.count("\n") == 1 and out == ""
        assert not project.exists()


def test_an_import_of_nothing_into_a_project_changes_nothing(tmp_path: Path) -> None:
    project = tmp_path / "p.diptych"
    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "a.txt").write_text("Minutes\n\nAgreed.\n", encoding="utf-8")
    assert run("import", project, folder)[0] == 0
    empty = tmp_path / "later"
    empty.mkdir()
    code, _out, err = run("import", project, empty)
    assert code == 2 and "nothing was imported: " in err
    assert titles(project) == ["Minutes"]
    code, out, err = run("import", project, folder)  # all already in it: that is no failure
    assert code == 0 and "is already in the project" in out
