"""What every sub-command gets: the parsed options, the paths and a lazily opened store."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from typing import Any

from crm_desktop.clock import Clock, SystemClock
from crm_desktop.config import ENV_DATABASE_URL, AppPaths, resolve_paths
from crm_desktop.data.store import Store, open_store


@dataclass
class CliContext:
    args: argparse.Namespace
    clock: Clock = field(default_factory=SystemClock)
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
            from crm_desktop.services.backup import backup_before_upgrade

            paths = self.paths
            url = self.database_url
            hook = None if url else backup_before_upgrade(paths)
            self._store = open_store(
                data_dir=None if url else paths.data_dir,
                database_url=url,
                before_upgrade=hook,
            )
        return self._store

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
