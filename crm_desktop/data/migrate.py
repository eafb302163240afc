"""Run the Alembic migrations from code (also inside the frozen build).

Alembic itself is imported only when there is something to migrate: a store that is
already at the newest revision is recognised by reading ``alembic_version`` and the
revision ids of the migration files, which keeps a third of a second off every start.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^revision(?:\s*:\s*str)?\s*=\s*[\"']([^\"']+)[\"']", re.M)
_DOWN = re.compile(r"^down_revision[^=\n]*=\s*(None|[\"']([^\"']+)[\"'])\s*$", re.M)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def _head_from_files() -> str | None:
    """The head revision read off the migration files; None when that is not clear."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev is None:
            continue
        if down is None:
            return None  # a form this reader does not know: ask Alembic
        revisions.add(rev.group(1))
        if down.group(2):
            parents.add(down.group(2))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def head_revision() -> str:
    head = _head_from_files()
    if head is not None:
        return head
    from alembic.script import ScriptDirectory

    found = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert found is not None
    return found


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        except DBAPIError:  # no table yet: a new store
            conn.rollback()
            return None
    return str(rows[0][0]) if len(rows) == 1 else None


def needs_upgrade(engine: Engine) -> bool:
    return current_revision(engine) != head_revision()


def upgrade(
    engine: Engine,
    revision: str = "head",
    *,
    before_upgrade: Callable[[str | None], None] | None = None,
) -> None:
    """Bring the schema to ``revision``. ``before_upgrade`` runs first when there is
    something to do on a store that already has a schema (the automatic backup)."""
    current = current_revision(engine)
    if current == head_revision() and revision == "head":
        return
    if before_upgrade is not None and current is not None:
        before_upgrade(current)
    from alembic import command

    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        if current is None:
            from crm_desktop.data.filecheck import kill_point

            kill_point("first-create")  # the kill tests: before the first commit


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
