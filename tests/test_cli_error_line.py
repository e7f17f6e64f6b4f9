"""Bad input to a command is refused in one line, status 2: what is wrong, and where the
command's help is. The command's usage (four lines for ``export``) printed above the
error hid the one line that mattered; ``--help`` still shows it."""

from __future__ import annotations

import io

import pytest

from diptych.storage.cli import main

REFUSED = [
    (
        ["export", "study.diptych", "--format", "xyz"],
        "diptych export: error: argument --format/-f: invalid choice: 'xyz' (choose from"
        " 'csv', 'html', 'json', 'md', 'qdc', 'qdpx'). See diptych export --help",
    ),
    (
        ["annotate", "study.diptych", "2", "--tag", "X"],
        "diptych annotate: error: one of the arguments --quote --start is required."
        " See diptych annotate --help",
    ),
    (
        ["export"],
        "diptych export: error: the following arguments are required: project."
        " See diptych export --help",
    ),
    (
        ["search", "study.diptych", "steel", "--limit", "0"],
        "diptych search: error: argument --limit: expected a whole number from 1 to"
        " 9223372036854775807, not '0'. See diptych search --help",
    ),
    (
        ["articles", "study.diptych", "--jsn"],
        "diptych articles: error: unrecognized arguments: --jsn. See diptych articles --help",
    ),
    (
        ["--bogus"],
        "diptych: error: unrecognized arguments: --bogus. See diptych --help",
    ),
]


@pytest.mark.parametrize(("argv", "line"), REFUSED, ids=lambda v: " ".join(v)[:30])
def test_bad_input_is_refused_in_one_line(
    argv: list[str], line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(argv, stdout=out, stderr=err) == 2
    captured = capsys.readouterr()  # argparse writes to the terminal's own streams
    assert captured.err == line + "\n"
    assert captured.out == out.getvalue() == err.getvalue() == ""


def test_an_unknown_command_is_refused_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"], stdout=io.StringIO(), stderr=io.StringIO()) == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1
    assert said.startswith("diptych: error: argument COMMAND: invalid choice: 'frobnicate'")
    assert said.endswith("). See diptych --help\n")


def test_help_still_shows_the_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--help"], stdout=io.StringIO(), stderr=io.StringIO()) == 0
    shown = capsys.readouterr()
    assert shown.out.startswith("usage: diptych export [-h] [--format {csv,html,json,md,")
    assert "positional arguments:" in shown.out and shown.err == ""
