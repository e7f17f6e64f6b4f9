"""Importing a folder takes the articles in that folder: a symbolic link in it that leads
outside (another folder of the disk, the home folder) or round in a loop is skipped and
said, in the window and by ``diptych import``, as other files left out are; a link to a
file or folder inside is imported once, from where it is."""

from __future__ import annotations

from pathlib import Path

from test_cli import run
from test_import_folders import relative, tree

from diptych.storage.import_files import files_to_import
from diptych.storage.project import Project


def outside_links(root: Path, names: str, count: int = 2) -> str:
    links, were = ("link", "was") if count == 1 else ("links", "were")
    return (
        f"{root}: {count} symbolic {links} to outside the folder {were} skipped ({names}). "
        "Only what is inside the folder chosen is imported; choose the files or folders "
        "a link leads to themselves to import them."
    )


def test_links_to_outside_the_folder_are_skipped_and_said(tmp_path: Path) -> None:
    outside = tree(tmp_path / "private", {"diary.txt": "Diary\n", "mail/inbox.md": "# Inbox\n"})
    root = tree(tmp_path / "articles", {"a.txt": "A\n", "sub/b.md": "# B\n"})
    (root / "diary.txt").symlink_to(outside / "diary.txt")
    (root / "sub" / "mail").symlink_to(outside / "mail", target_is_directory=True)
    found = files_to_import([root])
    assert relative(root, found.files) == ["a.txt", "sub/b.md"]
    assert found.left_out == [outside_links(root, "diary.txt, sub/mail")]


def test_a_link_to_a_file_or_folder_inside_imports_it_once(tmp_path: Path) -> None:
    root = tree(tmp_path / "articles", {"a.txt": "A\n", "z/b.txt": "B\n", "z/c.md": "# C\n"})
    (root / "0 latest.txt").symlink_to(root / "z" / "b.txt")  # before its file in the order
    (root / "shortcut").symlink_to(Path("z"), target_is_directory=True)  # a relative link
    found = files_to_import([root])
    assert relative(root, found.files) == ["a.txt", "z/b.txt", "z/c.md"]
    assert found.left_out == []


def test_loops_of_links_end_and_are_said(tmp_path: Path) -> None:
    root = tree(tmp_path / "articles", {"a.txt": "A\n", "deep/er/b.txt": "B\n"})
    (root / "deep" / "er" / "up").symlink_to(root / "deep", target_is_directory=True)
    (root / "deep" / "again").symlink_to(root, target_is_directory=True)
    (root / "one.txt").symlink_to(root / "two.txt")  # each leads to the other
    (root / "two.txt").symlink_to(root / "one.txt")
    found = files_to_import([root])
    assert relative(root, found.files) == ["a.txt", "deep/er/b.txt"]
    assert found.left_out == [
        f"{root}: 4 symbolic links that lead round in a loop were skipped (one.txt, two.txt, "
        "deep/again, deep/er/up)."
    ]


def test_a_folder_chosen_through_a_link_is_read_as_its_own(tmp_path: Path) -> None:
    real = tree(tmp_path / "real", {"a.txt": "A\n", "sub/b.txt": "B\n"})
    (real / "sub" / "back.txt").symlink_to(real / "a.txt")  # by its real path: inside
    (real / "out.txt").symlink_to(tmp_path / "elsewhere.txt")
    (tmp_path / "elsewhere.txt").write_text("Else\n", encoding="utf-8")
    chosen = tmp_path / "chosen"
    chosen.symlink_to(real, target_is_directory=True)
    found = files_to_import([chosen])
    assert relative(chosen, found.files) == ["a.txt", "sub/b.txt"]
    assert found.left_out == [outside_links(chosen, "out.txt", 1)]


def test_diptych_import_says_which_links_it_skipped(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.md").write_text("# Elsewhere\n\nNot chosen.\n", encoding="utf-8")
    folder = tree(tmp_path / "chosen", {"a.md": "# Inside\n\nChosen.\n"})
    (folder / "b.md").symlink_to(tmp_path / "elsewhere.md")
    project = tmp_path / "p.diptych"

    code, out, err = run("import", project, folder)

    assert code == 0, err
    with Project.open(project, read_only=True) as opened:
        assert [a.title for a in opened.articles.all()] == ["Inside"]
    left_out = [line for line in out.splitlines() if line.startswith("# left out:")]
    assert left_out == [
        f"# left out: {folder}: 1 symbolic link to outside the folder was skipped (b.md). "
        "Only what is inside the folder chosen is imported; choose the files or folders a "
        "link leads to themselves to import them."
    ]


def test_a_link_to_nothing_is_said_as_such_not_as_a_file_of_another_kind(tmp_path: Path) -> None:
    """A link whose file was moved or deleted was said to be a file "left out" that is not
    an article, though its name says it is one."""
    root = tree(tmp_path / "articles", {"a.txt": "A\n"})
    (root / "gone.md").symlink_to(root / "deleted.md")
    found = files_to_import([root])
    assert relative(root, found.files) == ["a.txt"]
    assert found.left_out == [
        f"{root}: 1 symbolic link that leads to nothing was skipped (gone.md): what a link "
        "led to was moved or deleted."
    ]


def test_a_file_imported_through_a_link_is_not_also_said_to_be_left_out(tmp_path: Path) -> None:
    """A link named as an article, to a file of the folder that is not named as one, imports
    that file once through the link; the file itself was also listed as left out."""
    root = tree(tmp_path / "articles", {"a.txt": "A\n", "raw/interview.transcript": "Interview\n"})
    (root / "interview.md").symlink_to(root / "raw" / "interview.transcript")
    (root / "raw" / "other.transcript").write_text("Other\n", encoding="utf-8")
    found = files_to_import([root])
    assert relative(root, found.files) == ["a.txt", "interview.md"]
    assert found.left_out == [
        f"{root}: 1 file that is not an article was left out (raw/other.transcript). "
        "Only .htm, .html, .markdown, .md, .text, .txt, .xhtml files are imported from a folder."
    ]
