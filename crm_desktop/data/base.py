"""Declarative base, naming convention and the UTC datetime column type."""

from __future__ import annotations

import datetime as dt
import getpass
import os
from typing import Any

from sqlalchemy import DateTime, Integer, MetaData, String
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timezone-aware datetime, always stored as UTC.

    Naive datetimes are refused: every moment in this program knows its zone.
    SQLite hands back naive values; they are UTC by construction and get the
    zone attached again on the way out.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
            raise ValueError(
                QT_TRANSLATE_NOOP("errors", "naive datetime given; use a timezone-aware value")
            )
        value = value.astimezone(dt.UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # pragma: no cover - defensive for raw SQLite text
            value = dt.datetime.fromisoformat(value)
        moment: dt.datetime = value
        if moment.tzinfo is None:
            return moment.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def current_editor() -> str:
    """Who is changing records: the team user name ($CRM_DESKTOP_USER) or the OS login."""
    try:
        return (os.environ.get("CRM_DESKTOP_USER") or getpass.getuser())[:80]
    except Exception:  # pragma: no cover - no user name on this system
        return "user"


class VersionMixin:
    """Optimistic concurrency for records that users edit.

    ``version`` is SQLAlchemy's ``version_id_col``: every UPDATE checks the version it
    read and counts it up, so an update of a row someone else changed meanwhile raises
    ``StaleDataError`` instead of overwriting their change. ``updated_by`` names who
    made the last change (with ``updated_at``, the when)."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
    updated_by: Mapped[str | None] = mapped_column(
        String(80), default=current_editor, onupdate=current_editor
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]
