"""The command line on awkward output paths: one clear line and status 2, nothing lost."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from diptych.storage.cli import main
from diptych.storage.errors import InputError
from diptych.storage.files import write_atomically
from diptych.storage.project import Project


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main([str(a) for a in argv], stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    article = tmp_path / "a.txt"
    article.write_text("Hello world. A passage to tag.\n", encoding="utf-8")
    path = tmp_path / "p.diptych"
    assert run("import", path, article)[0] == 0
    assert run("annotate", path, "1", "--quote", "Hello", "--tag", "Greeting")[0] == 0
    return path


@pytest.mark.parametrize("output", [".", ""])
def test_export_to_the_current_folder_is_refused_in_one_line(
    project: Path, monkeypatch: pytest.MonkeyPatch, output: str
) -> None:
    monkeypatch.chdir(project.parent)
    status, out, err = run("export", project, "-f", "csv", "-o", output)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("diptych: ")
    assert "folder" in err


def test_export_over_the_project_itself_is_refused_and_the_project_kept(project: Path) -> None:
    status, _, err = run("export", project, "-f", "csv", "-o", project)
    assert status == 2
    assert err.startswith(f"diptych: {project}: ") and err.count("\n") == 1
    assert "Diptych project" in err
    with Project.open(project) as opened:  # still a project, with its passage
        assert len(opened.annotations.query()) == 1


def test_export_over_another_project_is_refused(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.diptych"
    Project.create(other).close()
    before = other.read_bytes()
    status, _, err = run("export", project, "-f", "md", "-o", other)
    assert status == 2 and "Diptych project" in err
    assert other.read_bytes() == before


def test_write_atomically_still_replaces_an_earlier_export(tmp_path: Path) -> None:
    target = tmp_path / "notes.csv"
    target.write_bytes(b"old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"


def test_write_atomically_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="it is a folder"):
        write_atomically(tmp_path, b"data")
    assert tmp_path.is_dir()


@pytest.mark.parametrize(
    "argv",
    [
        ("import", "{project}", "{missing}"),
        ("import", "{project}", "{article}", "{missing}"),
        ("tag", "{project}", "  "),
        ("tag", "{project}", "Trade", "--parent", "Nowhere"),
    ],
)
def test_a_refused_command_leaves_no_new_project_behind(
    tmp_path: Path, argv: tuple[str, ...]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Some text.\n", encoding="utf-8")
    names = {
        "project": str(tmp_path / "new.diptych"),
        "missing": str(tmp_path / "missing.txt"),
        "article": str(article),
    }
    status, _, err = run(*(a.format(**names) for a in argv))
    assert status == 2 and err.startswith("diptych: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_a_refused_command_keeps_an_existing_project(project: Path) -> None:
    status, _, _ = run("import", project, project.parent / "a.txt", project.parent / "missing.txt")
    assert status == 2
    with Project.open(project) as opened:
        assert len(opened.articles.all()) == 1


def test_an_export_through_a_link_writes_the_linked_file_and_keeps_the_link(
    tmp_path: Path,
) -> None:
    real = tmp_path / "synced" / "notes.csv"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "notes.csv"
    link.symlink_to(real)
    write_atomically(link, b"new")
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert real.read_bytes() == b"new"
    assert sorted(p.name for p in real.parent.iterdir()) == ["notes.csv"]


@pytest.mark.timeout(60)
def test_an_export_into_a_named_pipe_is_written_into_it(tmp_path: Path) -> None:
    import os
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    write_atomically(pipe, b"through the pipe")
    reader.join()
    assert received == [b"through the pipe"]
    assert not pipe.is_file()  # still the pipe, not a file put in its place


class FullDisk(io.StringIO):
    """Standard output redirected to a file on a full disk."""

    def write(self, text: str) -> int:
        import errno

        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("argv", [("articles",), ("annotations",), ("export", "-f", "md")])
def test_output_that_cannot_be_written_is_one_line_and_status_2(
    project: Path, argv: tuple[str, ...]
) -> None:
    err = io.StringIO()
    status = main([argv[0], str(project), *argv[1:]], stdout=FullDisk(), stderr=err)
    assert status == 2
    assert err.getvalue() == (
        "diptych: the output cannot be written (No space left on device)."
        " Free some disk space, or write to a file with -o where a command offers it.\n"
    )


def test_an_export_over_a_private_file_keeps_it_private(tmp_path: Path) -> None:
    target = tmp_path / "private-notes.md"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600


def test_the_article_list_counts_passages_under_that_name(project: Path) -> None:
    assert run("annotate", project, "1", "--quote", "passage", "--tag", "Topic")[0] == 0
    status, out, _ = run("articles", project)
    assert status == 0
    header, row = out.splitlines()
    assert header.split() == ["id", "characters", "passages", "title"]
    assert row.split()[:3] == ["1", "30", "2"]  # two passages, neither with a note
    assert header.index("passages") + len("passages") == row.index("2") + 1  # aligned


def test_search_and_passage_lists_keep_one_hit_to_a_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Harbour report\n\nThe zebra crossing\nnear the harbour.\n", "utf-8")
    path = tmp_path / "p.diptych"
    assert run("import", path, article)[0] == 0
    note = "First line of the note\n\nsecond paragraph"
    assert run("annotate", path, "1", "--quote", "zebra", "--tag", "Z", "--note", note)[0] == 0
    status, out, _ = run("search", path, "harbour")
    assert status == 0
    assert out.splitlines() == [
        "article 1  Harbour report: [Harbour] report The zebra crossing near the [harbour]."
    ]
    status, out, _ = run("annotations", path)
    assert out.splitlines()[1] == ("      “zebra”  — First line of the note second paragraph")


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_an_export_never_replaces_a_projects_log_or_index(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / "study.diptych"
    with Project.create(path) as project:
        project.tags.add(name="Kept")
        side = Path(f"{path}{suffix}")
        before = side.read_bytes() if side.exists() else None
        with pytest.raises(InputError, match="belongs to the project beside it"):
            write_atomically(side, b"# notes\n")
        assert (side.read_bytes() if side.exists() else None) == before
    with Project.open(path) as project:
        assert [t.name for t in project.tags.all()] == ["Kept"]


def test_a_file_named_like_a_log_beside_no_project_is_written(tmp_path: Path) -> None:
    target = tmp_path / "notes.md-wal"
    write_atomically(target, b"# notes\n")
    assert target.read_bytes() == b"# notes\n"
