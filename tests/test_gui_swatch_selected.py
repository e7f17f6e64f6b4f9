"""A tag's colour swatch keeps its colour on a selected row (the Codebook, the tag palette,
the Passages list), where Qt tinted it with the selection's blue just as the analyst looks
at the tag picked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon
from pytestqt.qtbot import QtBot

from diptych.gui.main_window import MainWindow


def middle(icon: QIcon, mode: QIcon.Mode) -> str:
    image = icon.pixmap(14, 14, mode).toImage()
    return image.pixelColor(image.width() // 2, image.height() // 2).name().upper()


def test_the_selected_tags_swatch_is_its_own_colour(qtbot: QtBot, window: MainWindow) -> None:
    view = window.tags.view
    for tag in window.session.ordered_tags():
        index = view.tag_model.index_of(tag.id)
        view.setCurrentIndex(index)
        assert view.selectionModel().isSelected(index)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        assert isinstance(icon, QIcon)
        assert middle(icon, QIcon.Mode.Selected) == middle(icon, QIcon.Mode.Normal)
        assert middle(icon, QIcon.Mode.Selected) == QColor(tag.color).name().upper()
