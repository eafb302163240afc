"""Where things live: data folder, backups, logs (platformdirs), with overrides."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from crm_desktop import APP_ID

ENV_DATA_DIR = "CRM_DESKTOP_DATA_DIR"
ENV_DATABASE_URL = "CRM_DESKTOP_DATABASE_URL"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    log_dir: Path

    @property
    def db_path(self) -> Path:
        return self.data_dir / "crm.sqlite3"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def lock_path(self) -> Path:
        return self.data_dir / "crm.lock"

    @property
    def calendar_path(self) -> Path:
        return self.data_dir / "calendar" / "crm-desktop.ics"

    @property
    def settings_path(self) -> Path:
        return self.data_dir / "settings.ini"


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """``--data-dir`` wins, then ``$CRM_DESKTOP_DATA_DIR``, then the platform's data folder."""
    chosen = data_dir or os.environ.get(ENV_DATA_DIR)
    if chosen:
        base = Path(chosen).expanduser().resolve()
        log_dir = base / "logs"
    else:
        base = Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
        log_dir = Path(platformdirs.user_log_dir(APP_ID, appauthor=False))
    return AppPaths(data_dir=base, log_dir=log_dir)
