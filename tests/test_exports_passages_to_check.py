"""The CSV export's last column and ``diptych annotations`` say which passages an update
found only approximately and the analyst has not checked since; ``diptych reimport`` says
they are marked so."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from test_anchor_edges import INTERVIEW, REWRITTEN
from test_cli import run

from diptych.storage.export_csv import COLUMNS
from diptych.storage.exporting import ExportOptions, export_project
from diptych.storage.importing import read_article_file
from diptych.storage.project import Project

REWORDED = "The union says wages have fallen behind inflation for three years."
KEPT = "End of the transcript."
WHEN = "2026-03-01T10:00:00Z"


def updated_project(tmp_path: Path) -> Path:
    """A project of an interview with two passages, updated to a reworded version at
    :data:`WHEN`."""
    interview = tmp_path / "interview.txt"
    interview.write_text(INTERVIEW, encoding="utf-8")
    project = tmp_path / "p.diptych"
    assert run("import", project, interview)[0] == 0
    for quote in (REWORDED, KEPT):
        code, _out, err = run("annotate", project, "1", "--quote", quote, "--tag", "Pay")
        assert code == 0, err
    newer = tmp_path / "v2" / "interview.txt"
    newer.parent.mkdir()
    newer.write_text(REWRITTEN, encoding="utf-8")
    with Project.open(project, clock=lambda: WHEN) as opened:  # the update's time, known
        opened.articles.replace_text(article_id=1, parsed=read_article_file(newer))
    return project


def test_the_csv_says_which_passages_are_to_check(tmp_path: Path) -> None:
    path = updated_project(tmp_path)
    with Project.open(path) as project:
        data = export_project(project, fmt="csv", options=ExportOptions())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert COLUMNS[-1] == "to check"  # last: the columns before keep their places
    said = {r["quote"]: r["to check"] for r in rows}
    assert said == {
        "The union says pay has fallen behind inflation for three straight years,": (
            f"found approximately by the update of {WHEN}"
        ),
        KEPT: "",
    }


def test_diptych_annotations_says_which_passages_are_to_check(tmp_path: Path) -> None:
    path = updated_project(tmp_path)
    code, out, _ = run("annotations", path)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].endswith(f"Pay [to check: found approximately by the update of {WHEN}]")
    assert lines[2].endswith("Pay")  # the passage in place: nothing to check
    rows = json.loads(run("annotations", path, "--json")[1])
    assert [r["to_check"] for r in rows] == [f"found approximately by the update of {WHEN}", None]


def test_diptych_reimport_says_the_passages_found_approximately_are_marked(
    tmp_path: Path,
) -> None:
    interview = tmp_path / "interview.txt"
    interview.write_text(INTERVIEW, encoding="utf-8")
    project = tmp_path / "p.diptych"
    assert run("import", project, interview)[0] == 0
    assert run("annotate", project, "1", "--quote", REWORDED, "--tag", "Pay")[0] == 0
    interview.write_text(REWRITTEN, encoding="utf-8")
    code, out, err = run("reimport", project, "1", interview)
    assert code == 0, err
    assert "# each marked to check (`diptych annotations` says so)" in out
    assert "[to check: found approximately by the update of " in run("annotations", project)[1]
