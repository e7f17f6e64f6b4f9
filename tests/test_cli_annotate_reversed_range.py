"""A range given by offsets that ends before it starts (or where it starts) is said to be
so, not to lie outside the article."""

from __future__ import annotations

from pathlib import Path

import pytest

from diptych.storage.cli import main
from diptych.storage.errors import InputError
from diptych.storage.project import Project


def _project(tmp_path: Path) -> Path:
    article = tmp_path / "a.txt"
    article.write_text("Trade talks resumed after a long pause.\n", encoding="utf-8")
    project = tmp_path / "p.diptych"
    assert main(["import", str(project), str(article)]) == 0
    return project


@pytest.mark.parametrize(
    ("start", "end", "said"),
    [(5, 2, "the range 5-2 ends before it starts"), (4, 4, "the range 4-4 is empty")],
)
def test_annotate_with_the_end_not_after_the_start_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], start: int, end: int, said: str
) -> None:
    project = _project(tmp_path)
    argv = ["annotate", str(project), "1", "--start", str(start), "--end", str(end)]
    assert main([*argv, "--tag", "X"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"diptych: {said}.")
    assert "outside" not in err


def test_a_reversed_range_outside_the_article_is_said_to_be_reversed(tmp_path: Path) -> None:
    with Project.open(_project(tmp_path)) as project:
        with pytest.raises(InputError, match="ends before it starts"):
            project.annotations.add(article_id=1, start=500, end=400, tag_ids=[])
        assert project.annotations.query() == []
