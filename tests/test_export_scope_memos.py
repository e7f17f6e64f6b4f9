"""An export narrowed to some tags carries only what is in it: the memos of the articles
that have an exported passage and of the tags exported, the project memo, and a summary
and table of articles counting those articles alone. Without a choice of tags, every
article chosen is in the export, passages or not."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from export_fixtures import fixed_options

from diptych.storage.cli import main
from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project

MEMOS = {
    "project": "Memo on the whole project.",
    "ports": "Memo on the ports article.",
    "talks": "Memo on the talks article.",
    "unread": "Memo on the unread article.",
    "trade": "Memo on the Trade tag.",
    "politics": "Memo on the Politics tag.",
}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    """Ports has a Trade passage, Talks a Politics one, Unread none; every one has a memo."""
    path = tmp_path / "scope.diptych"
    with Project.open(path, create=True, name="Scope") as project:
        ids = {}
        for name, text in (("ports", "Ports grew.\n"), ("talks", "Talks began.\n"),
                           ("unread", "Never tagged.\n")):  # fmt: skip
            parsed = parse_article(text.encode(), name=f"{name}.txt")
            ids[name] = project.articles.add(parsed=parsed).id
        economy = project.tags.add(name="Economy")
        trade = project.tags.add(name="Trade", parent_id=economy.id)
        politics = project.tags.add(name="Politics")
        project.annotations.add(article_id=ids["ports"], start=0, end=5, tag_ids=[trade.id])
        project.annotations.add(article_id=ids["talks"], start=0, end=5, tag_ids=[politics.id])
        project.memos.set(kind=MemoKind.PROJECT, target_id=None, text=MEMOS["project"])
        for name, article_id in ids.items():
            project.memos.set(kind=MemoKind.ARTICLE, target_id=article_id, text=MEMOS[name])
        project.memos.set(kind=MemoKind.TAG, target_id=trade.id, text=MEMOS["trade"])
        project.memos.set(kind=MemoKind.TAG, target_id=politics.id, text=MEMOS["politics"])
    return path


def export(path: Path, fmt: str, *, tags: tuple[str, ...] | None, group_by: str = "tag") -> str:
    with Project.open(path, read_only=True) as project:
        ids = {t.name: t.id for t in project.tags.all()}
        tag_ids = None if tags is None else tuple(ids[name] for name in tags)
        options = fixed_options(tag_ids=tag_ids, group_by=group_by)
        return export_project(project, fmt=fmt, options=options).decode("utf-8")


def memos_in(text: str) -> set[str]:
    return {key for key, memo in MEMOS.items() if memo in text}


@pytest.mark.parametrize("group_by", ["tag", "article"])
@pytest.mark.parametrize("fmt", ["html", "md"])
def test_a_one_tag_export_has_no_memo_of_an_article_without_its_passages(
    path: Path, fmt: str, group_by: str
) -> None:
    text = export(path, fmt, tags=("Trade",), group_by=group_by)
    assert memos_in(text) == {"project", "ports", "trade"}


def test_the_command_line_export_of_one_tag_has_only_its_memos(path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    argv = ["export", str(path), "--format", "md", "--tag", "Trade"]
    assert main(argv, stdout=out, stderr=err) == 0, err.getvalue()
    text = out.getvalue()
    assert memos_in(text) == {"project", "ports", "trade"}
    assert "- Articles: 1\n" in text


def test_the_report_counts_only_the_articles_in_the_export(path: Path) -> None:
    page = export(path, "html", tags=("Trade",))
    summary = re.search(r'<p class="summary">(.*?)</p>', page)
    assert summary is not None and " · 1 article · " in summary[1]
    table = page.split("<h2>Passages per article</h2>")[1].split("</table>")[0]
    rows = re.findall(r'<tr><td dir="auto">(.*?)</td>', table)
    assert rows == ["Ports grew."]


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_without_a_choice_of_tags_every_article_and_memo_is_in(path: Path, fmt: str) -> None:
    assert memos_in(export(path, fmt, tags=None)) == set(MEMOS)


def test_articles_chosen_keep_their_memos_without_passages(path: Path) -> None:
    with Project.open(path, read_only=True) as project:
        unread = next(a.id for a in project.articles.all() if a.title == "Never tagged.")
        options = fixed_options(article_ids=(unread,))
        text = export_project(project, fmt="md", options=options).decode("utf-8")
    assert memos_in(text) == {"project", "unread", "trade", "politics"}
    assert "- Articles: 1\n" in text
