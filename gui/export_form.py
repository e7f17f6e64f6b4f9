"""The export dialog's form: what to export (format, articles, tags, grouping) and where
to save it, offered as the last export chose them; the Save to field keeps in step with
the format (:mod:`~diptych.gui.export_save_to`)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from diptych.gui.article_model import article_labels
from diptych.gui.check_list import CheckList
from diptych.gui.dialog_buttons import dress_as_standard
from diptych.gui.dialog_fit import resize_within_screen
from diptych.gui.export_save_to import ExportSaveTo
from diptych.gui.hint_label import show_as_hint
from diptych.gui.session import ProjectSession
from diptych.gui.settings import ExportChoices, Settings, folder_or_documents
from diptych.storage.exporting import ExportOptions, export_notes
from diptych.storage.sample import file_given

UNTAGGED = 0  # the tag list's last item, passages without a tag (no tag has id 0)
UNTAGGED_LABEL = "Untagged passages"
UNTAGGED_LEFT_OUT = "Untagged passages are left out: tick them at the end of the Tags list."
GROUPED_FORMATS = frozenset({"md", "csv", "html"})  # the writers that read the grouping
BLOCK_ID_FORMATS = frozenset({"md"})
CODEBOOK_FORMATS = frozenset({"qdc"})  # tags alone: no article, no passage


class ExportForm(ExportSaveTo):
    """The export dialog's form: the format, the articles and tags to include, the grouping
    and where to save, and the Export and Cancel buttons, which
    :class:`~diptych.gui.export_dialog.ExportDialog` runs.

    Choosing a format gives the file name its suffix; a file name typed or browsed with
    another format's suffix (``notes.csv``) chooses that format.

    The format, grouping, block ids and folder of the last export written are offered
    first, in this window and the windows opened after it; every article and tag, and
    Untagged passages, is checked afresh (a choice of them is one project's own), and a
    line under the lists says when untagged passages are left out.

    Args:
        session: the open project.
        settings: where the last export's choices are kept; without it, Markdown, By tag
            and Documents are offered.
        first_folder: where to save when no export was written yet (the project's
            folder), else Documents.
    """

    def __init__(
        self,
        session: ProjectSession,
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
        first_folder: Path | None = None,
    ) -> None:
        last = settings.export_choices() if settings is not None else ExportChoices()
        # Where a bare file name is saved: the folder of the last export, else the
        # project's (the brief goes beside the project), else Documents.
        super().__init__(session, folder_or_documents(last.folder or first_folder), parent)
        self.settings = settings
        self.setWindowTitle("Export tagged notes")
        self.articles = CheckList(self)
        for article, label in article_labels(session.articles()):
            # The tooltip names the file too, as the Library's does (none for the sample's).
            tip = f"{article.title}\n{file_given(article.source_name)}".strip()
            self.articles.add(label, article.id, tip=tip)
        self.tags = CheckList(self)
        codebook = session.codebook()
        for tag, depth in codebook.walk():
            self.tags.add(tag.name, tag.id, tag.color, depth, codebook.path(tag.id))
        self.tags.add(UNTAGGED_LABEL, UNTAGGED, path=UNTAGGED_LABEL)  # last: no tag at all
        untagged = self.tags.item(self.tags.count() - 1)
        font = untagged.font()
        font.setItalic(True)
        untagged.setFont(font)
        # Each field has a key of its own (Alt and the underlined letter), as the menus do.
        self.by_tag = QRadioButton("By ta&g", self)
        self.by_article = QRadioButton("By a&rticle", self)
        group = QButtonGroup(self)
        group.addButton(self.by_tag)
        group.addButton(self.by_article)
        # Off unless asked for: other Markdown readers show each id as a line of text.
        self.block_ids = QCheckBox("Block &ids for Obsidian links", self)
        self.block_ids.setToolTip(
            "Mark each quote with an id (^…) that Obsidian links to;"
            " other Markdown readers show the ids as text"
        )
        self._offer(last)
        self.codebook = codebook
        # Unticked, Untagged passages is one row of a long list: said where it shows.
        self.untagged_note = QLabel(UNTAGGED_LEFT_OUT, self, wordWrap=True)
        self.untagged_note.setObjectName("untaggedLeftOut")
        self.untagged_note.hide()
        self.qualcoder = QLabel(self, wordWrap=True)
        self.qualcoder.setObjectName("qualcoderNote")
        self.qualcoder.setTextFormat(Qt.TextFormat.PlainText)  # tag names are never markup
        self.qualcoder.hide()
        # What is still to choose before Export can run: a plain hint, not an error.
        self.choice_hint = QLabel(self, wordWrap=True)
        self.choice_hint.setObjectName("exportChoiceHint")
        show_as_hint(self.choice_hint)
        self.choice_hint.hide()
        self.exporting = False  # True while an export runs (Export stays greyed)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            "&Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        dress_as_standard(self.export_button, QStyle.StandardPixmap.SP_DialogSaveButton)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self._lay_out()
        self.format.currentIndexChanged.connect(self.on_format_current_index_changed)
        self.tags.checks_changed.connect(self.on_tags_checks_changed)
        self.articles.checks_changed.connect(self.offer_export)
        self.output.textChanged.connect(self.offer_export)
        self.on_format_current_index_changed()

    def _lay_out(self) -> None:
        scope = QHBoxLayout()
        in_tab_order: list[QWidget] = [self.format]  # as seen: top down, left to right
        # Named for a screen reader: the headings are no buddies, and "All" says not of what.
        self.output.setAccessibleName("Save to")
        for title, widget in (("Articles", self.articles), ("Tags", self.tags)):
            widget.setAccessibleName(f"{title} to include")
            column = QVBoxLayout()
            column.setContentsMargins(0, 0, 0, 0)  # lined up with the fields above and below
            row = QHBoxLayout()
            row.addWidget(self._heading(f"&{title}", widget), 1)
            for text, state in (("All", True), ("None", False)):
                button = QPushButton(text, self)
                button.setAccessibleName(f"Include {'all' if state else 'no'} {title.lower()}")
                button.clicked.connect(lambda _=False, w=widget, s=state: w.set_all(s))
                row.addWidget(button)
                in_tab_order.append(button)
            in_tab_order.append(widget)
            column.addLayout(row)
            column.addWidget(widget)
            if widget is self.tags:
                column.addWidget(self.untagged_note)
            holder = QWidget(self)
            holder.setLayout(column)
            holder.setToolTip(f"{title} to include")
            # Titles are long and tag names short: the articles take more of the width.
            scope.addWidget(holder, 3 if widget is self.articles else 2)
            if widget is self.articles:
                self.article_scope = holder
        grouping = QHBoxLayout()
        grouping.addWidget(self.by_tag)
        grouping.addWidget(self.by_article)
        grouping.addStretch(1)
        where = QHBoxLayout()
        where.addWidget(self.output, 1)
        where.addWidget(self.browse)
        form = QFormLayout(self)
        form.addRow("&Format", self.format)  # each label the buddy of its field
        form.addRow("Include", scope)
        form.addRow("Group passages", grouping)
        markdown = QHBoxLayout()
        markdown.addWidget(self.block_ids)
        markdown.addStretch(1)
        form.addRow("Markdown", markdown)
        form.addRow(self._label("&Save to", self.output), where)
        form.addRow(self.qualcoder)
        form.addRow(self.choice_hint)
        form.addRow(self.progress)
        form.addRow(self.buttons)
        resize_within_screen(self, 720, 520)
        in_tab_order += [self.by_tag, self.by_article, self.block_ids, self.output, self.browse]
        for before, after in pairwise(in_tab_order):
            QWidget.setTabOrder(before, after)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        """A label whose key (Alt and its underlined letter) moves the keyboard to
        ``buddy``, which a screen reader reads it with."""
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setBuddy(buddy)
        return label

    def _heading(self, text: str, buddy: QWidget) -> QLabel:
        """A bold :meth:`_label` over a list."""
        heading = self._label(text, buddy)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        return heading

    def _offer(self, last: ExportChoices) -> None:
        """Offer the last export's format, grouping and block ids; a format no longer
        known leaves Markdown offered."""
        index = self.format.findData(last.fmt)
        if index >= 0:
            self.format.setCurrentIndex(index)
        self.by_article.setChecked(last.group_by == "article")
        self.by_tag.setChecked(last.group_by != "article")
        self.block_ids.setChecked(last.block_ids)

    def choices(self, output: Path) -> ExportChoices:
        """The choices to offer again after an export to ``output``."""
        return ExportChoices(
            fmt=self.fmt(),
            group_by="article" if self.by_article.isChecked() else "tag",
            block_ids=self.block_ids.isChecked(),
            folder=output.parent,
        )

    def options(self) -> ExportOptions:
        """The chosen scope and grouping."""
        checked = self.tags.checked()
        return ExportOptions(
            article_ids=None if self.fmt() in CODEBOOK_FORMATS else self.articles.checked(),
            tag_ids=None if checked is None else tuple(t for t in checked if t != UNTAGGED),
            include_subtags=False,  # each sub-tag has its own check box
            group_by="article" if self.by_article.isChecked() else "tag",
            include_untagged=None if checked is None else UNTAGGED in checked,
            block_ids=self.block_ids.isChecked() and self.fmt() in BLOCK_ID_FORMATS,
            coder=self.session.coder,  # the REFI-QDA project's maker, when they coded
        )

    def on_format_current_index_changed(self, *_args: object) -> None:
        """Suggest a file name with the format's suffix; for REFI-QDA, say what QualCoder
        would make of tags that share a name."""
        self.on_tags_checks_changed()
        self._offer_what_applies()
        self.suggest_name()

    def on_tags_checks_changed(self) -> None:
        """For REFI-QDA, name the tags the file would hold (those checked, with their
        parents) that share a name: what QualCoder would make of them."""
        notes = export_notes(self.codebook, self.fmt(), self.options())
        self.qualcoder.setText("\n".join(notes))
        self.qualcoder.setVisible(bool(notes))
        options = self.options()
        holds_passages = self.fmt() not in CODEBOOK_FORMATS
        left_out = not options.untagged and options.tag_ids != ()  # none: choice_hint says
        self.untagged_note.setVisible(holds_passages and left_out)
        self.offer_export()

    def choice_missing(self) -> str:
        """What is still to choose before the export can run (empty: nothing)."""
        if not self.output.text().strip():
            return "Choose where to save the export."
        options = self.options()
        if self.fmt() in CODEBOOK_FORMATS:  # Untagged passages is no tag
            return "Choose at least one tag for the codebook." if options.tag_ids == () else ""
        if options.article_ids == () or (options.tag_ids == () and not options.untagged):
            return "Choose at least one article, and one tag or Untagged passages, to export."
        return ""

    def offer_export(self) -> None:
        """Export is offered once there is something to export and a place to save it,
        and no export runs; until then a hint says what to choose (a choice still to make
        is no error to be told off for in a box)."""
        missing = self.choice_missing()
        self.choice_hint.setText(missing)
        self.choice_hint.setVisible(bool(missing))
        self.export_button.setToolTip(missing)
        self.export_button.setEnabled(not missing and not self.exporting)

    def _offer_what_applies(self) -> None:
        """Grouping only for the formats that group passages, block ids only for Markdown,
        and the articles and Untagged passages only for those that hold passages: choosing
        By article for a JSON file, or no article for a codebook, changed nothing, or
        refused the export for no reason."""
        fmt, label = self.fmt(), self.format.currentText()
        grouped = fmt in GROUPED_FORMATS
        for button in (self.by_tag, self.by_article):
            button.setEnabled(grouped)
            button.setToolTip("" if grouped else f"A {label} file is not grouped")
        self.block_ids.setEnabled(fmt in BLOCK_ID_FORMATS)
        articles = fmt not in CODEBOOK_FORMATS
        self.article_scope.setEnabled(articles)
        self.article_scope.setToolTip(
            "Articles to include" if articles else "A codebook holds the tags alone"
        )
        untagged = self.tags.item(self.tags.count() - 1)  # no passage in a codebook either
        enabled = Qt.ItemFlag.ItemIsEnabled
        untagged.setFlags(untagged.flags() | enabled if articles else untagged.flags() & ~enabled)
