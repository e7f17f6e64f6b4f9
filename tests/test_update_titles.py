"""An article's title when it is updated from a newer file: a title taken from its headline
stays while the headline is still in the newer text's opening (lines added above it, such
as "Updated …" and an editor's note, push it down), follows the headline when it changed,
and any change of title is said by ``diptych reimport`` ("title changed from … to …")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import run

from diptych.storage.project import Project
from diptych.storage.sample import SAMPLE_FILES, sample_bytes

HEADLINE = "Xi’s South Korea Visit Marks Turning Point in Diplomatic Relations"
LEAD = (
    "Updated 7 December 2026, 09:12.\n\nEditor's note: this story was updated with new figures.\n\n"
)


@pytest.fixture
def story(tmp_path: Path) -> tuple[Path, Path]:
    """A project holding the sample's story on Xi's visit (its title its headline, the
    second line), and the story's file, to be rewritten as its newer version."""
    text = sample_bytes(SAMPLE_FILES[1]).decode("utf-8")
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / SAMPLE_FILES[1]
    path.write_text(text, encoding="utf-8")
    project = tmp_path / "p.diptych"
    assert run("import", project, path)[0] == 0
    assert run("annotate", project, "1", "--quote", "symbolic restart", "--tag", "Talks")[0] == 0
    return project, path


def title_of(project: Path) -> str:
    with Project.open(project, read_only=True) as opened:
        return opened.articles.summary(article_id=1).title


def test_lines_added_above_the_headline_keep_the_title(story: tuple[Path, Path]) -> None:
    project, path = story
    assert title_of(project) == HEADLINE
    path.write_text(LEAD + path.read_text(encoding="utf-8"), encoding="utf-8")

    code, out, err = run("reimport", project, "1", path)

    assert (code, err) == (0, "")
    assert out == "article 1: 1 passage in place, 0 moved, 0 found approximately, 0 orphaned\n"
    assert title_of(project) == HEADLINE


def test_a_changed_headline_below_added_lines_is_the_title_and_said(
    story: tuple[Path, Path],
) -> None:
    project, path = story
    text = path.read_text(encoding="utf-8")
    path.write_text(LEAD + text.replace("Marks Turning", "Marks a Turning"), encoding="utf-8")
    newer = HEADLINE.replace("Marks Turning", "Marks a Turning")

    code, out, err = run("reimport", project, "1", path)

    assert (code, err) == (0, "")
    assert out.endswith(f"0 orphaned; title changed from “{HEADLINE}” to “{newer}”\n")
    assert title_of(project) == newer
    code, out, _ = run("reimport", project, "1", path, "--json")  # the same again: no change
    said = json.loads(out)
    assert (said["title"], said["previous_title"]) == (newer, newer)


def test_a_headline_gone_gives_the_newer_file_s_title_and_says_so(
    story: tuple[Path, Path],
) -> None:
    project, path = story
    text = path.read_text(encoding="utf-8").replace(HEADLINE + "\n", "")
    path.write_text(text, encoding="utf-8")

    code, out, _ = run("reimport", project, "1", path, "--json")

    said = json.loads(out)
    assert code == 0
    assert said["previous_title"] == HEADLINE
    assert said["title"] == title_of(project) != HEADLINE
    assert title_of(project).startswith("China’s President Xi Jinping’s recent visit")


def test_a_first_line_pushed_down_stays_the_title(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_text("Kim met Lee in Seoul.\n\nThey spoke of trade.\n", encoding="utf-8")
    project = tmp_path / "p.diptych"
    assert run("import", project, path)[0] == 0
    assert title_of(project) == "Kim met Lee in Seoul."
    path.write_text("Updated on Monday.\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")

    code, out, _ = run("reimport", project, "1", path)

    assert (code, out) == (
        0,
        "article 1: 0 passages in place, 0 moved, 0 found approximately, 0 orphaned\n",
    )
    assert title_of(project) == "Kim met Lee in Seoul."
