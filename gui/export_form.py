"""The export dialog's form: what to export (format, articles, tags, grouping) and where
to save it, offered as the last export chose them; the Save to field keeps in step with
the format."""

from __future__ import annotations

import os
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from diptych.gui.article_model import article_labels
from diptych.gui.check_list import CheckList
from diptych.gui.export_destination import free_path, has_file_type
from diptych.gui.session import ProjectSession
from diptych.gui.settings import ExportChoices, Settings, folder_or_documents, is_folder
from diptych.storage.exporting import FORMATS, ExportOptions, export_notes, format_of

UNTAGGED = 0  # the tag list's last item, passages without a tag (no tag has id 0)
UNTAGGED_LABEL = "Untagged passages"
GROUPED_FORMATS = frozenset({"md", "csv", "html"})  # the writers that read the grouping
CODEBOOK_FORMATS = frozenset({"qdc"})  # tags alone: no article, no passage


class ExportForm(QDialog):
    """The export dialog's form: the format, the articles and tags to include, the grouping
    and where to save, and the Export and Cancel buttons, which
    :class:`~diptych.gui.export_dialog.ExportDialog` runs.

    Choosing a format gives the file name its suffix; a file name typed or browsed with
    another format's suffix (``notes.csv``) chooses that format.

    The format, grouping, Untagged passages and folder of the last export written are
    offered first, in this window and the windows opened after it; every article and tag
    is checked afresh (a choice of them is one project's own).

    Args:
        session: the open project.
        settings: where the last export's choices are kept; without it, Markdown, By tag
            and Documents are offered.
    """

    def __init__(
        self,
        session: ProjectSession,
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        last = settings.export_choices() if settings is not None else ExportChoices()
        self._confirmed: Path | None = None  # a path the user agreed to replace
        self._following_name = False  # the format is changing to match the file name
        # Where a bare file name is saved: the folder of the last export, else Documents,
        # as for an import.
        self._folder = folder_or_documents(last.folder)
        self._suggested: str | None = None  # the file name last suggested, if any
        self.session = session
        self.setWindowTitle("Export tagged notes")
        self.format = QComboBox(self)
        for key, fmt in FORMATS.items():
            self.format.addItem(f"{fmt.label} ({fmt.suffix})", key)
        self.articles = CheckList(self)
        for article, label in article_labels(session.articles()):
            # The tooltip names the file too, as the Library's does.
            tip = f"{article.title}\n{article.source_name}".strip()
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
        self.by_tag = QRadioButton("By tag", self)
        self.by_article = QRadioButton("By article", self)
        group = QButtonGroup(self)
        group.addButton(self.by_tag)
        group.addButton(self.by_article)
        self._offer(last)
        self.output = QLineEdit(self)
        browse = QPushButton("Browse…", self)
        self.codebook = codebook
        self.qualcoder = QLabel(self, wordWrap=True)
        self.qualcoder.setObjectName("qualcoderNote")
        self.qualcoder.setTextFormat(Qt.TextFormat.PlainText)  # tag names are never markup
        self.qualcoder.hide()
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self._lay_out(browse)
        self.format.currentIndexChanged.connect(self.on_format_current_index_changed)
        self.tags.checks_changed.connect(self.on_tags_checks_changed)
        self.output.textChanged.connect(self.on_output_text_changed)
        browse.clicked.connect(self.on_browse_clicked)
        self.on_format_current_index_changed()

    def _lay_out(self, browse: QPushButton) -> None:
        scope = QHBoxLayout()
        in_tab_order: list[QWidget] = [self.format]  # as seen: top down, left to right
        # Named for a screen reader: the headings are no buddies, and "All" says not of what.
        self.output.setAccessibleName("Save to")
        for title, widget in (("Articles", self.articles), ("Tags", self.tags)):
            widget.setAccessibleName(f"{title} to include")
            column = QVBoxLayout()
            column.setContentsMargins(0, 0, 0, 0)  # lined up with the fields above and below
            row = QHBoxLayout()
            row.addWidget(QLabel(f"<b>{title}</b>", self), 1)
            for text, state in (("All", True), ("None", False)):
                button = QPushButton(text, self)
                button.setAccessibleName(f"Include {'all' if state else 'no'} {title.lower()}")
                button.clicked.connect(lambda _=False, w=widget, s=state: w.set_all(s))
                row.addWidget(button)
                in_tab_order.append(button)
            in_tab_order.append(widget)
            column.addLayout(row)
            column.addWidget(widget)
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
        where.addWidget(browse)
        form = QFormLayout(self)
        form.addRow("Format", self.format)
        form.addRow("Include", scope)
        form.addRow("Group passages", grouping)
        form.addRow("Save to", where)
        form.addRow(self.qualcoder)
        form.addRow(self.progress)
        form.addRow(self.buttons)
        self.resize(720, 520)
        in_tab_order += [self.by_tag, self.by_article, self.output, browse]
        for before, after in pairwise(in_tab_order):
            QWidget.setTabOrder(before, after)

    def _offer(self, last: ExportChoices) -> None:
        """Offer the last export's format, grouping and Untagged passages; a format no
        longer known leaves Markdown offered."""
        index = self.format.findData(last.fmt)
        if index >= 0:
            self.format.setCurrentIndex(index)
        self.by_article.setChecked(last.group_by == "article")
        self.by_tag.setChecked(last.group_by != "article")
        if not last.include_untagged:
            self.tags.item(self.tags.count() - 1).setCheckState(Qt.CheckState.Unchecked)

    def choices(self, output: Path) -> ExportChoices:
        """The choices to offer again after an export to ``output``."""
        untagged = self.tags.item(self.tags.count() - 1).checkState() == Qt.CheckState.Checked
        return ExportChoices(
            fmt=self.fmt(),
            group_by="article" if self.by_article.isChecked() else "tag",
            include_untagged=untagged,
            folder=output.parent,
        )

    def fmt(self) -> str:
        """The chosen format's key."""
        return str(self.format.currentData())

    def options(self) -> ExportOptions:
        """The chosen scope and grouping."""
        checked = self.tags.checked()
        return ExportOptions(
            article_ids=None if self.fmt() in CODEBOOK_FORMATS else self.articles.checked(),
            tag_ids=None if checked is None else tuple(t for t in checked if t != UNTAGGED),
            include_subtags=False,  # each sub-tag has its own check box
            group_by="article" if self.by_article.isChecked() else "tag",
            include_untagged=None if checked is None else UNTAGGED in checked,
        )

    def on_format_current_index_changed(self, *_args: object) -> None:
        """Suggest a file name with the format's suffix; for REFI-QDA, say what QualCoder
        would make of tags that share a name."""
        self.on_tags_checks_changed()
        self._offer_what_applies()
        if self._following_name:
            return
        suffix = FORMATS[self.fmt()].suffix
        current = self.output.text().strip()
        if current and self._names_folder(current):
            return  # a folder typed: the file goes in it, whatever its format
        if current and current != self._suggested:
            path = Path(current)
            if has_file_type(path):  # a file type (.md, .txt): replaced
                path = path.with_suffix("")
            # A dot of the name's own ("Report 2024.03", "U.S. policy") stays.
            self.output.setText(str(path.with_name(path.name.rstrip(".") + suffix)))
        else:
            # The name suggested for the previous format is suggested afresh: "Sample
            # project (2).md" beside an earlier Markdown export is "Sample project.html".
            name = self.session.project.info().name or "Diptych export"
            self._suggested = str(free_path(self._folder, name, suffix))
            self.output.setText(self._suggested)

    def on_tags_checks_changed(self) -> None:
        """For REFI-QDA, name the tags the file would hold (those checked, with their
        parents) that share a name: what QualCoder would make of them."""
        notes = export_notes(self.codebook, self.fmt(), self.options())
        self.qualcoder.setText("\n".join(notes))
        self.qualcoder.setVisible(bool(notes))

    def _offer_what_applies(self) -> None:
        """Grouping only for the formats that group passages, and the articles and
        Untagged passages only for those that hold passages: choosing By article for a
        JSON file, or no article for a codebook, changed nothing, or refused the export
        for no reason."""
        fmt, label = self.fmt(), self.format.currentText()
        grouped = fmt in GROUPED_FORMATS
        for button in (self.by_tag, self.by_article):
            button.setEnabled(grouped)
            button.setToolTip("" if grouped else f"A {label} file is not grouped")
        articles = fmt not in CODEBOOK_FORMATS
        self.article_scope.setEnabled(articles)
        self.article_scope.setToolTip(
            "Articles to include" if articles else "A codebook holds the tags alone"
        )
        untagged = self.tags.item(self.tags.count() - 1)  # no passage in a codebook either
        enabled = Qt.ItemFlag.ItemIsEnabled
        untagged.setFlags(untagged.flags() | enabled if articles else untagged.flags() & ~enabled)

    def on_output_text_changed(self, text: str) -> None:
        """A file name ending in another format's suffix (``notes.csv``) chooses that format.

        The folder of a whole path is kept for a bare name typed next.
        """
        path = Path(text.strip()).expanduser()
        if path.is_absolute():
            self._folder = path.parent
        key = format_of(text)
        if key is None or key == self.fmt():
            return
        self._following_name = True
        try:
            self.format.setCurrentIndex(self.format.findData(key))
        finally:
            self._following_name = False

    def on_browse_clicked(self) -> None:
        """Choose where to save. A name chosen without a file type gets the format's, as a
        typed one does; a file type of the user's own (``notes.txt``) is kept."""
        fmt = FORMATS[self.fmt()]
        kinds = f"{fmt.label} (*{fmt.suffix})"
        name, _ = QFileDialog.getSaveFileName(self, "Export to", self.output.text(), kinds)
        if not name:
            return
        chosen = name if has_file_type(Path(name)) else name + fmt.suffix
        self.output.setText(chosen)
        # The file dialog asked about replacing the file it named; a file the suffix
        # added names ("report" chosen, "report.html" there) is asked about on Export.
        self._confirmed = Path(chosen) if chosen == name else None

    def destination(self) -> Path:
        """The file to write: a bare name (``notes.md``) goes in the folder the dialog
        showed last, not wherever the program happened to be started from.

        A name typed without a file type (``notes``, ``Report 2024.03``, ``U.S. policy``)
        gets the format's, as a browsed one does: without it, no program would open the
        file with a double click. A file type of the user's own (``notes.txt``) is kept.
        A folder typed (``~/exports/``, or the name of one that exists, without a file
        type) gets the file, under the name offered, inside it.
        """
        typed = self.output.text().strip()
        path = self._folder / Path(typed).expanduser()
        if self._names_folder(typed):
            # A folder ("~/exports/"): the export goes in it, under the name offered,
            # never beside it as "exports.md".
            name = self.session.project.info().name or "Diptych export"
            return free_path(path, name, FORMATS[self.fmt()].suffix)
        if has_file_type(path):
            return path
        return path.with_name(path.name.rstrip(".") + FORMATS[self.fmt()].suffix)  # "notes."

    def _names_folder(self, typed: str) -> bool:
        """True if ``typed`` is a folder to save in: it ends with a slash, or names a
        folder that exists and has no file type (a folder named like a file, "notes.csv",
        is refused as the file's place: taken for the file, not a folder to fill)."""
        path = self._folder / Path(typed).expanduser()
        return typed.endswith(("/", os.sep)) or (is_folder(path) and not has_file_type(path))
