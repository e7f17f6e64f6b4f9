"""Put Diptych in the desktop's application menu and teach the file manager its project files.

``make install-desktop`` runs this with the virtual environment's Python; ``make
uninstall-desktop`` runs it with ``--remove``. For the current user only, following the
freedesktop.org specifications (nothing outside ``$XDG_DATA_HOME``, ``~/.local/share`` by
default, is touched):

- ``applications/diptych.desktop``: the menu entry, starting the ``diptych`` command of this
  environment on the project file given (a double-click on a ``.diptych`` file opens it);
- ``icons/hicolor/scalable/apps/diptych.svg``: its icon;
- ``mime/packages/diptych.xml``: the ``application/x-diptych-project`` file type, by name
  (``*.diptych``) and by content (a SQLite header carrying Diptych's application id).

The desktop's caches are brought up to date when their tools are installed
(``update-mime-database``, ``update-desktop-database``, ``gtk-update-icon-cache``); without
them the files are still in place and are read at the next log-in.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DESKTOP_ENTRY = ROOT / "resources" / "desktop" / "diptych.desktop"
MIME_TYPE = ROOT / "resources" / "desktop" / "diptych-mime.xml"
ICON = ROOT / "resources" / "icons" / "diptych.svg"

# Where each file goes, relative to the data folder.
PLACES = {
    "entry": Path("applications") / "diptych.desktop",
    "icon": Path("icons") / "hicolor" / "scalable" / "apps" / "diptych.svg",
    "mime": Path("mime") / "packages" / "diptych.xml",
}


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset, empty or not absolute."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def default_command() -> Path:
    """The ``diptych`` command installed beside this Python (the virtual environment's)."""
    return Path(sys.executable).parent / "diptych"


def quoted(argument: str) -> str:
    """``argument`` as one argument of a desktop entry's ``Exec`` key.

    The specification quotes an argument holding a space or a reserved character in
    double quotes, with ``"``, `````, ``$`` and ``\\`` escaped by a backslash inside them;
    the entry's value is then escaped once more as a string, which doubles each backslash.
    A ``%`` is written ``%%`` (a single one starts a field code such as ``%f``).
    """
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    argument = argument.replace("%", "%%")
    if argument and not reserved.intersection(argument):
        return argument
    inner = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return '"' + inner.replace("\\", "\\\\") + '"'


def string_value(text: str) -> str:
    """``text`` as a desktop entry's string value (as ``TryExec`` is: a path, not quoted
    as the arguments of ``Exec`` are), its backslashes and control characters escaped."""
    escapes = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
    return "".join(escapes.get(c, c) for c in text)


def desktop_entry(command: Path) -> str:
    """The shipped desktop entry, starting ``command`` (an absolute path) on a file;
    ``TryExec`` names that file as it is, or the desktop finds none and hides the entry."""
    lines = []
    for line in DESKTOP_ENTRY.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={quoted(str(command))} open %f"
        elif line.startswith("TryExec="):
            continue
        lines.append(line)
        if line.startswith("Exec="):
            lines.append(f"TryExec={string_value(str(command))}")
    return "\n".join(lines) + "\n"


def install(data: Path, command: Path) -> list[Path]:
    """Write the menu entry, icon and file type under ``data``; returns the files written."""
    if not command.is_file() or not os.access(command, os.X_OK):
        raise SystemExit(
            f"{command} is not an installed diptych command. Run `make run` once first, or "
            "give the command's path with --command."
        )
    if "\n" in str(command) or "\r" in str(command):
        raise SystemExit(
            f"{command!r}: a desktop entry cannot start a command whose path has a line break."
        )
    contents = {
        "entry": desktop_entry(command.resolve()).encode("utf-8"),
        "icon": ICON.read_bytes(),
        "mime": MIME_TYPE.read_bytes(),
    }
    written = []
    for key, relative in PLACES.items():
        target = data / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".part")
        temporary.write_bytes(contents[key])
        temporary.replace(target)  # never a half-written entry in the menu
        written.append(target)
    refresh_caches(data)
    return written


def remove(data: Path) -> list[Path]:
    """Take out what :func:`install` wrote under ``data``; returns the files removed."""
    removed = []
    for relative in PLACES.values():
        target = data / relative
        if target.is_file():
            target.unlink()
            removed.append(target)
    refresh_caches(data)
    return removed


def refresh_caches(data: Path) -> None:
    """Bring the desktop's caches up to date with the tools that are installed."""
    tools = (
        ("update-mime-database", data / "mime"),
        ("update-desktop-database", data / "applications"),
        ("gtk-update-icon-cache", data / "icons" / "hicolor"),
    )
    for tool, folder in tools:
        path = shutil.which(tool)
        if path is None or not folder.is_dir():
            continue
        arguments = (
            [path, "-f", "-t", str(folder)] if tool.startswith("gtk") else [path, str(folder)]
        )
        subprocess.run(arguments, check=False, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--remove", action="store_true", help="take Diptych out again")
    parser.add_argument(
        "--data-home", type=Path, default=None, help="data folder (default: $XDG_DATA_HOME)"
    )
    parser.add_argument(
        "--command",
        type=Path,
        default=None,
        help="the diptych command to start (default: this environment's)",
    )
    args = parser.parse_args(argv)
    data = args.data_home or data_home()
    if args.remove:
        for path in remove(data):
            print(f"removed {path}")
        return 0
    for path in install(data, args.command or default_command()):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
