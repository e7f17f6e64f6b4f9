"""The HTML report printed: a note's link is followed by its address (an in-page anchor,
or an address written out, is not), and top-level groups run on without a forced page
break, which left a mostly empty page per tag; a passage is still not split across pages."""

from __future__ import annotations

import re
from pathlib import Path

from export_fixtures import fixed_options

from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project


def printed_rules(page: str) -> dict[str, str]:
    """The report's print style sheet, as {selector: declarations}."""
    found = re.search(r"@media print \{(.*?)\n\}", page, re.S)
    assert found is not None
    return {
        selector.strip(): body.strip()
        for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", found[1])
    }


def report(tmp_path: Path) -> str:
    with Project.open(tmp_path / "print.diptych", create=True, name="Print") as project:
        article = project.articles.add(parsed=parse_article(b"Ports grew.\n", name="a.txt"))
        for name in ("Economy", "Politics"):
            tag = project.tags.add(name=name)
            project.annotations.add(
                article_id=article.id, start=0, end=5, tag_ids=[tag.id],
                note="See [the figures](https://example.org/trade) or https://example.org/all",
            )  # fmt: skip
        return export_project(project, fmt="html", options=fixed_options()).decode("utf-8")


def test_a_printed_link_shows_its_address(tmp_path: Path) -> None:
    page = report(tmp_path)
    assert '<a href="https://example.org/trade" rel="noreferrer">' in page
    # An address written out is not followed by itself again.
    assert '<a href="https://example.org/all" rel="noreferrer" class="address">' in page
    rules = printed_rules(page)
    assert rules["a[href]::after"] == 'content: " (" attr(href) ")";'
    assert rules['a[href^="#"]::after, a.address::after'] == "content: none;"
    assert "text-decoration: none" not in rules.get("a", "")


def test_printed_groups_are_not_each_forced_onto_a_new_page(tmp_path: Path) -> None:
    rules = printed_rules(report(tmp_path))
    assert not any("break-before" in body for body in rules.values())
    assert any(
        ".passage" in selector and "break-inside: avoid" in body for selector, body in rules.items()
    )


def _printed_after(page: str) -> list[tuple[str, str]]:
    """Each link printed with its address after it, as (its text, that address)."""
    return [
        (re.sub(r"<[^>]+>", "", text), href)
        for attrs, href, text in re.findall(r'<a ((?:[^>]*?)href="([^"]*)"[^>]*)>(.*?)</a>', page)
        if 'class="address"' not in attrs and not href.startswith("#")
    ]


def test_a_link_reading_as_its_own_address_is_not_printed_with_it_again(tmp_path: Path) -> None:
    with Project.open(tmp_path / "print.diptych", create=True, name="Print") as project:
        article = project.articles.add(parsed=parse_article(b"Ports grew.\n", name="a.txt"))
        project.articles.set_source_url(article_id=article.id, url="https://news.example/port")
        tag = project.tags.add(name="Economy")
        project.annotations.add(
            article_id=article.id, start=0, end=5, tag_ids=[tag.id],
            note="[https://example.org/x](https://example.org/x), "
            "[https://example.org/café](https://example.org/café), "
            "[desk@example.org](mailto:desk@example.org), "
            "[the figures](https://example.org/trade) and [*https://e.org/*](https://e.org/)",
        )  # fmt: skip
        page = export_project(project, fmt="html", options=fixed_options()).decode("utf-8")
    assert "https://news.example/port</a>" in page  # the Sources list
    assert _printed_after(page) == [
        ("the figures", "https://example.org/trade"),
    ]
