"""A tag name that shows nothing (spaces, zero-width spaces and joiners, the word joiner,
a byte-order mark, bidi marks and isolates) is refused, in storage and on the command
line, with the reason; a REFI-QDA code named so becomes an "Unnamed code"."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import run
from test_refiqda_import import NS, write_qdpx

from diptych.storage.errors import InputError
from diptych.storage.project import Project
from diptych.storage.refiqda_import import import_exchange_file

BLANK_NAMES = [
    "\u200b",  # zero-width space
    "\u200c\u200d",  # zero-width non-joiner, joiner
    "\u2060",  # word joiner
    " \ufeff ",  # byte-order mark
    "\u200e\u200f",  # left-to-right, right-to-left marks
    "\u3164",  # Hangul filler
    "\u00a0\u2800",  # no-break space, blank braille pattern
]
REASON = "a tag name needs a character that can be seen"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "p.diptych"
    with Project.create(path) as project:
        project.tags.add(name="Economy")
    return path


def names(path: Path) -> list[str]:
    with Project.open(path, read_only=True) as project:
        return [t.name for t in project.tags.all()]


@pytest.mark.parametrize("name", BLANK_NAMES)
def test_a_name_that_shows_nothing_is_refused(path: Path, name: str) -> None:
    with Project.open(path) as project:
        with pytest.raises(InputError, match=REASON):
            project.tags.add(name=name)
        with pytest.raises(InputError, match=REASON):
            project.tags.update(tag_id=1, name=name)
    assert names(path) == ["Economy"]


def test_a_name_with_an_invisible_character_among_visible_ones_is_kept(path: Path) -> None:
    with Project.open(path) as project:  # the joiner may join what is typed after it
        assert project.tags.add(name="Trade\u200d").name == "Trade\u200d"
        assert project.tags.add(name="می\u200cخواهم").name == "می\u200cخواهم"  # joins otherwise


@pytest.mark.parametrize(
    ("copied", "name"),
    [
        ("\u200fסיכום", "סיכום"),  # a right-to-left mark copied with a Hebrew word
        ("סיכום\u200e", "סיכום"),  # a left-to-right mark after it
        ("\u200b Trade \u200b", "Trade"),  # zero-width spaces from a web page
        ("\ufeffTrade", "Trade"),  # a byte-order mark from the start of a file
    ],
)
def test_marks_that_show_nothing_at_a_names_ends_go(path: Path, copied: str, name: str) -> None:
    with Project.open(path) as project:
        assert project.tags.add(name=copied).name == name
        with pytest.raises(InputError, match="already exists"):  # not a look-alike beside it
            project.tags.add(name=copied.strip() + "\u200f")
    assert names(path) == ["Economy", name]


def test_a_mark_that_shows_nothing_inside_a_name_makes_no_other_name(path: Path) -> None:
    with Project.open(path) as project:
        with pytest.raises(InputError, match="already exists"):
            project.tags.add(name="Eco\u200bnomy")
        found = project.tags.find(name="econ\u00adomy")  # a name typed finds it
        assert found is not None and found.id == 1
    code, _, _ = run("tag", path, "\u200fEconomy", "--color", "#123456")  # that tag, recoloured
    assert code == 0 and names(path) == ["Economy"]
    with Project.open(path, read_only=True) as project:
        assert project.tags.get(tag_id=1).color == "#123456"


def test_the_command_line_refuses_a_name_that_shows_nothing(path: Path) -> None:
    code, _, err = run("tag", path, "\u200b\u2060")
    assert code != 0
    assert REASON in err
    assert names(path) == ["Economy"]


def test_an_imported_code_named_with_nothing_visible_is_an_unnamed_code(
    tmp_path: Path, path: Path
) -> None:
    qde = (
        f"<Project {NS} name='p'><CodeBook><Codes>"
        '<Code guid="a1b2c3d4-0000-4000-8000-000000000001" name="&#x200B;&#xFEFF;"'
        ' isCodable="true"/></Codes></CodeBook></Project>'
    )
    with Project.open(path) as project:
        import_exchange_file(project, path=write_qdpx(tmp_path / "c.qdpx", qde))
    assert names(path) == ["Economy", "Unnamed code"]
