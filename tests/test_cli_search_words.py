"""``diptych search`` takes its query as typed in a shell: several words without quotes,
and ``-word`` (leave out what has it) without ``--``, before or after the other words;
its own options and ``-h`` still work, and a misspelt option is still refused."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from diptych.storage.cli import main


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name, text in {
        "steel.txt": "Steel tariffs rose again at the harbour.",
        "iron.txt": "Iron and steel quotas were agreed.",
        "grain.txt": "Grain prices fell at the harbour.",
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    path = tmp_path / "p.diptych"
    code, _, err = run("import", path, *sorted(tmp_path.glob("*.txt")))
    assert code == 0, err
    return path


def titles(out: str) -> list[str]:
    return sorted(hit["title"].split()[0] for hit in json.loads(out))  # the first line


@pytest.mark.parametrize(
    "words",
    [
        ["steel", "-iron"],
        ["-iron", "steel"],
        ["--", "steel", "-iron"],
        ["steel", "--", "-iron"],
    ],
)
def test_a_left_out_word_needs_no_double_dash(project: Path, words: list[str]) -> None:
    code, out, err = run("search", project, "--json", *words)
    assert code == 0, err
    assert titles(out) == ["Steel"]


def test_words_without_quotes_are_one_query(project: Path) -> None:
    code, out, err = run("search", project, "harbour", "steel", "--json")
    assert code == 0, err
    assert titles(out) == ["Steel"]  # both words: the grain article has only one


def test_a_query_of_left_out_words_only_says_why_it_finds_nothing(project: Path) -> None:
    code, out, err = run("search", project, "-steel")
    assert (code, out) == (1, "")
    assert "-word only leaves out what has it" in err


def test_options_still_work_and_a_misspelt_one_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run("search", project, "--limit", "1", "steel", "--json")
    assert code == 0 and len(json.loads(out)) == 1
    assert run("search", project, "-h")[0] == 0  # the help, not a query "-h"
    capsys.readouterr()
    code, out, _ = run("search", project, "steel", "--limt", "1")
    assert code == 2 and out == ""
    assert "unrecognized arguments: --limt" in capsys.readouterr().err  # argparse's own


@pytest.mark.parametrize(
    "words",
    [
        ["steel", "-iron", "--json"],
        ["steel", "-iron", "--limit", "5", "--json"],
        ["steel", "--json", "-iron"],
        ["-iron", "--limit=5", "steel", "--json"],
        ["steel", "-iron", "--lim", "5", "--js"],  # options shortened as argparse allows
    ],
)
def test_a_left_out_word_stays_in_the_query_wherever_the_options_are(
    project: Path, words: list[str]
) -> None:
    code, out, err = run("search", project, *words)
    assert code == 0, err
    assert titles(out) == ["Steel"]  # the iron article, which has steel too, left out


def test_an_unknown_option_is_refused_as_an_option_of_search(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run("search", project, "steel", "-iron", "--jsn")
    said = capsys.readouterr().err
    assert (code, out) == (2, "")
    assert (
        said == "diptych search: error: unrecognized arguments: --jsn. See diptych search --help\n"
    )
    assert "-- -iron" not in said  # nothing the user did not type
    code, _, _ = run("articles", project, "--jsn")  # any command: its own help
    assert code == 2 and capsys.readouterr().err.startswith("diptych articles: error: ")
