"""``diptych annotate --quote`` tags whole characters, as Find in article does: the accent
written after the quote's last letter (Zoe + U+0308 is Zoë), the rest of an emoji joined
sequence or a flag the quote ends or begins inside (it cut them)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from diptych.gui.find_bar import find_all
from diptych.storage.anchors import whole_characters
from diptych.storage.cli import main
from diptych.storage.project import Project

TEXT = (
    "Emoji interview\n\n"
    "A cafe\u0301 and Zoe\u0308 met over “café au lait” 👩\u200d👩\u200d👧 in Seoul 🇰🇷🇯🇵, "
    "skin 👋🏽 tone, Scotland 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f ok.\n"
)


def run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main([str(a) for a in argv], stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    article = tmp_path / "emoji.txt"
    article.write_text(TEXT, encoding="utf-8")
    path = tmp_path / "g2.diptych"
    assert run("import", path, article)[0] == 0
    return path


def quoted(project: Path, quote: str) -> str:
    """The quote of the passage ``annotate --quote`` makes of ``quote``."""
    status, _out, err = run("annotate", project, "1", "--quote", quote, "--tag", "T")
    assert status == 0, err
    rows = json.loads(run("annotations", project, "--json")[1])
    return str(rows[-1]["quote"])


FAMILY = "👩\u200d👩\u200d👧"


@pytest.mark.parametrize(
    ("quote", "whole"),
    [
        ("Zoe", "Zoe\u0308"),
        ("cafe", "cafe\u0301"),
        ("lait” 👩", f"lait” {FAMILY}"),
        ("👧", FAMILY),
        ("🇰", "🇰🇷"),
        ("🇷", "🇰🇷"),
        ("🇷🇯", "🇰🇷🇯🇵"),
        ("👋", "👋🏽"),
        ("Scotland 🏴", "Scotland 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"),
    ],
    ids=["accent", "accent-2", "joined-end", "joined-start", "flag", "flag-2nd", "flags", "skin",
         "subdivision"],
)  # fmt: skip
def test_a_quote_takes_in_the_whole_character_it_ends_or_begins_in(
    project: Path, quote: str, whole: str
) -> None:
    assert quoted(project, quote) == whole


def test_annotate_tags_what_find_in_article_marks(project: Path) -> None:
    with Project.open(project, read_only=True) as opened:
        text = opened.articles.get(article_id=1).text
    (found,) = find_all(text, "Zoe")
    assert text[found[0] : found[1]] == quoted(project, "Zoe")


def test_whole_characters_leave_whole_ones_as_they_are() -> None:
    text = "ab 🇰🇷🇯🇵 c"
    start = text.index("🇰")
    assert whole_characters(text, start, start + 4) == (start, start + 4)
    assert whole_characters(text, start + 2, start + 4) == (start + 2, start + 4)
    assert whole_characters(text, 0, 2) == (0, 2)


@pytest.mark.parametrize(
    ("part", "whole"),
    [("Zoe", "Zoe\u0308"), ("🇷", "🇰🇷"), ("👋", "👋🏽"), ("👧", FAMILY)],
    ids=["accent", "flag", "skin", "joined"],
)
def test_offsets_are_widened_to_whole_characters_as_a_quote_is(
    project: Path, part: str, whole: str
) -> None:
    text = article_text(project)
    start = text.index(part)
    offsets = ["--start", str(start), "--end", str(start + len(part))]
    status, _out, err = run("annotate", project, "1", *offsets, "--tag", "T")
    assert status == 0, err
    begins = text.index(whole)
    assert f"splits a character (an accent, an emoji or a flag); the passage is {begins}-" in err
    rows = json.loads(run("annotations", project, "--json")[1])
    assert (rows[-1]["quote"], rows[-1]["start"]) == (whole, begins)


def test_offsets_of_whole_characters_are_taken_without_a_word(project: Path) -> None:
    start = article_text(project).index("Zoe")
    offsets = ["--start", str(start), "--end", str(start + 4)]
    status, _out, err = run("annotate", project, "1", *offsets, "--tag", "T")
    assert (status, err) == (0, "")


def article_text(project: Path) -> str:
    with Project.open(project, read_only=True) as opened:
        return opened.articles.get(article_id=1).text
