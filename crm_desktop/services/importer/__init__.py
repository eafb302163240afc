"""Import contacts from vCard and CSV files: one transaction per file, re-import safe.

``import_file`` checks the whole file first (an unreadable file raises
:class:`ImportFileError` before anything is written; a CSV file in a pass that
keeps nothing, see :func:`csv_contacts.open_csv`), then imports every record in
ONE transaction: all lands or nothing. A dry run does everything and rolls back; a
cancelled run (``progress`` returned False) rolls back too, and so does any error.

The records are streamed :data:`CHUNK_SIZE` at a time (read, checked, matched
against the store, written, forgotten), so memory does not grow with the file: the
people a chunk may match are looked up in the store by the chunk's own keys
(:meth:`_Run.prepare`); people written by earlier chunks of the same run are stored
by then and found the same way. Only the first :data:`_MAX_REPORT_ITEMS` rejected
and flagged records are kept in detail (their counts are complete).

Per record:

- rejected: unreadable cards/rows and forbidden content (payment card numbers in
  any field or note, see :mod:`cardguard`), and records with nothing to import;
- reported, not lost silently: the columns of a CSV file (properties of a vCard) no
  field takes (``unused_columns``) and the values read but not kept (``dropped``);
- phone numbers: international ones as written; national ones in the country of the
  first address, else the default region (see :func:`_plausible_national`: digits
  without the trunk 0 are not made German by an empty country);
- flagged (``needs_review`` + reason): invalid phone numbers, e-mail addresses and
  postcodes (kept as written), impossible or implausible birthdays (dropped), a
  missing name, shortened values, unknown countries;
- matched to people already stored (or created earlier in the same file) by vCard
  UID, then e-mail, then phone (E.164), then name + birth date. ``on_duplicate``:
  ``"merge"`` updates the fields the record changes (empty values never erase),
  adds new e-mails/phones/addresses/tags; ``"skip"`` leaves matches untouched;
  ``"create"`` makes a new person even when a match exists, except for the very
  same record (same vCard UID, or nothing new in it), which is never copied.

New people and companies are written with bulk INSERTs (ids drawn up front; on
SQLite straight to the driver's executemany, see :func:`_insert_rows`), together with
their search entries (built by :mod:`crm_desktop.data.search_sync`'s own functions);
updates of stored people go through the ORM. Every created person and company carries
the ``import_batch_id`` of the run's :class:`ImportBatch`.

The package's rooms: ``common`` (policies, the person fields), ``report`` (the report,
the cancel), ``files`` (file sniffing and formats), ``normalize`` (row validation),
``keys`` (comparison keys), ``targets`` (what a record is matched against),
``matching`` (the run's indexes, the stored people a chunk may match), ``deciding``
(create, update, skip per record), ``rows`` (bulk INSERTs), ``writing`` (a chunk
written), ``run`` (the run: matching, deciding and writing together),
``transaction`` (:func:`import_records`, :func:`import_file`).
"""

from crm_desktop.services.importer.common import (
    ON_DUPLICATE,
    OnDuplicate,
    Progress,
)
from crm_desktop.services.importer.files import (
    detect_format,
    read_records,
)
from crm_desktop.services.importer.report import (
    ImportCancelled,
    ImportReport,
    PersonChange,
)
from crm_desktop.services.importer.transaction import (
    CHUNK_SIZE,
    import_file,
    import_records,
)

__all__ = [
    "CHUNK_SIZE",
    "ON_DUPLICATE",
    "ImportCancelled",
    "ImportReport",
    "OnDuplicate",
    "PersonChange",
    "Progress",
    "detect_format",
    "import_file",
    "import_records",
    "read_records",
]
