"""File sniffing and formats: vCard or CSV, the records of a file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import ImportFileError
from crm_desktop.interop.records import ContactRecord, RowError


def detect_format(path: Path) -> str:
    """ "vcard" or "csv", by the file name, else by the first bytes."""
    suffix = path.suffix.lower()
    if suffix in {".vcf", ".vcard"}:
        return "vcard"
    if suffix in {".csv", ".tsv"}:
        return "csv"
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise ImportFileError(
            QT_TRANSLATE_NOOP("errors", "The file {path} cannot be read: {detail}"),
            path=str(path),
            detail=exc.strerror,
        ) from exc
    from crm_desktop.interop.vcard import looks_like_vcard

    return "vcard" if looks_like_vcard(head) else "csv"


def read_records(
    path: str | Path, *, mapping: dict[str, str] | None = None, file_format: str | None = None
) -> tuple[str, list[ContactRecord | RowError]]:
    """(format, records) of a contact file; raises ImportFileError when unreadable."""
    p = Path(path)
    if not p.is_file():
        raise ImportFileError(
            QT_TRANSLATE_NOOP("errors", "The file {path} does not exist."), path=str(p)
        )
    fmt = file_format or detect_format(p)
    if fmt == "vcard":
        from crm_desktop.interop.vcard import read_vcards

        return fmt, read_vcards(p)
    from crm_desktop.interop.csv_contacts import read_csv

    return "csv", list(read_csv(p, mapping))


def _open_records(
    p: Path, mapping: dict[str, str] | None
) -> tuple[str, int, Iterable[ContactRecord | RowError]]:
    """(format, number of records, records) of a contact file: a CSV file is checked
    whole first and then read as a stream (see :func:`csv_contacts.open_csv`)."""
    if not p.is_file():
        raise ImportFileError(
            QT_TRANSLATE_NOOP("errors", "The file {path} does not exist."), path=str(p)
        )
    fmt = detect_format(p)
    if fmt == "vcard":
        records = read_records(p, mapping=mapping, file_format=fmt)[1]
        return fmt, len(records), records
    from crm_desktop.interop.csv_contacts import open_csv

    total, stream = open_csv(p, mapping)
    return "csv", total, stream
