"""packaging/bootstrap.sh, the first thing `make run` and `make test` run: it installs system
packages only when they are missing, and asks for no password when nothing is.

The script runs for real with a PATH whose first folder holds stand-ins for apt-get, sudo,
ldconfig, fc-list and id that write down how they were called; the virtual environment is a
stand-in too, so no package is installed and nothing is downloaded.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BOOTSTRAP = ROOT / "packaging" / "bootstrap.sh"

# Every library the script looks for, as `ldconfig -p` lists it.
LIBRARIES = [
    "libEGL.so.1",
    "libGL.so.1",
    "libxkbcommon.so.0",
    "libxkbcommon-x11.so.0",
    "libfontconfig.so.1",
    "libfreetype.so.6",
    "libglib-2.0.so.0",
    "libdbus-1.so.3",
    "libX11-xcb.so.1",
    "libxcb-cursor.so.0",
    "libxcb-icccm.so.4",
    "libxcb-keysyms.so.1",
    "libxcb-shape.so.0",
    "libxcb-randr.so.0",
    "libxcb-render-util.so.0",
    "libxcb-image.so.0",
    "libxcb-xkb.so.1",
]


def _tool(folder: Path, name: str, body: str = "exit 0") -> Path:
    path = folder / name
    path.write_text(
        f'#!/bin/sh\necho "{name} $*" >> "$CALLS"\n{body}\n',
        encoding="utf-8",
    )
    path.chmod(0o755)
    return path


class Machine:
    """A PATH of stand-ins, a record of their calls, and a stand-in virtual environment."""

    def __init__(self, tmp_path: Path, *, uid: int = 1000) -> None:
        self.shims = tmp_path / "shims"
        self.shims.mkdir()
        self.calls = tmp_path / "calls.log"
        self.calls.write_text("", encoding="utf-8")
        self.venv = tmp_path / "venv"
        (self.venv / "bin").mkdir(parents=True)
        _tool(self.venv / "bin", "python")
        # A Python of a version Diptych runs on, which writes down that it was asked.
        self.python = _tool(tmp_path, "python", f'exec "{sys.executable}" "$@"')
        for name in ("apt-get", "sudo"):
            _tool(self.shims, name)
        _tool(self.shims, "id", f"echo {uid}")
        # The long listings are longer than a pipe holds, so a reader that stops at the
        # first match leaves them cut short, as on a real machine with many fonts.
        filler = tmp_path / "filler.txt"
        filler.write_text("".join(f"/usr/share/x/filler{i}.so.0\n" for i in range(20000)))
        self.filler = filler

    def libraries(self, names: list[str]) -> None:
        listing = "".join(f"\t{n} (libc6,x86-64) => /usr/lib/{n}\\n" for n in names)
        _tool(self.shims, "ldconfig", f'printf "{listing}"; cat "{self.filler}"')

    def fonts(self, present: bool = True) -> None:
        body = f'echo "/usr/share/fonts/DejaVuSans.ttf: DejaVu Sans"; cat "{self.filler}"'
        _tool(self.shims, "fc-list", body if present else "exit 0")

    def run(self, *, path_tail: str = "/usr/bin:/bin", python: Path | None = None):
        env = {
            "HOME": str(self.shims.parent),
            "PATH": f"{self.shims}:{path_tail}",
            "CALLS": str(self.calls),
            "PYTHON": str(python or self.python),
            "VENV": str(self.venv),
        }
        result = subprocess.run(
            ["bash", str(BOOTSTRAP), "app"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        return result, self.calls.read_text(encoding="utf-8").splitlines()


def _system_calls(calls: list[str]) -> list[str]:
    return [c for c in calls if c.split()[0] in ("apt-get", "sudo")]


@pytest.mark.parametrize("uid", [1000, 0])
def test_nothing_is_installed_and_no_password_asked_when_everything_is_there(
    tmp_path: Path, uid: int
) -> None:
    machine = Machine(tmp_path, uid=uid)
    machine.libraries(LIBRARIES)
    machine.fonts()
    for _ in range(3):
        result, calls = machine.run()
        assert result.returncode == 0, result.stderr
        assert "Installing system packages" not in result.stdout
        assert _system_calls(calls) == []


@pytest.mark.skipif(
    not any(Path(d, "ldconfig").exists() for d in ("/sbin", "/usr/sbin")),
    reason="this machine has no ldconfig in /sbin or /usr/sbin",
)
def test_ldconfig_is_found_in_sbin_when_the_path_does_not_name_it(tmp_path: Path) -> None:
    """Debian gives an ordinary user a PATH without /sbin: the libraries this machine has
    (the test run needs them) are found all the same."""
    machine = Machine(tmp_path)
    machine.fonts()
    result, calls = machine.run(path_tail="/usr/local/bin:/usr/bin:/bin")
    assert result.returncode == 0, result.stderr
    assert "Installing system packages" not in result.stdout
    assert _system_calls(calls) == []


def test_what_is_missing_is_installed_and_only_that(tmp_path: Path) -> None:
    """A clean machine, as CI's: the missing libraries and fonts are installed, through sudo
    for an ordinary user."""
    machine = Machine(tmp_path, uid=1000)
    machine.libraries([n for n in LIBRARIES if n not in ("libxcb-cursor.so.0", "libEGL.so.1")])
    machine.fonts(present=False)
    result, calls = machine.run()
    assert result.returncode == 0, result.stderr
    (install,) = [c for c in calls if c.startswith("sudo apt-get install")]
    assert sorted(install.split()[5:]) == sorted(
        ["libxcb-cursor0", "libegl1", "fontconfig", "fonts-dejavu-core"]
    )
    assert "sudo apt-get update -qq" in calls


def test_as_root_the_missing_packages_are_installed_without_sudo(tmp_path: Path) -> None:
    machine = Machine(tmp_path, uid=0)
    machine.libraries([n for n in LIBRARIES if n != "libxcb-xkb.so.1"])
    machine.fonts()
    result, calls = machine.run()
    assert result.returncode == 0, result.stderr
    assert [c for c in calls if c.startswith("sudo")] == []
    assert "apt-get install -y -qq libxcb-xkb1" in calls


def test_a_python_diptych_cannot_use_is_refused_before_anything_is_installed(
    tmp_path: Path,
) -> None:
    machine = Machine(tmp_path)
    machine.libraries([])
    machine.fonts(present=False)
    old = _tool(
        tmp_path,
        "python3.10",
        f'exec "{sys.executable}" -c "import sys; sys.exit(\'Diptych needs Python 3.11 to 3.13\')"',
    )
    result, calls = machine.run(python=old)
    assert result.returncode != 0
    assert "Diptych needs Python 3.11 to 3.13" in result.stderr
    assert "Installing system packages" not in result.stdout
    assert calls and calls[0].startswith("python3.10")
    assert _system_calls(calls) == []
    assert not any(c.startswith(("ldconfig", "fc-list")) for c in calls)


def test_the_python_packages_being_installed_are_said_with_where_the_log_is(
    tmp_path: Path,
) -> None:
    """pip's output goes to a log: the terminal said nothing for as long as a first run's
    download of PySide6 took."""
    machine = Machine(tmp_path)
    machine.libraries(LIBRARIES)
    machine.fonts()
    result, _calls = machine.run()
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stdout.splitlines() if "Python packages" in line]
    assert len(said) == 1
    assert f"into {machine.venv} with pip" in said[0] and "downloads PySide6" in said[0]
    assert said[0].endswith(f"Progress: {machine.venv}/pip-install.log")
