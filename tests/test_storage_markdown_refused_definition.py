"""A link reference whose first definition is refused (``javascript:``) and which is
defined again further on links there in the window, and in the Markdown export alike
(the export made it plain text)."""

from __future__ import annotations

from test_security_markdown_links import (
    PERMISSIVE,
    VIEWER,
    WINDOW,
    _addresses,
    _unsuffixed,
)

from diptych.storage.export_markdown_notes import note_markdown


def test_a_label_defined_again_after_a_refused_definition_still_links() -> None:
    note = "[1]: javascript:alert(1)\n\nSee [1].\n\n[1]: https://a.example/report"
    exported = note_markdown(note)
    window = WINDOW.render(note)
    assert window.count('href="https://a.example/report"') == 2  # both [1]s, as links
    assert _unsuffixed(VIEWER.render(exported)) == window
    addresses = _addresses(PERMISSIVE.parse(exported))  # as permissive viewers read it
    assert addresses and not any(a.startswith("javascript:") for a in addresses)


def test_a_definition_in_a_quote_after_a_refused_one() -> None:
    note = "[1]: javascript:alert(1)\n>[1]: ["
    assert _unsuffixed(VIEWER.render(note_markdown(note))) == WINDOW.render(note)


def test_a_refused_definition_alone_reads_as_text() -> None:
    note = "[1]: javascript:alert(1)\n\nSee [1]."
    exported = note_markdown(note)
    assert _unsuffixed(VIEWER.render(exported)) == WINDOW.render(note)
    assert "href" not in VIEWER.render(exported)


def test_a_label_before_an_open_parenthesis_at_the_end_stays_text() -> None:
    note = "[1](\n\n[1]: https://a.example/report"
    exported = note_markdown(note)
    assert "href" not in WINDOW.render(note)  # "[1](" then nothing: no link in the window
    assert _unsuffixed(VIEWER.render(exported)) == WINDOW.render(note)


def test_an_address_opened_with_an_angle_bracket_and_never_closed_stays_text() -> None:
    note = "See [the report](<draft) for now."
    exported = note_markdown(note)
    assert "href" not in WINDOW.render(note)
    assert _unsuffixed(VIEWER.render(exported)) == WINDOW.render(note)
