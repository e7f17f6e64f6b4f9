"""The command line round trip: import the sample articles, tag, annotate, export."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from export_fixtures import SAMPLES, AnnotationChecker, w3c_schema_root

from diptych.storage.cli import main
from diptych.storage.exporting import FORMATS

SAMPLE_FILES = ("000_1cefcc49ccd7fc22.txt", "001_58ff977ce34ff27f.txt")
TRADE_QUOTE = "approximately $273 billion in 2024"


def run(*argv: str | Path) -> str:
    out, err = io.StringIO(), io.StringIO()
    status = main([str(a) for a in argv], stdout=out, stderr=err)
    assert status == 0, err.getvalue()
    return out.getvalue()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "cli.diptych"
    assert run("import", path, *(SAMPLES / name for name in SAMPLE_FILES)).split() == ["1", "2"]
    run("tag", path, "Economy", "--color", "#F6C945")
    run("tag", path, "Trade", "--parent", "Economy", "--color", "#F7A85C")
    run("annotate", path, "1", "--quote", TRADE_QUOTE, "--tag", "Trade", "--tag", "Evidence",
        "--note", "Check *this*,\nagainst customs data.", "--coder", "Alice")  # fmt: skip
    run("annotate", path, "2", "--quote", "symbolic restart", "--tag", "Diplomacy",
        "--coder", "Bob")  # fmt: skip
    return path


def test_export_markdown(project: Path) -> None:
    text = run("export", project, "--format", "md")
    assert text.startswith("# cli: tagged notes\n")
    assert "- Passages: 2\n" in text and "- Articles: 2\n" in text
    assert "## Economy\n\n### Trade\n\n> approximately \\$273 billion in 2024\n" in text
    assert (
        "> — *The Shifting Landscape: Evidence of a New Diplomatic Era* · "
        "§ Economic Interdependence as a Driving Force · Economy/Trade, Evidence · "
        "coded by Alice\n"
    ) in text
    # The note follows the quote, outside it; no block ids unless asked for.
    assert "coded by Alice\n\n**Note:**\n\nCheck *this*,  \nagainst customs data.\n" in text
    assert "## Diplomacy\n\n> symbolic restart\n" in text
    assert "\n^" not in text


def test_export_markdown_with_block_ids(project: Path) -> None:
    text = run("export", project, "--format", "md", "--block-ids")
    ids = re.findall(r"^\^(\S+)$", text, re.M)
    # The Trade passage is under Trade and under Evidence: its second copy's id is its own.
    assert len(ids) == len(set(ids)) == 3
    assert ids[0] + "-2" in ids
    assert "coded by Alice\n\n^" in text  # right after the quote it names


def test_export_w3c_json(project: Path) -> None:
    collection = json.loads(run("export", project, "--format", "json"))
    items = collection["first"]["items"]
    assert collection["total"] == len(items) == 2
    checker = AnnotationChecker(w3c_schema_root())
    assert [checker.errors(item) for item in items] == [[], []]
    trade = items[0]
    assert [b["value"] for b in trade["body"]] == [
        "Economy/Trade",
        "Evidence",
        "Check *this*,\nagainst customs data.",
    ]
    quote, position = trade["target"]["selector"]
    assert quote["exact"] == TRADE_QUOTE
    assert position["end"] - position["start"] == len(TRADE_QUOTE)
    assert trade["creator"]["name"] == "Alice"


def test_export_scope_and_file(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "trade.csv"
    assert run("export", project, "-f", "csv", "--tag", "Economy", "-o", target).strip() == str(
        target
    )
    rows = list(csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8-sig"), newline="")))
    assert [(r["tag path"], r["quote"], r["coder"]) for r in rows] == [
        ("Economy/Trade", TRADE_QUOTE, "Alice")
    ]
    text = run("export", project, "-f", "md", "--article", "2", "--group-by", "article")
    assert "symbolic restart" in text and "273 billion" not in text
    assert "## Xi’s South Korea Visit Marks Turning Point in Diplomatic Relations\n" in text


def test_every_format_is_offered_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--help"]) == 0
    usage = capsys.readouterr().out
    for key in FORMATS:
        assert key in usage


def test_the_format_is_taken_from_the_output_file_name(project: Path, tmp_path: Path) -> None:
    """`diptych export PROJECT -o brief.MD` writes Markdown without --format; an explicit
    --format wins over the name."""
    run("export", project, "-o", tmp_path / "brief.MD")
    assert (tmp_path / "brief.MD").read_text(encoding="utf-8").startswith("# cli: tagged notes\n")
    run("export", project, "-o", tmp_path / "table.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "table.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][0] == "article" and len(rows) == 4  # a header, a row per passage and tag
    run("export", project, "--format", "json", "-o", tmp_path / "notes.txt")
    assert json.loads((tmp_path / "notes.txt").read_text(encoding="utf-8"))["total"] == 2


def test_a_name_ending_as_a_formats_files_often_do_gives_that_format(
    project: Path, tmp_path: Path
) -> None:
    """`-o report.htm` writes the HTML report, `-o notes.markdown` Markdown, where both were
    refused as naming no format."""
    run("export", project, "-o", tmp_path / "report.htm")
    assert (tmp_path / "report.htm").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    run("export", project, "-o", tmp_path / "notes.Markdown")
    assert (tmp_path / "notes.Markdown").read_text(encoding="utf-8").startswith("# cli: ")
    run("export", project, "-o", tmp_path / "passages.jsonld")
    assert json.loads((tmp_path / "passages.jsonld").read_text(encoding="utf-8"))["total"] == 2


@pytest.mark.parametrize("output", [None, "notes.txt"])
def test_without_a_format_to_go_by_the_export_says_how_to_give_one(
    project: Path, tmp_path: Path, output: str | None
) -> None:
    out, err = io.StringIO(), io.StringIO()
    argv = ["export", str(project)] + (["-o", str(tmp_path / output)] if output else [])
    assert main(argv, stdout=out, stderr=err) != 0
    assert "which format? Give --format" in err.getvalue()
    assert ".md, .csv, .html, .json, .qdpx, .qdc" in err.getvalue()
    assert out.getvalue() == "" and list(tmp_path.glob("notes*")) == []


def test_an_output_file_named_without_o_is_refused_with_the_command_to_type(
    project: Path, tmp_path: Path
) -> None:
    """`diptych export PROJECT notes.md` says the file is named with -o (not argparse's
    "unrecognized arguments" under the usage of every command), and writes nothing."""
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "notes.md"
    assert main(["export", str(project), str(target)], stdout=out, stderr=err) == 2
    message = err.getvalue()
    assert "unrecognized" not in message
    assert f"diptych export {project} -o {target}" in message
    assert out.getvalue() == "" and not target.exists()


def test_export_without_a_project_names_only_the_project_as_missing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["export"], stdout=out, stderr=err) == 2
    said = err.getvalue() + capsys.readouterr().err  # argparse's own, on the terminal's
    assert "the following arguments are required: project. See diptych export --help\n" in said
    assert "unnamed" not in said  # a name of no usage line


def test_a_tag_whose_name_starts_with_a_dash_can_be_named(project: Path) -> None:
    # argparse took "-5% tariffs" for an option and refused the command: "--tag: expected
    # one argument". A name that is no option of the command is the option's value.
    run("annotate", project, "1", "--quote", "approximately", "--tag", "-5%",
        "--note", "-not a list", "--coder", "Ann")  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(run("export", project, "-f", "csv", "--tag", "-5%"))))
    found = [(r["tag path"], r["note"], r["coder"]) for r in rows]
    assert found == [("'-5%", "'-not a list", "Ann")]


def test_an_option_after_tag_is_still_an_option(project: Path, tmp_path: Path) -> None:
    err = io.StringIO()
    argv = ["export", str(project), "--tag", "-o", str(tmp_path / "x.md")]
    assert main(argv, stdout=io.StringIO(), stderr=err) == 2
    assert not (tmp_path / "x.md").exists()


def test_an_output_of_a_dash_is_standard_output(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # where a file named "-" was written
    out, err = io.StringIO(), io.StringIO()
    code = main(["export", str(project), "-f", "csv", "-o", "-"], stdout=out, stderr=err)
    assert code == 0, err.getvalue()
    assert "tag path" in out.getvalue()  # the table itself, not the name of a file written
    assert not (tmp_path / "-").exists()
