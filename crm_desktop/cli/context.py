"""What every sub-command gets: the parsed options, the paths and a lazily opened store."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.config import ENV_DATABASE_URL, AppPaths, resolve_paths
from crm_desktop.errors import StoreError

if TYPE_CHECKING:  # the data layer is imported when a store is opened, not at start
    from crm_desktop.data.store import Store


@dataclass
class CliContext:
    args: argparse.Namespace
    clock: Clock = field(default_factory=SystemClock)
    read_only: bool = False
    passphrase: str | None = None
    _store: Store | None = None

    @property
    def paths(self) -> AppPaths:
        return resolve_paths(self.args.data_dir)

    @property
    def database_url(self) -> str | None:
        import os

        return self.args.database_url or os.environ.get(ENV_DATABASE_URL) or None

    def store(self) -> Store:
        if self._store is None:
            from crm_desktop.data.store import open_store
            from crm_desktop.services.backup import backup_before_upgrade

            paths = self.paths
            url = self.database_url
            encrypted = self._encryption_passphrase(paths)
            if encrypted is not None:
                from crm_desktop.services import crypto

                self._store = crypto.open_encrypted_store(paths, encrypted)
                return self._store
            hook = None if url else backup_before_upgrade(paths)
            self._store = open_store(
                data_dir=None if url else paths.data_dir,
                database_url=url,
                before_upgrade=hook,
                read_only=self.read_only,
            )
            for note in self._store.notes:  # e.g. "read-only: changes cannot be saved"
                sys.stderr.write(f"crm-desktop: note: {note.text()}\n")
        return self._store

    def _encryption_passphrase(self, paths: AppPaths) -> str | None:
        """The passphrase of an encrypted SQLite store (None: not encrypted).

        From the window's passphrase prompt, $CRM_DESKTOP_PASSPHRASE, or the OS keyring."""
        import os

        if self.database_url or not paths.db_path.exists():
            return None
        try:
            from crm_desktop.services import crypto
        except ImportError:  # pragma: no cover
            return None
        if not crypto.is_encrypted(paths.db_path):
            return None
        passphrase = self.passphrase or os.environ.get("CRM_DESKTOP_PASSPHRASE")
        if not passphrase:
            try:
                passphrase = crypto.load_passphrase(paths)
            except StoreError:
                passphrase = None
        if not passphrase:
            raise StoreError(
                "The data file is encrypted. Give the passphrase in the window or in "
                "CRM_DESKTOP_PASSPHRASE."
            )
        return passphrase

    def close(self) -> None:
        if self._store is not None:
            self._store.dispose()
            self._store = None

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    def out(self, data: Any, human: str | None = None) -> None:
        """JSON with ``--json``, else the human text (or JSON when there is none)."""
        if self.json or human is None:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
            sys.stdout.write("\n")
        else:
            print(human)
