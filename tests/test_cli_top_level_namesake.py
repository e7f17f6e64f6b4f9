"""A top-level tag whose name a sub-tag elsewhere shares is named on the command line by a
path starting with '/' ("/Security" beside "Diplomacy/Security"); the bare name is refused as
ambiguous, with the paths that tell the two apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import run
from test_tags import TEXT

from diptych.storage.errors import InputError
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "p.diptych"
    with Project.create(path) as project:
        article = project.articles.add(parsed=parse_article(TEXT.encode(), name="a.txt"))
        security = project.tags.add(name="Security")
        diplomacy = project.tags.add(name="Diplomacy")
        nested = project.tags.add(name="Security", parent_id=diplomacy.id)
        project.annotations.add(article_id=article.id, start=0, end=3, tag_ids=[security.id])
        project.annotations.add(article_id=article.id, start=4, end=7, tag_ids=[nested.id])
    return path


def test_a_leading_slash_names_the_top_level_tag(path: Path) -> None:
    with Project.open(path) as project:
        top = project.tags.find(name="/Security")
        nested = project.tags.find(name="Diplomacy/Security")
        assert top is not None and top.parent_id is None
        assert nested is not None and nested.parent_id is not None
        assert project.tags.find(name=" /security ") == top
        assert project.tags.find(name="/Diplomacy/Security") == nested
        assert project.tags.find(name="/Trade") is None
        with pytest.raises(InputError) as caught:
            project.tags.find(name="Security")
    assert str(caught.value).startswith(
        "several tags are called 'Security': '/Security', 'Diplomacy/Security'"
    )
    assert "'/' at the start names a top-level tag" in str(caught.value)


def test_the_command_line_lists_and_changes_the_top_level_namesake(path: Path) -> None:
    code, out, _ = run("annotations", path, "--tag", "/Security", "--json")
    assert code == 0 and '"One"' in out and '"two"' not in out
    code, _, err = run("annotations", path, "--tag", "Security")
    assert code != 0 and "'/Security', 'Diplomacy/Security'" in err
    code, _, _ = run("tag", path, "/Security", "--color", "#112233")
    assert code == 0
    with Project.open(path) as project:
        colours = {project.tags.codebook().path(t.id): t.color for t in project.tags.all()}
    assert colours["Security"] == "#112233" and colours["Diplomacy/Security"] != "#112233"
