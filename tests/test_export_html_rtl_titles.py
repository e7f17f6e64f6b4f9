"""HTML report: an Arabic or Hebrew title or tag heading takes its own direction."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_fixtures import fixed_options

from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project

TITLE = "ما هي التجارة؟"  # in a left-to-right line its question mark is stranded on the right


@pytest.fixture
def project(tmp_path: Path):
    with Project.open(tmp_path / "rtl.diptych", create=True, name="RTL") as project:
        body = f"# {TITLE}\n\nنمت التجارة.\n".encode()
        article = project.articles.add(parsed=parse_article(body, name="rtl.md"))
        other = project.articles.add(parsed=parse_article(b"# Empty\n\nNothing.\n", name="e.md"))
        project.memos.set(kind=MemoKind.ARTICLE, target_id=other.id, text="An empty one.")
        text = project.articles.get(article_id=article.id).text
        tag = project.tags.add(name="سياسة")
        start = text.index("نمت")
        project.annotations.add(article_id=article.id, start=start, end=start + 11,
                                tag_ids=(tag.id,))  # fmt: skip
        yield project, tag.id


def _page(project: Project, **options: object) -> str:
    return export_project(project, fmt="html", options=fixed_options(**options)).decode()


def test_titles_and_tag_paths_in_headings_and_tables_take_their_own_direction(
    project: tuple[Project, int],
) -> None:
    p, tag = project
    assert p.articles.all()[0].title == TITLE
    by_article = _page(p, group_by="article")
    assert f'<h2 dir="auto">{TITLE}</h2>' in by_article
    assert '<h3 dir="auto">Empty</h3>' in by_article  # the memo of an article without passages
    assert f'<tr><td dir="auto">{TITLE}</td>' in by_article
    assert f'<td class="d0" dir="auto"><span class="swatch t{tag}"></span>سياسة</td>' in by_article
    by_tag = _page(p)
    assert '<h2 dir="auto"><span class="swatch"></span>سياسة</h2>' in by_tag
    # The swatch keeps its gap on the side of the name, whichever side that is.
    assert "margin-inline-end: .4em" in by_tag and "margin-right: .4em" not in by_tag


def test_a_tag_path_longer_than_the_line_can_wrap(project: tuple[Project, int]) -> None:
    # "white-space: nowrap" on a tag kept a long path (Politics/International relations/
    # Bilateral diplomacy/State visits) on one line, past the column and off the printed
    # page: overflow-wrap does nothing where wrapping is turned off.
    page = _page(project[0])
    style = page.split("<style>", 1)[1].split("</style>", 1)[0]
    rules = {
        selector.strip(): body
        for selector, body in (rule.split("{", 1) for rule in style.split("}") if "{" in rule)
    }
    tag = {
        k.strip(): v.strip()
        for k, v in (d.split(":") for d in rules[".tag"].split(";") if ":" in d)
    }
    assert tag == {"display": "inline-block", "max-width": "100%"}
    # Only the count tables' figures and their headers are kept on one line.
    assert [s for s, body in rules.items() if "nowrap" in body] == ["td.n, th.n"]


def test_a_right_to_left_title_and_tag_in_a_passages_citation_keep_their_own_direction(
    project: tuple[Project, int],
) -> None:
    p, tag = project
    # The citation line is left to right ("… · سياسة · coded by …"), and the title took
    # its direction: a right-to-left title's closing question mark was stranded on its
    # right. The section and the coder (<bdi>) already take their own direction.
    for group_by in ("tag", "article"):
        page = _page(p, group_by=group_by)
        assert f'<cite dir="auto">{TITLE}</cite>' in page
        assert f'<span class="tag t{tag}" dir="auto">سياسة</span>' in page


def test_a_right_to_left_tag_description_takes_its_own_direction(
    project: tuple[Project, int],
) -> None:
    p, tag = project
    p.tags.update(tag_id=tag, description=TITLE)
    assert f'<p class="description" dir="auto">{TITLE}</p>' in _page(p)


def test_a_quoted_right_to_left_table_has_its_first_column_on_the_right(tmp_path: Path) -> None:
    page = (
        '<html dir="rtl"><body><h1>מדדים</h1><table><tr><th>מדד</th><th>שינוי</th></tr>'
        "<tr><td>תל אביב 35</td><td>1.2%</td></tr></table>"
        "<table><tr><th>Index</th><th>Change</th></tr><tr><td>S&amp;P</td><td>0.4%</td></tr>"
        "</table></body></html>"
    )
    with Project.open(tmp_path / "t.diptych", create=True, name="T") as project:
        article = project.articles.add(parsed=parse_article(page.encode(), name="t.html"))
        text = project.articles.get(article_id=article.id).text
        tag = project.tags.add(name="מדדים")
        for first, last in (("מדד", "1.2%"), ("Index", "0.4%")):
            start, end = text.index(first), text.index(last) + len(last)
            project.annotations.add(article_id=article.id, start=start, end=end, tag_ids=(tag.id,))
        html = _page(project)
    assert html.count('<table dir="rtl">') == 1  # the Hebrew one
    assert html.index('<table dir="rtl">') < html.index("מדד</t")
    assert "<table><tr>" in html and "Index" in html  # the English one left to right
