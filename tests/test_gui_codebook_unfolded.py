"""The Codebook opens with every branch unfolded, and a change of the codebook unfolds
every branch but those the analyst folded; the tree is laid out when it is shown."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.session import ProjectSession
from diptych.gui.tag_panel import TagPanel


def nested(session: ProjectSession) -> tuple[int, int, int]:
    """Three tags nested in turn under a new top-level tag; their ids, top first."""
    top = session.add_tag(name="Region", color="#7CC6F2").id
    middle = session.add_tag(name="Europe", color="#8FD694", parent_id=top).id
    leaf = session.add_tag(name="Baltic", color="#F28C8C", parent_id=middle).id
    return top, middle, leaf


def test_the_codebook_shows_its_deepest_tags_when_first_shown(
    qtbot: QtBot, session: ProjectSession
) -> None:
    top, middle, leaf = nested(session)
    panel = TagPanel(session)
    qtbot.addWidget(panel)
    view, model = panel.view, panel.model
    assert view.isExpanded(model.index_of(top)) and view.isExpanded(model.index_of(middle))
    panel.resize(260, 900)
    panel.show()
    qtbot.waitExposed(panel)
    rect = view.visualRect(model.index_of(leaf))
    assert rect.isValid() and view.viewport().rect().contains(rect.center())
    assert view.indexAt(rect.center()) == model.index_of(leaf)
    parents = [t.id for t in session.ordered_tags() if session.codebook().children(t.id)]
    assert parents and all(view.isExpanded(model.index_of(t)) for t in parents)


def test_a_change_unfolds_every_branch_but_the_folded_one(
    qtbot: QtBot, session: ProjectSession
) -> None:
    top, middle, leaf = nested(session)
    panel = TagPanel(session)
    qtbot.addWidget(panel)
    panel.resize(260, 900)
    panel.show()
    qtbot.waitExposed(panel)
    view, model = panel.view, panel.model
    view.collapse(model.index_of(middle))
    session.add_tag(name="Asia", color="#C39BE8", parent_id=top)  # a change: the tree is rebuilt
    asia = next(t.id for t in session.ordered_tags() if t.name == "Asia")
    assert view.isExpanded(model.index_of(top))
    assert not view.isExpanded(model.index_of(middle))  # folded by the analyst: stays so
    assert not view.visualRect(model.index_of(leaf)).isValid()  # hidden in its branch
    rect = view.visualRect(model.index_of(asia))
    assert rect.isValid() and view.indexAt(rect.center()) == model.index_of(asia)
