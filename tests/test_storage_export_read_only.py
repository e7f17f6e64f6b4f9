"""An export never replaces a file made read-only (an earlier export kept on purpose): the
rename used to write it atomically replaced the file whatever its permissions."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import run

from diptych.storage.errors import InputError
from diptych.storage.files import write_atomically


def test_an_export_over_a_read_only_file_is_refused_and_the_file_kept(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Hello world. A passage to tag.\n", encoding="utf-8")
    project = tmp_path / "p.diptych"
    assert run("import", project, article)[0] == 0
    kept = tmp_path / "final notes.md"
    kept.write_bytes(b"the notes as sent")
    kept.chmod(0o444)
    status, out, err = run("export", project, "-f", "md", "-o", kept)
    assert (status, out) == (2, "")
    assert err.startswith(f"diptych: {kept}: is read-only, so it was not replaced.")
    assert kept.read_bytes() == b"the notes as sent"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "final notes.md", "p.diptych"]


def test_a_link_to_a_read_only_file_is_refused_too(tmp_path: Path) -> None:
    kept = tmp_path / "kept.csv"
    kept.write_bytes(b"old")
    kept.chmod(0o444)
    link = tmp_path / "latest.csv"
    link.symlink_to(kept)
    with pytest.raises(InputError, match="is read-only"):
        write_atomically(link, b"new")
    assert kept.read_bytes() == b"old" and link.is_symlink()


def test_a_writable_file_is_still_replaced(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_bytes(b"old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
