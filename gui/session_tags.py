"""The session's codebook edits: each one transaction, then a signal for the views."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from diptych.gui.session_core import SessionCore
from diptych.storage.model import Tag, TagRemoval


class TagEdits(SessionCore):
    """Creating, changing, nesting, deleting and merging tags, and giving them keys.

    Each edit emits ``tagsChanged``; one that takes a tag off passages (a deletion, a
    merge, or undoing either) emits ``allPassagesChanged`` as well.
    """

    def add_tag(
        self,
        *,
        name: str,
        color: str | None = None,
        parent_id: int | None = None,
        description: str = "",
        keyed: bool = True,
    ) -> Tag:
        """Create a tag (with no key 1-9 unless ``keyed``: see :meth:`TagStore.add`)."""
        tag = self.project.tags.add(
            name=name, color=color, parent_id=parent_id, description=description, keyed=keyed
        )
        self._tags_changed()
        return tag

    def update_tag(
        self,
        tag_id: int,
        *,
        name: str | None = None,
        color: str | None = None,
        description: str | None = None,
        expected: Mapping[str, str] | None = None,
    ) -> Tag:
        """Rename, recolour or describe a tag (see :meth:`TagStore.update` for
        ``expected``)."""
        tag = self.project.tags.update(
            tag_id=tag_id, name=name, color=color, description=description, expected=expected
        )
        self._tags_changed()
        return tag

    def move_tag(
        self,
        tag_id: int,
        parent_id: int | None,
        position: int | None = None,
        *,
        expected: Mapping[str, int | None] | None = None,
    ) -> Tag:
        """Nest a tag elsewhere in the codebook (see :meth:`TagStore.move` for
        ``expected``)."""
        tag = self.project.tags.move(
            tag_id=tag_id, parent_id=parent_id, position=position, expected=expected
        )
        self._tags_changed()
        return tag

    def restore_tag_places(
        self,
        tag: Tag,
        others: Sequence[Tag],
        *,
        expected: Mapping[str, int | None] | None = None,
    ) -> Tag:
        """Undo :meth:`move_tag`: the tag and the tags it was moved among back at their
        places, as ``tag`` and ``others`` had them (see :meth:`TagStore.restore_places`
        for ``expected``)."""
        restored = self.project.tags.restore_places(tag=tag, others=others, expected=expected)
        self._tags_changed()
        return restored

    def set_tag_keys(
        self,
        keys: Mapping[int, int | None],
        *,
        expected: Mapping[int, int | None] | None = None,
    ) -> dict[int, int | None]:
        """Give keys 1-9 to tags (see :meth:`TagStore.set_keys`); which tag had each key
        changed before."""
        before = self.project.tags.set_keys(keys=keys, expected=expected)
        self._tags_changed()
        return before

    def delete_tag(
        self, tag_id: int, *, unused_only: bool = False, expected: TagRemoval | None = None
    ) -> TagRemoval:
        """Delete a tag (passages keep their other tags; see :meth:`TagStore.delete` for
        ``unused_only`` and ``expected``)."""
        removal = self.project.tags.delete(
            tag_id=tag_id, unused_only=unused_only, expected=expected
        )
        self._tags_changed(all_passages=True)
        return removal

    def merge_tags(
        self,
        source_id: int,
        target_id: int,
        *,
        redoing: TagRemoval | None = None,
        expected: Tag | None = None,
    ) -> TagRemoval:
        """Merge one tag into another (``redoing``, ``expected``: as :meth:`TagStore.merge`)."""
        removal = self.project.tags.merge(
            source_id=source_id, target_id=target_id, redoing=redoing, expected=expected
        )
        self._tags_changed(all_passages=True)
        self.memosChanged.emit()  # the merged tag's memo added to the other's
        return removal

    def restore_tag(self, removal: TagRemoval) -> Tag:
        """Undo a tag deletion or merge."""
        tag = self.project.tags.restore(removal=removal)
        self._tags_changed(all_passages=True)
        self.memosChanged.emit()  # its memo back, and a merge target's as it was
        if tag.name != removal.tag.name:
            self.messages.info(
                f"The tag “{removal.tag.name}” is back as “{tag.name}”: a tag of that name"
                " was added beside it meanwhile."
            )
        return tag

    def _tags_changed(self, *, all_passages: bool = False) -> None:
        # A new name or colour leaves the passages as they were read.
        with self._telling_views(None if all_passages else ()):
            self.tagsChanged.emit()
            if all_passages:
                self.allPassagesChanged.emit()
