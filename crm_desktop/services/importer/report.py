"""The report of an import: what was imported, updated, rejected, flagged, dropped;
the cancel that carries it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
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

    def summary_text(self, tr: Translate | None = None) -> str:
        """The report as lines of text; ``tr(context, text)`` translates the templates
        (context "import", the window's .qm file; English without it)."""
        t = tr or _untranslated

        def say(text: str, **params: Any) -> str:
            return t("import", text).format(**params)

        head = f"{self.source}: " + ", ".join(
            [
                say(QT_TRANSLATE_NOOP("import", "{n} imported"), n=self.imported),
                say(QT_TRANSLATE_NOOP("import", "{n} updated"), n=self.updated),
                say(QT_TRANSLATE_NOOP("import", "{n} unchanged"), n=self.unchanged),
                say(QT_TRANSLATE_NOOP("import", "{n} skipped"), n=self.skipped),
                say(QT_TRANSLATE_NOOP("import", "{n} rejected"), n=self.rejected_total),
                say(QT_TRANSLATE_NOOP("import", "{n} flagged for review"), n=self.flagged_total),
            ]
        )
        if self.dry_run:
            head += " " + say(QT_TRANSLATE_NOOP("import", "(dry run: nothing was stored)"))
        if self.cancelled:
            head += " " + say(QT_TRANSLATE_NOOP("import", "(cancelled: nothing was stored)"))
        lines: list[str] = []
        lines += [
            say(
                QT_TRANSLATE_NOOP("import", "rejected {record}: {reason}"),
                record=record_text(rec, t),
                reason=why,
            )
            for rec, why in self.rejected
        ]
        if self.rejected_total > len(self.rejected):
            lines.append(
                say(
                    QT_TRANSLATE_NOOP("import", "… {n} more rejected"),
                    n=self.rejected_total - len(self.rejected),
                )
            )
        lines += [
            say(
                QT_TRANSLATE_NOOP("import", "review {record}: {reason}"),
                record=record_text(rec, t),
                reason=why,
            )
            for rec, why in self.flagged
        ]
        if self.flagged_total > len(self.flagged):
            lines.append(
                say(
                    QT_TRANSLATE_NOOP("import", "… {n} more for review"),
                    n=self.flagged_total - len(self.flagged),
                )
            )
        lines += [
            say(
                QT_TRANSLATE_NOOP("import", "changed {record}: {fields}"),
                record=record_text(c.label, t),
                fields=", ".join(c.fields),
            )
            for c in self.changes
        ]
        unused = (
            QT_TRANSLATE_NOOP("import", "property not imported: {name} ({n} values)")
            if self.file_format == "vcard"
            else QT_TRANSLATE_NOOP("import", "column not imported: {name} ({n} values)")
        )
        lines += [say(unused, name=name, n=n) for name, n in self.unused_columns.items()]
        lines += [
            say(
                QT_TRANSLATE_NOOP("import", "dropped from {record}: {value}"),
                record=record_text(rec, t),
                value=what,
            )
            for rec, what in self.dropped
        ]
        if self.dropped_total > len(self.dropped):
            lines.append(
                say(
                    QT_TRANSLATE_NOOP("import", "… {n} more values dropped"),
                    n=self.dropped_total - len(self.dropped),
                )
            )
        return "\n".join([head, *(f"  {line}" for line in lines)])


Translate = Callable[[str, str], str]  # (context, English text) -> the user's language


def _untranslated(context: str, text: str) -> str:
    return text


# where a record came from, as the file readers name it ("card 3", "line 4"), alone or
# after the record's name ("Anna Berg (card 3)")
_RECORD_SOURCE = re.compile(
    r"^(?:(?P<name>.*) \()?(?P<kind>card|line) (?P<n>\d+)(?(name)\))$", re.S
)
_SOURCE_TEXTS = {
    "card": QT_TRANSLATE_NOOP("import", "card {n}"),
    "line": QT_TRANSLATE_NOOP("import", "line {n}"),
}


def record_text(label: str, tr: Translate | None = None) -> str:
    """A report's record label in the user's language: "Anna Berg (Karte 3)", "Zeile 4"."""
    found = _RECORD_SOURCE.match(label)
    if found is None:
        return label
    source = (tr or _untranslated)("import", _SOURCE_TEXTS[found["kind"]]).format(n=found["n"])
    return f"{found['name']} ({source})" if found["name"] is not None else source
