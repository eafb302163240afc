"""Optimistic concurrency: a save carries the version its form loaded.

Records with :class:`~crm_desktop.data.base.VersionMixin` count a version up with
every UPDATE. A service that updates such a record takes the version the user's
form was loaded with: when the stored one is newer, someone else saved meanwhile
and the service raises :class:`ConcurrentEditError` (who and when) instead of
silently overwriting their change. When the other save lands between this
session's read and its write (PostgreSQL, several users), SQLAlchemy's own check
raises ``StaleDataError``; :func:`flush` turns it into the same error.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from crm_desktop.errors import ConcurrentEditError


def current_state(session: Session, model: Any, record_id: int) -> tuple[str | None, Any, int]:
    """``(updated_by, updated_at, version)`` as stored now, read on a connection of its
    own (the session may be in a failed flush)."""
    bind = session.get_bind()
    engine = bind.engine if isinstance(bind, Connection) else bind
    with engine.connect() as conn:
        row = conn.execute(
            select(model.updated_by, model.updated_at, model.version).where(model.id == record_id)
        ).first()
    if row is None:
        return None, None, 0
    return row[0], row[1], int(row[2])


def check(session: Session, entity: str, record: Any, expected: int | None) -> None:
    """Raise ConcurrentEditError when ``record`` is no longer at version ``expected``
    (None: the caller does not track versions, nothing is checked)."""
    if expected is not None and int(record.version) != expected:
        raise ConcurrentEditError(
            entity,
            int(record.id),
            changed_by=record.updated_by,
            changed_at=record.updated_at,
            version=int(record.version),
        )


def flush(session: Session, entity: str, record: Any) -> None:
    """``session.flush()``; a version mismatch found by SQLAlchemy becomes a
    ConcurrentEditError naming who saved the record meanwhile."""
    model, record_id = type(record), int(record.id)  # read before a failed flush expires it
    try:
        session.flush()
    except StaleDataError as exc:
        who, when, version = current_state(session, model, record_id)
        raise ConcurrentEditError(
            entity, record_id, changed_by=who, changed_at=when, version=version
        ) from exc
