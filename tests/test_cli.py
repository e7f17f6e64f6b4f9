"""The command line: every command has help, the round trip works, bad input exits 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from diptych.storage.cli import main
from diptych.storage.cli_parser import build_parser, command_named
from diptych.storage.sample import SAMPLE_FILES, sample_bytes


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def seeds(tmp_path: Path) -> list[Path]:
    paths = []
    for name in SAMPLE_FILES:
        path = tmp_path / name
        path.write_bytes(sample_bytes(name))
        paths.append(path)
    return paths


def subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)  # type: ignore[arg-type]


@pytest.mark.parametrize("command", subcommands())
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args([command, "--help"])
    assert info.value.code == 0
    assert f"usage: diptych {command}" in capsys.readouterr().out


@pytest.mark.parametrize("command", subcommands())
def test_a_command_parser_alone_reads_like_the_whole_parser(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The start-up builds only the named command's parser: same help, same arguments."""
    helps = []
    for parser in (build_parser(), build_parser(command)):
        with pytest.raises(SystemExit):
            parser.parse_args([command, "--help"])
        helps.append(capsys.readouterr().out)
    assert helps[0] == helps[1]
    alone = build_parser(command)
    action = next(a for a in alone._actions if a.dest == "command")
    assert list(action.choices) == [command]  # type: ignore[arg-type]


def test_command_named() -> None:
    assert command_named([]) == "open"
    assert command_named(["export", "p.diptych"]) == "export"
    assert command_named(["--help"]) is None
    assert command_named(["exprot"]) is None  # the whole parser names the choices


def test_a_misspelt_command_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run("exprot", "p.diptych")
    assert code == 2
    err = capsys.readouterr().err  # argparse's own message
    assert "invalid choice: 'exprot'" in err
    assert all(f"'{name}'" in err for name in subcommands())


def test_no_arguments_open_the_window() -> None:
    opened: list[Path | None] = []

    def open_gui(path: Path | None) -> int:
        opened.append(path)
        return 0

    assert main([], open_gui=open_gui) == 0
    assert opened == [None]


def test_commands_cover_the_documented_set() -> None:
    expected = {"open", "import", "articles", "tags", "tag", "annotate", "annotations", "export"}
    assert expected <= set(subcommands())


def test_round_trip_import_tag_annotate_list(tmp_path: Path, seeds: list[Path]) -> None:
    project = tmp_path / "study.diptych"
    code, out, err = run("import", project, *seeds)
    assert code == 0, err
    assert out.split() == ["1", "2"]

    code, out, _ = run("tag", project, "Economy", "--color", "#F6C945")
    assert code == 0 and "Economy" in out
    code, out, _ = run("tag", project, "Trade", "--parent", "Economy")
    assert code == 0 and "Economy/Trade" in out

    code, out, err = run(
        "annotate", project, "2", "--quote", "symbolic restart", "--occurrence", "2",
        "--tag", "Trade", "--tag", "Fresh tag", "--note", "Second mention", "--coder", "Ann",
    )  # fmt: skip
    assert code == 0, err
    uuid = out.strip()
    assert len(uuid) == 36

    code, out, _ = run("annotations", project, "--json")
    rows = json.loads(out)
    assert len(rows) == 1
    row = rows[0]
    assert row["uuid"] == uuid and row["quote"] == "symbolic restart"
    assert row["tags"] == ["Economy/Trade", "Fresh tag"] and row["coder"] == "Ann"
    assert row["note"] == "Second mention"

    code, out, _ = run("articles", project, "--json")
    articles = json.loads(out)
    assert [a["annotations"] for a in articles] == [0, 1]
    assert articles[1]["characters"] > 5000

    code, out, _ = run("tags", project, "--json")
    tags = {t["path"]: t for t in json.loads(out)}
    assert tags["Economy/Trade"]["annotations"] == 1
    assert tags["Economy"]["color"] == "#F6C945"

    code, out, _ = run("annotations", project, "--tag", "Fresh tag")
    assert "symbolic restart" in out


def test_annotate_by_offsets_counts_code_points(tmp_path: Path) -> None:
    article = tmp_path / "emoji.md"
    article.write_text("# Title\n\nSmile 😀 and 漢字 here.\n", encoding="utf-8")
    project = tmp_path / "p.diptych"
    assert run("import", project, article)[0] == 0
    text_start = len("Title\nSmile ")
    code, _out, err = run(
        "annotate", project, "1", "--start", str(text_start), "--end", str(text_start + 7),
        "--tag", "Faces",
    )  # fmt: skip
    assert code == 0, err
    rows = json.loads(run("annotations", project, "--json")[1])
    assert rows[0]["quote"] == "😀 and 漢"


@pytest.mark.parametrize(
    "argv, message",
    [
        (["articles", "{missing}"], "does not exist"),
        (["annotate", "{project}", "1", "--quote", "not in the text", "--tag", "X"], "is not in"),
        (["annotate", "{project}", "99", "--quote", "x", "--tag", "X"], "no article 99"),
        (
            ["annotate", "{project}", "1", "--start", "0", "--end", "999999", "--tag", "X"],
            "outside",
        ),
        (["import", "{project}", "{binary}"], "PNG image"),
        (["tag", "{project}", "X", "--color", "blue"], "not a colour"),
        (["annotations", "{project}", "--tag", "Nope"], "no tag called"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, seeds: list[Path], argv: list[str], message: str
) -> None:
    project = tmp_path / "p.diptych"
    assert run("import", project, seeds[0])[0] == 0
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    names = {"project": project, "missing": tmp_path / "missing.diptych", "binary": binary}
    code, _out, err = run(*[a.format(**names) for a in argv])
    assert code == 2
    assert message in err
    assert err.count("\n") == 1 and err.startswith("diptych: ")


def test_import_is_all_or_nothing(tmp_path: Path, seeds: list[Path]) -> None:
    project = tmp_path / "p.diptych"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, _, err = run("import", project, seeds[0], empty)
    assert code == 2 and "empty.txt" in err
    assert not project.exists()  # nothing imported, and no empty project left behind


def test_argument_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotate"]) == 2
    assert "required" in capsys.readouterr().err


def test_module_entry_point_runs(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "diptych.gui", "articles", str(tmp_path / "none.diptych")],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert "none.diptych" in done.stderr and "does not exist" in done.stderr


def test_import_with_a_broken_exchange_file_imports_nothing(
    tmp_path: Path, seeds: list[Path]
) -> None:
    project = tmp_path / "p.diptych"
    broken = tmp_path / "broken.qdpx"
    broken.write_bytes(b"PK\x03\x04 this is not a whole zip")
    code, _, err = run("import", project, seeds[0], broken)
    assert code == 2 and "broken.qdpx" in err
    assert not project.exists()  # nothing imported, and no empty project left behind


def test_reading_commands_still_report_a_damaged_project(tmp_path: Path, seeds: list[Path]) -> None:
    project = tmp_path / "p.diptych"
    assert run("import", project, *seeds)[0] == 0
    data = project.read_bytes()
    project.write_bytes(data[: len(data) // 2])  # cut in half: pages missing
    for command in ("articles", "annotations", "tags"):
        code, _, err = run(command, project)
        assert code == 2, command
        assert "p.diptych" in err and ("damaged" in err or "Diptych project" in err), err
