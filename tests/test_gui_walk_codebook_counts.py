"""One count for one tag: the Codebook said Security had 3 passages while the Passages
panel filtered by Security listed 4, those of its sub-tags too. A tag's row now counts the
passages the filter lists (a passage carrying the tag and a sub-tag once), and its tooltip
says how many are the tag's own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from diptych.gui import tag_model
from diptych.gui.main_window import MainWindow
from diptych.gui.session import ProjectSession
from diptych.gui.tag_model import COUNT_ROLE, USAGE_ROLE, TagTreeModel


def test_every_codebook_count_is_what_the_passages_filter_lists(window: MainWindow) -> None:
    tags, passages = window.tags.model, window.passages
    checked = 0
    for tag in tags.codebook.ordered():
        passages.set_tag_filter(tag.id)
        listed = passages.model.rowCount()
        assert tags.count(tag.id) == listed, tag.name
        row = str(tags.index_of(tag.id).data())
        assert row == (f"{tag.name}  ({listed})" if listed else tag.name)
        checked += 1
    assert checked == len(tags.codebook)
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


@pytest.mark.parametrize("limit", ["BACKGROUND_COUNT", "QUICK_SUB_TAG_COUNT"])
def test_a_big_projects_counts_with_sub_tags_come_from_the_worker(
    qtbot: QtBot, session: ProjectSession, monkeypatch: pytest.MonkeyPatch, limit: str
) -> None:
    monkeypatch.setattr(tag_model, limit, 0)
    started: list[object] = []
    count = tag_model.count_with_sub_tags
    monkeypatch.setattr(
        tag_model, "count_with_sub_tags", lambda path: started.append(1) or count(path)
    )
    model = TagTreeModel(session)
    security, _defence, wanted = sub_tagged(session)
    qtbot.waitUntil(lambda: not model.counting and model.count(security) == len(wanted))
    assert model.index_of(security).data() == f"Security  ({len(wanted)})"
    assert started  # by the worker
