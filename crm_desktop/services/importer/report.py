"""The report of an import: what was imported, updated, rejected, flagged, dropped;
the cancel that carries it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from crm_desktop.errors import CrmError

_MAX_REPORT_ITEMS = 1000


class ImportCancelled(CrmError):
    """The user cancelled the import; nothing of it is kept."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        super().__init__("The import was cancelled; nothing was changed.")


@dataclass
class PersonChange:
    """What a re-import changed on one stored person."""

    person_id: int | None
    label: str
    fields: list[str]


@dataclass
class ImportReport:
    source: str
    file_format: str
    total: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    # (record, reason): the first _MAX_REPORT_ITEMS in detail, the counts of all
    rejected: list[tuple[str, str]] = field(default_factory=list)
    flagged: list[tuple[str, str]] = field(default_factory=list)
    rejected_count: int = 0
    flagged_count: int = 0
    created_ids: list[int] = field(default_factory=list)  # people
    created_company_ids: list[int] = field(default_factory=list)
    changes: list[PersonChange] = field(default_factory=list)
    batch_id: int | None = None
    dry_run: bool = False
    cancelled: bool = False
    on_duplicate: str = "create"
    # columns of a CSV file (properties of a vCard file) no field took → the number
    # of rows (cards) with a value in them
    unused_columns: dict[str, int] = field(default_factory=dict)
    # (record, what): values read from the file but not imported (first ones in detail)
    dropped: list[tuple[str, str]] = field(default_factory=list)
    dropped_count: int = 0

    @property
    def merged(self) -> int:
        return self.updated

    @property
    def rejected_total(self) -> int:
        """All rejected records (``rejected`` holds the first _MAX_REPORT_ITEMS)."""
        return max(self.rejected_count, len(self.rejected))

    @property
    def flagged_total(self) -> int:
        """All records flagged for review (``flagged`` holds the first ones)."""
        return max(self.flagged_count, len(self.flagged))

    def reject(self, record: str, reason: str) -> None:
        """Count a rejected record; the first _MAX_REPORT_ITEMS are kept in detail."""
        self.rejected_count += 1
        if len(self.rejected) < _MAX_REPORT_ITEMS:
            self.rejected.append((record, reason))

    def drop(self, record: str, what: str) -> None:
        """Count a value not imported; the first _MAX_REPORT_ITEMS are kept in detail."""
        self.dropped_count += 1
        if len(self.dropped) < _MAX_REPORT_ITEMS:
            self.dropped.append((record, what))

    @property
    def dropped_total(self) -> int:
        return max(self.dropped_count, len(self.dropped))

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.file_format,
            "total": self.total,
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "rejected": [{"record": r, "reason": why} for r, why in self.rejected],
            "rejected_count": self.rejected_total,
            "flagged_count": self.flagged_total,
            "flagged": [{"record": r, "reason": why} for r, why in self.flagged],
            "created_ids": list(self.created_ids),
            "created_company_ids": list(self.created_company_ids),
            "changes": [
                {"person_id": c.person_id, "record": c.label, "fields": c.fields}
                for c in self.changes
            ],
            "batch_id": self.batch_id,
            "dry_run": self.dry_run,
            "cancelled": self.cancelled,
            "on_duplicate": self.on_duplicate,
            "unused_columns": [
                {"column": name, "values": n} for name, n in self.unused_columns.items()
            ],
            "dropped": [{"record": r, "value": what} for r, what in self.dropped],
            "dropped_count": self.dropped_total,
        }

    def summary_text(self) -> str:
        head = f"{self.source}: " + ", ".join(
            [
                f"{self.imported} imported",
                f"{self.updated} updated",
                f"{self.unchanged} unchanged",
                f"{self.skipped} skipped",
                f"{self.rejected_total} rejected",
                f"{self.flagged_total} flagged for review",
            ]
        )
        if self.dry_run:
            head += " (dry run: nothing was stored)"
        if self.cancelled:
            head += " (cancelled: nothing was stored)"
        lines = [head]
        lines += [f"  rejected {rec}: {why}" for rec, why in self.rejected]
        if self.rejected_total > len(self.rejected):
            lines.append(f"  … {self.rejected_total - len(self.rejected)} more rejected")
        lines += [f"  review {rec}: {why}" for rec, why in self.flagged]
        if self.flagged_total > len(self.flagged):
            lines.append(f"  … {self.flagged_total - len(self.flagged)} more for review")
        lines += [f"  changed {c.label}: {', '.join(c.fields)}" for c in self.changes]
        kind = "property" if self.file_format == "vcard" else "column"
        lines += [
            f"  {kind} not imported: {name} ({n} values)" for name, n in self.unused_columns.items()
        ]
        lines += [f"  dropped from {rec}: {what}" for rec, what in self.dropped]
        if self.dropped_total > len(self.dropped):
            lines.append(f"  … {self.dropped_total - len(self.dropped)} more values dropped")
        return "\n".join(lines)
