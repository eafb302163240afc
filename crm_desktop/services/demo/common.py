"""Names the rooms share: the summary, the progress callback, the batch size and the
years of history."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import TypeVar, cast

from sqlalchemy import Table

from crm_desktop.data.base import Base

_T = TypeVar("_T")


def _tb(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


Progress = Callable[[int, int], None]


BATCH = 20_000
HISTORY_DAYS = 4 * 365


@dataclass
class DemoSummary:
    people: int = 0
    companies: int = 0
    departments: int = 0
    activities: int = 0
    tickets: int = 0
    projects: int = 0
    opportunities: int = 0
    orders: int = 0
    order_lines: int = 0
    followups: int = 0
    appointments: int = 0
    campaigns: int = 0
    search_documents: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, int | float]:
        return dict(asdict(self))
