"""Putting back a removed article, passage or tag (undo) that is in the project again is
refused with a message naming it, and changes nothing: the one in the project stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from diptych.storage.errors import ChangedMeanwhileError
from diptych.storage.project import Project


def test_an_article_back_in_the_project_is_not_put_back_twice(sample: Path) -> None:
    with Project.open(sample) as project:
        removal = project.articles.remove(article_id=2)
        project.articles.restore(removal=removal)  # undone: it is back
        passages = project.annotations.query(article_id=2)

        with pytest.raises(ChangedMeanwhileError) as refused:
            project.articles.restore(removal=removal)

        assert repr(removal.article.title) in str(refused.value)
        assert "in the project again" in str(refused.value)
        assert [a.id for a in project.articles.all()].count(2) == 1
        assert project.annotations.query(article_id=2) == passages


def test_a_passage_back_in_the_project_is_not_put_back_twice(sample: Path) -> None:
    with Project.open(sample) as project:
        passage = project.annotations.query(article_id=2)[0]
        deleted = project.annotations.delete(annotation_id=passage.id)
        project.annotations.restore(annotation=deleted)

        with pytest.raises(ChangedMeanwhileError, match=r"passage .* in the project again"):
            project.annotations.restore(annotation=deleted)

        assert project.annotations.get(annotation_id=passage.id) == passage


def test_a_tag_back_in_the_project_is_not_put_back_twice(sample: Path) -> None:
    with Project.open(sample) as project:
        before = project.tags.codebook().ordered()
        removal = project.tags.delete(tag_id=4)
        project.tags.restore(removal=removal)

        with pytest.raises(ChangedMeanwhileError, match="tag 'Diplomacy' is in the project"):
            project.tags.restore(removal=removal)

        assert project.tags.codebook().ordered() == before
