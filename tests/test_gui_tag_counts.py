"""The codebook's passage counts follow tagging, reporting only the tags that changed."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from diptych.gui.session import ProjectSession
from diptych.gui.tag_model import TagTreeModel


def test_tagging_a_passage_updates_that_tags_count_only(
    qtbot: QtBot, session: ProjectSession
) -> None:
    model = TagTreeModel(session)
    security = next(t.id for t in session.project.tags.all() if t.name == "Security")
    index = model.index_of(security)
    before = index.data()
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top.internalId()))
    article = session.project.articles.all()[0].id
    session.add_passage(article_id=article, start=0, end=12, tag_ids=[security])
    qtbot.waitUntil(lambda: changed == [security])
    assert index.data() != before and "(3)" in index.data()
    assert model.index_of(security) != QModelIndex()
