"""Putting back a removed article, passage or tag (undo) that is in the project again is
refused with a message naming it, and changes nothing: the one in the project stays."""

from __future__ import annotations

from pathlib import Path

import pytest

from diptych.storage.errors import ChangedMeanwhileError
from diptych.storage.model import TagRemoval
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


def _restored_elsewhere(path: Path, backup: Path) -> None:
    """The project written over with ``backup``, as File > Restore from backup does."""
    from diptych.storage.backup_restore import restore_backup

    restore_backup(backup, target=path, root=path.parent / "backups")


def test_undo_leaves_a_passage_and_tag_made_after_a_restore_that_took_their_numbers(
    sample: Path, tmp_path: Path
) -> None:
    import shutil

    backup = tmp_path / "backup.diptych"
    shutil.copyfile(sample, backup)
    with Project.open(sample) as mine:
        tag = mine.tags.add(name="Second's tag")
        passage = mine.annotations.add(article_id=1, start=4, end=30, tag_ids=[tag.id])
        _restored_elsewhere(sample, backup)
        with Project.open(sample) as other:  # the restored window makes its own
            theirs = other.tags.add(name="First's new tag")
            their_passage = other.annotations.add(article_id=2, start=10, end=50, tag_ids=[1])
        assert (theirs.id, their_passage.id) == (tag.id, passage.id)  # the numbers again

        with pytest.raises(ChangedMeanwhileError) as refused:
            mine.annotations.delete(annotation_id=passage.id, expected=passage)
        said = str(refused.value)
        assert said.startswith(f"the passage {passage.exact!r} is no longer in the project")
        assert "a backup was restored since" in said and "changed since" not in said

        as_left = TagRemoval(tag=tag, links=(), moved_children=())
        with pytest.raises(ChangedMeanwhileError, match='tag "Second\'s tag" is no longer'):
            mine.tags.delete(tag_id=tag.id, unused_only=True, expected=as_left)

        assert mine.annotations.get(annotation_id=passage.id) == their_passage
        assert mine.tags.get(tag_id=tag.id) == theirs
