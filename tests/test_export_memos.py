"""Every memo in an export's scope reaches the Markdown notes and the HTML report,
whichever the grouping: an article's memo grouped by tag, a tag's grouped by article, and
the memos of articles or tags without passages."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_fixtures import fixed_options
from markdown_it import MarkdownIt

from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.model import MemoKind
from diptych.storage.project import Project

MEMOS = {
    "read": "Memo on the read article: *why* it matters.",
    "unread": "Memo on the unread article.",
    "used": "Memo on the used tag.",
    "unused": "Memo on the unused tag.",
}


@pytest.fixture
def project(tmp_path: Path):
    with Project.open(tmp_path / "memos.diptych", create=True, name="Memos") as project:
        read = project.articles.add(parsed=parse_article(b"A sentence to tag.\n", name="read.txt"))
        unread = project.articles.add(parsed=parse_article(b"Never tagged.\n", name="unread.txt"))
        theme = project.tags.add(name="Theme")
        used = project.tags.add(name="Used", parent_id=theme.id)
        unused = project.tags.add(name="Unused")
        project.annotations.add(article_id=read.id, start=2, end=10, tag_ids=[used.id])
        targets = {
            "read": (MemoKind.ARTICLE, read.id),
            "unread": (MemoKind.ARTICLE, unread.id),
            "used": (MemoKind.TAG, used.id),
            "unused": (MemoKind.TAG, unused.id),
        }
        for key, (kind, target) in targets.items():
            project.memos.set(kind=kind, target_id=target, text=MEMOS[key])
        yield project


def _markdown_text(project: Project, group_by: str) -> str:
    """The rendered Markdown export as plain text (what a reader sees)."""
    data = export_project(project, fmt="md", options=fixed_options(group_by=group_by))
    tokens = MarkdownIt("commonmark").parse(data.decode("utf-8"))
    return "\n".join(
        "".join(child.content for child in token.children or ())
        for token in tokens
        if token.type == "inline"
    )


@pytest.mark.parametrize("group_by", ["tag", "article"])
def test_every_memo_is_in_the_markdown_notes(project: Project, group_by: str) -> None:
    text = _markdown_text(project, group_by)
    for memo in MEMOS.values():
        assert memo.replace("*", "") in text, memo
        assert text.count(memo.replace("*", "")) == 1


@pytest.mark.parametrize("group_by", ["tag", "article"])
def test_every_memo_is_in_the_html_report(project: Project, group_by: str) -> None:
    data = export_project(project, fmt="html", options=fixed_options(group_by=group_by))
    html = data.decode("utf-8")
    for memo in MEMOS.values():
        shown = memo.replace("*why*", "<em>why</em>")
        assert html.count(f"<p>{shown}</p>") == 1, memo


def test_memos_without_a_heading_are_named_after_their_article_or_tag(project: Project) -> None:
    by_tag = export_project(project, fmt="md", options=fixed_options()).decode("utf-8")
    assert by_tag.endswith(
        "## Article memos\n\n"
        "### A sentence to tag.\n\nMemo on the read article: *why* it matters.\n\n"
        "### Never tagged.\n\nMemo on the unread article.\n\n"
        "## Tag memos\n\n"
        "### Unused\n\nMemo on the unused tag.\n"
    )
    options = fixed_options(group_by="article")
    by_article = export_project(project, fmt="md", options=options).decode("utf-8")
    assert by_article.endswith(
        "## Article memos\n\n"
        "### Never tagged.\n\nMemo on the unread article.\n\n"
        "## Tag memos\n\n"
        "### Theme/Used\n\nMemo on the used tag.\n\n"
        "### Unused\n\nMemo on the unused tag.\n"
    )


def test_memos_out_of_scope_stay_out(project: Project) -> None:
    read = project.articles.all()[0].id
    used = next(t.id for t in project.tags.all() if t.name == "Used")
    options = fixed_options(article_ids=(read,), tag_ids=(used,))
    text = export_project(project, fmt="md", options=options).decode("utf-8")
    assert MEMOS["unread"] not in text and MEMOS["unused"] not in text
    assert "## Article memos" in text and MEMOS["read"] in text
    assert "## Tag memos" not in text  # the used tag's memo is under its heading


@pytest.mark.parametrize(
    ("group_by", "heading"),
    [("tag", "Theme/Used</h3>"), ("article", "A sentence to tag.</h2>")],
    ids=["by tag", "by article"],
)
def test_a_memo_under_a_heading_is_labelled_as_in_the_markdown(
    project: Project, group_by: str, heading: str
) -> None:
    """Under a tag's (or article's) heading, the report's memo looked like a passage's
    note, unlabelled, where the Markdown says "**Memo:**"."""
    project.annotations.set_note(annotation_id=1, note="The passage note.")
    options = fixed_options(group_by=group_by)
    html = export_project(project, fmt="html", options=options).decode("utf-8")
    memo = MEMOS["used" if group_by == "tag" else "read"].replace("*why*", "<em>why</em>")
    heading_at = html.index(heading)
    label_at = html.index('<p class="memo-label">Memo:</p><div class="memo"', heading_at)
    assert html.index(f"<p>{memo}</p>", heading_at) > label_at
    assert '<p class="memo-label">' not in html[html.index("The passage note.") - 80 :]
    assert '<div class="note" dir="auto"><p>The passage note.</p></div>' in html
    assert html.count('<p class="memo-label">') == 1  # memos under "Tag memos" go unlabelled
    assert ".memo-label {" in html and ".memo { margin-left: 0; border-left: .2em solid" in html


def test_a_tag_without_passages_keeps_its_description_beside_its_memo(tmp_path: Path) -> None:
    with Project.open(tmp_path / "d.diptych", create=True, name="D") as project:
        article = project.articles.add(parsed=parse_article(b"Some words.\n", name="a.txt"))
        used = project.tags.add(name="Used")
        unused = project.tags.add(name="Assessment", description="Assessment load")
        project.annotations.add(article_id=article.id, start=0, end=4, tag_ids=[used.id])
        project.memos.set(kind=MemoKind.TAG, target_id=unused.id, text="Ask the heads.")
        notes = export_project(project, fmt="md", options=fixed_options()).decode()
        report = export_project(project, fmt="html", options=fixed_options()).decode()
    assert "### Assessment\n\n*Assessment load*\n\nAsk the heads.\n" in notes
    closing = report.split("<h2>Tag memos</h2>", 1)[1]
    assert closing.index("Assessment load") < closing.index("Ask the heads.")
