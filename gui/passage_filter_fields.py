"""The Passages panel's filters: a search field and lists of tags, articles and coders,
and of whether to show only the passages to check after an update, each keeping the
panel's rows filtered as chosen, and the lists of tags and articles filled again as the
project's change."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from diptych.gui.clear_button import give_clear_button
from diptych.gui.field_undo import pass_undo_on
from diptych.gui.flow_layout import FlowLayout
from diptych.gui.passage_model import PassageTableModel
from diptych.gui.passage_widgets import ComboItem, FilterCombo
from diptych.gui.session import ProjectSession
from diptych.storage.namesakes import told_apart


class PassageFilterFields(QObject):
    """The filter fields of the Passages panel, laid out in :attr:`rows`.

    Args:
        session: the open project.
        model: the passages the panel shows, filtered as the fields say.
        panel: the panel the fields are shown in.
    """

    def __init__(self, session: ProjectSession, model: PassageTableModel, panel: QWidget) -> None:
        super().__init__(panel)
        self.session = session
        self.model = model
        self.search = QLineEdit(panel, placeholderText="Filter by quote, note, tag, article")
        give_clear_button(self.search, "Clear the passage filter")
        pass_undo_on(self.search)
        self.search.setToolTip(
            "Show passages whose quote, note, tags or article title contain this text"
        )
        self.search.setAccessibleName("Filter passages")  # the placeholder goes when typing
        self.tag_combo = FilterCombo(
            "Filter by tag", "Show passages with this tag or one of its sub-tags", panel
        )
        self.article_combo = FilterCombo(
            "Filter by article", "Show passages of this article", panel
        )
        self.coder_combo = FilterCombo(
            "Filter by coder", "Show passages coded by this person", panel
        )
        self.check_combo = FilterCombo(
            "Filter by check",
            "Show only the passages an update of their article found approximately, to check",
            panel,
        )
        # The search field has a line of its own: the panel usually lives in a narrow dock,
        # where the lists stack up rather than hold the panel wide.
        combos = FlowLayout(spacing=4, fill=True)
        for combo in (self.tag_combo, self.article_combo, self.coder_combo, self.check_combo):
            combos.addWidget(combo)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(4)
        self.rows.addWidget(self.search)
        self.rows.addLayout(combos)
        self.search.textChanged.connect(self.on_search_text_changed)
        self.tag_combo.currentIndexChanged.connect(self.on_tag_combo_current_index_changed)
        self.article_combo.currentIndexChanged.connect(self.on_article_combo_current_index_changed)
        self.coder_combo.currentIndexChanged.connect(self.on_coder_combo_current_index_changed)
        self.check_combo.currentIndexChanged.connect(self.on_check_combo_current_index_changed)
        self.session.tagsChanged.connect(self.on_session_tags_changed)
        self.session.articlesChanged.connect(self.on_session_articles_changed)

    def on_search_text_changed(self, text: str) -> None:
        """Filter by the text of the quote, note, tags or article title."""
        self.model.set_filter(replace(self.model.filter, text=text))

    def on_tag_combo_current_index_changed(self, _position: int) -> None:
        """Filter by tag."""
        self.model.set_filter(replace(self.model.filter, tag_id=self.tag_combo.currentData()))

    def on_article_combo_current_index_changed(self, _position: int) -> None:
        """Filter by article."""
        article_id = self.article_combo.currentData()
        self.model.set_filter(replace(self.model.filter, article_id=article_id))

    def on_coder_combo_current_index_changed(self, _position: int) -> None:
        """Filter by coder."""
        self.model.set_filter(replace(self.model.filter, coder=self.coder_combo.currentData()))

    def on_check_combo_current_index_changed(self, _position: int) -> None:
        """Show only the passages to check, or every passage."""
        to_check = bool(self.check_combo.currentData())
        self.model.set_filter(replace(self.model.filter, to_check=to_check))

    def count_to_check(self) -> None:
        """Say in the list how many passages are to check: those the other filters let
        through, of every one ("2 of 5"), as the Orphans tab counts its orphans."""
        every, matching = self.model.to_check_count(), self.model.to_check_matching()
        label = f"{matching} of {every}" if matching != every else f"{every}"
        self.check_combo.refill("All passages", [ComboItem(f"To check ({label})", True)])

    def on_session_tags_changed(self) -> None:
        """Rebuild the tag list: codebook order, indented by depth, with colours; each tag
        found by typing its name, and said by its path in its tooltip."""
        book = self.session.codebook()
        items = [
            ComboItem(tag.name, tag.id, tag.color, depth, book.path(tag.id))
            for tag, depth in book.walk()
        ]
        self.tag_combo.refill("All tags", items)

    def on_session_articles_changed(self) -> None:
        """Rebuild the article list: the articles with passages first (in a corpus of
        hundreds, those the filter is for), each as the Library names it, so that two of
        one title are told apart; then the others."""
        articles = self.session.articles()
        labels = told_apart(articles)
        coded = [a for a in articles if a.annotation_count or a.orphan_count]
        others = [a for a in articles if not (a.annotation_count or a.orphan_count)]
        items = [ComboItem(labels[a.id], a.id) for a in coded + others]
        self.article_combo.refill("All articles", items)
