"""The session's passage edits: each one transaction, then a signal for the views."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping, Sequence

from diptych.gui.session_watch import FileWatch
from diptych.storage.errors import InputError
from diptych.storage.model import Annotation
from diptych.storage.passage_coders import Signing, sign, unsign
from diptych.storage.wording import counted


class PassageEdits(FileWatch):
    """Creating, deleting, tagging, noting and re-anchoring passages.

    Each edit emits ``passageUpdated``. One refused because its article's text was
    replaced in another window shows that text at once (see :class:`FileWatch`).
    """

    def add_passage(
        self, *, article_id: int, start: int, end: int, tag_ids: Iterable[int], note: str = ""
    ) -> Annotation:
        """Create a passage."""
        with self._current_on_refusal(), self._article_kept(article_id):
            passage = self.project.annotations.add(
                article_id=article_id,
                start=start,
                end=end,
                tag_ids=tag_ids,
                note=note,
                coder=self.coder,
            )
        self._changed(article_id, passage.id)
        return passage

    @contextlib.contextmanager
    def _article_kept(self, article_id: int) -> Iterator[None]:
        """A passage refused because its article was removed in another window since it
        was shown: said with the article's title as shown (the file's "there is no article
        7" names it by a number the user never sees), and the views show at once the
        project as it is now, not at the next look at the file."""
        title = next((a.title for a in self._articles or () if a.id == article_id), "")
        try:
            yield
        except InputError as exc:
            try:
                self.project.articles.summary(article_id=article_id)
            except InputError:  # gone indeed
                self.show_changes_from_elsewhere()
                raise InputError(
                    f"{f'“{title}”' if title else 'the article'} was removed, perhaps in"
                    " another window, so the passage was not saved",
                    advice="The window now shows the project as it is.",
                ) from exc
            raise

    def delete_passage(
        self, annotation_id: int, *, expected: Annotation | None = None
    ) -> Annotation:
        """Delete a passage; returns it for undo (see :meth:`AnnotationStore.delete` for
        ``expected``)."""
        passage = self.project.annotations.delete(annotation_id=annotation_id, expected=expected)
        self._changed(passage.article_id, passage.id)
        return passage

    def delete_passages(
        self, annotation_ids: Iterable[int], *, expected: Iterable[Annotation] = ()
    ) -> list[Annotation]:
        """Delete several passages in one transaction (all or none); returns them for
        undo. With ``expected`` (redo: the passages as undo left them), each only if it is
        still so (see :meth:`AnnotationStore.delete`)."""
        gone = self.project.annotations.delete_listed(
            annotation_ids=list(annotation_ids), expected=expected
        )
        self._changed_many({p.article_id for p in gone})
        return gone

    def restore_passages(self, passages: Iterable[Annotation]) -> list[Annotation]:
        """Put several deleted passages back as they were, in one transaction."""
        passages = list(passages)
        annotations = self.project.annotations
        annotations.restore_many(annotations=passages)
        back = annotations.get_many(annotation_ids=[p.id for p in passages])
        restored = [back[p.id] for p in passages]
        self._changed_many({p.article_id for p in passages})
        self.say_marks_left_off(
            [p for p, again in zip(passages, restored, strict=True) if p.check and not again.check]
        )
        return restored

    def change_tags_of(
        self,
        changes: Mapping[int, tuple[Iterable[int], Iterable[int]]],
        times: Mapping[int, str] | None = None,
    ) -> list[Annotation]:
        """Put tags on several passages and take others off, leaving their other tags, in
        one transaction (``changes``: each passage's id, the tags to add and to remove;
        ``times``: the time each was last changed, put back by undo and redo; see
        :meth:`change_passage_tags`)."""
        changed = self.project.annotations.change_tags_listed(changes=changes, times=times)
        self._changed_many({p.article_id for p in changed})
        return changed

    def sign_passages(
        self, annotation_ids: Sequence[int], name: str, *, again: Signing | None = None
    ) -> Signing:
        """Sign passages with another coder's name (see :func:`passage_coders.sign`); a
        redo (``again``) says how many kept a name given since in another window."""
        signing = sign(self.project, annotation_ids, name, again=again)
        with self._telling_views(None):
            self.allPassagesChanged.emit()
        self._tell_kept_names(len(signing.kept))
        return signing

    def unsign_passages(self, signing: Signing) -> None:
        """Put back the names :meth:`sign_passages` changed, less those another window
        signed with yet another name since (kept, and said)."""
        kept = unsign(self.project, signing)
        with self._telling_views(None):
            self.allPassagesChanged.emit()
        self._tell_kept_names(len(kept))

    def _tell_kept_names(self, count: int) -> None:
        if count:
            self.show_changes_from_elsewhere()
            self.messages.info(
                f"{counted(count, 'passage')} signed with another name since, perhaps in"
                f" another window, {'keeps' if count == 1 else 'keep'} that name."
            )

    def restore_passage(self, passage: Annotation) -> Annotation:
        """Put a deleted passage back as it was."""
        restored = self.project.annotations.restore(annotation=passage)
        self._changed(passage.article_id, passage.id)
        self.say_marks_left_off([passage] if passage.check and not restored.check else [])
        return restored

    def set_passage_tags(
        self, annotation_id: int, tag_ids: Iterable[int], *, strict: bool = True
    ) -> Annotation:
        """Replace a passage's tags (see :meth:`AnnotationStore.set_tags` for ``strict``)."""
        passage = self.project.annotations.set_tags(
            annotation_id=annotation_id, tag_ids=tag_ids, strict=strict
        )
        self._changed(passage.article_id, passage.id)
        return passage

    def change_passage_tags(
        self,
        annotation_id: int,
        *,
        add: Iterable[int],
        remove: Iterable[int],
        updated_at: str | None = None,
    ) -> Annotation:
        """Put tags on a passage and take others off, leaving the rest (undo and redo, which
        put back ``updated_at``, the time it was last changed)."""
        passage = self.project.annotations.change_tags(
            annotation_id=annotation_id, add=add, remove=remove, updated_at=updated_at
        )
        self._changed(passage.article_id, passage.id)
        return passage

    def set_passage_note(
        self,
        annotation_id: int,
        note: str,
        *,
        expected: str | None = None,
        updated_at: str | None = None,
    ) -> Annotation:
        """Replace a passage's note (see :meth:`AnnotationStore.set_note` for ``expected``
        and ``updated_at``)."""
        passage = self.project.annotations.set_note(
            annotation_id=annotation_id, note=note, expected=expected, updated_at=updated_at
        )
        self._changed(passage.article_id, passage.id)
        return passage

    def reattach_passage(
        self, annotation_id: int, start: int, end: int, *, expected: Annotation | None = None
    ) -> Annotation:
        """Anchor a passage (typically an orphan) to a new range (see
        :meth:`AnnotationStore.reattach` for ``expected``)."""
        with self._current_on_refusal():
            passage = self.project.annotations.reattach(
                annotation_id=annotation_id, start=start, end=end, expected=expected
            )
        self._changed(passage.article_id, passage.id)
        return passage

    def put_back_anchor(
        self, passage: Annotation, *, expected: Annotation | None = None
    ) -> Annotation:
        """Return a passage to where (and as orphaned as) ``passage`` says it was (see
        :meth:`AnnotationStore.put_back_anchor` for ``expected``)."""
        restored = self.project.annotations.put_back_anchor(annotation=passage, expected=expected)
        self._changed(passage.article_id, passage.id)
        return restored

    def mark_passages_checked(self, annotation_ids: Iterable[int]) -> list[Annotation]:
        """The passages were looked at since an update found them only approximately: no
        longer to check. Returns those that were, as they were, for undo."""
        marked = self.project.annotations.mark_checked(annotation_ids=annotation_ids)
        self._changed_many({p.article_id for p in marked})
        return marked

    def put_back_checks(self, passages: Sequence[Annotation]) -> None:
        """Undo :meth:`mark_passages_checked`: the passages to check again, but those the
        update that marked them no longer stands for (undone since, perhaps in another
        window), which are said to be left unmarked."""
        left_off = self.project.annotations.put_back_checks(passages=passages)
        self._changed_many({p.article_id for p in passages})
        self.say_marks_left_off(left_off)

    def say_marks_left_off(self, passages: Sequence[Annotation]) -> None:
        """Say that these passages, put back by undo, were not marked “≈” again: the text
        their marks were made on has changed since."""
        if not passages:
            return
        from diptych.gui.commands import quote_start

        one = len(passages) == 1
        which = (
            f"Passage “{quote_start(passages[0].exact)}” is"
            if one
            else f"{len(passages)} passages are"
        )
        self.messages.info(
            f"{which} not marked “≈” to check again: the article no longer reads as the "
            f"update that found {'it' if one else 'them'} approximately left it (undone or "
            "updated since, perhaps in another window)."
        )

    def _changed_many(self, article_ids: set[int]) -> None:
        """Passages of several articles changed at once: the views follow once."""
        self._passages_changed_in(article_ids)

    def _changed(self, article_id: int, annotation_id: int) -> None:
        # PRAGMA data_version ignores this connection's own commits: nothing to record.
        with self._telling_views([article_id]):
            self.passageUpdated.emit(article_id, annotation_id)
