"""Soft hyphens and word joiners, which pages put inside long words to say where a line may
or may not break, are not shown by browsers: the article holds the word whole, so that it
is found, quoted and exported as the reader sees it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from diptych.storage.cli import main
from diptych.storage.document import SpanStyle, check_layout
from diptych.storage.importing import parse_article


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("page.html", "<p>Das Bundes&shy;kanzler&#173;amt und das Wort\u2060spiel.</p>"),
        ("page.html", "<p>Das Bundes\xadkanzler\xadamt und das Wort&#8288;spiel.</p>"),
        ("notes.md", "Das Bundes&shy;kanzler\xadamt und das Wort\ufeffspiel."),
        ("notes.txt", "Das Bundes\xadkanzler\xadamt und das Wort\u2060spiel."),
    ],
)
def test_soft_hyphens_and_word_joiners_leave_the_word_whole(name: str, source: str) -> None:
    article = parse_article(source.encode(), name=name).content
    check_layout(article)
    assert article.text == "Das Bundeskanzleramt und das Wortspiel."


def test_styles_keep_their_words_around_a_soft_hyphen() -> None:
    article = parse_article(b"<p>Bundes&shy;<b>kanz&shy;ler</b>&shy;amt</p>", name="a.html")
    assert article.content.text == "Bundeskanzleramt"
    [span] = article.content.blocks[0].spans
    assert (article.content.text[span.start : span.end], span.style) == (
        "kanzler",
        SpanStyle.STRONG,
    )


def test_joiners_that_shape_letters_are_kept() -> None:
    text = "می\u200cخواهم and 👩\u200d💻 and zero\u200bwidth"
    assert parse_article(text.encode(), name="a.txt").content.text == text


def test_a_word_with_soft_hyphens_is_found_by_search(tmp_path: Path) -> None:
    page = tmp_path / "news.html"
    page.write_text("<p>Im Bundes&shy;kanzler&shy;amt tagte man.</p>", encoding="utf-8")
    project = tmp_path / "p.diptych"
    out = io.StringIO()
    assert main(["import", str(project), str(page)], stdout=out, stderr=out) == 0
    out = io.StringIO()
    assert main(["search", str(project), "Bundeskanzleramt"], stdout=out, stderr=out) == 0
    assert "[Bundeskanzleramt]" in out.getvalue()
