"""Where Diptych keeps per-user files: the one module that knows these folders."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths

APP_NAME = "Diptych"
ORGANIZATION = "Diptych"


@dataclass(frozen=True)
class AppPaths:
    """Per-user folders.

    Attributes:
        data: application data (the sample project, backups).
        config: settings.
    """

    data: Path
    config: Path

    @classmethod
    def standard(cls) -> AppPaths:
        """The platform's folders for Diptych (QStandardPaths), created if missing."""
        paths = cls.located()
        paths.ensure()
        return paths

    @classmethod
    def located(cls) -> AppPaths:
        """The platform's folders for Diptych, where they are (or would be), none created."""
        data = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        )
        config = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
        )
        return cls(data=data, config=config)

    def ensure(self) -> None:
        """Create the folders."""
        for folder in (self.data, self.config, self.backups):
            folder.mkdir(parents=True, exist_ok=True)

    @property
    def sample_project(self) -> Path:
        """The built-in sample project, created on first start."""
        return self.data / "Sample project.diptych"

    @property
    def backups(self) -> Path:
        """Automatic backups of every project, one sub-folder per project."""
        return self.data / "backups"

    @property
    def crash_log(self) -> Path:
        """Where unexpected errors are logged with their traceback."""
        return self.data / "crash.log"


def documents_folder() -> Path:
    """The user's Documents folder (or home): where file dialogs start when nothing chosen
    before says where (never the folder Diptych was started from)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()
