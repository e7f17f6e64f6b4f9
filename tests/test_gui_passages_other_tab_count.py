"""The Codebook counted a tag's orphans (Security (6)) while the Passages list filtered by
Security showed 5 rows: the sixth was in the Orphans tab, unsaid. The list filtered now
says how many more match in the other tab, as the tag's tooltip says how many are orphans."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from test_gui_codebook_counts import make_orphan

from diptych.gui.annotations_panel import ORPHANS_TAB, PASSAGES_TAB
from diptych.gui.main_window import MainWindow
from diptych.gui.passage_count_hint import other_tab_text


def test_the_list_filtered_by_a_tag_says_its_orphans_are_in_the_other_tab(
    qtbot: QtBot, window: MainWindow
) -> None:
    orphan = make_orphan(window.session)
    tag_id = orphan.tag_ids[0]
    tags, passages = window.tags, window.passages
    qtbot.waitUntil(lambda: tags.model.orphans(tag_id) == 1)
    count = tags.model.count(tag_id)
    tags.select_tag(tag_id)
    tags.showPassagesRequested.emit(tag_id)  # "Show its passages" in the Codebook's menu
    hint = passages.other_tab_hint
    qtbot.waitUntil(lambda: hint.isVisibleTo(passages))
    assert passages.tabs.currentIndex() == PASSAGES_TAB
    assert passages.model.rowCount() == count - 1
    said = f"{count - 1} passages match here; 1 more, an orphan, is in the Orphans tab."
    assert hint.text() == said
    assert passages.table.accessibleDescription() == said

    passages.tabs.setCurrentIndex(ORPHANS_TAB)
    assert passages.model.rowCount() == 1
    assert (
        hint.text() == f"1 orphan matches here; {count - 1} more passages are in the Passages tab."
    )

    passages.set_tag_filter(None)  # every passage: the tab titles say enough
    assert not hint.isVisibleTo(passages)


def test_the_words_of_the_hint() -> None:
    assert other_tab_text(0, 2, orphans_tab=False) == (
        "No passage matches here; 2, orphans, are in the Orphans tab."
    )
    assert other_tab_text(0, 1, orphans_tab=True) == (
        "No orphan matches here; 1 passage is in the Passages tab."
    )
