"""``diptych annotate --quote``: a quote found several times tags the first and says so on
stderr (it did so silently); a quote typed with straight quotes or apostrophes finds the
article's curly ones, as Find in article does, and tags the article's own characters (it
was "not in the text"); a quote the text writes otherwise is refused with what it has."""

from __future__ import annotations

import io
import json
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diptych.gui.find_bar import find_all
from diptych.gui.text_folding import fold
from diptych.storage.cli import main
from diptych.storage.project import Project
from diptych.storage.typed_quotes import AS_TYPED, as_typed, typed_occurrences

TEXT = (
    "South Korea and Japan\n\n"
    "Xi’s trip to South Korea was a “symbolic restart”, said South Korea’s envoy.\n\n"
    "In South Korea, it was   seen\nas a first step. South Korea agreed. "
    'Don\'t say "never".'
)


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main([str(a) for a in argv], stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    article = tmp_path / "visit.txt"
    article.write_text(TEXT, encoding="utf-8")
    path = tmp_path / "study.diptych"
    assert run("import", path, article)[0] == 0
    return path


def shown(project: Path) -> str:
    """The article's display text, where the offsets count."""
    with Project.open(project, read_only=True) as opened:
        return opened.articles.get(article_id=1).text


def tagged(project: Path) -> list[tuple[int, str]]:
    """Each passage's start and quote."""
    rows = json.loads(run("annotations", project, "--json")[1])
    return [(row["start"], row["quote"]) for row in rows]


def test_a_quote_found_several_times_tags_the_first_and_says_so(project: Path) -> None:
    status, out, err = run("annotate", project, "1", "--quote", "South Korea", "--tag", "Place")
    assert status == 0 and len(out.strip()) == 36  # the uuid, as before
    assert err == (
        "diptych: note: the quote 'South Korea' occurs 5 times in article 1; the first was"
        " tagged. To tag another, give --occurrence N (1 to 5)\n"
    )
    assert tagged(project) == [(0, "South Korea")]


def test_an_occurrence_chosen_is_tagged_without_a_note(project: Path) -> None:
    argv = ["annotate", project, "1", "--quote", "South Korea", "--tag", "Place"]
    status, out, err = run(*argv, "--occurrence", "3")
    assert status == 0 and err == "" and len(out.strip()) == 36
    assert tagged(project) == [(shown(project).index("South Korea’s"), "South Korea")]


def test_a_quote_found_once_says_nothing(project: Path) -> None:
    assert run("annotate", project, "1", "--quote", "Japan", "--tag", "Place")[::2] == (0, "")


def test_an_occurrence_beyond_the_last_is_refused_with_the_count(project: Path) -> None:
    argv = ["annotate", project, "1", "--quote", "South Korea", "--tag", "Place"]
    status, _, err = run(*argv, "--occurrence", "6")
    assert status == 2
    assert err == (
        "diptych: the quote 'South Korea' occurs only 5 times, not 6 times."
        " Give --occurrence 1 to 5.\n"
    )
    assert tagged(project) == []


@pytest.mark.parametrize(
    ("quote", "article_has"),
    [
        ("Xi's trip", "Xi’s trip"),
        ("Xi‘s trip", "Xi’s trip"),
        ("Xi‛s trip", "Xi’s trip"),
        ("Xi´s trip", "Xi’s trip"),
        ("Xi`s trip", "Xi’s trip"),
        ('"symbolic restart"', "“symbolic restart”"),
        ("„symbolic restart“", "“symbolic restart”"),
        ("Don’t say “never”", 'Don\'t say "never"'),  # typed curly, the article straight
    ],
)
def test_quotes_and_apostrophes_are_found_whatever_their_style(
    project: Path, quote: str, article_has: str
) -> None:
    status, _, err = run("annotate", project, "1", "--quote", quote, "--tag", "Visit")
    assert status == 0, err
    assert tagged(project) == [
        (shown(project).index(article_has), article_has)
    ]  # its own characters


def test_occurrences_count_both_styles(project: Path) -> None:
    status, _, err = run("annotate", project, "1", "--quote", "Korea's", "--tag", "Place")
    assert status == 0 and err == ""  # once, curly in the article
    assert tagged(project) == [(shown(project).index("Korea’s"), "Korea’s")]


@pytest.mark.parametrize(
    ("quote", "said"),
    [
        (
            "xi's TRIP",
            "the quote \"xi's TRIP\" is not in the text; it has 'Xi’s trip', in other capitals.",
        ),
        ("Seoul", "the quote 'Seoul' is not in the text."),
    ],
)
def test_a_quote_not_in_the_text_says_what_the_text_has(
    project: Path, quote: str, said: str
) -> None:
    status, out, err = run("annotate", project, "1", "--quote", quote, "--tag", "Visit")
    assert (status, out) == (2, "")
    assert err == f"diptych: {said}\n"


def test_a_blank_quote_is_refused(project: Path) -> None:
    status, _, err = run("annotate", project, "1", "--quote", "  ", "--tag", "Visit")
    assert status == 2 and err == "diptych: the quote is empty.\n"


def test_find_and_the_filters_take_the_same_quotes_and_apostrophes() -> None:
    """One table for the window and the command line: what annotate finds, Find in
    article and the filters find too."""
    text = "Xi´s trip, don`t, ‚so‘ and „so“"
    assert find_all(text, "xi's trip") == [(0, 9)]
    assert find_all(text, "don't") == [(11, 16)]
    assert fold(text) == "xi's trip, don't, 'so' and \"so\""
    assert fold("Don`t") == "don't"  # ASCII too


TYPESET = "".join(typeset for typeset, _ in AS_TYPED)


@given(
    st.text(alphabet=st.sampled_from("ab '\"" + TYPESET), max_size=30),
    st.text(alphabet=st.sampled_from("ab '\"" + TYPESET), min_size=1, max_size=4),
)
def test_each_occurrence_is_the_quote_as_typed_at_the_texts_own_place(
    text: str, quote: str
) -> None:
    assert len(as_typed(text)) == len(text)
    starts = typed_occurrences(text, quote)
    assert starts == sorted(starts)
    for before, after in pairwise(starts):
        assert after >= before + len(quote)  # none overlaps the one before
    for start in starts:
        assert as_typed(text[start : start + len(quote)]) == as_typed(quote)
    if quote in text:
        assert text.index(quote) >= starts[0]


@pytest.mark.parametrize(
    ("written", "typed"),
    [("Lefe\u0300vre", "Lef\u00e8vre"), ("Zo\u00eb", "Zoe\u0308")],  # decomposed, composed
)
def test_a_quote_whose_accents_are_encoded_otherwise_is_tagged_as_written(
    tmp_path: Path, written: str, typed: str
) -> None:
    article = tmp_path / "names.txt"
    article.write_text(f"Names\n\nThe mayor {written} spoke. {written} left.", encoding="utf-8")
    path = tmp_path / "names.diptych"
    assert run("import", path, article)[0] == 0
    status, _, err = run("annotate", path, "1", "--quote", typed, "--tag", "Person")
    assert status == 0 and "occurs 2 times" in err
    text = shown(path)
    assert tagged(path) == [(text.index(written), written)]  # the text's own characters
    status, _, err = run(
        "annotate", path, "1", "--quote", typed, "--occurrence", "2", "--tag", "Person"
    )
    assert status == 0 and err == ""
    assert [start for start, _ in tagged(path)] == [
        text.index(written),
        text.index(written, text.index(written) + 1),
    ]
