"""What following a project file did (:class:`FileFollowed`, the answer of
:func:`~diptych.storage.file_place.follow_file`): whether the file was moved, deleted,
replaced or overwritten, where the project is now, and the paragraph that tells the user
what happened and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from diptych.storage.errors import readable_text

# A project file gone from its place is not taken for deleted: moving it to another disk
# (a USB stick, a network share) copies it and then deletes it here, and an unplugged disk
# takes it away too. The copy moved lacks what was saved after the move, and changes saved
# just before it that were still in the log beside the file (``NAME-wal``), which a file
# manager does not move with it: the file written again here is the one to keep.
GONE = (
    "{was} is gone from its place while the project was open: it was moved (to another disk,"
    " say), deleted, or its disk was unplugged"
)
MOVED_COPY = (
    "A copy moved elsewhere lacks the changes made since, and may lack the last ones made before:"
)


@dataclass(frozen=True)
class FileFollowed:
    """What :func:`~diptych.storage.file_place.follow_file` did.

    Attributes:
        kind: ``"moved"`` (followed to its new place), ``"deleted"`` (gone from its
            place: moved to another disk, deleted or unplugged; written again where it
            was, or where ``fallback`` says), ``"replaced"`` (kept as a copy) or
            ``"overwritten"`` (another file written into it where it is: the project goes
            on with a copy of its last backup, or stays read-only if there is none) or
            ``"log"`` (its write-ahead log was deleted: everything written into the file,
            and a new log made).
        before: where the project file was.
        path: where the project is now (for ``"overwritten"``, the copy of the backup,
            or ``before`` if there is no copy).
        backup: for ``"overwritten"``, the backup copied to ``path`` (None: none).
        failure: for ``"overwritten"``, why the backup could not be copied ("" if it was);
            for ``"deleted"``, why the project could not be written again where it was
            (it was written to another folder; "" if it was written where it was).
    """

    kind: str
    before: Path
    path: Path
    backup: Path | None = None
    failure: str = ""

    def describe(self) -> str:
        """What happened and what the user can do, in one paragraph."""
        was, now = readable_text(str(self.before)), readable_text(str(self.path))
        if self.kind == "moved":
            return (
                f"{was} was moved or renamed while it was open. Diptych follows it: it"
                f" now saves to {now}."
            )
        if self.kind == "deleted" and self.failure:
            return (
                f"{GONE.format(was=was)}, and writing it again there failed: {self.failure}."
                f" Nothing is lost: Diptych wrote everything in it as {now}, and saves there:"
                f" this file is the complete project. {MOVED_COPY} move this one where you"
                " keep your projects once it is closed, or use File > Save a copy…."
            )
        if self.kind == "deleted":
            return (
                f"{GONE.format(was=was)}. Nothing is lost: Diptych wrote everything in it"
                f" again as {now}, and saves there: this file is the complete project."
                f" {MOVED_COPY} keep this one, or use File > Save a copy… to put the project"
                " where you wanted it."
            )
        if self.kind == "overwritten":
            return self._describe_overwritten(was, now)
        if self.kind == "log":
            return (
                f"The log beside {was} ({self.before.name}-wal, where the latest changes wait"
                " to be written into the project file) was deleted while the project was"
                f" open. Nothing is lost: Diptych wrote everything into {was}, and goes on."
            )
        return (
            f"{was} was replaced by another file while it was open (a synchronised folder"
            " may have brought another version of it). Nothing is lost: what this window"
            f" saved is kept as {now}, and the window saves there now. The file that took"
            f" its place is left as it is: open it with File > Open to compare."
        )

    def _describe_overwritten(self, was: str, now: str) -> str:
        said = (
            f"{was} was overwritten while it was open: another program wrote another file"
            " into it (a copy made over it, or a synchronised folder bringing another"
            " version). Diptych stopped saving into it at once, so the file now there is"
            " left as it came, undamaged."
        )
        if self.backup is not None and not self.failure:
            when = _local_time(self.backup)
            return (
                f"{said} Your project as it was at its last automatic backup ({when}) is"
                f" kept as {now}: the window now shows it and saves there. What was saved"
                " after that backup was in the part of the file that was overwritten and is"
                " lost: make those changes again. To see the file that took its place, open"
                f" {was} with File > Open."
            )
        lost = (
            f"Its last automatic backup ({readable_text(str(self.backup))}) could not be"
            f" copied beside it ({self.failure}): copy it to a folder with room and open the copy"
            " with File > Open."
            if self.backup is not None
            else "No automatic backup of it was taken yet, so what it held"
            " is lost except what this window still shows."
        )
        return (
            f"{said} {lost} The window no longer saves: copy out what you need (a note"
            " being typed, say)."
        )


def _local_time(path: Path) -> str:
    """When ``path`` was last written, in local time to the minute."""
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    except OSError:
        return "time unknown"
