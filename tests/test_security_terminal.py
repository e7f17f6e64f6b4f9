"""Control characters in titles: an article's title never carries an escape sequence or an
unclosed right-to-left override, and the command line never prints one to a terminal."""

from __future__ import annotations

from pathlib import Path

from test_cli import run

from diptych.storage.cli_output import terminal_safe
from diptych.storage.importing import parse_article
from diptych.storage.project import Project

ESCAPE_TITLE = "Evil\x1b]0;PWNED\x07 \u202etitle"


def test_titles_lose_control_characters_and_direction_overrides() -> None:
    for name, data in (
        ("a.md", f"# {ESCAPE_TITLE}\n\nText.\n"),
        ("a.html", f"<h1>{ESCAPE_TITLE}</h1><p>Text.</p>"),
        ("a.txt", f"{ESCAPE_TITLE}\n\nText.\n"),
    ):
        title = parse_article(data.encode(), name=name).title
        assert title == "Evil ]0;PWNED title", name
    page = b"<html><body><div>x</div></body></html>"  # no heading: the file name is the title
    assert parse_article(page, name="Report\x1b[2J.html").title == "Report [2J"


def test_a_heading_as_long_as_a_page_is_not_a_whole_title() -> None:
    long_heading = "WORD " * 400
    title = parse_article(f"{long_heading}\n\nText.\n".encode(), name="a.txt").title
    assert len(title) <= 201 and title.endswith("…")


def test_the_command_line_writes_control_characters_as_escapes(tmp_path: Path) -> None:
    path = tmp_path / "p.diptych"
    article = tmp_path / "a.md"
    article.write_text("# Plain\n\nText.\n", encoding="utf-8")
    assert run("import", path, article)[0] == 0
    with Project.open(path) as project, project.transaction():
        # A title written before titles given were cleaned too: still printed as escapes.
        project.db.execute("UPDATE articles SET title = ?", ["Red\x1b[31m text\r\x9b2J"])

    code, out, _err = run("articles", path)

    assert code == 0
    assert "\x1b" not in out and "\r" not in out and "\x9b" not in out
    assert "Red\\x1b[31m text\\x0d\\x9b2J" in out
    assert terminal_safe("tab\tand\nline") == "tab\tand\nline"
