"""``--json`` output is valid JSON whatever the text holds: C1 control characters (an
old Windows-1252 file's unassigned bytes are read as such) were written as ``\\x9d``,
which is no JSON escape, so a script reading the output failed."""

from __future__ import annotations

import json
from pathlib import Path

from test_cli import run


def test_json_output_with_control_characters_in_titles_and_notes_is_valid_json(
    tmp_path: Path,
) -> None:
    project = tmp_path / "study.diptych"
    article = tmp_path / "memo.txt"
    # Windows-1252 (a curly quote), and 0x9D, which it leaves unassigned: read as U+009D
    article.write_bytes(b"Caf\xe9 \x93notes\x94\n\nThe tariffs\x9d were discussed.\n")
    assert run("import", project, article)[0] == 0
    note = "escape \x1b[31m red, next line\x85 and CSI \x9b"
    code, _out, err = run(
        "annotate", project, "1", "--quote", "tariffs\x9d were", "--tag", "Trade", "--note", note
    )
    assert (code, err) == (0, "")

    code, out, _err = run("articles", project, "--json")
    assert code == 0
    assert json.loads(out)[0]["title"] == "Café “notes”"
    code, out, _err = run("annotations", project, "--json")
    assert code == 0
    (passage,) = json.loads(out)
    assert (passage["quote"], passage["note"]) == ("tariffs\x9d were", note)
    assert "\x1b" not in out and "\x9b" not in out  # nothing that drives a terminal
    code, out, _err = run("search", project, "tariffs", "--json")
    assert code == 0
    hits = json.loads(out)
    assert [hit["kind"] for hit in hits] == ["article", "passage"]
    assert "[tariffs]\x9d were" in hits[0]["snippet"]


def test_passages_of_an_article_that_is_not_there_are_refused_clearly(tmp_path: Path) -> None:
    project = tmp_path / "study.diptych"
    article = tmp_path / "memo.txt"
    article.write_text("Memo\n\nThe tariffs were discussed.\n", encoding="utf-8")
    assert run("import", project, article)[0] == 0
    code, out, err = run("annotations", project, "--article", "7")
    assert (code, out) == (2, "")
    assert err.startswith("diptych: there is no article 7.") and err.count("\n") == 1
