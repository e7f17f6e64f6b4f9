"""`make install-desktop`: the menu entry, icon and project file type for the current user."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from diptych.storage.project import Project
from diptych.storage.schema import APPLICATION_ID

ROOT = Path(__file__).resolve().parent.parent
FIELD_CODES = {"%f", "%F", "%u", "%U", "%i", "%c", "%k"}
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def load_installer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "install_desktop", ROOT / "packaging" / "install_desktop.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


installer = load_installer()


def fake_command(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    command = folder / "diptych"
    command.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    command.chmod(0o755)
    return command


def entry_keys(path: Path) -> dict[str, str]:
    """The keys of a desktop entry's [Desktop Entry] group, values as written."""
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line)


def string_value(value: str) -> str:
    """A desktop entry's string value with its escapes (``\\s``, ``\\n``, ``\\t``,
    ``\\r``, ``\\\\``) read."""
    escapes = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\":
            escaped = value[i + 1 : i + 2]
            assert escaped in escapes, f"invalid escape in {value!r}"
            out.append(escapes[escaped])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def exec_arguments(value: str) -> list[str]:
    """Split an ``Exec`` value as the desktop entry specification reads it: string escapes
    first (``\\\\`` is one backslash), then double-quoted arguments with ``\\"``, ``\\```,
    ``\\$`` and ``\\\\`` escaped; ``%%`` is a literal ``%``."""
    unescaped = string_value(value)
    arguments: list[str] = []
    current, quoted, in_argument, i = [], False, False, 0
    while i < len(unescaped):
        c = unescaped[i]
        if quoted:
            if c == "\\":
                escaped = unescaped[i + 1 : i + 2]
                assert escaped and escaped in '"`$\\', f"lone backslash in {value!r}"
                current.append(escaped)
                i += 1
            elif c == '"':
                quoted = False
            else:
                current.append(c)
        elif c == '"':
            quoted = in_argument = True
        elif c == " ":
            if in_argument:
                arguments.append("".join(current))
            current, in_argument = [], False
        else:
            current.append(c)
            in_argument = True
        i += 1
    assert not quoted, f"unbalanced quotes in {value!r}"
    if in_argument:
        arguments.append("".join(current))
    for argument in arguments:  # a lone % starts a field code, which stands alone
        lone = argument.replace("%%", "")
        assert "%" not in lone or lone in FIELD_CODES, f"stray % in {argument!r}"
    return [argument.replace("%%", "%") for argument in arguments]


def test_install_writes_a_menu_entry_that_starts_this_command_on_a_file(tmp_path: Path) -> None:
    command = fake_command(tmp_path / "bin")
    data = tmp_path / "share"

    written = installer.install(data, command)

    assert {p.relative_to(data) for p in written} == set(installer.PLACES.values())
    keys = entry_keys(data / "applications" / "diptych.desktop")
    assert exec_arguments(keys["Exec"]) == [str(command.resolve()), "open", "%f"]
    assert string_value(keys["TryExec"]) == str(command.resolve())  # a path, not quoted
    assert keys["MimeType"].split(";")[0] == "application/x-diptych-project"
    assert keys["Icon"] == "diptych"
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / "diptych.svg"
    assert icon.read_bytes() == (ROOT / "resources" / "icons" / "diptych.svg").read_bytes()
    assert not list(data.rglob("*.part"))


@pytest.mark.parametrize(
    "folder", ["My Apps", 'say "hi"', "cost $5 & `more`", "back\\slash", "100% done"]
)
def test_a_command_path_with_reserved_characters_is_quoted_so_it_reads_back_whole(
    tmp_path: Path, folder: str
) -> None:
    command = fake_command(tmp_path / folder / "bin")
    data = tmp_path / "share"

    installer.install(data, command)

    keys = entry_keys(data / "applications" / "diptych.desktop")
    assert exec_arguments(keys["Exec"]) == [str(command.resolve()), "open", "%f"]
    assert string_value(keys["TryExec"]) == str(command.resolve())


def test_install_refuses_a_command_that_is_not_there_and_writes_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "diptych"
    data = tmp_path / "share"

    with pytest.raises(SystemExit) as refused:
        installer.install(data, missing)

    assert str(missing) in str(refused.value) and "make run" in str(refused.value)
    assert not data.exists()


def test_remove_takes_out_what_install_wrote_and_nothing_else(tmp_path: Path) -> None:
    data = tmp_path / "share"
    neighbour = data / "applications" / "other.desktop"
    neighbour.parent.mkdir(parents=True)
    neighbour.write_text("[Desktop Entry]\n", encoding="utf-8")
    installer.install(data, fake_command(tmp_path / "bin"))

    removed = installer.remove(data)

    assert {p.relative_to(data) for p in removed} == set(installer.PLACES.values())
    assert all(not (data / p).exists() for p in installer.PLACES.values())
    assert neighbour.exists()


def test_the_file_type_matches_a_real_project_file_by_name_and_by_content(tmp_path: Path) -> None:
    root = ET.parse(ROOT / "resources" / "desktop" / "diptych-mime.xml").getroot()
    kind = root.find("m:mime-type", MIME_NS)
    assert kind is not None and kind.get("type") == "application/x-diptych-project"
    globs = [g.get("pattern") for g in kind.findall("m:glob", MIME_NS)]
    outer = kind.find("m:magic/m:match", MIME_NS)
    assert outer is not None
    inner = outer.find("m:match", MIME_NS)
    assert inner is not None
    path = tmp_path / "study.diptych"
    Project.create(path).close()
    header = path.read_bytes()[:100]

    assert "*" + path.suffix in globs
    assert outer.get("type") == "string" and outer.get("offset") == "0"
    signature = (outer.get("value") or "").replace("\\000", "\x00").encode("latin-1")
    assert header.startswith(signature)
    assert inner.get("type") == "big32"
    offset, value = int(inner.get("offset") or "-1"), int(inner.get("value") or "0", 16)
    assert value == APPLICATION_ID
    assert int.from_bytes(header[offset : offset + 4], "big") == value


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="needs shared-mime-info")
def test_the_desktop_learns_the_file_type_when_its_tools_are_installed(tmp_path: Path) -> None:
    data = tmp_path / "share"

    installer.install(data, fake_command(tmp_path / "bin"))

    globs = (data / "mime" / "globs2").read_text(encoding="utf-8")
    assert "application/x-diptych-project:*.diptych" in globs


def test_make_install_desktop_runs_the_installer_and_its_command_line(tmp_path: Path) -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "install-desktop:" in makefile and "packaging/install_desktop.py" in makefile
    command = fake_command(tmp_path / "bin")
    data = tmp_path / "share"
    script = str(ROOT / "packaging" / "install_desktop.py")
    arguments = ["--data-home", str(data), "--command", str(command)]

    done = subprocess.run(
        [sys.executable, script, *arguments], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert (data / "applications" / "diptych.desktop").is_file()
    undone = subprocess.run(
        [sys.executable, script, "--remove", "--data-home", str(data)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert undone.returncode == 0, undone.stderr
    assert not (data / "applications" / "diptych.desktop").exists()
