"""Tag colours have names wherever a colour is chosen or shown, and counts are read as
passages and digit keys as keys: a listener (or someone who cannot tell two colours apart)
gets the meaning too."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow
from diptych.gui.session import ProjectSession
from diptych.gui.tag_chips import TagChip, TagChipRow
from diptych.gui.tag_dialog import TagDialog
from diptych.gui.tag_key_delegate import tag_key
from diptych.gui.tag_model import TagTreeModel, color_name
from diptych.gui.tag_palette import TagPalette
from diptych.storage.palette import PALETTE

ACCESSIBLE_TEXT = Qt.ItemDataRole.AccessibleTextRole


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def test_every_palette_colour_has_a_name_of_its_own() -> None:
    names = [color_name(c) for c in PALETTE]
    assert names[:4] == ["yellow", "sky blue", "salmon", "green"]
    assert len(set(names)) == len(PALETTE)


def test_any_other_colour_is_named_by_its_hue_and_lightness() -> None:
    assert color_name("#FF0000") == "red"
    assert color_name("#00008B") == "dark blue"
    assert color_name("#f6c945") == "yellow"  # a palette colour, whatever its case
    assert color_name("#FFFFFF") == "white"
    assert color_name("#111111") == "black"
    assert color_name("#C0C0C0") == "light grey"
    assert color_name("#90EE90") == "light green"


def test_a_codebook_row_is_read_with_its_count_as_passages_its_colour_and_its_key(
    session: ProjectSession,
) -> None:
    for name in ("Eighth", "Ninth", "Tenth"):  # the sample's seven tags, and three more
        session.add_tag(name=name)
    model = TagTreeModel(session, key_of=tag_key)
    usage = session.project.tags.usage()
    rows = 0
    for number, tag in enumerate(model.codebook.ordered(), start=1):
        index = model.index_of(tag.id)
        spoken = index.data(ACCESSIBLE_TEXT)
        own, count = usage.get(tag.id, 0), model.count(tag.id)
        passages = {0: "no passages", 1: "1 passage"}.get(count, f"{count} passages")
        if count != own:  # a parent counts its sub-tags' passages too, and says so
            passages += f" with its sub-tags, {own or 'none'} tagged {tag.name} itself"
        key = f", key {number}" if number <= 9 else ""  # keys 1-9: the tenth has none
        assert spoken == f"{tag.name}, {passages}, {color_name(tag.color)}{key}"
        rows += 1
    assert rows == 10
    assert any(usage.get(t.id, 0) > 1 for t in model.codebook.ordered())


def test_the_colour_swatches_of_the_tag_dialog_are_named(
    qtbot: QtBot, session: ProjectSession
) -> None:
    dialog = TagDialog(session.codebook())
    qtbot.addWidget(dialog)
    swatches = [b for b in dialog.findChildren(QPushButton) if b is not dialog.color_button]
    swatches = [b for b in swatches if b.isFlat()]
    assert [spoken_name(b) for b in swatches] == [color_name(c) for c in PALETTE]
    swatches[1].click()
    assert dialog.color == PALETTE[1]
    assert dialog.color_label.text() == "sky blue"  # seen, not only heard
    assert spoken_name(dialog.color_button) == f"Colour: sky blue ({PALETTE[1]})"


def test_the_palette_reads_each_tag_with_its_colour(window: MainWindow) -> None:
    palette: TagPalette = window.coding.palette
    book = window.session.codebook()
    palette.open_at(book, window.mapToGlobal(window.rect().center()))
    model = palette.model
    assert model.rowCount() == len(book.ordered())
    for row, tag in enumerate(book.ordered()):
        spoken = model.index(row, 0).data(ACCESSIBLE_TEXT)
        assert spoken == f"{book.path(tag.id)}, {color_name(tag.color)}, key {row + 1}"
    palette.hide()


def test_the_remove_button_of_a_tag_chip_says_which_tag(
    qtbot: QtBot, session: ProjectSession
) -> None:
    row = TagChipRow()
    qtbot.addWidget(row)
    book = session.codebook()
    tag = next(t for t in book.ordered() if t.parent_id is not None)
    row.show_tags((tag.id,), book, removable=True)
    (chip,) = row.findChildren(TagChip)
    assert spoken_name(chip.remove_button) == f"Remove the tag {book.path(tag.id)}"
    assert spoken_name(chip) == f"Tag {book.path(tag.id)}, {color_name(tag.color)}"
