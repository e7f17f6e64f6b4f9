"""An article asked for by a number that no longer exists: the advice suits the window too."""

from __future__ import annotations

from pathlib import Path

import pytest

from diptych.storage.errors import InputError
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


def test_a_removed_article_is_reported_with_advice_for_the_window_and_the_command_line(
    tmp_path: Path,
) -> None:
    with Project.create(tmp_path / "gone.diptych") as project:
        article = project.articles.add(parsed=parse_article(b"A title\n\nSome text.", name="a.txt"))
        project.articles.remove(article_id=article.id)
        for read in (project.articles.summary, project.articles.get):
            with pytest.raises(InputError) as caught:
                read(article_id=article.id)
            message = str(caught.value)
            assert f"there is no article {article.id}" in message
            assert "may have been removed" in message and "The Library lists" in message
            assert "`diptych articles PROJECT`" in message
