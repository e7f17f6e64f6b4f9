"""The Passages filter matches as the Library's does: without case or accents, and with
straight and curly quotes alike, in quotes and notes, old and newly edited."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from diptych.gui.annotations_panel import AnnotationsPanel
from diptych.gui.commands import perform
from diptych.gui.passage_cells import ANNOTATION_ROLE
from diptych.gui.passage_commands import SetPassageNote
from diptych.gui.session import ProjectSession
from diptych.storage.importing import parse_article

TEXT = (
    "# Islands\n\n"
    "The ministers met on Réunion for three days.\n\n"
    "Xi’s envoy spoke of “shared waters” at length.\n\n"
    "Delegates walked down the Straße des 17. Juni afterwards.\n\n"
    "Nobody mentioned the ELECTIONS at all.\n"
)
QUOTES = {
    "accent": "The ministers met on Réunion",
    "curly": "Xi’s envoy spoke of “shared waters”",
    "sharp s": "Delegates walked down the Straße",
    "capitals": "Nobody mentioned the ELECTIONS",
}


@pytest.fixture
def passages(session: ProjectSession) -> dict[str, int]:
    """An article with typeset words, and a passage on each (a note on two of them)."""
    (article,) = session.add_articles([parse_article(TEXT.encode(), name="islands.md")])
    text = session.project.articles.get(article_id=article.id).text
    tag = session.codebook().ordered()[0].id
    notes = {"sharp s": "Compare the Café Müller’s ‘open letter’.", "capitals": "plain words"}
    ids = {}
    for key, quote in QUOTES.items():
        start = text.index(quote)
        ids[key] = session.add_passage(
            article_id=article.id,
            start=start,
            end=start + len(quote),
            tag_ids=[tag],
            note=notes.get(key, ""),
        ).id
    return ids


@pytest.fixture
def panel(qtbot: QtBot, session: ProjectSession, passages: dict[str, int]) -> AnnotationsPanel:
    widget = AnnotationsPanel(session)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_ids(panel: AnnotationsPanel) -> set[int]:
    model = panel.table.model()
    return {model.index(row, 0).data(ANNOTATION_ROLE).id for row in range(model.rowCount())}


def typed(qtbot: QtBot, panel: AnnotationsPanel, words: str) -> set[int]:
    """Type ``words`` into the empty filter field (paste them if not ASCII: Qt's test keys
    are ASCII only); the passages then shown."""
    panel.search.clear()
    if words.isascii():
        qtbot.keyClicks(panel.search, words)
    else:
        QGuiApplication.clipboard().setText(words)
        qtbot.keyClick(panel.search, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert panel.search.text() == words
    return shown_ids(panel)


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("reunion", "accent"),  # the quote has an accent, the words typed none
        ("RÉUNION", "accent"),
        ("xi's envoy", "curly"),  # a straight apostrophe finds a curly one
        ('of "shared waters"', "curly"),  # straight double quotes find curly ones
        ("strasse", "sharp s"),
        ("STRASSE", "sharp s"),
        ("straße", "sharp s"),
        ("elections", "capitals"),
        ("cafe muller's", "sharp s"),  # in the note: accents, umlaut, curly apostrophe
        ("'open letter'", "sharp s"),  # in the note: single curly quotes
    ],
)
def test_the_filter_ignores_case_accents_and_the_form_of_quotes(
    qtbot: QtBot, panel: AnnotationsPanel, passages: dict[str, int], words: str, found: str
) -> None:
    assert typed(qtbot, panel, words) == {passages[found]}


def test_typed_curly_quotes_and_accents_find_plain_text(
    qtbot: QtBot, panel: AnnotationsPanel, session: ProjectSession, passages: dict[str, int]
) -> None:
    session.set_passage_note(passages["accent"], 'Xi\'s "plain" notes on Reunion')
    assert typed(qtbot, panel, "Xi’s “plain”") == {passages["accent"]}
    assert typed(qtbot, panel, "réunion") == {passages["accent"]}


def test_a_note_edited_is_matched_by_its_new_text_and_no_longer_by_the_old(
    qtbot: QtBot, panel: AnnotationsPanel, session: ProjectSession, passages: dict[str, int]
) -> None:
    edited = passages["capitals"]
    assert typed(qtbot, panel, "plain words") == {edited}
    # The note is rewritten while the filter is on: the row goes at once.
    perform(session, SetPassageNote(session, edited, "Un été à Genève"))
    assert shown_ids(panel) == set()
    assert typed(qtbot, panel, "ete a geneve") == {edited}
    assert typed(qtbot, panel, "plain words") == set()
    # While the filter is on, an edit that brings the words in shows the row.
    session.set_passage_note(passages["curly"], "more plain words")
    assert shown_ids(panel) == {passages["curly"]}


def test_a_passage_changed_in_another_window_is_matched_by_its_new_note(
    qtbot: QtBot, panel: AnnotationsPanel, session: ProjectSession, passages: dict[str, int]
) -> None:
    assert typed(qtbot, panel, "zurich") == set()
    changed = passages["accent"]
    passage = session.project.annotations.set_note(annotation_id=changed, note="Zürich, again")
    session.passagesChanged.emit(passage.article_id)  # what the file watch says
    assert shown_ids(panel) == {changed}
    assert typed(qtbot, panel, "zurich réunion") == {changed}  # a word of each, any order
    assert typed(qtbot, panel, "zurich geneve") == set()
    assert typed(qtbot, panel, "zurich") == {changed}


def test_passages_read_again_are_matched_by_their_text_then(
    qtbot: QtBot, panel: AnnotationsPanel, session: ProjectSession, passages: dict[str, int]
) -> None:
    assert typed(qtbot, panel, "geneve") == set()
    session.project.annotations.set_note(annotation_id=passages["curly"], note="Genève")
    session.allPassagesChanged.emit()  # a whole project read again (an import, say)
    qtbot.waitUntil(lambda: not panel.model.reading)
    assert shown_ids(panel) == {passages["curly"]}
    assert typed(qtbot, panel, "envoy genev") == {passages["curly"]}  # quote, then note
    assert typed(qtbot, panel, "XI’S ENVOY") == {passages["curly"]}
