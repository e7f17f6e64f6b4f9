"""Small dialogs: messages, questions, the crash report, rename/remove article, coder name,
files, and the context menus of the panels. The keyboard shortcuts (F1) are
:mod:`~diptych.gui.shortcuts_box`'s."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QWidget,
)

from diptych.gui.article_commands import RemoveArticle, RenameArticle, SetSourceAddress
from diptych.gui.article_model import article_label, article_labels
from diptych.gui.bidi_cells import quoted_in_place
from diptych.gui.commands import perform
from diptych.gui.session import ProjectSession
from diptych.storage.errors import InputError
from diptych.storage.model import ArticleSummary, MemoKind
from diptych.storage.project import PROJECT_SUFFIX
from diptych.storage.wording import counted

RENAME_MIN_WIDTH = 360  # a text dialog (rename, coder), in pixels, and beyond its text's:
RENAME_MARGIN = 80  # the dialog's margins and the field's frame
CHOICE_WIDTH = 480  # a dialog choosing from a list (the tag to merge into), at least
PROJECT_FILTER = f"Diptych projects (*{PROJECT_SUFFIX});;All files (*)"


def show_message(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A non-blocking message box (the window keeps working; tests never hang on it). Text
    it gives back (typed and not saved) is in a field of its own, which scrolls (see
    :mod:`~diptych.gui.given_back_text`)."""
    typed = ""
    if "What was typed" in text:  # seldom: the module is imported then
        from diptych.gui.given_back_text import split_given_back

        text, typed = split_given_back(text)
    box = QMessageBox(icon, title, quoted_in_place(text), QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names and titles are never markup
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if typed:
        from diptych.gui.given_back_text import add_given_back

        add_given_back(box, typed)
    box.open()
    return box


def crash(parent: QWidget, summary: str, details: str, log: Path) -> QMessageBox:
    """Report an unexpected error, with the traceback under Details."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "Unexpected error",
        "Something went wrong inside Diptych. Everything saved so far is safe in the project "
        f"file.\n\n{summary}\n\nThe details were written to {log}; please include them in a "
        "bug report.",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def about(parent: QWidget) -> None:
    """The About box."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("diptych")
    except PackageNotFoundError:
        number = "development"
    QMessageBox.about(
        parent,
        "About Diptych",
        f"<h3>Diptych {number}</h3><p>Read articles side by side, tag passages from a shared "
        "codebook, write notes, and export tagged notes.</p><p>Everything is saved at once in "
        "one local project file.</p>",
    )


class _InputWidth(QObject):
    """While installed on the application, gives the input dialog shown a width, and with
    ``accepts`` greys its OK button while the text is not one it accepts."""

    def __init__(self, width: int, *, accepts: Callable[[str], bool] | None = None) -> None:
        super().__init__()
        self.width = width
        self.accepts = accepts

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QInputDialog):
            watched.setMinimumWidth(self.width)
            if (accepts := self.accepts) is not None:
                dialog = watched
                dialog.textValueChanged.connect(lambda text: _grey_ok(dialog, accepts(text)))
                _grey_ok(dialog, accepts(dialog.textValue()))
        return False


def _grey_ok(dialog: QInputDialog, enabled: bool) -> None:
    """Grey ``dialog``'s OK unless ``enabled`` (its button looked up each time: the one
    there as the dialog shows is not the one it keeps)."""
    buttons = dialog.findChild(QDialogButtonBox)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok) if buttons is not None else None
    if ok is not None:
        ok.setEnabled(enabled)


def ask_text(
    parent: QWidget,
    title: str,
    label: str,
    current: str,
    *,
    required: bool = False,
    accepts: Callable[[str], bool] | None = None,
) -> tuple[str, bool]:
    """Qt's input dialog for one line of text, in a field wide enough to show ``current``
    whole (and never narrower than a name needs); with ``required``, OK is greyed while
    the text is blank, which would otherwise close the dialog and change nothing; with
    ``accepts``, while it says the text will not do.

    Qt's input dialog is as narrow as its label: a long text showed only its end,
    scrolled into a field a few words wide.
    """
    room = parent.screen().availableGeometry().width() * 2 // 3
    needed = parent.fontMetrics().horizontalAdvance(current) + RENAME_MARGIN
    if required and accepts is None:
        accepts = _not_blank
    sizer = _InputWidth(max(RENAME_MIN_WIDTH, min(needed, room)), accepts=accepts)
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(sizer)
    try:
        return QInputDialog.getText(parent, title, label, text=current)
    finally:
        if app is not None:
            app.removeEventFilter(sizer)


def _not_blank(text: str) -> bool:
    return bool(text.strip())


def choose_item(
    parent: QWidget, title: str, label: str, items: list[str], ok_text: str
) -> tuple[str, bool]:
    """Qt's input dialog with a list to choose from, as ``QInputDialog.getItem``, whose
    OK button says what it does ("Merge"): a verb, as the desktops' guidelines ask.
    ``label`` is plain text, never markup (it may hold a tag's name)."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label.replace("&", "&&"))  # the list's label: "&D" would be Alt+D
    room = parent.screen().availableGeometry().width() * 2 // 3
    for shown in dialog.findChildren(QLabel):  # the label, made by setLabelText
        shown.setTextFormat(Qt.TextFormat.PlainText)
        shown.setWordWrap(True)  # a long tag's path named twice went past the screen's edge
    dialog.setComboBoxItems(items)
    dialog.setComboBoxEditable(False)
    dialog.setOkButtonText(ok_text)
    dialog.setMinimumWidth(min(CHOICE_WIDTH, room))
    dialog.setMaximumWidth(room)
    if (box := dialog.findChild(QComboBox)) is not None:  # as wide as the dialog, no wider
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.view().setTextElideMode(Qt.TextElideMode.ElideMiddle)
    chosen = dialog.exec() == QInputDialog.DialogCode.Accepted
    return dialog.textValue(), chosen


def _still_there(session: ProjectSession, article_id: int, what: str) -> ArticleSummary | None:
    """The article ``article_id`` as the file has it now; None, said by the title shown,
    if another window removed it since this one last looked (the views then show the
    project as it is), where "there is no article 2" reached the crash dialog."""
    shown = dict((a.id, label) for a, label in article_labels(session.articles()))
    try:
        return session.project.articles.summary(article_id=article_id)
    except InputError:
        session.show_changes_from_elsewhere()
        session.messages.info(
            f"“{shown.get(article_id, '')}” was removed, perhaps in another window, so it "
            f"cannot be {what}. The window now shows the project as it is."
        )
        return None


def rename_article(parent: QWidget, session: ProjectSession, article_id: int) -> None:
    """Ask for a new title (undoable), in a field wide enough to show it whole."""
    summary = _still_there(session, article_id, "renamed")
    if summary is None:
        return
    current = summary.title
    title, ok = ask_text(parent, "Rename article", "Title:", current, required=True)
    if ok and title.strip() and title.strip() != current:
        perform(session, RenameArticle(session, article_id, title.strip()))


def set_source_address(parent: QWidget, session: ProjectSession, article_id: int) -> None:
    """Ask for the address of the page the article was saved from (undoable); an empty
    field clears it. OK is greyed while the field holds something that is not one."""
    from diptych.storage.source_addresses import web_address  # its page reader: on use

    if _still_there(session, article_id, "given an address") is None:
        return
    current = session.project.articles.source_url(article_id=article_id)
    typed, ok = ask_text(
        parent,
        "Source address",
        SOURCE_ADDRESS_LABEL,
        current,
        accepts=lambda text: not text.strip() or bool(web_address(text)),
    )
    if ok and typed.strip() != current:
        perform(session, SetSourceAddress(session, article_id, typed.strip()))


def open_source_page(session: ProjectSession, article_id: int) -> None:
    """Open the page the article was saved from in the web browser."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from diptych.storage.source_addresses import uri_form

    address = session.project.articles.source_url(article_id=article_id)
    url = QUrl(uri_form(address), QUrl.ParsingMode.StrictMode)
    if address and not QDesktopServices.openUrl(url):
        session.messages.info(f"No web browser could open {address}.")


SOURCE_ADDRESS_LABEL = (
    "Address of the page it was saved from, beginning with https://, http:// or www.\n"
    "(the exports cite it; leave it empty for none):"
)


def remove_article(parent: QWidget, session: ProjectSession, article_id: int) -> None:
    """Confirm, then remove an article and its passages (undoable)."""
    summary = _still_there(session, article_id, "removed again")
    if summary is None:
        return
    memos = memos_on(session, [article_id])
    with_passages = going_with(summary.annotation_count, memos, its="its")
    text = (
        f"Remove “{article_label(session, article_id)}”{with_passages} from the project?"
        "\n\nYou can undo this with Ctrl+Z."
    )
    if ask_plain(parent, "Remove article", text):
        label = article_label(session, article_id)
        if perform(session, RemoveArticle(session, article_id)):
            session.messages.info(f"“{label}”{with_passages} removed — Ctrl+Z to undo")


def memos_on(session: ProjectSession, article_ids: Sequence[int]) -> int:
    """How many of the articles have a memo written on them (removed with them)."""
    chosen = set(article_ids)
    return sum(
        1
        for memo in session.project.memos.all()
        if memo.kind == MemoKind.ARTICLE and memo.target_id in chosen and memo.text.strip()
    )


def going_with(passages: int, memos: int, *, its: str) -> str:
    """What goes with the articles removed, as the question and the status line say it:
    " and its 3 passages", ", its 3 passages and its memo", " and their 2 memos" (``its``
    "": " and 2 memos"; "": nothing). The memo went unsaid, and a reader who kept notes
    in it was not warned that they went too."""
    whose = f"{its} " if its else ""
    parts = [whose + counted(passages, "passage")] if passages else []
    if memos:
        parts.append("its memo" if its == "its" else whose + counted(memos, "memo"))
    if len(parts) == 2:
        return f", {parts[0]} and {parts[1]}"
    return f" and {parts[0]}" if parts else ""


def ask_plain(parent: QWidget, title: str, text: str) -> bool:
    """A question whose text is shown as typed (titles can look like markup), answered by a
    button named for what it does: the title names the action (Remove article, Delete
    tag), its verb labels the button that does it, and the other is Cancel (Escape), so
    the answer reads without the question, where Yes and No did not."""
    box = _plain_question(parent, title, text)
    verb = title.split()[0] if title.split() else "OK"
    box.button(QMessageBox.StandardButton.Yes).setText(f"&{verb}")
    box.button(QMessageBox.StandardButton.No).setText("Cancel")
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_to_lose(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question whose Yes loses something (what the user typed, a file replaced):
    No is the default, so that Enter pressed to clear the message before it (a full disk),
    or once more after the one that asked (Export), never answers it."""
    box = _plain_question(parent, title, text)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def ask_named(parent: QWidget, title: str, text: str, *, do: str, keep: str = "Cancel") -> bool:
    """A question whose answers are buttons named for what they do: ``do`` (True) and
    ``keep`` (False, leaving things as they are), the default, so that Enter pressed for
    the message before it never does what the question warns of."""
    box = _plain_question(parent, title, text)
    box.button(QMessageBox.StandardButton.Yes).setText(do)
    box.button(QMessageBox.StandardButton.No).setText(keep)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def _plain_question(parent: QWidget, title: str, text: str) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Question, title, quoted_in_place(text),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent,
    )  # fmt: skip
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


class _KeyedMenu(QMenu):
    """A context menu whose entries' keys (``with_key``), pressed while it is open, choose
    them as Enter on them would: a popup keeps the keys from the window's shortcuts."""

    def event(self, event: QEvent) -> bool:
        # The menu is its panel's child: a key of the panel's own (F2 writing a passage's
        # note in the Passages list) would match too, and two matches choose neither.
        override = event.type() == QEvent.Type.ShortcutOverride
        if (
            override
            and isinstance(event, QKeyEvent)
            and self._entry_of(QKeySequence(event.keyCombination()))
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self._entry_of(QKeySequence(event.keyCombination()))
        if action is not None:
            self.setActiveAction(action)
            enter = Qt.Key.Key_Return
            event = QKeyEvent(QEvent.Type.KeyPress, enter, Qt.KeyboardModifier.NoModifier)
        super().keyPressEvent(event)

    def _entry_of(self, pressed: QKeySequence) -> QAction | None:
        exact = QKeySequence.SequenceMatch.ExactMatch
        for action in self.actions():
            usable = action.isEnabled() and action.isVisible() and not action.shortcut().isEmpty()
            if usable and action.shortcut().matches(pressed) == exact:
                return action
        return None


def context_menu(parent: QWidget) -> QMenu:
    """A menu to pop up once (``popup()``): closed, it is deleted with the submenus added to
    it, so that right-clicks never pile menus up under ``parent``."""
    menu = _KeyedMenu(parent)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return menu


def is_menu_key(event: QEvent) -> bool:
    """True for the keys that open a context menu: the Menu key, and Shift+F10."""
    if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
        return False
    shift = event.modifiers() == Qt.KeyboardModifier.ShiftModifier
    return event.key() == Qt.Key.Key_Menu or (shift and event.key() == Qt.Key.Key_F10)


DELETE = "Del"  # the key that deletes in the Library, the Codebook and the Passages list


def with_key(action: QAction, key: str) -> QAction:
    """``action`` of a context menu showing, beside its name, the key that does the same in
    the list the menu is of (F2, Del), so the menu teaches it; pressed while the menu is open,
    the key chooses the action. The key belongs to the menu alone (a widget shortcut), so it
    never takes the key from the list itself."""
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    return action


def ask_coder(parent: QWidget, current: str) -> str | None:
    """Ask for the coder's name; None if cancelled."""
    from diptych.storage.passage_coders import coder_as_given

    name, ok = ask_text(parent, "Coder name", "Name recorded on the passages you tag:", current)
    return coder_as_given(name) if ok else None


def choose_project_to_open(parent: QWidget, folder: Path) -> Path | None:
    """Ask for an existing project file, starting in ``folder``."""
    from diptych.gui.file_dialog_icons import names_only  # with the dialog

    with names_only():
        name, _ = QFileDialog.getOpenFileName(parent, "Open project", str(folder), PROJECT_FILTER)
    return Path(name) if name else None


def choose_new_project(parent: QWidget, folder: Path) -> Path | None:
    """Ask where to create a new project file, offering ``folder``."""
    suggested = folder / ("Untitled project" + PROJECT_SUFFIX)
    # Not "Do you want to replace it?": a project file is never replaced by an empty one
    # (the answer Yes was then refused); the refusal says to choose another name.
    from diptych.gui.file_dialog_icons import names_only  # with the dialog

    with names_only():
        name, _ = QFileDialog.getSaveFileName(
            parent,
            "New project",
            str(suggested),
            PROJECT_FILTER,
            "",
            QFileDialog.Option.DontConfirmOverwrite,
        )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() == PROJECT_SUFFIX:
        return path
    return path.with_name(path.name + PROJECT_SUFFIX)  # "Study v1.2" has a dot of its own
