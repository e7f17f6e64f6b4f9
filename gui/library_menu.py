"""The Library's context menu (right-click, Shift+F10 or the Menu key): open, rename,
give the address it was saved from (and open that page), update or remove one article, or
open or remove several; in a read-only project only
opening is offered, the rest greyed, saying why. Each item has a key letter of its own,
which chooses it once the menu is open."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from diptych.gui.dialogs import DELETE, context_menu, with_key
from diptych.gui.read_only import grey_menu_edits

if TYPE_CHECKING:
    from diptych.gui.library_panel import LibraryPanel


def article_menu(panel: LibraryPanel, chosen: list[int]) -> QMenu:
    """The menu of the articles ``chosen`` (one or several) in ``panel``, to pop up."""
    menu = context_menu(panel)
    if len(chosen) > 1:
        opening = _several_menu(panel, menu, chosen)
    else:
        opening = _one_menu(panel, menu, chosen[0])
    edits = [a for a in menu.actions() if not a.isSeparator() and a not in opening]
    grey_menu_edits(panel.session, menu, *edits)
    return menu


def _one_menu(panel: LibraryPanel, menu: QMenu, article_id: int) -> list[QAction]:
    """Fill ``menu`` for one article; the items that open it (left in a read-only project)."""
    opening = [
        menu.addAction("&Open", lambda: panel.openRequested.emit(article_id, False)),
        menu.addAction("Open in &new pane", lambda: panel.openRequested.emit(article_id, True)),
    ]
    menu.addSeparator()
    with_key(menu.addAction("&Rename…", lambda: panel.renameRequested.emit(article_id)), "F2")
    menu.addAction("Source &address…", lambda: panel.sourceAddressRequested.emit(article_id))
    menu.addAction("&Update from newer file…", lambda: panel.reimportRequested.emit(article_id))
    menu.addSeparator()
    page = menu.addAction("Open source &page", lambda: panel.sourcePageRequested.emit(article_id))
    opening.append(page)
    address = panel.session.project.articles.source_url(article_id=article_id)
    page.setEnabled(bool(address))
    page.setToolTip(address or "No source address: give one with Source address…")
    menu.setToolTipsVisible(True)
    menu.addSeparator()
    remove = menu.addAction("Re&move from project…", lambda: panel.removeRequested.emit(article_id))
    with_key(remove, DELETE)
    return opening


def _several_menu(panel: LibraryPanel, menu: QMenu, chosen: list[int]) -> list[QAction]:
    """Fill ``menu`` to open or remove them all (renaming and updating take one article at
    a time); the item that opens them (left in a read-only project)."""
    count = len(chosen)
    opening = menu.addAction(
        f"&Open {count} articles, each in a new pane",
        lambda: panel.openBesideRequested.emit(chosen),
    )
    menu.addSeparator()
    for text in ("&Rename…", "Source &address…", "&Update from newer file…"):
        menu.addAction(text).setEnabled(False)  # one article at a time
    menu.addSeparator()
    remove = menu.addAction(
        f"Re&move {count} articles from project…",
        lambda: panel.removeArticlesRequested.emit(chosen),
    )
    with_key(remove, DELETE)
    return [opening]
