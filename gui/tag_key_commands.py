"""Undo command for a tag's key: give it one of the keys 1-9, or take its key away."""

from __future__ import annotations

from diptych.gui.commands import SessionCommand
from diptych.gui.session import ProjectSession
from diptych.gui.tag_commands import named, tag_path


def key_text(session: ProjectSession, tag_id: int, key: int | None) -> str:
    """The Undo menu's name for giving ``tag_id`` the key ``key`` (None: no key)."""
    path = tag_path(session, tag_id)
    if key is not None:
        return named(f"Give key {key} to tag", path)
    had = session.codebook().key(tag_id)
    return named(f"Take key {had} from tag" if had is not None else "Take key from tag", path)


class GiveTagKey(SessionCommand):
    """Give a tag one of the keys 1-9 (the tag that had it loses it; the tag loses the key
    it had), or take its key away (``key`` None)."""

    def __init__(self, session: ProjectSession, tag_id: int, key: int | None) -> None:
        super().__init__(session, key_text(session, tag_id, key))
        self.tag_id = tag_id
        had = session.codebook().key(tag_id)
        self.given: dict[int, int | None] = {}
        if key is not None:
            self.given = {key: tag_id}
        elif had is not None:
            self.given = {had: None}
        self.before: dict[int, int | None] = {}  # the keys this changes, as they were
        self.after: dict[int, int | None] = {}  # and as it left them
        self.path = tag_path(session, tag_id)

    # Undo and redo change the keys only if they are as the step (or its undo) left them: a
    # key given meanwhile, in another window, stays, and the step is dropped.
    def _do(self) -> None:
        self.before = self.session.set_tag_keys(self.given)
        self.after = dict.fromkeys(self.before) | self.given

    def _redo(self) -> None:
        self.session.set_tag_keys(self.given, expected=self.before)

    def _undo(self) -> None:
        self.session.set_tag_keys(self.before, expected=self.after)

    def _gone(self, *, undoing: bool) -> str | None:
        return self._tag_gone(self.tag_id, self.path)
