"""The README's command-line examples, run as a newcomer runs them: in order, in a new folder,
with the files they name. Each succeeds, and none replaces a file the user gave it."""

from __future__ import annotations

import hashlib
import html
import os
import subprocess
import sys
from pathlib import Path

from diptych.storage.cli import main
from diptych.storage.sample import SAMPLE_FILES, sample_bytes

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
INTRO = "After `make run` or `make test` it is `.venv/bin/diptych`:"


def readme_examples() -> list[str]:
    """The lines of the code block that follows the Command line section's introduction."""
    text = README.read_text(encoding="utf-8")
    after = text[text.index(INTRO) + len(INTRO) :].lstrip("\n")
    assert after.startswith("```\n")
    block = after[4 : after.index("\n```", 4)]
    return [line for line in block.splitlines() if line.strip()]


def _inputs(folder: Path) -> dict[str, str]:
    """The files the examples name: a text article, a web page, the user's own notes, and a
    newer version of the page's article; with the md5 of each."""
    first, second = (sample_bytes(name).decode("utf-8") for name in SAMPLE_FILES)
    paragraphs = second.split("\n\n")
    page = "<html><head><title>{}</title></head><body>{}</body></html>".format(
        html.escape(paragraphs[0]), "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    )
    files = {
        "article.txt": first,
        "page.html": page,
        "notes.md": "# My field notes\n\nInterview with the trade attaché, on tariffs.\n",
        "article-v2.txt": second.replace("\n\n", "\n\nUpdated: a line added.\n\n", 1),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return {name: hashlib.md5((folder / name).read_bytes()).hexdigest() for name in files}


def test_the_command_line_examples_run_in_order_on_a_new_folder(tmp_path: Path) -> None:
    lines = readme_examples()
    assert lines[0].startswith("diptych import study.diptych ")
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    command = bin_folder / "diptych"
    command.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m diptych.gui "$@"\n')
    command.chmod(0o755)
    work = tmp_path / "work"
    work.mkdir()
    before = _inputs(work)
    # The README says which folder must be there already.
    (vault_line,) = [line for line in lines if "vault/" in line]
    assert "vault/ must exist" in vault_line
    (work / "vault").mkdir()
    env = {**os.environ, "PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}"}
    env["HOME"] = str(tmp_path / "home")
    ran = []
    for line in lines:
        if line.startswith("diptych open"):  # the window: not here
            continue
        result = subprocess.run(
            ["bash", "-c", line],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
        assert result.returncode == 0, f"{line}\n{result.stdout}\n{result.stderr}"
        ran.append(line)
    assert len(ran) >= 10
    after = {name: hashlib.md5((work / name).read_bytes()).hexdigest() for name in before}
    assert after == before, "an example replaced a file it was given"
    for made in ("study.diptych", "passages.csv", "vault/notes.md"):
        assert (work / made).stat().st_size > 0, made


def _run(*argv: str | Path) -> tuple[int, str, str]:
    import io

    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_export_refuses_to_replace_a_file_an_article_was_imported_from(tmp_path: Path) -> None:
    before = _inputs(tmp_path)
    project = tmp_path / "study.diptych"
    code, _, err = _run("import", project, *(tmp_path / n for n in ("page.html", "notes.md")))
    assert code == 0, err
    for name, number in (("notes.md", 2), ("page.html", 1)):
        code, out, err = _run("export", project, "-o", tmp_path / name)
        assert code == 2
        assert out == ""
        assert f"{name}: is the file article {number} (" in err
        assert "was not replaced" in err
        assert hashlib.md5((tmp_path / name).read_bytes()).hexdigest() == before[name]
    # Another file of that name's kind is written as before.
    code, out, err = _run("export", project, "-o", tmp_path / "article.txt", "--format", "md")
    assert code == 0, err
    assert (tmp_path / "article.txt").read_text(encoding="utf-8").startswith("# ")
