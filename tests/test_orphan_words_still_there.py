"""An orphan whose words are still in its article (an update could not tell which of them
are its own) is not said to be gone: the exports say it was not placed with certainty, and
keep "no longer found" for an orphan whose words are gone."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import run

OLD = "Trade\n\nThe two sides agreed on Tuesday to resume talks on tariffs.\n\nMarkets rose.\n"
# Its paragraph rewritten, and saying "talks" twice: neither is surely the passage's.
TWICE = "Trade\n\nOfficials expect talks soon, and talks on steel later.\n\nMarkets rose.\n"
GONE = "Trade\n\nOfficials expect a meeting soon.\n\nMarkets rose.\n"


@pytest.mark.parametrize(
    ("newer", "said", "not_said"),
    [
        (TWICE, "not placed with certainty in the article's current text", "no longer found"),
        (GONE, "no longer found in the article's current text", "not placed with certainty"),
    ],
    ids=["words still there", "words gone"],
)
@pytest.mark.parametrize("form", ["md", "html"])
def test_an_export_says_why_a_passage_is_an_orphan(
    tmp_path: Path, newer: str, said: str, not_said: str, form: str
) -> None:
    story = tmp_path / "talks.txt"
    story.write_text(OLD, encoding="utf-8")
    project = tmp_path / "p.diptych"
    assert run("import", project, story)[0] == 0
    assert run("annotate", project, "1", "--quote", "talks", "--tag", "Talks")[0] == 0
    story.write_text(newer, encoding="utf-8")
    code, out, _ = run("reimport", project, "1", story)
    assert code == 0 and out.startswith("article 1: 0 passages in place, 0 moved, 0 found")
    assert "1 orphaned" in out
    output = tmp_path / f"notes.{form}"

    assert run("export", project, "-f", form, "-o", output)[0] == 0

    page = output.read_text(encoding="utf-8")
    assert said in page
    assert not_said not in page
