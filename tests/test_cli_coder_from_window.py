"""``diptych annotate`` signs a passage with the coder's name given in the window (Edit >
Coder name…): it signed with the login name, and a project coded by one analyst in the
window and on the command line then counted two coders, its brief naming a coder on every
citation. ``--coder`` still names another; with no name given, the login name signs."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

from diptych.gui import __main__ as entry
from diptych.gui.paths import AppPaths
from diptych.gui.settings import SETTINGS_FILE, Settings
from diptych.storage.project import Project
from diptych.storage.sample import create_sample_project


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The window's settings, in its per-user folders in ``tmp_path``."""
    paths = AppPaths(data=tmp_path / "user" / "data", config=tmp_path / "user" / "config")
    paths.ensure()
    monkeypatch.setattr(AppPaths, "located", classmethod(lambda cls: paths))
    return Settings(paths.config / SETTINGS_FILE)


def annotated_by(tmp_path: Path, *extra: str) -> str:
    path = tmp_path / "study.diptych"
    if not path.exists():
        create_sample_project(path).close()
    with Project.open(path, read_only=True) as project:
        article = project.articles.get(article_id=project.articles.all()[0].id)
        before = {p.id for p in project.annotations.query()}
        quote = article.text.split("\n")[0][:20]
    argv = ["annotate", str(path), str(article.id), "--quote", quote, "--tag", "=Flagged"]
    assert entry.main([*argv, *extra]) == 0
    with Project.open(path, read_only=True) as project:
        (new,) = [p for p in project.annotations.query() if p.id not in before]
        return new.coder


def test_annotate_signs_with_the_name_given_in_the_window(
    tmp_path: Path, settings: Settings
) -> None:
    settings.set_coder("Ana Müller")
    settings.sync()
    assert annotated_by(tmp_path) == "Ana Müller"


def test_coder_names_another_coder(tmp_path: Path, settings: Settings) -> None:
    settings.set_coder("Ana Müller")
    settings.sync()
    assert annotated_by(tmp_path, "--coder", "Ben") == "Ben"


def test_without_a_name_given_the_login_name_signs(tmp_path: Path, settings: Settings) -> None:
    assert annotated_by(tmp_path) == getpass.getuser()


def test_coder_is_kept_without_the_spaces_at_its_ends_as_the_window_keeps_it(
    tmp_path: Path, settings: Settings
) -> None:
    settings.set_coder(" Ana Müller ")  # Edit > Coder name… with spaces typed around
    settings.sync()
    assert settings.coder() == "Ana Müller"
    assert annotated_by(tmp_path, "--coder", "Ana Müller ") == "Ana Müller"
    with pytest.raises(ValueError):  # the same coder: no second passage on that range
        annotated_by(tmp_path, "--coder", "\tAna Müller")
    with Project.open(tmp_path / "study.diptych", read_only=True) as project:
        assert "Ana Müller " not in {c.name for c in project.annotations.coders()}


@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_coder_is_the_default_coder_and_said(
    tmp_path: Path, settings: Settings, capsys: pytest.CaptureFixture[str], blank: str
) -> None:
    settings.set_coder("Ana Müller")
    settings.sync()
    assert annotated_by(tmp_path, "--coder", blank) == "Ana Müller"
    err = capsys.readouterr().err
    assert "diptych: note: --coder is blank; the default coder 'Ana Müller' is named instead" in err
