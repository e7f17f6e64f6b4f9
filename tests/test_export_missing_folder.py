"""An export into a folder that does not exist says so, instead of advising to free disk
space ("No such file or directory. Choose another folder, or free some disk space")."""

from __future__ import annotations

from pathlib import Path

import pytest

from diptych.storage.errors import InputError
from diptych.storage.files import write_atomically


def test_an_export_into_a_missing_folder_names_the_folder(tmp_path: Path) -> None:
    target = tmp_path / "typo" / "notes.md"
    with pytest.raises(InputError) as caught:
        write_atomically(target, b"notes")
    message = str(caught.value)
    assert f"its folder {tmp_path / 'typo'} does not exist" in message
    assert "create it first" in message and "disk space" not in message
    assert list(tmp_path.iterdir()) == []
