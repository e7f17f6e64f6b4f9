"""``diptych annotate --quote`` finds a quote typed with a space where the text breaks its
line: the article's own words are tagged, across the line ends, and a note says so. Most
sentences of a wrapped text were refused with "X is not in the text; it has X", both cut
before the line break. (Wire copy and e-mailed text, wrapped at 68-72 columns, now read as
their paragraphs: a quote from them is found as typed.)"""

from __future__ import annotations

import json
from pathlib import Path

from test_cli import run

WIRE = (
    "Storm Kira reaches Brittany\n\n"
    "Storm Kira made landfall near Brest shortly after midnight, bringing\n"
    "gusts of up to 160 km/h. In Quimper the prefect urged residents to\n"
    "stay indoors until the evening.\n"
)


def test_a_quote_across_a_wrapped_line_is_tagged_as_typed(tmp_path: Path) -> None:
    article, project = tmp_path / "kira.txt", tmp_path / "wire.diptych"
    article.write_text(WIRE, encoding="utf-8")
    assert run("import", project, article)[0] == 0
    quote = "the prefect urged residents to stay indoors until the evening"
    code, _out, err = run("annotate", project, "1", "--quote", quote, "--tag", "Authorities")
    assert code == 0, err
    assert "with other spaces or line breaks" not in err
    (passage,) = json.loads(run("annotations", project, "--json")[1])
    assert passage["quote"] == quote


def test_runs_of_spaces_and_line_breaks_are_the_same_words(tmp_path: Path) -> None:
    article, project = tmp_path / "seen.txt", tmp_path / "seen.diptych"
    article.write_text("Seen\n\nBy many it was   seen\nas a first.\n", encoding="utf-8")
    assert run("import", project, article)[0] == 0
    code, _out, err = run(
        "annotate", project, "1", "--quote", "it was seen as a first", "--tag", "T"
    )
    assert code == 0, err
    assert "with other spaces or line breaks" in err
    (passage,) = json.loads(run("annotations", project, "--json")[1])
    assert passage["quote"] == "it was   seen\nas a first"


def test_words_that_are_not_there_are_still_refused(tmp_path: Path) -> None:
    article, project = tmp_path / "kira.txt", tmp_path / "wire.diptych"
    article.write_text(WIRE, encoding="utf-8")
    assert run("import", project, article)[0] == 0
    quote = "the mayor urged residents to stay"
    code, _out, err = run("annotate", project, "1", "--quote", quote, "--tag", "Authorities")
    assert code != 0 and "is not in the text" in err
