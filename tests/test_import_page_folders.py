"""A page a browser saved whole ("story.html" with "story_files" beside it) imports as one
article: the folder of its pictures, scripts and advert frames is skipped by a folder
import, in the window and by ``diptych import``, and nothing is said about it. A folder so
named without its page beside it is imported as any other."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import run
from test_cli_import_folders import titles
from test_import_folders import relative, tree

from diptych.storage.import_files import files_to_import
from diptych.storage.page_folders import beside_chosen_page, page_folders

SAVED_FILES = {
    "saved_resource.html": "<html><body><p>Advert</p></body></html>",
    "saved_resource1.html": "<html><body><script>ads()</script></body></html>",
    "empty.html": "",
    "style.css": "p { color: red }",
    "logo.png": "\x89PNG",
}


def saved_page(root: Path, name: str = "story", files: str = "story_files") -> Path:
    """A page saved whole by a browser under ``root``, and a Markdown note beside it."""
    tree(root, {f"{files}/{file}": text for file, text in SAVED_FILES.items()})
    return tree(
        root,
        {
            f"{name}.html": "<html><head><title>Story</title></head><body><p>Talks.</p>",
            "notes.md": "# Notes\n\nOn the story.\n",
        },
    )


def test_a_saved_pages_folder_of_files_is_skipped_without_a_word(tmp_path: Path) -> None:
    root = saved_page(tmp_path / "Downloads")
    found = files_to_import([root])
    assert relative(root, found.files) == ["notes.md", "story.html"]
    assert found.left_out == []  # neither its pictures and styles, nor an empty frame


@pytest.mark.parametrize(
    ("page", "files"),
    [
        ("Bericht.htm", "Bericht-Dateien"),  # German
        ("article.html", "article_fichiers"),  # French
        ("Story.HTML", "story_FILES"),  # named in other cases
        ("a page.xhtml", "a page_files"),
    ],
)
def test_a_folder_named_for_its_page_in_another_language_or_case_is_skipped(
    tmp_path: Path, page: str, files: str
) -> None:
    root = tree(tmp_path / "saved", {page: "<p>Words.</p>", f"{files}/frame.html": "<p>Ad</p>"})
    assert relative(root, files_to_import([root]).files) == [page]


def test_in_a_sub_folder_too(tmp_path: Path) -> None:
    root = tmp_path / "project"
    saved_page(root / "web")
    tree(root, {"interview.txt": "Interview\n\nWords.\n"})
    found = files_to_import([root])
    assert relative(root, found.files) == ["interview.txt", "web/notes.md", "web/story.html"]
    assert found.left_out == []


def test_a_files_folder_without_its_page_beside_it_is_imported(tmp_path: Path) -> None:
    root = tree(
        tmp_path / "research",
        {
            "project_files/interview.html": "<p>Interview</p>",
            "project_files/notes.css": "p {}",
            "story.html": "<p>Talks.</p>",
            "story-notes/a.md": "# A\n",  # not a name a browser gives
        },
    )
    found = files_to_import([root])
    assert relative(root, found.files) == ["story.html", "project_files/interview.html",
                                           "story-notes/a.md"]  # fmt: skip
    assert len(found.left_out) == 1 and "project_files/notes.css" in found.left_out[0]


def test_the_folder_chosen_with_its_page_is_skipped_and_chosen_alone_is_imported(
    tmp_path: Path,
) -> None:
    root = saved_page(tmp_path / "Downloads")
    chosen = [root / "story.html", root / "story_files"]
    assert files_to_import(chosen).files == [root / "story.html"]
    alone = files_to_import([root / "story_files"]).files
    assert relative(root, alone) == ["story_files/empty.html", "story_files/saved_resource1.html",
                                     "story_files/saved_resource.html"]  # fmt: skip


def test_which_names_are_a_pages_folder_of_files() -> None:
    names = ["a.html", "a_files", "b.htm", "b-Dateien", "c_files", "d.txt", "d_files", "a"]
    assert page_folders(names) == {"a_files", "b-Dateien"}
    assert page_folders(["_files", ".html"]) == set()
    assert beside_chosen_page(Path("x/a_files"), [Path("x/a.html")])
    assert not beside_chosen_page(Path("x/a_files"), [Path("y/a.html")])


def test_diptych_import_of_a_folder_imports_the_page_once_and_says_nothing(
    tmp_path: Path,
) -> None:
    root = saved_page(tmp_path / "Downloads")
    project = tmp_path / "p.diptych"
    code, out, err = run("import", project, root)
    assert code == 0, err
    assert titles(project) == ["Notes", "Story"]
    assert "left out" not in out + err and "_files" not in out + err
