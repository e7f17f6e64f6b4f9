"""Addresses pasted into a note as they are (no Markdown) become links, under the rule every
note link obeys: only http, https and mailto."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diptych.storage.note_markdown import LONGEST_ADDRESS, PLAIN_NOTE, NoteRenderer

WINDOW = NoteRenderer()
REPORT = NoteRenderer(link_rel="noreferrer")


def links(html: str) -> list[tuple[str, str]]:
    """Each link of ``html`` as (address, text)."""
    return re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', html)


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "see https://example.org/report and www.who.int",
            [
                ("https://example.org/report", "https://example.org/report"),
                ("http://www.who.int", "www.who.int"),
            ],
        ),
        (
            "http://example.org/a?b=1#c",
            [("http://example.org/a?b=1#c", "http://example.org/a?b=1#c")],
        ),
        (
            "WWW.WHO.INT/emergencies",
            [("http://WWW.WHO.INT/emergencies", "WWW.WHO.INT/emergencies")],
        ),
        ("write to desk@example.org", [("mailto:desk@example.org", "desk@example.org")]),
        ("or to press@who.int", [("mailto:press@who.int", "press@who.int")]),
        ("mailto:desk@example.org", [("mailto:desk@example.org", "mailto:desk@example.org")]),
    ],
)
def test_a_bare_web_or_mail_address_becomes_a_link(
    note: str, expected: list[tuple[str, str]]
) -> None:
    assert links(WINDOW.render(note)) == expected


@pytest.mark.parametrize(
    ("note", "after"),
    [
        ("See www.who.int.", "</a>.</p>"),
        ("(see https://example.org/report)", "</a>)</p>"),
        ("(see https://example.org/report).", "</a>).</p>"),
        ("Ask desk@example.org, then www.who.int!", "</a>!</p>"),
        ("Is it https://example.org/report?", "</a>?</p>"),
        ('"www.who.int";', "</a>&quot;;</p>"),
    ],
)
def test_punctuation_after_an_address_stays_outside_the_link(note: str, after: str) -> None:
    html = WINDOW.render(note)
    assert html.endswith(after), html
    for href, text in links(html):
        assert not href.endswith((".", ")", "!", "?", ",", '"', ";")), href
        assert not text.endswith((".", ")", "!", "?", ",", "&quot;", ";")), text


def test_brackets_inside_an_address_stay_in_it() -> None:
    html = WINDOW.render("see https://en.wikipedia.org/wiki/Treaty_(1648).")
    assert links(html) == [
        (
            "https://en.wikipedia.org/wiki/Treaty_(1648)",
            "https://en.wikipedia.org/wiki/Treaty_(1648)",
        )
    ]


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(1)",
        "javascript:alert(1)//www.example.org",
        "JavaScript:alert(document.cookie)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "file:///etc/passwd",
        "ftp://files.example.org/report.pdf",
        "//evil.example/x",
    ],
)
def test_only_web_and_mail_addresses_become_links(address: str) -> None:
    note = f"{address} (not this) and www.who.int (this)"
    for renderer in (WINDOW, REPORT):
        assert links(renderer.render(note)) == [("http://www.who.int", "www.who.int")]


def test_a_mail_address_naming_a_file_to_attach_links_without_the_file() -> None:
    html = WINDOW.render("mailto:desk@example.org?attach=/etc/passwd")
    assert links(html) == [("mailto:desk@example.org", "mailto:desk@example.org")]


@pytest.mark.parametrize(
    "note", ["ftp://files.example.org/report.pdf", "see //evil.example/x", "javascript:alert(1)"]
)
def test_a_refused_address_reads_as_written(note: str) -> None:
    assert WINDOW.render(note) == f"<p>{note}</p>"


@pytest.mark.parametrize(
    "words",
    [
        "notes.md and report.pdf",  # .md is a country's domain, but this is a file name
        "example.org says so",
        "version 3.5.1",
        "foo-www.example.org",
        "a/www.example.org",
        "_www.example.org",
        "www.example",
        "http://localhost:8080/a",  # a domain needs a dot, as on GitHub
        "<img src=http://intranet/x.png>",
    ],
)
def test_words_that_only_look_like_addresses_stay_words(words: str) -> None:
    html = WINDOW.render(f"{words}, unlike www.who.int")
    assert links(html) == [("http://www.who.int", "www.who.int")]


def test_an_address_written_as_a_link_needs_no_dot() -> None:
    html = WINDOW.render("<http://localhost:8080/a> and [wiki](http://intranet/page)")
    assert links(html) == [
        ("http://localhost:8080/a", "http://localhost:8080/a"),
        ("http://intranet/page", "wiki"),
    ]


def test_addresses_in_code_are_not_links() -> None:
    html = WINDOW.render(
        "`www.who.int` and `https://example.org`, unlike www.who.int\n\n    desk@example.org"
    )
    assert links(html) == [("http://www.who.int", "www.who.int")]
    assert "<code>www.who.int</code>" in html and "<code>https://example.org</code>" in html


def test_an_address_inside_a_written_link_keeps_the_written_link() -> None:
    html = WINDOW.render("[www.who.int](https://example.org/who)")
    assert links(html) == [("https://example.org/who", "www.who.int")]


def test_the_report_marks_a_bare_address_noreferrer() -> None:
    html = REPORT.render("see www.who.int")
    assert html == (
        '<p>see <a href="http://www.who.int" rel="noreferrer" class="address">www.who.int</a></p>'
    )


def test_a_bare_address_keeps_its_words_in_the_plain_summary() -> None:
    assert WINDOW.plain("see www.who.int, or desk@example.org.") == (
        "see www.who.int, or desk@example.org."
    )


@pytest.mark.parametrize(
    "note", ["see www.who.int", "WWW.who.int", "Notes (www.who.int)", "Ask: www.who.int"]
)
def test_a_note_with_an_address_to_link_takes_the_parser(note: str) -> None:
    assert not PLAIN_NOTE.fullmatch(note)
    assert "<a href=" in WINDOW.render(note)


@pytest.mark.parametrize("note", ["see example.org", "Notes on the treaty", "awww. so cute"])
def test_other_one_line_notes_keep_the_shortcut(note: str) -> None:
    assert PLAIN_NOTE.fullmatch(note)


@given(
    st.from_regex(PLAIN_NOTE, fullmatch=True),
    st.sampled_from(["www.who.int", "www.who.int.", "(www.who.int/x)", "WWW.EXAMPLE.ORG"]),
)
def test_a_plain_note_with_an_address_renders_as_the_parser_does(words: str, address: str) -> None:
    note = f"{words} {address}"
    assert REPORT.render(note) == REPORT._md.render(note).strip()
    assert REPORT.plain(note) == REPORT.parsed_plain(note)
    assert 'href="http://' in REPORT.render(note)


@pytest.mark.timeout(15)
@pytest.mark.parametrize("run", ["x://", "http://", "(www.example.org/", "(https://example.org/"])
def test_a_long_paragraph_of_addresses_run_together_renders_at_once(run: str) -> None:
    # 200,000 characters: a second or two; read again from every possible start, minutes.
    note = run * (200_000 // len(run))
    assert WINDOW.render(note).startswith("<p>")


def test_an_address_longer_than_browsers_take_stays_text() -> None:
    long = "https://example.org/" + "a" * LONGEST_ADDRESS
    assert links(WINDOW.render(f"{long} and www.who.int")) == [
        ("http://www.who.int", "www.who.int")
    ]


@pytest.mark.parametrize(
    ("note", "address", "after"),
    [
        (
            "The ministry said so (source: “https://example.org/press-release”).",
            "https://example.org/press-release",
            "”).",
        ),
        ("It says ‘https://example.org/b’ there", "https://example.org/b", "’ there"),
        ("Mehr dazu: „https://example.org/de“.", "https://example.org/de", "“."),
        ("Voir «https://example.org/fr» ici", "https://example.org/fr", "» ici"),
        ("Voir « https://example.org/fr » ici", "https://example.org/fr", " » ici"),
        ("Siehe »https://example.org/at« hier", "https://example.org/at", "« hier"),
        ("Siehe ‹https://example.org/ch› hier", "https://example.org/ch", "› hier"),
        (
            "詳細は「https://example.org/ja」をご覧ください。",
            "https://example.org/ja",
            "」をご覧ください。",
        ),
        ("参照『https://example.org/book』。", "https://example.org/book", "』。"),
        ("资料（https://example.org/zh）。", "https://example.org/zh", "）。"),
        ("【https://example.org/news】速報", "https://example.org/news", "】速報"),
        ("〈https://example.org/k〉를 보라", "https://example.org/k", "〉를 보라"),
        ("参见：https://example.org/cn。然后", "https://example.org/cn", "。然后"),
        ("参见：https://example.org/cn、然后", "https://example.org/cn", "、然后"),
        ("see https://example.org/list…", "https://example.org/list", "…"),
        ("see https://example.org/list.…", "https://example.org/list", ".…"),
        ("詳細は「www.example.org/ja」", "http://www.example.org/ja", "」"),
        ("「https://ja.wikipedia.org/wiki/東京_(曖昧さ回避)」", None, "」"),
    ],
)
def test_closing_quotes_cjk_brackets_and_stops_end_an_address(
    note: str, address: str | None, after: str
) -> None:
    for renderer in (WINDOW, REPORT):
        html = renderer.render(note)
        found = links(html)
        assert len(found) == 1, html
        href, text = found[0]
        if address is None:  # a bracket pair inside the address stays in it
            assert text == note[1 : -len(after)], html
        else:
            assert href == address, html
            assert text == address.removeprefix("http://"), html
        assert html.endswith(f"</a>{after}</p>"), html


def test_an_address_after_a_closing_mark_is_linked_too() -> None:
    html = WINDOW.render("「https://example.org/a」と「https://example.org/b」")
    assert [href for href, _ in links(html)] == ["https://example.org/a", "https://example.org/b"]
