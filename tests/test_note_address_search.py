"""A long note renders without searching its every line for addresses: only the text
that holds an address's marks (``:``, ``@``, ``www.``) is searched, once, and the links
are those a search of everything finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from linkify_it import LinkifyIt

from diptych.storage import note_markdown
from diptych.storage.note_markdown import NoteRenderer

PIECE = (
    "# Heading\nSome **bold** and _em_ text with a link https://example.org/page?id=1 and"
    " <b>html</b> and =1+1.\n- item one\n- item two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
)
LONG_NOTE = PIECE * 3


def _searched(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts linkify-it's own searches are given from now on."""
    texts: list[str] = []
    for name in ("pretest", "test", "match"):
        search = getattr(LinkifyIt, name)

        def spy(self: LinkifyIt, text: str, search=search):  # type: ignore[no-untyped-def]
            texts.append(text)
            return search(self, text)

        monkeypatch.setattr(LinkifyIt, name, spy)
    return texts


def test_only_text_with_an_address_is_searched_for_one_and_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    searched = _searched(monkeypatch)
    html = NoteRenderer(link_rel="noreferrer").render(LONG_NOTE)
    assert html.count('<a href="https://example.org/page?id=1"') == 3
    # The headings, items and cells, and the paragraph's words around the address, are
    # passed over; the piece holding the address is searched once, not twice.
    assert (
        searched
        == [" text with a link https://example.org/page?id=1 and <b>html</b> and =1+1."] * 3
    )


def test_only_text_with_a_link_or_an_image_is_gone_through_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gone_through: list[str] = []
    sanitised = note_markdown._sanitised

    def spy(children):  # type: ignore[no-untyped-def]
        gone_through.append("".join(token.content for token in children))
        return sanitised(children)

    monkeypatch.setattr(note_markdown, "_sanitised", spy)
    note = "# Title\n\nwords\n\n- an item\n- [bad](javascript:alert(1)) one\n\n![chart](x.png) here"
    html = NoteRenderer().render(note)
    assert "javascript" not in html and "<img" not in html and "chart here" in html
    assert gone_through == ["bad one", "chart here"]


FRAGMENTS = [
    "http://", "https://", "HTTPS://", "hTtP://", "mailto:", "MAILTO:", "www.", "WWW.",
    "wWw.", "@", "desk", "example.org", "who.int", "a", "Z", " ", "\n", "\n\n", ":", ".",
    "/", "?", "#", "*", "_", "[x](", "](", ")", "(", "<", ">", "|", "- ", "# ", "`", "\\",
    "ſ", "İ", "é", "ftp://", "//", "localhost", "1", "=", ",", "&", '"', "\u00a0", "：",
]  # fmt: skip


def _searching_everything() -> NoteRenderer:
    """A renderer whose linkify-it searches every text, as it does by itself."""
    renderer = NoteRenderer(link_rel="noreferrer")
    linkify = renderer._md.linkify
    for name in ("pretest", "test"):
        vars(linkify).pop(name, None)
    return renderer


EVERYTHING = _searching_everything()
REPORT = NoteRenderer(link_rel="noreferrer")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join))
def test_the_links_are_those_a_search_of_everything_finds(note: str) -> None:
    assert REPORT.render(note) == EVERYTHING.render(note)


@pytest.mark.parametrize(
    "note",
    [
        LONG_NOTE,
        "see https://example.org/report and www.who.int, or desk@example.org.",
        "WWW.WHO.INT/x and HTTPS://EXAMPLE.ORG and MAILTO:desk@example.org",
        "javascript:alert(1) ftp://x.org //evil.example http://localhost/a",
        "| www.who.int | desk@who.int |\n|---|---|\n| https://a.org | b |",
        "# www.who.int\n\n- see http://example.org/a_(b)\n- `www.who.int`",
        "a\\http://example.org and <https://example.org> and [w](https://who.int)",
    ],
)
def test_notes_with_addresses_render_as_a_search_of_everything_does(note: str) -> None:
    assert REPORT.render(note) == EVERYTHING.render(note)
