"""The address an article was saved from: read from the file (a web page's head, a Markdown
note's front matter), kept in the project, given or changed by the analyst, kept through
removal and its undo and through an update from a newer file, and brought into an older
project's file as it is opened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from diptych.storage.errors import ChangedMeanwhileError, InputError
from diptych.storage.exporting import export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.schema import SCHEMA_VERSION
from diptych.storage.source_addresses import front_matter_address, page_address, web_address

HERALD = "https://herald.example/2026/trade-talks"


@pytest.mark.parametrize(
    ("head", "address"),
    [
        (f'<link rel="canonical" href="{HERALD}">', HERALD),
        (f'<LINK REL="Canonical" HREF="{HERALD}"><meta property="og:url" content="x">', HERALD),
        (f'<meta property="og:url" content="{HERALD}">', HERALD),
        (f"<!-- saved from url=(0039){HERALD} -->", HERALD),
        (f"<!--\n Page saved with SingleFile \n url: {HERALD} \n saved date: today\n-->", HERALD),
        # the canonical address first, then og:url, then what the browser saved it from
        (f'<!-- saved from url=(0019)https://a.example/ --><meta property="og:url" '
         f'content="https://b.example/"><link rel="canonical" href="{HERALD}">', HERALD),
        ('<link rel="canonical" href="/2026/trade-talks">', ""),  # relative: no page known
        ('<link rel="canonical" href="javascript:alert(1)">', ""),
        ('<link rel="canonical" href="file:///home/me/page.html">', ""),
        ("<title>No address</title>", ""),
    ],
)  # fmt: skip
def test_a_web_page_says_where_it_was_saved_from(head: str, address: str) -> None:
    page = f"<html><head>{head}</head><body><h1>Trade talks</h1><p>Body.</p></body></html>"
    assert page_address(page) == address
    assert parse_article(page.encode(), name="talks.html").source_url == address


def test_only_a_pages_head_is_read_for_its_address() -> None:
    page = f'<body><p>See <link rel="canonical" href="{HERALD}"> in the text.</p></body>'
    assert page_address(page) == ""


@pytest.mark.parametrize(
    ("front", "address"),
    [
        (f'source: "{HERALD}"', HERALD),
        (f"url: {HERALD}", HERALD),
        (f"canonical_url: '{HERALD}'", HERALD),
        (f"link: https://other.example/\nsource: {HERALD}", HERALD),  # source: first
        ("source: Herald, page 3", ""),  # a citation in words: no address
    ],
)
def test_a_markdown_notes_front_matter_says_where_it_is_from(front: str, address: str) -> None:
    note = f"---\ntitle: Talks\n{front}\n---\n\nBody.\n"
    assert front_matter_address(note) == address
    assert parse_article(note.encode(), name="talks.md").source_url == address


def test_text_and_markdown_without_front_matter_name_no_address() -> None:
    assert parse_article(f"Talks\n\n{HERALD}\n".encode(), name="t.txt").source_url == ""
    assert parse_article(f"# Talks\n\nsource: {HERALD}\n".encode(), name="t.md").source_url == ""


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        (f"  {HERALD}\n", HERALD),
        ("HTTPS://Herald.example/a", "HTTPS://Herald.example/a"),
        ("https://herald.example/a b", ""),
        ("herald.example/a", ""),
        ("www.herald.example/a", "https://www.herald.example/a"),  # as a browser shows it
        ("https://", ""),
        ("https://herald.example/\u202eevil", "https://herald.example/evil"),
        ("https://herald.example/" + "a" * 2000, ""),
    ],
)
def test_only_a_web_address_on_one_line_is_kept(given: str, kept: str) -> None:
    assert web_address(given) == kept


def project_with_page(path: Path, head: str = "") -> tuple[Project, int]:
    project = Project.create(path)
    page = f"<html><head>{head}</head><body><h1>Trade talks</h1><p>Body.</p></body></html>"
    added = project.articles.add(parsed=parse_article(page.encode(), name="talks.html"))
    return project, added.id


def test_an_address_is_kept_given_changed_and_cleared(tmp_path: Path) -> None:
    project, article_id = project_with_page(tmp_path / "p.diptych")
    with project:
        assert project.articles.get(article_id=article_id).source_url == ""
        project.articles.set_source_url(article_id=article_id, url=f" {HERALD} ")
        assert project.articles.get(article_id=article_id).source_url == HERALD
        with pytest.raises(InputError, match="is not a web address"):
            project.articles.set_source_url(article_id=article_id, url="herald.example/a")
        assert project.articles.get(article_id=article_id).source_url == HERALD
        project.articles.set_source_url(article_id=article_id, url="")
        assert project.articles.get(article_id=article_id).source_url == ""
    with Project.open(tmp_path / "p.diptych", read_only=True) as reopened:
        assert reopened.articles.get(article_id=article_id).source_url == ""


def test_an_address_changed_in_another_window_is_not_thrown_away(tmp_path: Path) -> None:
    project, article_id = project_with_page(tmp_path / "p.diptych")
    with project:
        project.articles.set_source_url(article_id=article_id, url=HERALD)
        with pytest.raises(ChangedMeanwhileError):
            project.articles.set_source_url(article_id=article_id, url="", expected="")
        assert project.articles.get(article_id=article_id).source_url == HERALD


def test_removal_and_its_undo_keep_the_address(tmp_path: Path) -> None:
    project, article_id = project_with_page(
        tmp_path / "p.diptych", f'<base><link rel=canonical href="{HERALD}">'
    )
    with project:
        removal = project.articles.remove(article_id=article_id)
        project.articles.restore(removal=removal)
        assert project.articles.get(article_id=article_id).source_url == HERALD


def test_a_newer_file_keeps_the_address_unless_it_names_one(tmp_path: Path) -> None:
    project, article_id = project_with_page(tmp_path / "p.diptych")
    with project:
        project.articles.set_source_url(article_id=article_id, url=HERALD)
        newer = parse_article(b"<h1>Trade talks</h1><p>Body, longer.</p>", name="talks.html")
        project.articles.replace_text(article_id=article_id, parsed=newer)
        assert project.articles.get(article_id=article_id).source_url == HERALD
        moved = b'<link rel=canonical href="https://herald.example/moved"><p>Body again.</p>'
        report = project.articles.replace_text(
            article_id=article_id, parsed=parse_article(moved, name="talks.html")
        )
        assert project.articles.get(article_id=article_id).source_url == (
            "https://herald.example/moved"
        )
        project.articles.restore_text(article=report.previous_article, passages=())
        assert project.articles.get(article_id=article_id).source_url == HERALD


def test_a_format_5_project_gets_its_articles_addresses_as_it_is_opened(tmp_path: Path) -> None:
    path = tmp_path / "older.diptych"
    project, article_id = project_with_page(path)
    project.close()
    conn = sqlite3.connect(path)
    conn.execute("DROP INDEX IF EXISTS articles_library")
    conn.execute("ALTER TABLE articles DROP COLUMN source_url")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0006_source_addresses'")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    kept: list[Path] = []
    with Project.open(path, before_upgrade=lambda p: kept.append(p.path)) as opened:
        assert kept == [path]  # a copy as it was is kept first
        assert opened.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 10
        article = opened.articles.get(article_id=article_id)
        assert (article.title, article.source_url) == ("Trade talks", "")
        opened.articles.set_source_url(article_id=article_id, url=HERALD)
    with Project.open(path, read_only=True) as reopened:
        assert reopened.articles.get(article_id=article_id).source_url == HERALD


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_notes_close_with_the_sources_only_when_an_address_is_known(
    tmp_path: Path, fmt: str
) -> None:
    project, article_id = project_with_page(tmp_path / "p.diptych")
    with project:
        text = project.articles.get(article_id=article_id).text
        project.annotations.add(article_id=article_id, start=0, end=len(text.split()[0]))
        assert "Sources" not in export_project(project, fmt=fmt).decode()
        project.articles.set_source_url(article_id=article_id, url=HERALD)
        exported = export_project(project, fmt=fmt).decode()
    assert "Sources" in exported
    assert HERALD in exported.split("Sources", 1)[1]
