"""A file that cannot be read says why in words, never "(None)": an error without a
system reason (a file closed while it was read) gives its own message instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from diptych.storage import project_checks
from diptych.storage.errors import ProjectFileError


def test_a_read_error_without_a_system_reason_names_what_happened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "study.diptych"
    path.write_bytes(b"SQLite format 3\x00" + bytes(84))

    def closed(_path: Path, _size: int) -> bytes:
        raise OSError(f"{_path} was closed while it was read")

    monkeypatch.setattr(project_checks, "read_start", closed)
    with pytest.raises(ProjectFileError) as caught:
        project_checks.read_header(path)
    text = str(caught.value)
    assert "None" not in text
    assert "cannot be read (" in text and "was closed while it was read" in text


def test_a_read_error_with_a_system_reason_gives_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(_path: Path, _size: int) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(project_checks, "read_start", denied)
    with pytest.raises(ProjectFileError, match=r"cannot be read \(Permission denied\)"):
        project_checks.read_header(tmp_path / "study.diptych")
