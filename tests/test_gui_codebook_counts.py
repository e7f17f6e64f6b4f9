"""One count for one tag: the Codebook said Security had 3 passages while the Passages
panel filtered by Security listed 4, those of its sub-tags too. A tag's row now counts the
passages the filter lists (a passage carrying the tag and a sub-tag once), and its tooltip
says how many are the tag's own.

Orphans (passages whose text is gone from their updated article) count too: the Passages
panel filtered by the tag lists them in its Orphans tab, the others in its Passages tab,
and the tag's tooltip says how many of its passages are orphans."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui import tag_usage
from diptych.gui.annotations_panel import ORPHANS_TAB, PASSAGES_TAB, AnnotationsPanel
from diptych.gui.main_window import MainWindow
from diptych.gui.session import ProjectSession
from diptych.gui.tag_count_words import orphans_text
from diptych.gui.tag_model import COUNT_ROLE, USAGE_ROLE, TagTreeModel
from diptych.storage.importing import parse_article
from diptych.storage.model import Annotation
from diptych.storage.sample import SAMPLE_FILES, sample_bytes

ORPHAN_QUOTE = "symbolic restart"


def make_orphan(session: ProjectSession) -> Annotation:
    """Update the second sample article so that one passage's text is gone."""
    article = session.project.articles.all()[1]
    text = sample_bytes(SAMPLE_FILES[1]).decode().replace(ORPHAN_QUOTE, "fresh beginning")
    parsed = parse_article(text.encode(), name=SAMPLE_FILES[1])
    session.project.articles.replace_text(article_id=article.id, parsed=parsed)
    session.passagesChanged.emit(article.id)
    orphans = [p for p in session.project.annotations.query() if p.is_orphan]
    assert [p.exact for p in orphans] == [ORPHAN_QUOTE]
    assert orphans[0].tag_ids
    return orphans[0]


def listed(passages: AnnotationsPanel, tab: int) -> int:
    """How many passages the panel's tab lists, filtered as it is."""
    passages.tabs.setCurrentIndex(tab)
    return passages.model.rowCount()


def test_every_codebook_count_is_what_the_passages_filter_lists(
    qtbot: QtBot, window: MainWindow
) -> None:
    tags, passages = window.tags.model, window.passages
    orphan = make_orphan(window.session)
    qtbot.waitUntil(lambda: all(tags.orphans(tag_id) for tag_id in orphan.tag_ids))
    checked = orphaned = 0
    for tag in tags.codebook.ordered():
        passages.set_tag_filter(tag.id)
        anchored, orphans = listed(passages, PASSAGES_TAB), listed(passages, ORPHANS_TAB)
        count = anchored + orphans
        assert (tags.count(tag.id), tags.orphans(tag.id)) == (count, orphans), tag.name
        row = tags.index_of(tag.id)
        assert str(row.data()) == (f"{tag.name}  ({count})" if count else tag.name)
        tip = row.data(Qt.ItemDataRole.ToolTipRole)
        assert ("listed in the Orphans tab" in tip) == bool(orphans), tag.name
        checked += 1
        orphaned += bool(orphans)
    assert checked == len(tags.codebook)
    assert orphaned >= len(orphan.tag_ids)
    economy = next(t.id for t in tags.codebook.ordered() if t.name == "Economy")
    assert tags.index_of(economy).data(USAGE_ROLE) == 0  # none of its own, its sub-tag's
    assert tags.index_of(economy).data(COUNT_ROLE) == 1


def sub_tagged(session: ProjectSession) -> tuple[int, int, set[int]]:
    """Security gets a sub-tag Defence, on a passage of its own and on one that carries
    Security too: the passages of Security or Defence, each once."""
    security = next(t.id for t in session.project.tags.all() if t.name == "Security")
    defence = session.add_tag(name="Defence", parent_id=security).id
    article = session.project.articles.all()[0].id
    both = session.add_passage(article_id=article, start=0, end=5, tag_ids=[security, defence])
    session.add_passage(article_id=article, start=10, end=20, tag_ids=[defence])
    wanted = {p.id for p in session.project.annotations.query(tag_id=security)}
    wanted |= {p.id for p in session.project.annotations.query(tag_id=defence)}
    assert both.id in wanted
    return security, defence, wanted


def test_a_passage_with_a_tag_and_its_sub_tag_counts_once(
    qtbot: QtBot, session: ProjectSession
) -> None:
    model = TagTreeModel(session)
    security, defence, wanted = sub_tagged(session)
    own = session.project.tags.usage()[security]
    assert own < len(wanted) < own + session.project.tags.usage()[defence]
    qtbot.waitUntil(lambda: model.count(security) == len(wanted))
    index = model.index_of(security)
    assert index.data() == f"Security  ({len(wanted)})"
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert f"{len(wanted)} passages with its sub-tags, {own} tagged Security itself" in tip
    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert f"{len(wanted)} passages with its sub-tags, {own} tagged Security itself" in spoken
    assert model.count(defence) == 2
    assert "with its sub-tags" not in model.index_of(defence).data(Qt.ItemDataRole.ToolTipRole)


def test_a_big_projects_counts_with_sub_tags_come_from_the_worker(
    qtbot: QtBot, session: ProjectSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tag_usage, "BACKGROUND_COUNT", 0)
    started: list[object] = []
    count = tag_usage.count_tag_usage
    monkeypatch.setattr(tag_usage, "count_tag_usage", lambda path: started.append(1) or count(path))
    model = TagTreeModel(session)
    security, _defence, wanted = sub_tagged(session)
    qtbot.waitUntil(lambda: not model.counting and model.count(security) == len(wanted))
    assert model.index_of(security).data() == f"Security  ({len(wanted)})"
    assert started  # by the worker


@pytest.mark.parametrize("in_background", [False, True])
def test_a_tags_tooltip_says_how_many_of_its_passages_are_orphans(
    qtbot: QtBot, session: ProjectSession, monkeypatch: pytest.MonkeyPatch, in_background: bool
) -> None:
    if in_background:
        monkeypatch.setattr(tag_usage, "BACKGROUND_COUNT", 0)
    model = TagTreeModel(session)
    security, _defence, wanted = sub_tagged(session)
    qtbot.waitUntil(lambda: not model.counting and model.count(security) == len(wanted))
    first = session.project.annotations.query(tag_id=security)[0]
    with session.project.transaction():  # its text gone, as an article update leaves it
        session.project.annotations.apply_anchor(annotation_id=first.id, anchor=None)
    session.passagesChanged.emit(first.article_id)
    qtbot.waitUntil(lambda: not model.counting and model.orphans(security) == 1)
    index = model.index_of(security)
    assert index.data() == f"Security  ({len(wanted)})"  # an orphan still counts
    said = f"1 of the {len(wanted)} is an orphan, listed in the Orphans tab"
    assert said in index.data(Qt.ItemDataRole.ToolTipRole)
    assert said in index.data(Qt.ItemDataRole.AccessibleTextRole)


@pytest.mark.parametrize(
    ("orphans", "count", "said"),
    [
        (1, 1, "it is an orphan, listed in the Orphans tab"),
        (3, 3, "all 3 are orphans, listed in the Orphans tab"),
        (1, 4, "1 of the 4 is an orphan, listed in the Orphans tab"),
        (2, 4, "2 of the 4 are orphans, listed in the Orphans tab"),
    ],
)
def test_orphans_are_told_of_the_tags_count(orphans: int, count: int, said: str) -> None:
    assert orphans_text(orphans, count) == said
