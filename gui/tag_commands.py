"""Undo commands for the codebook: create, edit, nest, delete and merge tags."""

from __future__ import annotations

from dataclasses import replace

from diptych.gui.commands import SessionCommand
from diptych.gui.session import ProjectSession
from diptych.storage.codebook import sibling_order
from diptych.storage.errors import ChangedMeanwhileError
from diptych.storage.model import Tag, TagRemoval


class AddTag(SessionCommand):
    """Create a tag."""

    PUTS_BACK = "redo"

    def __init__(
        self,
        session: ProjectSession,
        *,
        name: str,
        color: str | None = None,
        parent_id: int | None = None,
        description: str = "",
        keyed: bool = True,
    ) -> None:
        super().__init__(session, named("New tag", name))
        self.args = {
            "name": name,
            "color": color,
            "parent_id": parent_id,
            "description": description,
            "keyed": keyed,
        }
        self.tag: Tag | None = None
        self.removal: TagRemoval | None = None
        self.path = name  # as this step left it

    def _do(self) -> None:
        self.tag = self.session.add_tag(**self.args)  # type: ignore[arg-type]
        self.path = tag_path(self.session, self.tag.id)

    def _redo(self) -> None:
        assert self.removal is not None
        self.tag = self.session.restore_tag(self.removal)
        self.path = tag_path(self.session, self.tag.id)

    def _gone(self, *, undoing: bool) -> str | None:
        return self._tag_gone(self.tag.id, self.path) if self.tag is not None else None

    def _tag_shown(self, *, undone: bool) -> int:
        return self.tag.id if self.tag is not None and not undone else 0

    def _undo(self) -> None:
        # Not a tag another window put on passages (or gave sub-tags or a memo), renamed,
        # recoloured, described or moved meanwhile: the step is refused rather than take
        # that work away with the tag.
        assert self.tag is not None
        as_left = TagRemoval(tag=self.tag, links=(), moved_children=())
        self.removal = self.session.delete_tag(self.tag.id, unused_only=True, expected=as_left)


def tag_path(session: ProjectSession, tag_id: int) -> str:
    """The tag's path, as the codebook shows it ("" if it is gone)."""
    codebook = session.codebook()
    return codebook.path(tag_id) if codebook.get(tag_id) is not None else ""


def quoted(path: str) -> str:
    """A tag's path as the Undo menu names it: in quotes, as an article's title is, so that
    a name of several words reads as one ("Edit memo on tag “Public opinion”")."""
    return f"“{path}”"


def named(text: str, path: str) -> str:
    """``text`` followed by the tag's path in quotes, if it has one."""
    return f"{text} {quoted(path)}" if path else text


def update_text(session: ProjectSession, tag_id: int, changes: dict[str, str | None]) -> str:
    """The Undo menu's name for an edit of a tag: the tag, and what changed when that is
    one thing ("Rename tag A to B", "Change colour of tag A"). The menu shows an '&' in a
    name as written (the main window doubles it)."""
    tag = session.codebook().get(tag_id)
    if tag is None:
        return "Edit tag"
    path = tag_path(session, tag_id)
    changed = {f for f, value in changes.items() if value is not None and value != getattr(tag, f)}
    if changed == {"name"}:
        return named("Rename tag", path) + f" to {quoted(changes['name'] or '')}"
    if changed == {"color"}:
        return named("Change colour of tag", path)
    if changed == {"description"}:
        return named("Change description of tag", path)
    return named("Edit tag", path)


class UpdateTag(SessionCommand):
    """Rename, recolour or describe a tag."""

    def __init__(
        self,
        session: ProjectSession,
        tag_id: int,
        *,
        name: str | None = None,
        color: str | None = None,
        description: str | None = None,
    ) -> None:
        new = {"name": name, "color": color, "description": description}
        super().__init__(session, update_text(session, tag_id, new))
        self.tag_id = tag_id
        self.new = new
        self.old: dict[str, str] = {}
        self.done: dict[str, str] = {}  # the fields changed, as written (a colour normalised)
        self.path = tag_path(session, tag_id)  # as this step last left it

    def _do(self) -> None:
        # Undo puts back only what this changes: a name given in another window meanwhile
        # stays when a change of colour is undone. A field this step changed that was
        # changed again meanwhile is not written over: the step is refused.
        tag = self.session.project.tags.get(tag_id=self.tag_id)
        self.old = {
            field: getattr(tag, field)
            for field, value in self.new.items()
            if value is not None and value != getattr(tag, field)
        }
        new = self.new
        after = self.session.update_tag(
            self.tag_id, name=new["name"], color=new["color"], description=new["description"]
        )
        self.done = {field: getattr(after, field) for field in self.old}
        self.path = tag_path(self.session, self.tag_id)

    def _redo(self) -> None:
        self._write(self.done, expected=self.old)

    def _undo(self) -> None:
        self._write(self.old, expected=self.done)

    def _write(self, fields: dict[str, str], expected: dict[str, str]) -> None:
        self.session.update_tag(
            self.tag_id,
            name=fields.get("name"),
            color=fields.get("color"),
            description=fields.get("description"),
            expected=expected,
        )
        self.path = tag_path(self.session, self.tag_id)

    def _gone(self, *, undoing: bool) -> str | None:
        return self._tag_gone(self.tag_id, self.path)


class MoveTag(SessionCommand):
    """Nest a tag under another, or move it among its siblings."""

    def __init__(
        self,
        session: ProjectSession,
        tag_id: int,
        parent_id: int | None,
        position: int | None = None,
    ) -> None:
        super().__init__(session, named("Move tag", tag_path(session, tag_id)))
        self.tag_id = tag_id
        self.target = (parent_id, position)
        # The tag and the tags it is moved among (where it was and where it goes), before
        # the move and after it: undo and redo put back their numbers as they were, not
        # only their order (a tag deleted before and put back by a later undo takes its
        # old number among them).
        self.before: tuple[Tag, list[Tag]] | None = None
        self.after: tuple[Tag, list[Tag]] | None = None
        self.left: dict[str, int | None] = {}  # where the step (or its undo) left the tag
        self.path = tag_path(session, tag_id)  # as the step (or its undo) left it
        self.moved_from = self.path

    def _do(self) -> None:
        parent_id = self.target[0]
        tag = self.session.project.tags.get(tag_id=self.tag_id)
        self.before = self._places({tag.parent_id, parent_id})
        self.session.move_tag(self.tag_id, *self.target)
        self.after = self._places({tag.parent_id, parent_id})
        self.left = self._left(*self.after)
        self.path = tag_path(self.session, self.tag_id)

    # Undo and redo move the tag only from where this step (or its undo) left it, among
    # tags in the order it left them: a tag moved meanwhile, or tags put in another order
    # there, in another window, stay as they are and the step is dropped.
    def _redo(self) -> None:
        assert self.after is not None
        parent_id = self.after[0].parent_id
        if parent_id is not None and self.session.project.tags.codebook().get(parent_id) is None:
            raise ChangedMeanwhileError(
                f"the tag {self.after[0].name!r} cannot be moved again: the tag it was moved"
                " under was deleted since, perhaps in another window",
                advice="Move it by hand if it should be elsewhere.",
            )
        self._put(*self.after)

    def _undo(self) -> None:
        assert self.before is not None
        self._put(*self.before)

    def _put(self, tag: Tag, others: list[Tag]) -> None:
        back = self.session.restore_tag_places(tag, others, expected=self.left)
        self.left = self._left(back, others)
        self.path = tag_path(self.session, self.tag_id)

    def _gone(self, *, undoing: bool) -> str | None:
        return self._tag_gone(self.tag_id, self.path)

    def said(self) -> str:
        """What the status bar says of the move done: where the tag went."""
        assert self.before is not None and self.after is not None
        parent_id = self.after[0].parent_id
        if parent_id != self.before[0].parent_id:
            where = (
                "to the top level"
                if parent_id is None
                else f"into {quoted(tag_path(self.session, parent_id))}"
            )
            return f"Tag {quoted(self.moved_from)} moved {where} — Ctrl+Z to undo"
        now, was = self._left(*self.after)["position"], self._left(*self.before)["position"]
        way = "up" if (now or 0) < (was or 0) else "down"
        return f"Tag {quoted(self.moved_from)} moved {way} — Ctrl+Z to undo"

    def _places(self, parents: set[int | None]) -> tuple[Tag, list[Tag]]:
        """The tag and the other tags under ``parents``, as they are now."""
        tags = self.session.project.tags.all()
        tag = next(t for t in tags if t.id == self.tag_id)
        return tag, [t for t in tags if t.parent_id in parents and t.id != self.tag_id]

    @staticmethod
    def _left(tag: Tag, others: list[Tag]) -> dict[str, int | None]:
        """Where ``tag`` is, as ``tag`` and ``others`` (as just written) have it: its
        parent, and its place among those of ``others`` under it."""
        under = sorted(
            [t for t in others if t.parent_id == tag.parent_id] + [tag], key=sibling_order
        )
        return {"parent_id": tag.parent_id, "position": under.index(tag)}


class DeleteTag(SessionCommand):
    """Delete a tag: its passages lose it, its sub-tags move up."""

    PUTS_BACK = "undo"

    def __init__(self, session: ProjectSession, tag_id: int) -> None:
        super().__init__(session, named("Delete tag", tag_path(session, tag_id)))
        self.tag_id = tag_id
        self.removal: TagRemoval | None = None
        self.restored: Tag | None = None  # the tag as undo put it back
        self.path = tag_path(session, tag_id)  # as undo put it back

    def _do(self) -> None:
        self.removal = self.session.delete_tag(self.tag_id)

    # Redo takes no more than the first deletion did, from the tag as undo put it back: a
    # tag put on passages (or given sub-tags or a memo), renamed, recoloured, described
    # or moved in another window after the undo is kept.
    def _redo(self) -> None:
        assert self.removal is not None and self.restored is not None
        expected = replace(self.removal, tag=self.restored)
        self.removal = self.session.delete_tag(self.tag_id, expected=expected)

    def _undo(self) -> None:
        assert self.removal is not None
        self.restored = self.session.restore_tag(self.removal)
        self.path = tag_path(self.session, self.tag_id)

    def _gone(self, *, undoing: bool) -> str | None:
        return self._tag_gone(self.tag_id, self.path)

    def _tag_shown(self, *, undone: bool) -> int:
        return self.tag_id if undone else 0


class MergeTags(SessionCommand):
    """Merge a tag into another."""

    PUTS_BACK = "undo"

    def __init__(self, session: ProjectSession, source_id: int, target_id: int) -> None:
        source, target = tag_path(session, source_id), tag_path(session, target_id)
        text = (
            named("Merge tag", source) + f" into {quoted(target)}"
            if source and target
            else "Merge tags"
        )
        super().__init__(session, text)
        self.ids = (source_id, target_id)
        self.paths = (source, target)
        self.removal: TagRemoval | None = None
        self.restored: Tag | None = None  # the merged tag as undo put it back

    def _do(self) -> None:
        self.removal = self.session.merge_tags(*self.ids)

    # A memo the merge made is made again as it was. A tag renamed, recoloured, described
    # or moved in another window after the undo is kept: the redo is refused.
    def _redo(self) -> None:
        self.removal = self.session.merge_tags(
            *self.ids, redoing=self.removal, expected=self.restored
        )

    def _undo(self) -> None:
        assert self.removal is not None
        self.restored = self.session.restore_tag(self.removal)

    def _gone(self, *, undoing: bool) -> str | None:
        source, target = (self._tag_gone(i, p) for i, p in zip(self.ids, self.paths, strict=True))
        return source or target

    def _tag_shown(self, *, undone: bool) -> int:
        return self.ids[0] if undone else 0

    def said(self) -> str:
        """What the status bar says of the merge done."""
        source, target = (quoted(path) for path in self.paths)
        return f"Tag {source} merged into {target} — Ctrl+Z to undo"
