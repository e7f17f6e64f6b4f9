"""Writing output files so that a crash never leaves half of one."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from diptych.storage.errors import InputError


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``: the old file or the new one survives a crash, never a mix.

    Raises:
        InputError: the file cannot be written (the message names it and says why).
    """
    tmp = path.with_name(f".{path.name}.part")
    try:
        with tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):  # the folder may not even exist
            tmp.unlink(missing_ok=True)
        raise InputError(
            f"{path}: cannot be written ({exc.strerror})",
            advice="Choose another folder, or free some disk space.",
        ) from exc
