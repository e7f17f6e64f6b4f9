"""The menu entry's ``TryExec`` names the command itself: it is a plain string, read without
the quoting of ``Exec``, so a quoted path (a folder with a space, say) names no file and
the desktop hides the entry from its menu."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_packaging_desktop import entry_keys, exec_arguments, fake_command, installer, string_value


@pytest.mark.parametrize(
    "folder", ["My Apps", 'say "hi"', "cost $5 & `more`", "back\\slash", "100% done", "tab\there"]
)
def test_try_exec_names_the_command_file_whatever_its_folder_is_called(
    tmp_path: Path, folder: str
) -> None:
    command = fake_command(tmp_path / folder / "bin")
    data = tmp_path / "share"

    installer.install(data, command)

    keys = entry_keys(data / "applications" / "diptych.desktop")
    tried = Path(string_value(keys["TryExec"]))
    assert tried == command.resolve() and tried.is_file()
    assert exec_arguments(keys["Exec"]) == [str(command.resolve()), "open", "%f"]
