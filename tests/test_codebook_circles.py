"""A codebook whose parents go round in a circle (a file edited by hand) still shows
every tag, in the window's tree, the command line and the exports."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from diptych.storage.cli import main
from diptych.storage.codebook import Codebook
from diptych.storage.project import Project


def circled(tmp_path: Path) -> Path:
    """Economy > Trade > Tariffs, then Economy put under Tariffs by hand; and Loose alone."""
    path = tmp_path / "circle.diptych"
    with Project.create(path) as project:
        economy = project.tags.add(name="Economy")
        trade = project.tags.add(name="Trade", parent_id=economy.id)
        tariffs = project.tags.add(name="Tariffs", parent_id=trade.id)
        project.tags.add(name="Loose")
    with sqlite3.connect(path) as db:
        db.execute("UPDATE tags SET parent_id = ? WHERE id = ?", [tariffs.id, economy.id])
    return path


def test_every_tag_of_a_circle_is_in_the_codebook_once(tmp_path: Path) -> None:
    with Project.open(circled(tmp_path)) as project:
        codebook = Codebook(project.tags.all())
        walked = [(tag.name, depth) for tag, depth in codebook.walk()]
    assert sorted(name for name, _ in walked) == ["Economy", "Loose", "Tariffs", "Trade"]
    assert ("Economy", 0) in walked and ("Trade", 1) in walked and ("Tariffs", 2) in walked


def test_the_command_line_lists_every_tag_of_a_circle(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert main(["tags", str(circled(tmp_path))], stdout=out, stderr=err) == 0
    for name in ("Economy", "Trade", "Tariffs", "Loose"):
        assert name in out.getvalue()


def test_the_tag_taken_as_top_level_says_so_itself(tmp_path: Path) -> None:
    with Project.open(circled(tmp_path)) as project:
        codebook = Codebook(project.tags.all())
    tops = [tag for tag in codebook.children(None)]
    assert [t.name for t in tops] == ["Economy", "Loose"]
    assert all(t.parent_id is None for t in tops)  # a tree model asks each row its parent
    for tag, _depth in codebook.walk():
        assert tag.parent_id is None or tag in codebook.children(tag.parent_id)
