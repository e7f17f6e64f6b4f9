"""The undo step of a REFI-QDA import (a colleague's ``.qdpx``, a ``.qdc`` codebook): the
import ran in a worker on its own connection; Ctrl+Z takes back what it added and changed,
Ctrl+Shift+Z brings it back (see :mod:`diptych.storage.exchange_undo`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from diptych.gui.commands import SessionCommand
from diptych.gui.session import ProjectSession
from diptych.storage.errors import ChangedMeanwhileError
from diptych.storage.exchange_undo import ExchangeChanges, bring_back, take_back
from diptych.storage.wording import counted


def exchange_import_name(paths: Sequence[Path]) -> str:
    """The Undo menu's name for importing these REFI-QDA files: the one, or how many."""
    if len(paths) == 1:
        return f"Import “{paths[0].name}”"
    return f"Import {counted(len(paths), 'REFI-QDA file')}"


class ImportExchange(SessionCommand):
    """Record a REFI-QDA import its worker has committed, as one step.

    Args:
        session: the open project.
        paths: the files imported (for the step's name).
        changes: what each file imported changed, in the order imported.
    """

    def __init__(
        self, session: ProjectSession, paths: Sequence[Path], changes: Sequence[ExchangeChanges]
    ) -> None:
        super().__init__(session, exchange_import_name(paths))
        self.changes = list(changes)
        # By article taken back: the others of the same text then, which its redo does not
        # count as imported meanwhile.
        self.twins: dict[int, set[int]] = {}

    def _do(self) -> None:
        pass  # in the file already, and shown

    def _undo(self) -> None:
        project = self.session.project
        try:
            with project.transaction():  # every file's import, or none
                for changes in reversed(self.changes):
                    take_back(project, changes)
        finally:
            self.session.reload_all()
        self.twins = {
            r.article.id: {a.id for a in project.articles.with_text(text=r.article.text)}
            for changes in self.changes
            for r in changes.removed_articles
        }

    def _redo(self) -> None:
        project = self.session.project
        self._refuse_if_imported_meanwhile()
        try:
            with project.transaction():
                for changes in self.changes:
                    bring_back(project, changes)
        finally:
            self.session.reload_all()
        renamed = [
            (removal.tag.name, changes.tags[removal.tag.id].name)
            for changes in self.changes
            for removal in changes.removed_tags
            if removal.tag.id in changes.tags
            and changes.tags[removal.tag.id].name != removal.tag.name
        ]
        for name, now in renamed:  # as a tag's own redo says it
            self.session.messages.info(
                f"The tag “{name}” is back as “{now}”: a tag of that name was added beside it"
                " meanwhile."
            )
        # Selected in the Library, as after undoing a removal.
        back = [r.article.id for changes in self.changes for r in changes.removed_articles]
        if back:
            self.session.articlesRestored.emit(back)

    def _refuse_if_imported_meanwhile(self) -> None:
        """Refuse the redo (which brings the import back whole or not at all) if an article
        it brought was imported again meanwhile, in another window: its text the same, not
        in the project when the import was undone. Redone, it would be there twice."""
        articles = self.session.project.articles
        for changes in self.changes:
            for removal in changes.removed_articles:
                before = self.twins.get(removal.article.id, set())
                found = articles.with_text(text=removal.article.text)
                twin = next((a for a in found if a.id not in before), None)
                if twin is not None:
                    raise ChangedMeanwhileError(
                        f"“{removal.article.title}” is in the project again as “{twin.title}”,"
                        " imported since, perhaps in another window, so the import was not"
                        " brought back a second time",
                        advice="Nothing was changed.",
                    )
