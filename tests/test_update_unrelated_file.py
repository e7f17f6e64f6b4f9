"""Updating an article from a file named otherwise whose text shares almost nothing with
its own (the port briefing chosen for the mayor's statement) would orphan every passage:
``diptych reimport`` refuses it unless given ``--force``, and says so; a file of the
article's own name, or one that is its text changed, updates it as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cli import run

from diptych.storage.changed_files import UnrelatedFile, unrelated_file
from diptych.storage.cli_parser import build_parser
from diptych.storage.importing import ParsedArticle, parse_article
from diptych.storage.project import Project

MAYOR = """<h1>Mayor: We will not intervene</h1>
<p>The mayor said on Monday that the city would not intervene in the dispute between the
harbour board and the residents of the old town.</p>
<p>“The board is independent, and it must find an answer with the people who live beside
the port,” she told the council, which met for three hours.</p>
<p>Residents have complained for months about the lorries that cross the old town at night
on their way to the new container terminal.</p>
"""
BRIEFING = """<h1>Port briefing, week 3</h1>
<p>Ships handled: 412, of which 37 container vessels and 12 tankers; two berths were closed
for dredging until Thursday.</p>
<p>Crane 4 is out of service after a hydraulic fault; spare parts are expected from
Rotterdam by rail before the end of the month.</p>
<p>Pilots ask captains to report their draught twelve hours ahead of arrival while the
channel is dredged.</p>
"""
QUOTES = ("would not intervene", "find an answer", "lorries that cross the old town")


def project_with_passages(tmp_path: Path) -> Path:
    """A project holding the mayor's statement (mayor.html) with a passage on each quote."""
    mayor = tmp_path / "mayor.html"
    mayor.write_text(MAYOR, encoding="utf-8")
    project = tmp_path / "p.diptych"
    assert run("import", project, mayor)[0] == 0
    for quote in QUOTES:
        assert run("annotate", project, "1", "--quote", quote, "--tag", "Council")[0] == 0
    return project


def test_an_unrelated_file_is_told_from_the_article_changed(tmp_path: Path) -> None:
    project_path = project_with_passages(tmp_path)
    briefing = parse_article(BRIEFING.encode(), name="brief-3.html")
    changed = parse_article(MAYOR.replace("Monday", "Tuesday").encode(), name="mayor-v2.html")
    own_name = parse_article(BRIEFING.encode(), name="mayor.html")
    with Project.open(project_path) as project:
        article = project.articles.summary(article_id=1)

        def asked(parsed: ParsedArticle) -> UnrelatedFile | None:
            plan = project.articles.plan_replacement(article_id=1, parsed=parsed)
            return unrelated_file(article, parsed, plan)

        found = asked(briefing)
        assert asked(changed) is None
        assert asked(own_name) is None  # the article's own file, however much it changed
    assert found is not None
    assert found.question() == (
        "brief-3.html shares almost nothing with “Mayor: We will not intervene” (imported "
        "from mayor.html): its 3 passages would all be orphaned. Update it anyway?"
    )


def test_reimport_refuses_an_unrelated_file_without_force(tmp_path: Path) -> None:
    project = project_with_passages(tmp_path)
    (tmp_path / "sub").mkdir()
    briefing = tmp_path / "sub" / "brief-3.html"
    briefing.write_text(BRIEFING, encoding="utf-8")

    code, out, err = run("reimport", project, "1", briefing)

    assert (code, out) == (2, "")
    assert err == (
        "diptych: brief-3.html shares almost nothing with “Mayor: We will not intervene” "
        "(imported from mayor.html): its 3 passages would all be orphaned, so it was not "
        "updated. If it is the article's newer version all the same, run the command again "
        "with --force.\n"
    )
    with Project.open(project, read_only=True) as opened:
        assert "would not intervene" in opened.articles.get(article_id=1).text
        assert not any(p.is_orphan for p in opened.annotations.query(article_id=1))

    code, out, err = run("reimport", project, "1", briefing, "--force")

    assert (code, err) == (0, "")
    assert out.startswith("article 1: 0 passages in place, 0 moved, 0 found approximately, 3 ")
    with Project.open(project, read_only=True) as opened:
        # Its title was its headline: the newer version's headline is its title now.
        assert opened.articles.get(article_id=1).title == "Port briefing, week 3"
        assert all(p.is_orphan for p in opened.annotations.query(article_id=1))


def test_reimport_takes_the_article_changed_under_another_name(tmp_path: Path) -> None:
    project = project_with_passages(tmp_path)
    newer = tmp_path / "mayor-final.html"
    newer.write_text(MAYOR.replace("three hours", "four hours"), encoding="utf-8")

    code, out, err = run("reimport", project, "1", newer)

    assert (code, err) == (0, "")
    assert out.startswith("article 1: 3 passages in place")


def test_reimport_help_names_force(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["reimport", "--help"])
    said = " ".join(capsys.readouterr().out.split())
    assert "--force" in said
    assert "shares almost nothing with the article's" in said
