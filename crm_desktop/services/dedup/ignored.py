"""Pairs the user marked as not duplicates."""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy.orm import Session

from crm_desktop.data.models import Setting
from crm_desktop.services.dedup.common import (
    IGNORED_KEY,
)

# ---------------------------------------------------------------- ignored pairs


def _ignored_list(session: Session) -> list[list[Any]]:
    row = session.get(Setting, IGNORED_KEY)
    value = row.value if row is not None else None
    return [list(x) for x in value] if isinstance(value, list) else []


def ignored_pairs(session: Session) -> set[tuple[str, int, int]]:
    """Pairs the user marked as "not a duplicate": (entity, smaller id, larger id)."""
    out: set[tuple[str, int, int]] = set()
    for item in _ignored_list(session):
        if len(item) == 3:
            entity, a, b = str(item[0]), int(item[1]), int(item[2])
            out.add((entity, min(a, b), max(a, b)))
    return out


def ignore_pair(session: Session, entity: Literal["person", "company"], a: int, b: int) -> None:
    """Remember that ``a`` and ``b`` are not duplicates (settings key ``dedup.ignored``)."""
    items = _ignored_list(session)
    entry = [entity, min(a, b), max(a, b)]
    if entry in items:
        return
    items.append(entry)
    row = session.get(Setting, IGNORED_KEY)
    if row is None:
        session.add(Setting(key=IGNORED_KEY, value=items))
    else:
        row.value = items
    session.flush()


def unignore_pair(session: Session, entity: Literal["person", "company"], a: int, b: int) -> None:
    items = [x for x in _ignored_list(session) if x != [entity, min(a, b), max(a, b)]]
    row = session.get(Setting, IGNORED_KEY)
    if row is not None:
        row.value = items
        session.flush()
