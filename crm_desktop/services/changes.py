"""What an operation changed: the record every write hands back to the window.

A write (a service use case run by the window, the quick entry, an undo, an import)
says which records it touched; the window publishes that one record and every view
decides from it whether it has to load again. ``Changes.everything()`` is the answer
for work that may have touched anything (an import, a restore, demo data, F5).

No Qt here: the record is plain data, so services, the CLI and tests can build it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields

KINDS = (
    "people",
    "companies",
    "departments",
    "activities",
    "followups",
    "tickets",
    "projects",
    "opportunities",
    "orders",
    "appointments",
    "campaigns",
)

# the singular record kinds the window and the undo entries use, mapped to a field
_SINGULAR = {
    "person": "people",
    "company": "companies",
    "department": "departments",
    "activity": "activities",
    "followup": "followups",
    "ticket": "tickets",
    "project": "projects",
    "opportunity": "opportunities",
    "order": "orders",
    "appointment": "appointments",
    "campaign": "campaigns",
}


def _ids(values: Iterable[int | None]) -> frozenset[int]:
    return frozenset(int(v) for v in values if v is not None)


@dataclass(frozen=True)
class Changes:
    """Ids of the changed records per kind; ``everything`` when it cannot be told."""

    people: frozenset[int] = field(default_factory=frozenset)
    companies: frozenset[int] = field(default_factory=frozenset)
    departments: frozenset[int] = field(default_factory=frozenset)
    activities: frozenset[int] = field(default_factory=frozenset)
    followups: frozenset[int] = field(default_factory=frozenset)
    tickets: frozenset[int] = field(default_factory=frozenset)
    projects: frozenset[int] = field(default_factory=frozenset)
    opportunities: frozenset[int] = field(default_factory=frozenset)
    orders: frozenset[int] = field(default_factory=frozenset)
    appointments: frozenset[int] = field(default_factory=frozenset)
    campaigns: frozenset[int] = field(default_factory=frozenset)
    settings: bool = False
    # records were added, moved or removed, so lists and the tree change shape
    structure: bool = False
    everything: bool = False

    # ------------------------------------------------------------ building

    @classmethod
    def all(cls) -> Changes:
        return cls(everything=True, structure=True, settings=True)

    @classmethod
    def of(cls, kind: str, *ids: int | None, structure: bool = False) -> Changes:
        """``Changes.of("person", 4)``; kind singular or plural."""
        name = _SINGULAR.get(kind, kind)
        if name not in KINDS:
            raise ValueError(f"unknown record kind: {kind}")
        return cls(structure=structure, **{name: _ids(ids)})  # type: ignore[arg-type]

    def __or__(self, other: Changes) -> Changes:
        values: dict[str, object] = {}
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            values[f.name] = (a or b) if isinstance(a, bool) else a | b
        return Changes(**values)  # type: ignore[arg-type]

    # ------------------------------------------------------------ asking

    def touches(self, *kinds: str) -> bool:
        """True when any of ``kinds`` (singular or plural) changed, or everything did."""
        if self.everything:
            return True
        for kind in kinds:
            name = _SINGULAR.get(kind, kind)
            if name == "settings":
                if self.settings:
                    return True
            elif getattr(self, name):
                return True
        return False

    def touches_record(self, kind: str, record_id: int | None) -> bool:
        if self.everything:
            return True
        if record_id is None:
            return False
        name = _SINGULAR.get(kind, kind)
        return record_id in getattr(self, name)

    @property
    def empty(self) -> bool:
        return (
            not self.everything
            and not self.settings
            and not self.structure
            and not any(getattr(self, k) for k in KINDS)
        )

    def describe(self) -> str:
        """For the log: ``people=[3] activities=[17]``."""
        if self.everything:
            return "everything"
        parts = [f"{k}={sorted(getattr(self, k))}" for k in KINDS if getattr(self, k)]
        if self.settings:
            parts.append("settings")
        if self.structure:
            parts.append("structure")
        return " ".join(parts) or "nothing"


NOTHING = Changes()

__all__ = ["KINDS", "NOTHING", "Changes"]
