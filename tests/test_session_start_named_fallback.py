"""``diptych open FILE`` when FILE cannot be opened and not even the sample project, which
the window would start on instead, can be made: what the user is told names FILE."""

from __future__ import annotations

from pathlib import Path

import pytest

from diptych.gui import app as app_module
from diptych.gui import project_opening
from diptych.gui.context import AppContext
from diptych.storage.errors import DiptychError, ProjectFileError


def not_a_project(path: Path) -> Path:
    path.write_text("Minutes of the trade talks\n" * 20, encoding="utf-8")
    return path


def test_a_named_file_that_cannot_be_opened_is_what_is_said_when_the_sample_cannot_be_made(
    tmp_path: Path, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    named = not_a_project(tmp_path / "Study.diptych")

    def full_disk(path: Path) -> None:
        raise ProjectFileError("could not be created (No space left on device)", path=path)

    monkeypatch.setattr(project_opening, "create_sample_project", full_disk)
    with pytest.raises(DiptychError) as refused:
        app_module.start(context, named)
    # The file the user asked for, and why it cannot be opened: not only the sample's trouble.
    assert refused.value.path == named
    assert "is not a Diptych project" in str(refused.value)
