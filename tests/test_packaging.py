"""The code's layout as pyproject.toml maps it and as the README describes it."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAPPED = {"gui": "diptych.gui", "storage": "diptych.storage", "resources": "diptych.resources"}


def test_every_code_folder_is_a_listed_package() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = set()
    for folder, package in MAPPED.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT / folder)
            found.add(".".join([package, *rel.parts]))
    # Folders of data only (icons, samples): listed too, so that their files are installed
    # and the build does not warn that it would leave them out.
    for folder in (ROOT / "resources").iterdir():
        if folder.is_dir() and folder.name != "__pycache__":
            found.add(f"diptych.resources.{folder.name}")
    assert found == listed


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and "make run" in readme


def test_the_build_requires_a_setuptools_that_reads_the_license_expression() -> None:
    """``license = "MIT"`` (an SPDX expression, PEP 639) is refused as invalid by setuptools
    before 77, so a build with an older one fails before it starts."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert isinstance(config["project"]["license"], str)
    (requirement,) = [r for r in config["build-system"]["requires"] if r.startswith("setuptools")]
    minimum = requirement.split(">=", 1)[1].split(",")[0]
    assert tuple(int(part) for part in minimum.split(".")) >= (77,)


def test_the_readme_architecture_names_every_module_and_only_modules_that_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    architecture = readme[readme.index("## Architecture") :]
    named = set(re.findall(r"`([a-z_0-9]+\.py)`", architecture))
    modules = {
        path.name
        for folder in ("gui", "storage")
        for path in (ROOT / folder).glob("*.py")
        if path.name != "__init__.py"
    }
    assert sorted(modules - named) == [], "modules the Architecture does not describe"
    assert sorted(named - modules) == [], "modules the Architecture names that do not exist"
