"""``annotate`` run again on a range already tagged (a script run twice) adds nothing twice:
the passage there is given the tags it lacks, as the window does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import run

TEXT = "Talks on steel tariffs resumed in Geneva after a long pause.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    path = tmp_path / "p.diptych"
    assert run("import", path, article)[0] == 0
    return path


def annotate(project: Path, *more: str) -> tuple[int, str, str]:
    return run("annotate", project, "1", "--quote", "steel tariffs", "--coder", "Ana", *more)


def passages(project: Path) -> list[dict[str, object]]:
    return list(json.loads(run("annotations", project, "--json")[1]))


def test_the_same_range_and_tag_again_makes_no_second_passage(project: Path) -> None:
    first = annotate(project, "--tag", "Trade", "--note", "run 1")
    again = annotate(project, "--tag", "Trade", "--note", "run 1")
    assert first[0] == again[0] == 0
    assert again[1] == first[1]  # the same passage's uuid
    assert "is already tagged Trade; nothing was changed" in again[2]
    (only,) = passages(project)
    assert only["tags"] == ["Trade"]
    assert run("tags", project)[1].split()[1:] == ["1", "Trade"]


def test_another_tag_on_the_same_range_goes_on_the_passage_there(project: Path) -> None:
    annotate(project, "--tag", "Trade")
    status, out, err = annotate(project, "--tag", "Trade", "--tag", "Economy/Steel")
    assert status == 0
    assert "was tagged Economy/Steel; no new passage was made" in err
    (only,) = passages(project)
    assert only["tags"] == ["Trade", "Economy/Steel"]
    assert out.strip() == only["uuid"]


def test_a_note_goes_on_a_passage_without_one_and_another_is_refused(project: Path) -> None:
    annotate(project, "--tag", "Trade")
    assert annotate(project, "--tag", "Trade", "--note", "run 1")[0] == 0
    assert passages(project)[0]["note"] == "run 1"
    status, _out, err = annotate(project, "--tag", "Trade", "--tag", "New", "--note", "run 2")
    assert status == 2
    assert "passage 1 “steel tariffs” is already on that range, with another note" in err
    assert "--replace-note" in err
    (only,) = passages(project)
    assert (only["note"], only["tags"]) == ("run 1", ["Trade"])  # nothing of the refused run
    assert "New" not in run("tags", project)[1]
    assert annotate(project, "--tag", "Trade", "--note", "run 2", "--replace-note")[0] == 0
    (only,) = passages(project)
    assert only["note"] == "run 2"


def test_replace_note_without_a_note_is_refused(project: Path) -> None:
    status, _out, err = annotate(project, "--tag", "Trade", "--replace-note")
    assert status == 2
    assert "--replace-note needs --note" in err
    assert passages(project) == []


def test_another_coder_on_the_same_range_gets_a_passage_of_their_own(project: Path) -> None:
    annotate(project, "--tag", "Trade")
    other = ["annotate", project, "1", "--quote", "steel tariffs", "--tag", "Trade"]
    assert run(*other, "--coder", "Ben")[0] == 0
    assert sorted(str(p["coder"]) for p in passages(project)) == ["Ana", "Ben"]


def test_offsets_of_the_passage_a_quote_made_find_it_again(project: Path) -> None:
    annotate(project, "--tag", "Trade")
    start = TEXT.index("steel")
    by_offsets = ["--start", str(start), "--end", str(start + len("steel tariffs"))]
    status, _out, err = run("annotate", project, "1", *by_offsets, "--tag", "B", "--coder", "Ana")
    assert status == 0, err
    (only,) = passages(project)
    assert only["tags"] == ["Trade", "B"]


def test_a_wider_or_narrower_range_is_another_passage(project: Path) -> None:
    annotate(project, "--tag", "Trade")
    assert (
        run("annotate", project, "1", "--quote", "steel", "--tag", "Trade", "--coder", "Ana")[0]
        == 0
    )
    assert len(passages(project)) == 2


def test_the_same_annotate_run_at_once_makes_one_passage(project: Path) -> None:
    argv = [
        "annotate",
        project,
        "1",
        "--quote",
        "steel tariffs",
        "--tag",
        "Trade",
        "--coder",
        "Ana",
    ]
    commands = [
        subprocess.Popen(
            [sys.executable, "-m", "diptych.gui", *map(str, argv)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    done = [(c.wait(timeout=120), *c.communicate()) for c in commands]
    assert [d[0] for d in done] == [0] * 6, [d[2] for d in done]
    assert len({d[1] for d in done}) == 1  # one uuid printed by all
    assert sum("nothing was changed" in d[2] for d in done) == 5
    assert len(passages(project)) == 1
