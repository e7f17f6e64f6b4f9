"""What a screen reader says for each field, list and button of the panels.

Orca reads Qt's accessibility tree: a widget without a name is read as its role alone
("text", "tree", "push button"), which tells a listener nothing. A tooltip is read as a
description, after the name, and a placeholder text is gone once something is typed.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QToolButton, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def spoken_name(widget: QWidget) -> str:
    """The name an assistive technology reads for ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def test_the_codebook_tool_buttons_are_read_by_what_they_do(window: MainWindow) -> None:
    buttons = window.tags.findChildren(QToolButton)
    names = [spoken_name(b) for b in buttons]
    assert names == [
        "New tag",
        "New sub-tag",
        "Edit tag",
        "Merge tag",
        "Delete tag",
    ]


def test_the_fields_and_lists_of_the_panels_have_names(window: MainWindow) -> None:
    library, search, memos = window.library, window.search, window.memos
    palette = window.coding.palette
    assert spoken_name(library.filter) == "Filter articles"
    assert spoken_name(library.view) == "Articles"
    assert spoken_name(window.tags.view) == "Codebook"
    assert spoken_name(search.field) == "Search articles, notes and memos"
    assert spoken_name(search.results) == "Search results"
    assert spoken_name(memos.project_memo) == "Project memo"
    assert spoken_name(palette) == "Tag palette"  # said as it pops up
    assert spoken_name(palette.field) == "Tag name"
    assert spoken_name(palette.list) == "Tags"


def test_the_article_memo_is_named_after_its_article(window: MainWindow) -> None:
    memos = window.memos
    article_id = window.area.panes()[0].article_id
    memos.show_article(article_id)
    title = window.session.project.articles.summary(article_id=article_id).title
    assert spoken_name(memos.article_memo) == f"Memo on “{title}”"
    memos.show_article(None)
    assert spoken_name(memos.article_memo) == "Article memo (no article in the current pane)"


def test_the_search_results_say_how_many_were_found(qtbot: QtBot, window: MainWindow) -> None:
    search = window.search
    search.field.setText("the")
    with qtbot.waitSignal(search.searched):
        search.run()
    interface = QAccessible.queryAccessibleInterface(search.results)
    assert interface is not None
    assert search.status.text()
    assert interface.text(QAccessible.Text.Description) == search.status.text()


def test_a_library_row_tells_its_passages_to_a_screen_reader(window: MainWindow) -> None:
    """The count is only in the tooltip, which the keyboard never shows."""
    from PySide6.QtCore import Qt

    model = window.library.model
    described = 0
    for row in range(model.rowCount()):
        summary = model.summary(row)
        text = model.index(row, 0).data(Qt.ItemDataRole.AccessibleDescriptionRole)
        count = summary.annotation_count
        assert text.startswith({0: "no passages", 1: "1 passage"}.get(count, f"{count} passages"))
        described += count > 1
    assert described


def test_a_codebook_row_tells_its_description_to_a_screen_reader(window: MainWindow) -> None:
    from PySide6.QtCore import Qt

    model = window.tags.model
    tags = [t for t in model.codebook.ordered() if t.description]
    assert tags
    for tag in tags:
        index = model.index_of(tag.id)
        assert index.data(Qt.ItemDataRole.AccessibleDescriptionRole) == tag.description


def test_the_palette_field_tells_what_it_will_tag(window: MainWindow) -> None:
    """The line above the list (which passage, or that nothing is selected) is a label
    the keyboard never reaches: the field carries it."""
    palette = window.coding.palette
    centre = window.mapToGlobal(window.rect().center())
    palette.open_at(window.session.codebook(), centre, "Add a tag to the passage “Tariffs”")
    interface = QAccessible.queryAccessibleInterface(palette.field)
    assert interface is not None
    description = interface.text(QAccessible.Text.Description)
    assert description.startswith("Add a tag to the passage “Tariffs”. ")
    assert "Enter applies" in description
    palette.hide()
    palette.open_at(window.session.codebook(), centre)
    assert "passage" not in interface.text(QAccessible.Text.Description)
    palette.hide()


def test_the_codebook_column_is_not_read_as_1(window: MainWindow) -> None:
    """Its header is hidden, but a screen reader still reads the column's title."""
    interface = QAccessible.queryAccessibleInterface(window.tags.view)
    assert interface is not None
    headers = [
        interface.child(n).text(QAccessible.Text.Name)
        for n in range(interface.childCount())
        if interface.child(n).role() == QAccessible.Role.ColumnHeader
    ]
    assert headers == ["Tags"]
