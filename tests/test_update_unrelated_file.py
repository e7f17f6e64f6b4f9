"""Updating an article from a file whose text shares almost nothing with its own (the port
briefing chosen for the mayor's statement, whatever its name: ``index.html`` of another
folder) would orphan every passage: ``diptych reimport`` refuses it unless given
``--force``, and says so; a file that is its text changed, however much, under the
article's own name or another, updates it as before."""

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
        own = asked(own_name)  # named as the article's own file, but another story
        rewritten = MAYOR.replace("would not intervene", "would stay out of").replace(
            "find an answer", "reach an agreement"
        )
        assert asked(parse_article(rewritten.encode(), name="mayor.html")) is None
    assert found is not None
    assert own is not None
    assert own.question() == (
        "mayor.html shares almost nothing with “Mayor: We will not intervene” (though named "
        "as the file it was imported from): its 3 passages would all be orphaned. Update it "
        "anyway?"
    )
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


def test_reimport_refuses_another_story_of_the_articles_own_file_name(tmp_path: Path) -> None:
    # The same name, another folder: news pages saved from a browser are all index.html.
    project = project_with_passages(tmp_path)
    (tmp_path / "other").mkdir()
    other = tmp_path / "other" / "mayor.html"
    other.write_text(BRIEFING, encoding="utf-8")

    code, out, err = run("reimport", project, "1", other)

    assert (code, out) == (2, "")
    assert err.startswith(
        "diptych: mayor.html shares almost nothing with “Mayor: We will not intervene” "
        "(though named as the file it was imported from): its 3 passages would all be "
        "orphaned, so it was not updated."
    )
    with Project.open(project, read_only=True) as opened:
        assert opened.articles.get(article_id=1).title == "Mayor: We will not intervene"
    code, out, _ = run("reimport", project, "1", other, "--force")
    assert code == 0 and out.startswith("article 1: 0 passages in place")
    # Its own file rewritten, every passage lost: the name vouches for it.
    project = project_with_passages(tmp_path / "other")
    (tmp_path / "other" / "mayor.html").write_text(
        MAYOR.replace("would not intervene", "would stay out of")
        .replace("find an answer", "reach an agreement")
        .replace("lorries that cross", "trucks that go through"),
        encoding="utf-8",
    )
    code, out, err = run("reimport", project, "1", tmp_path / "other" / "mayor.html")
    assert (code, err) == (0, "")
    assert out.startswith("article 1: 0 passages in place, 0 moved, 0 found approximately, 3 ")


def test_reimport_help_names_force(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["reimport", "--help"])
    said = " ".join(capsys.readouterr().out.split())
    assert "--force" in said
    assert "shares almost nothing with the article's" in said


NOTES = "Meeting notes, 3 March.\n\nCall Kim about the budget. Send slides by Friday.\n"
"""A short file of another subject: fewer runs of words than a text needs to be told
unrelated by length alone."""


SHARES_NOTHING = "shares almost nothing with “Mayor: We will not intervene” (imported from"
HOLDS_NONE = "is named otherwise than the file of “Mayor: We will not intervene” (imported"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (NOTES, SHARES_NOTHING),
        ("Draft.\n", SHARES_NOTHING),
        ("Lorries at night.\n", SHARES_NOTHING),  # its words, not as the article has them
        ("The harbour board.\n", HOLDS_NONE),  # words of the article, but not its passages
    ],
    ids=["notes", "one word", "three words", "three of its words"],
)
def test_reimport_refuses_a_short_file_named_otherwise_without_force(
    tmp_path: Path, text: str, said: str
) -> None:
    project = project_with_passages(tmp_path)
    notes = tmp_path / "notes.txt"
    notes.write_text(text, encoding="utf-8")

    code, out, err = run("reimport", project, "1", notes)

    assert (code, out) == (2, "")
    assert err.startswith(f"diptych: notes.txt {said}")
    assert "orphaned, so it was not updated" in err
    with Project.open(project, read_only=True) as opened:
        assert opened.articles.get(article_id=1).title == "Mayor: We will not intervene"
        assert not any(p.is_orphan for p in opened.annotations.query(article_id=1))
    assert run("reimport", project, "1", notes, "--force")[0] == 0


def test_a_short_file_is_refused_for_an_article_without_passages(tmp_path: Path) -> None:
    mayor = tmp_path / "mayor.html"
    mayor.write_text(MAYOR, encoding="utf-8")
    project = tmp_path / "p.diptych"
    assert run("import", project, mayor)[0] == 0
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")

    code, _, err = run("reimport", project, "1", notes)

    assert code == 2
    assert "its text would be replaced by another article's, so it was not updated" in err


def test_a_file_that_holds_none_of_the_passages_is_refused(tmp_path: Path) -> None:
    project = project_with_passages(tmp_path)
    rewritten = MAYOR.replace("would not intervene", "would stay out of")
    rewritten = rewritten.replace("find an answer", "reach an agreement")
    rewritten = rewritten.replace("lorries that cross", "trucks that go through")
    newer = tmp_path / "mayor-final.html"
    newer.write_text(rewritten, encoding="utf-8")

    code, out, err = run("reimport", project, "1", newer)

    assert (code, out) == (2, "")
    assert err == (
        "diptych: mayor-final.html is named otherwise than the file of “Mayor: We will not "
        "intervene” (imported from mayor.html), and none of its 3 passages are in it: they "
        "would all be orphaned, so it was not updated. If it is the article's newer version "
        "all the same, run the command again with --force.\n"
    )
    code, out, _ = run("reimport", project, "1", newer, "--force")
    assert code == 0 and out.startswith("article 1: 0 passages in place")


def test_a_short_article_is_updated_when_its_passages_are_found_again(tmp_path: Path) -> None:
    short = tmp_path / "brief.txt"
    short.write_text("Kim met Lee in Seoul.\n\nThey spoke of trade.\n", encoding="utf-8")
    project = tmp_path / "p.diptych"
    assert run("import", project, short)[0] == 0
    assert run("annotate", project, "1", "--quote", "Kim met Lee", "--tag", "Talks")[0] == 0
    newer = tmp_path / "brief-final.txt"
    newer.write_text("Kim met Lee at last.\n\nNo word on the tariffs.\n", encoding="utf-8")

    code, out, err = run("reimport", project, "1", newer)

    assert (code, err) == (0, "")
    assert out.startswith("article 1: 1 passage in place")


def test_a_passage_orphaned_already_is_not_lost_again(tmp_path: Path) -> None:
    mayor = tmp_path / "mayor.html"
    mayor.write_text(MAYOR, encoding="utf-8")
    project = tmp_path / "p.diptych"
    assert run("import", project, mayor)[0] == 0
    assert run("annotate", project, "1", "--quote", QUOTES[0], "--tag", "Council")[0] == 0
    mayor.write_text(MAYOR.replace(QUOTES[0], "would not act"), encoding="utf-8")
    assert run("reimport", project, "1", mayor)[0] == 0  # its own file: the passage orphaned
    newer = tmp_path / "mayor-final.html"
    newer.write_text(MAYOR.replace(QUOTES[0], "would not act").replace("three", "four"))

    code, out, err = run("reimport", project, "1", newer)

    assert (code, err) == (0, "")  # nothing the update loses
    assert out.startswith("article 1: 0 passages in place, 0 moved, 0 found approximately, 1 ")
