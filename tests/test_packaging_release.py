"""The source release (sdist) and the wheel, built as `python -m build` builds them: the
sdist holds what the README's set-up and the tests use, the wheel the desktop entry and
file type beside the icons, and the build says nothing alarming."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LEFT_BEHIND = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    if importlib.util.find_spec("build") is None:
        pytest.skip("the build package is not installed (make test installs it)")
    folder = tmp_path_factory.mktemp("release")
    source = folder / "source"
    shutil.copytree(ROOT, source, ignore=LEFT_BEHIND, symlinks=True)
    dist = folder / "dist"
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (sdist,) = dist.glob("*.tar.gz")
    (wheel,) = dist.glob("*.whl")
    return sdist, wheel, done.stdout + done.stderr


def _tree_files(folder: str) -> set[str]:
    return {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_the_sdist_holds_the_set_up_the_docs_and_the_whole_tests_tree(
    built: tuple[Path, Path, str],
) -> None:
    sdist, _wheel, _said = built
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    wanted = {"Makefile", "README.md", "pyproject.toml", ".ci/run"}
    for folder in ("packaging", "docs", "tests", "gui", "storage", "resources"):
        wanted |= _tree_files(folder)
    assert sorted(wanted - names) == []
    assert "tests/conftest.py" in names and "packaging/bootstrap.sh" in names


def test_the_wheel_carries_the_desktop_entry_the_file_type_and_the_icons(
    built: tuple[Path, Path, str],
) -> None:
    _sdist, wheel, _said = built
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for name in (
        "diptych/resources/desktop/diptych.desktop",
        "diptych/resources/desktop/diptych-mime.xml",
        "diptych/resources/icons/diptych.svg",
        "diptych/resources/samples/sample.diptych",
    ):
        assert name in names


def test_the_build_warns_of_no_package_left_out(built: tuple[Path, Path, str]) -> None:
    _sdist, _wheel, said = built
    assert "would be ignored" not in said
    assert "absent from" not in said
    assert "no previously-included" not in said
