"""The Markdown export keeps right-to-left text and bidi overrides in names and titles to
their own place: a title cannot reorder the citation line after it."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_fixtures import fixed_options

from diptych.storage.control_characters import isolated
from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

RLO, PDI, FSI = "\u202e", "\u2069", "\u2068"


def _export(tmp_path: Path, title: str, coder: str, *, second_coder: bool = True) -> str:
    """The Markdown export of one article titled ``title`` with a passage by ``coder``,
    and (with ``second_coder``) one by another coder: each citation then names its coder."""
    with Project.open(tmp_path / "p.diptych", create=True, name="Study") as project:
        # A section of its own: a heading that only repeats the title names none.
        body = f"# {title}\n\n## {title}: notes\n\nThe words here.".encode()
        article = project.articles.add(parsed=parse_article(body, name="a.md"))
        text = project.articles.get(article_id=article.id).text
        start = text.index("words")
        tag = project.tags.add(name="Claim")
        project.annotations.add(
            article_id=article.id, start=start, end=start + 5, tag_ids=[tag.id], coder=coder
        )
        if second_coder:
            end = text.index("here") + 4
            project.annotations.add(article_id=article.id, start=end - 4, end=end, coder="Zed")
        return export_project(project, fmt="md", options=fixed_options()).decode("utf-8")


def _citation(tmp_path: Path, title: str, coder: str) -> str:
    """The citation line of the passage by ``coder`` (see :func:`_export`)."""
    exported = _export(tmp_path, title, coder)
    return next(line for line in exported.splitlines() if line.startswith("> — "))


def test_an_override_in_a_title_cannot_reverse_the_rest_of_the_citation(tmp_path: Path) -> None:
    line = _citation(tmp_path, f"Report {RLO}evil", "Alice")
    assert RLO not in line
    assert line == "> — *Report evil* · § Report evil: notes · Claim · coded by Alice"


def test_right_to_left_names_are_isolated_and_left_to_right_ones_untouched(
    tmp_path: Path,
) -> None:
    line = _citation(tmp_path, "تقرير السوق", "דנה")
    title, section = f"{FSI}تقرير السوق{PDI}", f"{FSI}تقرير السوق: notes{PDI}"
    assert line == f"> — *{title}* · § {section} · Claim · coded by {FSI}דנה{PDI}"


def test_a_sole_coders_right_to_left_name_is_isolated_in_the_header(tmp_path: Path) -> None:
    exported = _export(tmp_path, "Report", "דנה", second_coder=False)
    assert f"- Coded by: {FSI}דנה{PDI}\n" in exported
    assert "coded by" not in exported  # named once, at the top, not after each quote


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Plain title", "Plain title"),
        ("東アジアの外交 🌏", "東アジアの外交 🌏"),
        (f"a{PDI}{RLO}b", "ab"),  # a closing isolate of its own cannot end ours early
        (f"שלום{PDI}{RLO}x", f"{FSI}שלוםx{PDI}"),
    ],
)
def test_isolated(text: str, shown: str) -> None:
    assert isolated(text) == shown


def test_an_override_in_the_project_name_cannot_reverse_the_title_line(tmp_path: Path) -> None:
    with Project.open(tmp_path / "p.diptych", create=True, name=f"Study {RLO}one") as project:
        exported = export_project(project, fmt="md", options=fixed_options()).decode("utf-8")
    assert exported.startswith("# Study one: tagged notes\n")
