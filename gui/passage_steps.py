"""Going from passage to passage with the keys: F8 / Shift+F8 to the next or previous
passage of the article, Ctrl+F8 / Ctrl+Shift+F8 to the next or previous one with the
selected passage's tag.

Each step selects the passage it reaches (see :mod:`diptych.gui.passage_selection`) and
brings it into view; the status bar says when there is none to go to.
"""

from __future__ import annotations

from diptych.gui.article_pane import NO_ARTICLE, NO_PANE
from diptych.gui.passage_selection import PassageSelection

SELECT_HERE_FIRST = (
    "Select a passage in this article first (Enter on a highlight, or F8): "
    "Ctrl+F8 / Ctrl+Shift+F8 then go to the next / previous passage with its tag."
)


class PassageSteps:
    """The steps of F8 and Ctrl+F8 from the selected passage or the caret.

    Args:
        selection: the selected passage, which the steps move.
    """

    def __init__(self, selection: PassageSelection) -> None:
        self.selection = selection
        self.session = selection.session
        self.area = selection.area
        # Ctrl+F8: the tag followed, and the passage it led to (the tag is kept from there).
        self._followed_tag: tuple[int, int] = (0, 0)

    def step_passage(self, step: int) -> None:
        """Select the next (``step`` 1) or previous (-1) passage of the current pane's article."""
        pane = self.area.current
        if pane is None or pane.article_id is None:
            self.session.messages.info(NO_ARTICLE if pane is not None else NO_PANE)
            return
        annotation_id = pane.neighbour_passage(step)
        if not annotation_id:
            where = "after" if step > 0 else "before"
            self.session.messages.info(f"There is no passage {where} the cursor in this article.")
            return
        self.selection.select_passage(annotation_id, scroll=True, in_pane=pane)
        self.session.messages.info(self._tags_said(annotation_id))

    def _tags_said(self, annotation_id: int) -> str:
        """Which tags the passage reached has: the keyboard stays in the article, where
        its colours alone say nothing to a listener."""
        book = self.session.codebook()
        tags = sorted(
            (t for t in self.session.passage(annotation_id).tag_ids if t in book), key=book.rank
        )
        if not tags:
            return "This passage has no tag."
        return "Tags of this passage: " + ", ".join(f"“{book.path(t)}”" for t in tags)

    def step_tagged_passage(self, step: int) -> None:
        """Ctrl+F8 / Ctrl+Shift+F8: select the next (``step`` 1) or previous (-1) passage of
        the current pane's article with the selected passage's tag (its first in codebook
        order; the tag followed so far while going on from the passage it led to)."""
        pane = self.area.current
        if pane is None or pane.article_id is None:
            self.session.messages.info(NO_ARTICLE if pane is not None else NO_PANE)
            return
        selected = self.selection.selected
        index = pane.view.index
        if index is None or not selected or selected not in index:
            self.session.messages.info(SELECT_HERE_FIRST)
            return
        tag_id = self._tag_to_follow(selected)
        if tag_id is None:
            self.session.messages.info("The selected passage has no tag to look for.")
            return
        name = self.session.codebook().path(tag_id)
        tagged = {
            a.id
            for a in self.session.project.annotations.query(
                article_id=pane.article_id, tag_id=tag_id
            )
        }
        annotation_id = pane.neighbour_passage(step, tagged)
        if not annotation_id:
            where = "after" if step > 0 else "before"
            self.session.messages.info(
                f"There is no passage tagged “{name}” {where} the cursor in this article."
            )
            return
        self._followed_tag = (tag_id, annotation_id)
        self.selection.select_passage(annotation_id, scroll=True, in_pane=pane)
        self.session.messages.info(
            f"Next passage with the tag “{name}”: Ctrl+F8; the one before: Ctrl+Shift+F8"
        )

    def _tag_to_follow(self, selected: int) -> int | None:
        """The tag Ctrl+F8 looks for from ``selected``: the one followed to it, else its
        first in codebook order (None: it has no tag)."""
        codebook = self.session.codebook()
        tags = [t for t in self.session.passage(selected).tag_ids if t in codebook]
        followed, reached = self._followed_tag
        tag_id = followed if reached == selected and followed in tags else None
        if tag_id is None and tags:
            tag_id = min(tags, key=codebook.rank)
        return tag_id
