"""File > Export: choose a format, a scope (articles, tags) and a grouping, then export.

The export runs in a worker with its own read-only connection to the project file, with a
progress bar and Cancel; the file is written atomically.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import Qt, Signal
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
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from diptych.gui.article_model import article_labels
from diptych.gui.dialogs import ask_plain
from diptych.gui.note_html import text_to_html
from diptych.gui.session import ProjectSession
from diptych.gui.settings import ExportChoices, Settings, folder_or_documents, is_folder
from diptych.gui.tag_colors import color_icon
from diptych.gui.workers import Progress, Worker, Workers
from diptych.storage.errors import Cancelled
from diptych.storage.exporting import (
    FORMATS,
    ExportOptions,
    export_notes,
    export_project,
    format_of,
)
from diptych.storage.files import write_atomically
from diptych.storage.project import Project

ID_ROLE = Qt.ItemDataRole.UserRole + 1
DEPTH_ROLE = Qt.ItemDataRole.UserRole + 2
UNTAGGED = 0  # the tag list's last item, passages without a tag (no tag has id 0)
UNTAGGED_LABEL = "Untagged passages"
GROUPED_FORMATS = frozenset({"md", "csv", "html"})  # the writers that read the grouping
CODEBOOK_FORMATS = frozenset({"qdc"})  # tags alone: no article, no passage


def export_job(
    project_path: Path, fmt: str, options: ExportOptions, output: Path
) -> Callable[[Progress], tuple[Path, int, tuple[str, ...]]]:
    """The worker's job: read the project on its own connection, export, write the file.

    It returns the file, its size, and the export's notes for the user.
    """

    def job(progress: Progress) -> tuple[Path, int, tuple[str, ...]]:
        notes: list[str] = []
        with Project.open(project_path, read_only=True) as project:
            data = export_project(project, fmt=fmt, options=options, progress=progress, notes=notes)
        if not progress(1, 1):  # cancelled after the last report: still nothing written
            raise Cancelled
        write_atomically(output, data)
        return output, len(data), tuple(notes)

    return job


def free_path(folder: Path, name: str, suffix: str) -> Path:
    """``folder/name.suffix``, or ``name (2).suffix``... if that exists: nothing is
    replaced without asking."""
    candidate = folder / f"{name}{suffix}"
    number = 2
    while candidate.exists():  # a folder of that name would not be written either
        candidate = folder / f"{name} ({number}){suffix}"
        number += 1
    return candidate


def not_a_folder(path: Path) -> str:
    """Why ``path``, which :func:`is_folder` refused, cannot hold the export."""
    try:
        return "is a file, not a folder" if path.exists() else "does not exist"
    except OSError as exc:
        return f"cannot be looked at ({exc.strerror or exc})"


def has_file_type(path: Path) -> bool:
    """True if ``path`` ends with a file type of the user's own (``.md``, ``.txt``): a
    letter after its last dot, and no space. A dot of the name's own, after a number
    ("Report 2024.03") or an abbreviation ("Notes on U.S. policy"), ends none."""
    suffix = path.suffix
    return any(c.isalpha() for c in suffix) and not any(c.isspace() for c in suffix)


class CheckList(QListWidget):
    """A list of checkable items, all checked at first, indented by depth.

    Checking or unchecking an item does the same to the items below it (a tag's
    sub-tags), which can then be checked or unchecked one by one.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._cascading = False
        self.itemChanged.connect(self.on_item_changed)

    def add(
        self,
        label: str,
        item_id: int,
        color: str | None = None,
        depth: int = 0,
        path: str = "",
        *,
        tip: str = "",
    ) -> None:
        """Add one checked item; ``path`` is what a screen reader reads for it (the
        indenting that shows a sub-tag's place is not heard), ``tip`` its tooltip (the
        label if empty)."""
        item = QListWidgetItem(("    " * depth) + label)  # made whole, then added: no
        item.setToolTip(text_to_html(tip or label))  # itemChanged for each of its settings
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        item.setData(ID_ROLE, item_id)
        item.setData(DEPTH_ROLE, depth)
        if path:
            item.setData(Qt.ItemDataRole.AccessibleTextRole, path)
        if color:
            item.setIcon(color_icon(color))
        self.addItem(item)

    def checked(self) -> tuple[int, ...] | None:
        """Ids of the checked items; None when all are checked (no restriction)."""
        ids = [self.item(i).data(ID_ROLE) for i in range(self.count())]
        chosen = tuple(
            int(i)
            for row, i in enumerate(ids)
            if self.item(row).checkState() == Qt.CheckState.Checked
        )
        return None if len(chosen) == len(ids) else chosen

    def on_item_changed(self, item: QListWidgetItem) -> None:
        """Give the items below ``item`` its check state."""
        if self._cascading:
            return
        depth, state = item.data(DEPTH_ROLE), item.checkState()
        self._cascading = True
        try:
            for row in range(self.row(item) + 1, self.count()):
                below = self.item(row)
                if below.data(DEPTH_ROLE) <= depth:
                    break
                below.setCheckState(state)
        finally:
            self._cascading = False

    def set_all(self, checked: bool) -> None:
        """Check or uncheck every item."""
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.count()):
            self.item(row).setCheckState(state)


class ExportDialog(QDialog):
    """Choose what to export, where, and run it.

    Choosing a format gives the file name its suffix; a file name typed or browsed with
    another format's suffix (``notes.csv``) chooses that format.

    The format, grouping, Untagged passages and folder of the last export written are
    offered first, in this window and the windows opened after it; every article and tag
    is checked afresh (a choice of them is one project's own).

    Args:
        session: the open project.
        workers: where the export runs.
        settings: where the last export's choices are kept; without it, Markdown, By tag
            and Documents are offered, and nothing is kept.

    Signals:
        exported(str, int): the file written and its size in bytes.
    """

    exported = Signal(str, int)

    def __init__(
        self,
        session: ProjectSession,
        workers: Workers,
        parent: QWidget | None = None,
        *,
        confirm: Callable[[QWidget, str, str], bool] | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.confirm = confirm or ask_plain
        self.settings = settings
        last = settings.export_choices() if settings is not None else ExportChoices()
        self._confirmed: Path | None = None  # a path the user agreed to replace
        self._following_name = False  # the format is changing to match the file name
        # Where a bare file name is saved: the folder of the last export, else Documents,
        # as for an import.
        self._folder = folder_or_documents(last.folder)
        self._running: ExportChoices | None = None  # the choices of the export under way
        self._suggested: str | None = None  # the file name last suggested, if any
        self.session = session
        self.workers = workers
        self.worker: Worker | None = None
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
        self.output.textChanged.connect(self.on_output_text_changed)
        browse.clicked.connect(self.on_browse_clicked)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.on_cancel_clicked)
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
        notes = export_notes(self.codebook, self.fmt())
        self.qualcoder.setText("\n".join(notes))
        self.qualcoder.setVisible(bool(notes))
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

    def _is_project_file(self, output: Path) -> bool:
        project = self.session.project.path
        files = [project, *(project.with_name(project.name + end) for end in ("-wal", "-shm"))]
        return any(output.exists() and f.exists() and output.samefile(f) for f in files)

    def start(self) -> None:
        """Run the export in the background."""
        output = self.destination()
        if not self.output.text().strip():
            self.session.messages.error("Choose where to save the export.", "Export")
            return
        if not is_folder(output.parent):  # said now, not once the whole export has run
            self.session.messages.error(
                f"{output}: cannot be written: {output.parent} {not_a_folder(output.parent)}. "
                "Choose an existing folder (Browse… shows them).",
                "Export",
            )
            return
        if self._is_project_file(output):
            self.session.messages.error(
                f"{output} is the project file open in this window; an export must not "
                "replace it. Choose another name or folder for the export.",
                "Export",
            )
            return
        options = self.options()
        if self.fmt() in CODEBOOK_FORMATS and options.tag_ids == ():  # untagged: no tag
            self.session.messages.error("Choose at least one tag for the codebook.", "Export")
            return
        nothing = options.tag_ids == () and not options.untagged
        if options.article_ids == () or nothing:  # said before asking to replace a file
            self.session.messages.error(
                "Choose at least one article, and one tag or Untagged passages, to export.",
                "Export",
            )
            return
        if output.is_file() and output != self._confirmed:
            question = f"{output} already exists. Replace it with this export?"
            if not self.confirm(self, "Export", question):
                return
        self.export_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        job = export_job(self.session.project.path, self.fmt(), options, output)
        self._running = self.choices(output)  # as chosen, whatever is changed meanwhile
        self.worker = worker = self.workers.start(job)
        worker.signals.progressed.connect(self.on_worker_progressed)
        worker.signals.finished.connect(self.on_worker_finished)
        worker.signals.failed.connect(self.on_worker_failed)
        worker.signals.crashed.connect(self.on_worker_crashed)
        worker.signals.cancelled.connect(self.on_worker_cancelled)

    def on_worker_progressed(self, done: int, total: int) -> None:
        """Move the progress bar."""
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def on_worker_finished(self, result: tuple[Path, int, tuple[str, ...]]) -> None:
        """Report the file written, and in a message box what the user should know about
        it (CSV rows holding a text cut short to fit a spreadsheet cell); close."""
        path, size, notes = result
        self.worker = None
        if self.settings is not None and self._running is not None:
            self.settings.set_export_choices(self._running)
        done = f"Exported to {path} ({size:,} bytes)."
        self.session.messages.info(done)
        if notes:
            self.session.messages.warning("\n\n".join((done, *notes)), "Export")
        self.exported.emit(str(path), size)
        self.accept()

    def on_worker_failed(self, message: str) -> None:
        """Show why the export failed; the dialog stays open to try again."""
        self._stopped()
        self.session.messages.error(message, "Export")

    def on_worker_crashed(self, _summary: str, _details: str) -> None:
        """A bug stopped the export (the workers report it): the dialog stays open."""
        self._stopped()

    def on_worker_cancelled(self) -> None:
        """The export stopped; nothing was written."""
        self._stopped()
        self.session.messages.info("Export cancelled; nothing was written.")

    def _stopped(self) -> None:
        """The export ended without a file: ready to try again."""
        self.worker = None
        self.export_button.setEnabled(True)
        self.progress.hide()
        if self.focusWidget() is self.cancel_button:
            # Turned off while it ran, Export passed its focus to Cancel: Enter to try
            # again would have closed the dialog.
            self.export_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_cancel_clicked(self) -> None:
        """Cancel a running export, or close the dialog."""
        if self.worker is not None:
            self.worker.cancel()
        else:
            self.reject()

    def reject(self) -> None:
        """Closing the dialog (Esc, the title bar) also stops a running export."""
        if self.worker is not None:
            self.worker.cancel()
            self.worker = None
        super().reject()
