"""The Passage panel's chips tell apart tags that share a name under different parents."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.tag_chips import TagChip


def chip_texts(window: MainWindow) -> list[str]:
    chips = [c for c in window.editor.chips.findChildren(TagChip) if c.isVisible()]
    chips.sort(key=lambda c: (c.y(), c.x()))
    return [c.label.text() for c in chips]


def tag_named(window: MainWindow, name: str) -> int:
    return next(t.id for t in window.session.codebook().ordered() if t.name == name)


def test_namesakes_on_a_passage_show_their_paths(qtbot: QtBot, window: MainWindow) -> None:
    session = window.session
    economy, diplomacy = tag_named(window, "Economy"), tag_named(window, "Diplomacy")
    other_economy = session.add_tag(name="Other", parent_id=economy)
    other_diplomacy = session.add_tag(name="other", parent_id=diplomacy)
    passage = next(p for p in session.project.annotations.query() if len(p.tag_ids) == 1)
    session.set_passage_tags(passage.id, [*passage.tag_ids, other_economy.id, other_diplomacy.id])
    window.editor.show_passage(passage.id)
    qtbot.waitUntil(lambda: len(chip_texts(window)) == 3)
    (only,) = [session.codebook()[t] for t in passage.tag_ids]
    # A name no other tag has stays short; the two "Other"s say where each one is.
    assert sorted(chip_texts(window)) == sorted([only.name, "Economy/Other", "Diplomacy/other"])


def test_a_chip_shows_its_path_once_a_namesake_is_made(qtbot: QtBot, window: MainWindow) -> None:
    session = window.session
    trade = tag_named(window, "Trade")
    passage = next(p for p in session.project.annotations.query() if trade in p.tag_ids)
    window.editor.show_passage(passage.id)
    qtbot.waitUntil(lambda: "Trade" in chip_texts(window))
    session.add_tag(name="Trade", parent_id=tag_named(window, "Diplomacy"))
    qtbot.waitUntil(lambda: "Economy/Trade" in chip_texts(window))
    assert "Trade" not in chip_texts(window)
