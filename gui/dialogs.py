"""Small dialogs: messages, questions, the crash report, rename/remove article, coder name,
files, and the context menus of the panels."""

from __future__ import annotations

from math import ceil
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QGridLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QStyle,
    QTextBrowser,
    QWidget,
)

from diptych.gui.article_commands import RemoveArticle, RenameArticle
from diptych.gui.article_model import article_label
from diptych.gui.commands import perform
from diptych.gui.session import ProjectSession
from diptych.storage.project import PROJECT_SUFFIX
from diptych.storage.wording import counted

RENAME_MIN_WIDTH = 360  # a text dialog (rename, coder), in pixels, and beyond its text's:
RENAME_MARGIN = 80  # the dialog's margins and the field's frame
SHORTCUTS_WIDTH = 460  # the list of shortcuts, in pixels
# The height of the shortcuts box beyond its list (margins, the OK button, a title bar).
SHORTCUTS_CHROME = 140
PROJECT_FILTER = f"Diptych projects (*{PROJECT_SUFFIX});;All files (*)"

SHORTCUTS = """
<table cellpadding=3>
<tr><td><b>1</b> … <b>9</b></td><td>Tag the selected text with the first nine tags</td></tr>
<tr><td><b>Ctrl+T</b></td>
    <td>Tag palette: type to filter, <b>Up</b> / <b>Down</b> (<b>Page Up</b> /
    <b>Page Down</b>: a listful) choose, Enter applies, a new name creates a tag
    (a path such as Economy/Tariffs creates it under Economy)</td></tr>
<tr><td><b>Ctrl+Z</b> / <b>Ctrl+Shift+Z</b></td>
    <td>Undo / redo any tagging, note or tag change</td></tr>
<tr><td><b>Ctrl+F</b>, <b>F3</b> / <b>Shift+F3</b>, <b>Esc</b></td>
    <td>Find in the article, next / previous match, close Find</td></tr>
<tr><td><b>Ctrl+Shift+F</b>, <b>Down</b>, <b>Enter</b></td>
    <td>Search the project, go to the results, open one (its words selected)</td></tr>
<tr><td><b>Del</b> in an article or the passages list</td><td>Delete the selected passage</td></tr>
<tr><td><b>Ctrl++</b> / <b>Ctrl+-</b> / <b>Ctrl+0</b></td><td>Zoom the current pane</td></tr>
<tr><td><b>Ctrl+Alt+N</b> / <b>Ctrl+W</b></td><td>New pane / close pane</td></tr>
<tr><td><b>Ctrl+Tab</b> / <b>Ctrl+Shift+Tab</b></td>
    <td>Next / previous pane (from a panel: back to the current pane)</td></tr>
<tr><td><b>Enter</b> on a highlight</td><td>Select its passage (tags and note)</td></tr>
<tr><td><b>F8</b> / <b>Shift+F8</b></td>
    <td>Select the next / previous passage in the article</td></tr>
<tr><td><b>Ctrl+F8</b> / <b>Ctrl+Shift+F8</b></td>
    <td>Select the next / previous passage with the selected passage's tag</td></tr>
<tr><td><b>F2</b> in an article or the passages list</td>
    <td>Write the note of the passage outlined in the article and in view, or of the one
    chosen in the list; <b>Esc</b> saves it and goes back to where you were (<b>Tab</b>
    types a tab in a note)</td></tr>
<tr><td><b>Shift+F10</b> in an article</td>
    <td>The menu of the selection or the passage at the cursor (tag with, remove a tag,
    delete; with text selected over the selected passage, <i>Fit passage … to the
    selection</i>; with an orphan selected, <i>Re-attach passage … to the
    selection</i>)</td></tr>
<tr><td><b>F2</b> / <b>Del</b> in the Library or the Codebook</td>
    <td>Rename / remove the selected article; edit / delete the selected tag</td></tr>
<tr><td><b>Enter</b> / <b>Shift+Enter</b> in the Library</td>
    <td>Open the selected article / open it beside (from the filter: the first match;
    <b>Down</b> goes to the matches)</td></tr>
<tr><td><b>Ctrl+click</b>, <b>Shift+click</b>, <b>Shift+arrows</b>, <b>Ctrl+A</b> in the
    Library</td>
    <td>Select several articles: <b>Del</b> removes them all, <b>Enter</b> /
    <b>Shift+Enter</b> opens each beside</td></tr>
<tr><td><b>Down</b> / <b>Enter</b> in the Passages filter</td>
    <td>Go to the matching passages / open the selected match (the first if none is)</td></tr>
<tr><td><b>Shift+F10</b> or <b>Menu</b> in the Library or the Codebook</td>
    <td>The selected article's menu (Update from newer file…) or tag's menu</td></tr>
<tr><td><b>Ctrl+Shift+L</b> / <b>B</b> / <b>P</b> / <b>M</b></td>
    <td>Go to the Library / Codebook / Passages / Memos (<b>Esc</b> in a memo saves it and
    goes back to the article)</td></tr>
<tr><td><b>Ctrl+I</b> / <b>Ctrl+Shift+I</b> / <b>Ctrl+E</b></td>
    <td>Import articles / import a folder / export tagged notes</td></tr>
<tr><td><b>Shift+arrows</b></td><td>Select text with the keyboard in an article</td></tr>
<tr><td><b>Ctrl+Shift+T</b></td><td>New tag in the codebook</td></tr>
<tr><td><b>Ctrl+N</b> / <b>Ctrl+O</b> / <b>Ctrl+Q</b></td>
    <td>New project / open a project / quit</td></tr>
<tr><td><b>F1</b></td><td>This list</td></tr>
</table>
"""


def show_message(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A non-blocking message box (the window keeps working; tests never hang on it)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names and titles are never markup
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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


class ShortcutsBox(QMessageBox):
    """The keyboard shortcuts, in a list that scrolls when the screen is too low for it.

    As a message box's own text the list made a box taller than a laptop's screen, its
    last rows and its OK button off the bottom edge.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QMessageBox.Icon.NoIcon,
            "Keyboard shortcuts",
            SHORTCUTS,
            QMessageBox.StandardButton.Ok,
            parent,
        )
        self.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTextBrowser(self)
        self.table.setHtml(SHORTCUTS)
        self.table.setFrameShape(QFrame.Shape.NoFrame)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        label = self.findChild(QLabel, "qt_msgbox_label")
        grid = self.layout()
        if label is not None and isinstance(grid, QGridLayout):
            place: tuple[int, int, int, int] = grid.getItemPosition(grid.indexOf(label))  # type: ignore[assignment]
            label.hide()  # its text stays the box's text()
            grid.addWidget(self.table, *place)

    def showEvent(self, event: QShowEvent) -> None:
        self._fit_to_screen()
        super().showEvent(event)
        # The keys scroll the list (Page Down, the arrows): F1 is pressed from the keyboard,
        # and on a laptop's screen the list scrolls. Enter and Esc still close the box.
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit_to_screen(self) -> None:
        """As tall as the list, or as the screen leaves room for (then it scrolls)."""
        document = self.table.document()
        document.setTextWidth(SHORTCUTS_WIDTH)
        needed = ceil(document.size().height()) + 2 * self.table.frameWidth()
        room = self.screen().availableGeometry().height() - SHORTCUTS_CHROME
        width = SHORTCUTS_WIDTH + 2 * self.table.frameWidth()
        # A scroll bar only when the list is cut: one shown on the way narrows the list,
        # which then grows taller and keeps it.
        scrolls = needed > room
        if scrolls:
            width += self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.table.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOn
            if scrolls
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.table.setFixedSize(width, max(min(needed, room), 120))


def shortcuts(parent: QWidget) -> ShortcutsBox:
    """The keyboard shortcuts (non-blocking)."""
    box = ShortcutsBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class _InputWidth(QObject):
    """While installed on the application, gives the input dialog shown a width."""

    def __init__(self, width: int) -> None:
        super().__init__()
        self.width = width

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QInputDialog):
            watched.setMinimumWidth(self.width)
        return False


def ask_text(parent: QWidget, title: str, label: str, current: str) -> tuple[str, bool]:
    """Qt's input dialog for one line of text, in a field wide enough to show ``current``
    whole (and never narrower than a name needs).

    Qt's input dialog is as narrow as its label: a long text showed only its end,
    scrolled into a field a few words wide.
    """
    room = parent.screen().availableGeometry().width() * 2 // 3
    needed = parent.fontMetrics().horizontalAdvance(current) + RENAME_MARGIN
    sizer = _InputWidth(max(RENAME_MIN_WIDTH, min(needed, room)))
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(sizer)
    try:
        return QInputDialog.getText(parent, title, label, text=current)
    finally:
        if app is not None:
            app.removeEventFilter(sizer)


def rename_article(parent: QWidget, session: ProjectSession, article_id: int) -> None:
    """Ask for a new title (undoable), in a field wide enough to show it whole."""
    current = session.project.articles.summary(article_id=article_id).title
    title, ok = ask_text(parent, "Rename article", "Title:", current)
    if ok and title.strip() and title.strip() != current:
        perform(session, RenameArticle(session, article_id, title.strip()))


def remove_article(parent: QWidget, session: ProjectSession, article_id: int) -> None:
    """Confirm, then remove an article and its passages (undoable)."""
    summary = session.project.articles.summary(article_id=article_id)
    count = summary.annotation_count
    with_passages = f" and its {counted(count, 'passage')}" if count else ""
    text = (
        f"Remove “{article_label(session, article_id)}”{with_passages} from the project?"
        "\n\nYou can undo this with Ctrl+Z."
    )
    if ask_plain(parent, "Remove article", text):
        perform(session, RemoveArticle(session, article_id))


def ask_plain(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question whose text is shown as typed (titles can look like markup)."""
    return _plain_question(parent, title, text).exec() == QMessageBox.StandardButton.Yes


def ask_to_lose(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question whose Yes loses what the user typed: No is the default, so that
    Enter pressed to clear the message before it (a full disk) never answers it."""
    box = _plain_question(parent, title, text)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def _plain_question(parent: QWidget, title: str, text: str) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent,
    )  # fmt: skip
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def context_menu(parent: QWidget) -> QMenu:
    """A menu to pop up once (``popup()``): closed, it is deleted with the submenus added to
    it, so that right-clicks never pile menus up under ``parent``."""
    menu = QMenu(parent)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return menu


def ask_coder(parent: QWidget, current: str) -> str | None:
    """Ask for the coder's name; None if cancelled."""
    name, ok = ask_text(parent, "Coder name", "Name recorded on the passages you tag:", current)
    return name.strip() if ok else None


def choose_project_to_open(parent: QWidget, folder: Path) -> Path | None:
    """Ask for an existing project file, starting in ``folder``."""
    name, _ = QFileDialog.getOpenFileName(parent, "Open project", str(folder), PROJECT_FILTER)
    return Path(name) if name else None


def choose_new_project(parent: QWidget, folder: Path) -> Path | None:
    """Ask where to create a new project file, offering ``folder``."""
    suggested = folder / ("Untitled project" + PROJECT_SUFFIX)
    # Not "Do you want to replace it?": a project file is never replaced by an empty one
    # (the answer Yes was then refused); the refusal says to choose another name.
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
