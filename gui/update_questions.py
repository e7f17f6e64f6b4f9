"""The questions an update from a newer file asks: whether to update an article from a
file that shares almost nothing with it, and, after an import that left out files
changed since they were imported, whether to update their articles from them now."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from diptych.gui import dialogs
from diptych.gui.import_messages import NAMED_AT_MOST
from diptych.storage.errors import readable_text
from diptych.storage.wording import counted

if TYPE_CHECKING:
    from diptych.storage.changed_files import ChangedFileError, UnrelatedFile

UPDATE_TITLE = "Update article"


def update_anyway(window: QWidget, unrelated: UnrelatedFile, label: str) -> bool:
    """Ask whether to update the article (shown as ``label``) from a file that is most
    likely another article (:class:`~diptych.storage.changed_files.UnrelatedFile`);
    Cancel, the default, leaves it as it is."""
    question = replace(unrelated, title=label).question()
    return dialogs.ask_named(window, UPDATE_TITLE, question, do="Update anyway")


def changed_files_question(changed: Sequence[ChangedFileError]) -> str:
    """What the window asks of files left out of an import as changed since they were
    imported: whether to update their articles from them."""
    if len(changed) == 1:
        error = changed[0]
        name = readable_text(error.path.name if error.path else "")
        if error.older:
            return (
                f"{name} differs from “{error.title}”, but it was saved before the article"
                " was imported: the article was updated since from another file, so this"
                " one is most likely an older version. It was not imported again.\n\n"
                "Update the article from it all the same? Its passages on text this file"
                " lacks would be orphaned; Ctrl+Z undoes the update."
            )
        return (
            f"{name} has changed since it was imported as “{error.title}”, so it was not "
            "imported again.\n\nUpdate the article from it now? Its passages are found again "
            "in the changed text, and Ctrl+Z undoes the update."
        )
    named = [
        f"{readable_text(error.path.name if error.path else '')} (“{error.title}”)"
        for error in changed[:NAMED_AT_MOST]
    ]
    more = len(changed) - len(named)
    listed = ", ".join(named) + (f" and {more} more" if more else "")
    older = [readable_text(e.path.name if e.path else "") for e in changed if e.older]
    shown = ", ".join(older[:NAMED_AT_MOST]) + (
        f" and {len(older) - NAMED_AT_MOST} more" if len(older) > NAMED_AT_MOST else ""
    )
    warned = (
        f" Of these, {shown} {'was' if len(older) == 1 else 'were'} saved before"
        f" {'its article was' if len(older) == 1 else 'their articles were'} imported:"
        " most likely older versions, whose updates would orphan passages."
        if older
        else ""
    )
    return (
        f"{counted(len(changed), 'file')} have changed since they were imported, so they "
        f"were not imported again: {listed}.{warned}\n\nUpdate their articles from them now?"
        " Their passages are found again in the changed texts, and Ctrl+Z undoes each update."
    )


def update_changed(window: QWidget, changed: Sequence[ChangedFileError]) -> bool:
    """Offer to update the articles of the files ``changed`` since they were imported;
    Not now, the default, leaves them as they are (the import's message says how to
    update them later)."""
    do = "Update article" if len(changed) == 1 else f"Update {len(changed)} articles"
    question = changed_files_question(changed)
    return dialogs.ask_named(window, "Import", question, do=do, keep="Not now")
