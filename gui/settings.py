"""User settings: recent projects, the coder's name, window and pane layout, what
File > Export offers first, and the folders File > Import and Save a copy… open in."""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QByteArray, QSettings

from diptych.gui.paths import documents_folder

MAX_RECENT = 10
MAX_FILE_PLACES = 500  # article files whose folders are remembered


@dataclass(frozen=True)
class ExportChoices:
    """What File > Export offers first: the format, grouping, block ids and folder of the
    last export written. The articles and tags chosen are a project's own and are not kept:
    one project's tags are not another's. Nor is Untagged passages, the tag list's last
    item: every tag ticked afresh with it unticked read as "everything" and left the
    untagged passages out.

    Attributes:
        fmt: the format's key ("md", "csv"...); one no longer known is offered as Markdown.
        group_by: "tag" or "article".
        block_ids: whether the Markdown export marks its quotes with Obsidian block ids.
        folder: where the last export was written (None before the first).
    """

    fmt: str = "md"
    group_by: str = "tag"
    block_ids: bool = False
    folder: Path | None = None


def reachable(path: Path) -> bool:
    """True if ``path`` exists; False also when it cannot be looked at (a network folder
    gone stale, a folder without permission), which ``Path.exists`` raises for."""
    try:
        return path.exists()
    except OSError:
        return False


def is_folder(path: Path) -> bool:
    """True if ``path`` is a folder; False also when it cannot be looked at (no permission
    on a folder above it, a network folder gone stale), which ``Path.is_dir`` raises for."""
    try:
        return path.is_dir()
    except OSError:
        return False


def is_file(path: Path) -> bool:
    """True if ``path`` is a file; False also when it cannot be looked at (see
    :func:`is_folder`)."""
    try:
        return path.is_file()
    except OSError:
        return False


def folder_or_documents(folder: Path | None) -> Path:
    """Where a file dialog opens: ``folder`` (one kept in the settings) while it is still
    a folder, else Documents, never the folder Diptych happened to be started from."""
    return folder if folder is not None and is_folder(folder) else documents_folder()


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # cannot be looked at, or a loop of links
        return path.absolute()


def _file_key(project_uuid: str, path: Path) -> str:
    """Where the panes of one file of a project are kept (its place, digested)."""
    digest = hashlib.sha256(os.fsencode(_resolved(path))).hexdigest()[:12]
    return f"panes/{project_uuid}-{digest}"


SETTINGS_FILE = "diptych.ini"  # in the per-user config folder
CODER_KEY = "coding/coder"  # the name given with Edit > Coder name…


class ImportUnderWay(NamedTuple):
    """An import noted as under way: the names of its files, the process running it (0:
    not known) and the id of the project's newest article when it began (-1: not known)."""

    names: list[str]
    pid: int = 0
    newest: int = -1


class Settings:
    """Typed access to Diptych's settings file (an INI file in the config folder).

    Args:
        path: the settings file.
    """

    def __init__(self, path: Path) -> None:
        self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._qsettings.sync()

    # -- projects ------------------------------------------------------------------------
    def recent_projects(self) -> list[Path]:
        """Recently opened projects, most recent first (only those that still exist)."""
        return [p for p in self._stored_recent() if reachable(p)]

    def _stored_recent(self) -> list[Path]:
        raw = self._qsettings.value("projects/recent", "[]")
        try:
            return [Path(p) for p in json.loads(str(raw)) if isinstance(p, str)]
        except (ValueError, TypeError):
            return []

    def add_recent(self, path: Path) -> None:
        """Put ``path`` at the top of the recent projects."""
        path = _resolved(path)
        paths = [p for p in self.recent_projects() if _resolved(p) != path]
        paths.insert(0, path)
        self._qsettings.setValue(
            "projects/recent", json.dumps([str(p) for p in paths[:MAX_RECENT]])
        )

    def last_project(self) -> Path | None:
        """The project open when Diptych was last closed, if it still exists."""
        recent = self.recent_projects()
        return recent[0] if recent else None

    def last_project_gone(self) -> Path | None:
        """The project open when Diptych was last closed, if it is no longer where it was
        (moved, renamed, deleted, or on a disk not there now): a start opens another one,
        and says so."""
        stored = self._stored_recent()
        return stored[0] if stored and not reachable(stored[0]) else None

    # -- coding --------------------------------------------------------------------------
    def coder(self) -> str:
        """The name recorded on new passages (defaults to the login name)."""
        value = str(self._qsettings.value(CODER_KEY, "") or "")
        if value:
            return value
        try:
            return getpass.getuser()
        except Exception:
            return ""

    def set_coder(self, name: str) -> None:
        """Change the coder's name (blank: the login name)."""
        from diptych.storage.passage_coders import coder_as_given

        self._qsettings.setValue(CODER_KEY, coder_as_given(name))

    def coder_chosen(self) -> bool:
        """True once the user gave a name of their own (not the login name)."""
        return bool(self._qsettings.value(CODER_KEY, ""))

    def coder_told(self) -> bool:
        """True once the user was told whose name their passages carry."""
        return self._qsettings.value("coding/coder_told", False) in (True, "true")

    def set_coder_told(self) -> None:
        """Remember that the user was told whose name their passages carry."""
        self._qsettings.setValue("coding/coder_told", True)

    # -- layout --------------------------------------------------------------------------
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        """Saved geometry and dock/toolbar state of the main window."""
        geometry = self._qsettings.value("window/geometry")
        state = self._qsettings.value("window/state")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def set_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember the main window's geometry and dock layout."""
        self._qsettings.setValue("window/geometry", geometry)
        self._qsettings.setValue("window/state", state)

    def pane_layout(self, project_uuid: str, path: Path | None = None) -> dict[str, Any]:
        """The panes that were open on a project: on its file at ``path`` when they were
        kept for it. A copy of a project file has the project's uuid, and each file keeps
        its own panes; a file not seen before (a copy just made, a project moved while
        Diptych was closed) opens on the panes last left on any file of the project."""
        keys = [f"panes/{project_uuid}"]
        if path is not None:
            keys.insert(0, _file_key(project_uuid, path))
        for key in keys:
            if self._qsettings.contains(key):
                try:
                    value = json.loads(str(self._qsettings.value(key, "{}")))
                except (ValueError, TypeError):
                    return {}
                return value if isinstance(value, dict) else {}
        return {}

    def set_pane_layout(
        self, project_uuid: str, layout: dict[str, Any], path: Path | None = None
    ) -> None:
        """Remember the panes open on a project (its file at ``path``: see
        :meth:`pane_layout`)."""
        text = json.dumps(layout)
        self._qsettings.setValue(f"panes/{project_uuid}", text)
        if path is not None:
            self._qsettings.setValue(_file_key(project_uuid, path), text)

    # -- export --------------------------------------------------------------------------
    def export_choices(self) -> ExportChoices:
        """What the last export written chose (the defaults before the first)."""
        value = self._qsettings.value
        folder = str(value("export/folder", "") or "")
        group_by = str(value("export/group_by", "tag"))
        return ExportChoices(
            fmt=str(value("export/format", "md") or "md"),
            group_by=group_by if group_by in ("tag", "article") else "tag",
            block_ids=str(value("export/block_ids", "false")).lower() == "true",
            folder=Path(folder) if folder else None,
        )

    def set_export_choices(self, choices: ExportChoices) -> None:
        """Remember an export's choices, to be offered by the next File > Export."""
        self._qsettings.setValue("export/format", choices.fmt)
        self._qsettings.setValue("export/group_by", choices.group_by)
        self._qsettings.remove("export/include_untagged")  # kept by earlier versions
        self._qsettings.setValue("export/block_ids", "true" if choices.block_ids else "false")
        self._qsettings.setValue("export/folder", str(choices.folder or ""))

    # -- save a copy ---------------------------------------------------------------------
    def copy_folder(self) -> Path | None:
        """The folder the last copy of a project was chosen in (None before the first); it
        may have been moved or removed since."""
        folder = str(self._qsettings.value("copy/folder", "") or "")
        return Path(folder) if folder else None

    def set_copy_folder(self, folder: Path) -> None:
        """Remember where the next Save a copy… offers its copy."""
        self._qsettings.setValue("copy/folder", str(folder))

    # -- import --------------------------------------------------------------------------
    def import_folder(self) -> Path | None:
        """The folder the last article, folder or newer version was chosen in (None before
        the first); it may have been moved or removed since."""
        folder = str(self._qsettings.value("import/folder", "") or "")
        return Path(folder) if folder else None

    def set_import_folder(self, folder: Path) -> None:
        """Remember where the next import dialog opens."""
        self._qsettings.setValue("import/folder", str(folder))

    def file_places(self) -> dict[str, Path]:
        """The folder each article file was last imported or updated from, by the file's
        name (the project keeps the name only): where Update from newer file… looks for
        it first."""
        places = self._json_object("import/places")
        return {k: Path(v) for k, v in places.items() if isinstance(k, str) and isinstance(v, str)}

    def unfinished_import(self, project: Path) -> list[str]:
        """The names of the files an import into ``project`` was reading when Diptych
        stopped before it ended (killed, a power cut), or []: said once as the project
        opens again (nothing of such an import is in the project: it is one transaction)."""
        record = self.import_under_way(project)
        return record.names if record is not None else []

    def import_under_way(self, project: Path) -> ImportUnderWay | None:
        """The import into ``project`` noted as under way (see
        :meth:`set_import_under_way`), or None."""
        noted = self._json_object("import/under_way").get(str(project))
        if isinstance(noted, list):  # as Diptych noted it before it noted the rest
            noted = {"names": noted}
        if not isinstance(noted, dict) or not isinstance(noted.get("names"), list):
            return None
        names = [n for n in noted["names"] if isinstance(n, str)]
        pid, newest = noted.get("pid"), noted.get("newest")
        return ImportUnderWay(
            names,
            pid if isinstance(pid, int) else 0,
            newest if isinstance(newest, int) else -1,
        )

    def set_import_under_way(
        self, project: Path, names: Sequence[str] | None, *, newest: int = -1, pid: int = 0
    ) -> None:
        """Note that an import of ``names`` into ``project`` is under way, by the process
        ``pid`` (0: this one), begun when its newest article had the id ``newest`` (None:
        it ended, one way or another). Written to disk at once: it is read after a kill."""
        under_way = self._json_object("import/under_way")
        if names is None:
            under_way.pop(str(project), None)
        else:
            under_way[str(project)] = {
                "names": list(names),
                "pid": pid or os.getpid(),
                "newest": newest,
            }
        self._qsettings.setValue("import/under_way", json.dumps(under_way))
        self._qsettings.sync()

    def restore_stamp(self, project: Path) -> str:
        """When ``project`` was last restored from a backup, by this Diptych or another
        (read from the disk afresh), or "" if never."""
        self._qsettings.sync()
        stamp = self._json_object("restore/stamps").get(str(project))
        return stamp if isinstance(stamp, str) else ""

    def note_restored(self, project: Path) -> None:
        """Note that ``project`` was just restored from a backup (see :meth:`restore_stamp`:
        other windows on it then say so)."""
        stamps = self._json_object("restore/stamps")
        stamps[str(project)] = datetime.now(UTC).isoformat()
        self._qsettings.setValue("restore/stamps", json.dumps(stamps))
        self._qsettings.sync()

    def _json_object(self, key: str) -> dict[str, Any]:
        """The JSON object kept under ``key`` ({} if none, or not one)."""
        try:
            value = json.loads(str(self._qsettings.value(key, "{}")))
        except (ValueError, TypeError):
            return {}
        return value if isinstance(value, dict) else {}

    def note_file_places(self, places: Mapping[str, Path]) -> None:
        """Remember the folders files were imported or updated from (the latest
        :data:`MAX_FILE_PLACES`)."""
        if not places:
            return
        kept = {k: v for k, v in self.file_places().items() if k not in places}
        kept.update(places)
        latest = list(kept.items())[-MAX_FILE_PLACES:]
        self._qsettings.setValue("import/places", json.dumps({k: str(v) for k, v in latest}))
