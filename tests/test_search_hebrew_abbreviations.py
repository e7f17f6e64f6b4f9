"""A Hebrew abbreviation is written with a straight quote for its gershayim (ת"א for Tel
Aviv, ש"ח for shekels, ארה"ב): searched, left out with ``-ת"א``, or found, it is a word,
not the start of a phrase (``הממשלה -ת"א`` found nothing at all)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_cli import run

from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.search import search

BUDGET = 'הממשלה אישרה תקציב של 582 מיליארד ש"ח'
BOURSE = 'הממשלה דנה במדד ת"א 35 בבורסה'
ABROAD = 'ארה"ב הודיעה על מכסים חדשים'


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "il.diptych") as project:
        for name, text in (("b.txt", BUDGET), ("t.txt", BOURSE), ("a.txt", ABROAD)):
            project.articles.add(parsed=parse_article(f"{text}\n\n{text}.".encode(), name=name))
        yield project


def titles(project: Project, query: str) -> set[str]:
    return {hit.title for hit in search(project, query=query) if hit.kind == "article"}


def test_an_abbreviation_left_out(project: Project) -> None:
    assert titles(project, 'הממשלה -ת"א') == {BUDGET}
    assert titles(project, 'הממשלה -ש"ח') == {BOURSE}


def test_an_abbreviation_searched(project: Project) -> None:
    assert titles(project, 'ת"א') == {BOURSE}
    assert titles(project, 'ארה"ב מכסים') == {ABROAD}
    assert titles(project, "ארה״ב") == {ABROAD}  # typed with the gershayim itself
    assert titles(project, '"במדד ת"א 35"') == {BOURSE}  # inside a phrase


def test_the_command_line_leaves_an_abbreviation_out(project: Project) -> None:
    path = project.path
    project.close()
    code, out, _ = run("search", path, 'הממשלה -ת"א')
    assert code == 0 and "582" in out and "35" not in out
