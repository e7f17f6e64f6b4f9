"""The address an article was saved from is a URI in every export: pages give addresses
browsers take but a URI may not hold (``?filter[year]=2024``, a ``%`` encoding nothing),
and the W3C JSON carrying them failed the W3C's own checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from export_fixtures import AnnotationChecker, w3c_schema_root
from hypothesis import given, settings
from hypothesis import strategies as st

from diptych.storage.exporting import ExportOptions, export_project
from diptych.storage.importing import parse_article
from diptych.storage.project import Project
from diptych.storage.source_addresses import uri_form, web_address

rfc3987 = pytest.importorskip("rfc3987")  # what the checker's "format: uri" is read by

ADDRESSES = {
    "https://www.example.org/news?filter[year]=2024&page=2": (
        "https://www.example.org/news?filter%5Byear%5D=2024&page=2"
    ),
    "http://evil.example/*emph*_u_[x]": "http://evil.example/*emph*_u_%5Bx%5D",
    "http://evil.example/a)](javascript:alert(1))": (
        "http://evil.example/a)%5D(javascript:alert(1))"
    ),
    "http://evil.example/%ZZ%": "http://evil.example/%25ZZ%25",
    "http://x.example/#a#b": "http://x.example/#a%23b",
    "http://[::1]:8080/p[1]?q=[2]": "http://[::1]:8080/p%5B1%5D?q=%5B2%5D",  # the host's kept
    "https://news.example/a?b=1#séoul": "https://news.example/a?b=1#s%C3%A9oul",
    "https://news.example/a%20b": "https://news.example/a%20b",  # encoded already
}


@pytest.mark.parametrize(("address", "uri"), ADDRESSES.items())
def test_an_address_is_written_as_a_uri(address: str, uri: str) -> None:
    assert uri_form(address) == uri
    assert rfc3987.match(uri, rule="URI")
    assert uri_form(uri) == uri  # written once: a second time changes nothing


ADDRESS_PIECES = [
    "/", "?", "#", "[", "]", "%", "%2", "%41", "a", "é", "=", "&", ":", "@", "(", ")", "|",
    "^", "{", "}", "`", "\\", "'", "*", "!", "~", ";", ",", "+", "$",
]  # fmt: skip


@settings(max_examples=300, derandomize=True)
@given(st.lists(st.sampled_from(ADDRESS_PIECES), max_size=20).map("".join))
def test_every_address_kept_is_written_as_a_uri(path: str) -> None:
    kept = web_address("https://news.example/" + path)
    assert kept
    assert rfc3987.match(uri_form(kept), rule="URI"), uri_form(kept)


def test_the_w3c_export_passes_the_checker_whatever_the_address(tmp_path: Path) -> None:
    checker = AnnotationChecker(w3c_schema_root())
    with Project.open(tmp_path / "p.diptych", create=True, name="Addresses") as project:
        tag = project.tags.add(name="Budget")
        for number, address in enumerate(ADDRESSES):
            body = f"# Page {number}\n\nThey approved the budget.\n".encode()
            article = project.articles.add(parsed=parse_article(body, name=f"{number}.md"))
            project.articles.set_source_url(article_id=article.id, url=address)
            text = project.articles.get(article_id=article.id).text
            start = text.index("approved")
            project.annotations.add(
                article_id=article.id, start=start, end=start + 8, tag_ids=[tag.id]
            )
        exported = json.loads(export_project(project, fmt="json", options=ExportOptions()))
    items = exported["first"]["items"]
    assert {item["target"]["source"]["via"] for item in items} == set(ADDRESSES.values())
    assert [checker.errors(item) for item in items] == [[]] * len(ADDRESSES)
