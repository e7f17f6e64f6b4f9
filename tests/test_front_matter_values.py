"""A Markdown file's front matter is read as YAML reads it: a title holding quotes, written
double-quoted with escapes, single-quoted with a doubled quote, or plain, is the title it
stands for, not one with its backslashes kept or its last quote eaten."""

from __future__ import annotations

import pytest

from diptych.storage.article_titles import front_matter_title
from diptych.storage.importing import parse_article
from diptych.storage.source_addresses import front_matter_address
from diptych.storage.yaml_scalars import front_matter_value, yaml_scalar


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ('"Why \\"Made in China\\" matters"', 'Why "Made in China" matters'),
        ("'It''s the economy'", "It's the economy"),
        ('Trump calls it "fake"', 'Trump calls it "fake"'),
        ("'Quoted' and more", "'Quoted' and more"),  # a quote of its own: plain
        ('"caf\\u00e9, \\x41, \\U0001F600, a \\\\ b, c\\/d"', "café, A, 😀, a \\ b, c/d"),
        ('"C:\\Users\\q"', "C:\\Users\\q"),  # an escape YAML does not know, as written
        ('"Title" # the clipper\'s comment', "Title"),
        ("Plain title # a comment", "Plain title"),
        ("C# in depth", "C# in depth"),  # no space before "#": no comment
        ('"never closed', "never closed"),
        ("''", ""),
        ("", ""),
    ],
)
def test_a_scalar_is_read_as_yaml_reads_it(written: str, read: str) -> None:
    assert yaml_scalar(written) == read


@pytest.mark.parametrize(
    ("front_matter", "title"),
    [
        ('title: "Why \\"Made in China\\" matters"', 'Why "Made in China" matters'),
        ("title: 'It''s the economy'", "It's the economy"),
        ('title: Trump calls it "fake"', 'Trump calls it "fake"'),
        ("title: >-\n  A long title\n  folded over lines", "A long title folded over lines"),
        ('title: "A title\n  run on"', "A title run on"),
        ("author: x\ntitle: Second key", "Second key"),
        ("subtitle: Not this\n  title: nor this", ""),
    ],
)
def test_the_title_of_a_front_matter(front_matter: str, title: str) -> None:
    assert front_matter_title(f"---\n{front_matter}\n---\n\nBody.\n") == title


def test_an_imported_clipping_is_titled_as_its_front_matter_says() -> None:
    clipping = (
        '---\ntitle: "Why \\"Made in China\\" matters"\nsource: "https://news.example/made"\n'
        "---\n\nThe text of the article.\n"
    )
    parsed = parse_article(clipping.encode(), name="clip.md")
    assert parsed.title == 'Why "Made in China" matters'
    assert front_matter_address(clipping) == "https://news.example/made"


def test_a_key_missing_is_none() -> None:
    assert front_matter_value(["title: x"], "source") is None
