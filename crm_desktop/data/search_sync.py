"""Keep ``search_documents`` in step with the records it describes.

The ORM writes one row per person, company, activity, ticket and project whenever
such a record is added, changed or deleted (soft delete removes the row). SQLite's
FTS5 table follows ``search_documents`` through triggers created in the migration;
PostgreSQL indexes it with a GIN index on its tsvector.

Besides its title and body, a person's or company's document has ``fields``: what
else a user would type to find it — the addresses (street, postcode, city), the notes,
the profile field values and every phone number in its national and subscriber forms
("01719876543", "1719876543", "9876543" for a stored +491719876543). Writers that
bypass the ORM (the demo data, the import's bulk inserts) leave ``fields`` NULL;
:func:`complete` fills those in. The commit of a session that wrote such documents
calls it (:func:`fields_pending`, or a statement on ``search_documents`` seen by the
session); any other commit, a read-only one above all, costs nothing here.
"""

from __future__ import annotations

import functools
import json
import re
import weakref
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, bindparam, delete, event, insert, select, text
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import ORMExecuteState, Session, object_session, sessionmaker
from sqlalchemy.sql.elements import TextClause

from crm_desktop.data.models import (
    Activity,
    Address,
    Company,
    Email,
    Person,
    Phone,
    Project,
    SearchDocument,
    Ticket,
)

INDEXED = (Person, Company, Activity, Ticket, Project)


Document = tuple[str, int, str, str]  # kind, ref_id, title, body


def person_document(
    ref_id: int,
    full_name: str,
    company: str | None,
    position: str | None,
    emails: Iterable[str],
    phones: Iterable[str],
) -> Document:
    """The search entry of a person: name; company, position, e-mails and phones.

    Shared by :func:`document_for` and the importer's bulk inserts, so that both
    write the very same text.
    """
    body = " ".join(x for x in (company or "", position or "", *emails, *phones) if x)
    return ("person", ref_id, full_name, body)


def company_document(
    ref_id: int,
    name: str,
    legal_form: str | None,
    website: str | None,
    emails: Iterable[str],
    phones: Iterable[str],
) -> Document:
    """The search entry of a company: name; legal form, website, e-mails and phones."""
    body = " ".join(x for x in (legal_form or "", website or "", *emails, *phones) if x)
    return ("company", ref_id, name, body)


FIELD_KINDS = ("person", "company")
_DIGITS = re.compile(r"\D+")


@functools.lru_cache(maxsize=65536)
def phone_forms(number: str) -> tuple[str, ...]:
    """The digit strings a user may type for the stored E.164 ``number``: the national
    form with its trunk prefix ("01719876543"), without it ("1719876543") and the
    subscriber number after the area/network code ("9876543")."""
    import phonenumbers

    digits = _DIGITS.sub("", number or "")
    if len(digits) < 4:
        return ()
    try:
        parsed = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return ()
    nsn = phonenumbers.national_significant_number(parsed)
    if not nsn:
        return ()
    forms = []
    region = phonenumbers.region_code_for_number(parsed)
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region) if region else None
    trunk = (meta.national_prefix if meta is not None else None) or ""
    if trunk:
        forms.append(trunk + nsn)
    forms.append(nsn)
    try:
        ndc = phonenumbers.length_of_national_destination_code(parsed)
    except Exception:  # pragma: no cover - metadata without a pattern
        ndc = 0
    if 0 < ndc < len(nsn) - 2:
        forms.append(nsn[ndc:])
    return tuple(dict.fromkeys(f for f in forms if f != digits))


def fields_text(
    addresses: Iterable[tuple[str | None, ...]],
    notes: str | None,
    profile: dict[str, Any] | None,
    phones: Iterable[str],
    extra: Iterable[str | None] = (),
) -> str:
    """The ``fields`` of a person's or company's document (see the module docstring):
    one line per address ("Obermarkt 5 02826 Görlitz"), profile values, phone forms,
    the notes last."""
    parts: list[str] = []
    for address in addresses:
        line = " ".join(str(x) for x in address if x)
        if line:
            parts.append(line)
    parts += [str(x) for x in extra if x]
    if isinstance(profile, dict):
        parts += [str(val) for val in profile.values() if val not in (None, "")]
    forms = [f for number in phones for f in phone_forms(number)]
    if forms:
        parts.append(" ".join(forms))
    if notes:
        parts.append(notes)
    return "\n".join(parts)


def document_row(doc: Document) -> dict[str, Any]:
    """``doc`` as a row of ``search_documents`` (for bulk inserts; the fields of people
    and companies stay NULL for :func:`complete`)."""
    return {"kind": doc[0], "ref_id": doc[1], "title": doc[2], "body": doc[3], "fields": None}


def document_for(obj: Any) -> Document | None:
    """(kind, id, title, body) for an indexed record, or None when it should not be found."""
    if getattr(obj, "deleted_at", None) is not None or obj.id is None:
        return None
    if isinstance(obj, Person):
        comp = obj.company
        if comp is None and obj.company_id is not None:
            sess = object_session(obj)
            comp = sess.get(Company, obj.company_id) if sess is not None else None
        return person_document(
            obj.id,
            obj.full_name,
            comp.name if comp is not None else "",
            obj.position,
            (e.address for e in obj.emails),
            (p.number for p in obj.phones),
        )
    if isinstance(obj, Company):
        return company_document(
            obj.id,
            obj.name,
            obj.legal_form,
            obj.website,
            (e.address for e in obj.emails),
            (p.number for p in obj.phones),
        )
    if isinstance(obj, Activity):
        return ("activity", obj.id, obj.subject or "", obj.text or "")
    if isinstance(obj, Ticket):
        return ("ticket", obj.id, f"{obj.number} {obj.title}", obj.description or "")
    if isinstance(obj, Project):
        return ("project", obj.id, obj.name, obj.description or "")
    return None


def _kind_of(obj: Any) -> str:
    return type(obj).__name__.lower()


def _owner_of(obj: Any) -> Any:
    if isinstance(obj, (Email, Phone, Address)):
        return obj.person or obj.company
    return obj


def _replace(
    session: Session, kind: str, ref_id: int, doc: Document | None, fields: str | None = None
) -> None:
    conn = session.connection()
    conn.execute(
        delete(SearchDocument).where(SearchDocument.kind == kind, SearchDocument.ref_id == ref_id)
    )
    if doc is not None:
        conn.execute(
            insert(SearchDocument).values(
                kind=doc[0], ref_id=doc[1], title=doc[2], body=doc[3], fields=fields
            )
        )


def sync_objects(session: Session, objects: list[Any], removed: list[Any]) -> None:
    for obj in removed:
        if obj.id is not None:
            _replace(session, _kind_of(obj), obj.id, None)
    docs = [(obj, document_for(obj)) for obj in objects if obj.id is not None]
    # the fields are read with SQL: in a flush the rows are written already, and the
    # ORM must not load collections inside its flush events
    wanted: dict[str, list[int]] = {}
    for _obj, doc in docs:
        if doc is not None and doc[0] in FIELD_KINDS:
            wanted.setdefault(doc[0], []).append(doc[1])
    conn = session.connection()
    fields = {
        (kind, rid): txt
        for kind, ids in wanted.items()
        for rid, txt in _fields_by_sql(conn, kind, ids)
    }
    for obj, doc in docs:
        kind = _kind_of(obj)
        _replace(session, kind, obj.id, doc, fields.get((kind, obj.id)))


# the attributes a search document is made of: other changes (a priority, a contact
# rhythm) leave the document as it is, so nothing is rewritten for them
DOCUMENT_ATTRIBUTES: dict[type, tuple[str, ...]] = {
    Person: (
        "title",
        "given_name",
        "family_name",
        "nickname",
        "company_id",
        "company",
        "position",
        "deleted_at",
        "emails",
        "phones",
    ),
    Company: ("name", "legal_form", "website", "deleted_at", "emails", "phones"),
    Activity: ("subject", "text", "deleted_at"),
    Ticket: ("number", "title", "description", "deleted_at"),
    Project: ("name", "description", "deleted_at"),
}
# ... and those only in its fields: updated in place (the document keeps its id)
FIELD_ATTRIBUTES: dict[type, tuple[str, ...]] = {
    Person: ("notes", "profile_fields", "occupation", "hobbies", "addresses"),
    Company: ("notes", "vat_id", "addresses"),
}


def touches(obj: Any, attributes: dict[type, tuple[str, ...]]) -> bool:
    """True when a changed (dirty) ``obj`` changed one of its ``attributes`` (all of a
    type not listed count). Works in after_flush, where the history is still there."""
    names = attributes.get(type(obj))
    if names is None:
        return True
    state = sa_inspect(obj)
    return any(state.attrs[n].history.has_changes() for n in names if n in state.attrs)


def _after_flush(session: Session, _ctx: Any) -> None:
    if session.info.get("search_sync_disabled"):
        return
    changed: dict[int, Any] = {}
    # session.new/dirty/deleted build a new set on every access: read each once (a flush
    # of thousands of objects was quadratic here)
    new, dirty, deleted = session.new, session.dirty, session.deleted
    by_id: dict[str, set[int]] = {}  # owners known by id only: their fields
    for obj in list(new) + list(dirty):
        if isinstance(obj, Address):
            _orphan(obj, by_id)
            continue
        indexed_change = isinstance(obj, INDEXED) and obj not in new
        if indexed_change and not touches(obj, DOCUMENT_ATTRIBUTES):
            if type(obj) in FIELD_ATTRIBUTES and touches(obj, FIELD_ATTRIBUTES):
                by_id.setdefault(_kind_of(obj), set()).add(int(obj.id))
            continue
        owner = _owner_of(obj)
        if owner is not None and isinstance(owner, INDEXED):
            changed[id(owner)] = owner
        elif owner is None and isinstance(obj, Phone):
            _orphan(obj, by_id)
    removed = [o for o in deleted if isinstance(o, INDEXED)]
    for obj in deleted:
        if isinstance(obj, Address):
            _orphan(obj, by_id)
        elif isinstance(obj, (Email, Phone)):
            owner = _owner_of(obj)
            if owner is not None and owner not in deleted:
                changed[id(owner)] = owner
            elif owner is None and isinstance(obj, (Phone, Address)):
                _orphan(obj, by_id)
    if not changed and not removed and not by_id:
        return
    gone = {id(o) for o in removed}
    with session.no_autoflush:
        sync_objects(session, [o for o in changed.values() if id(o) not in gone], removed)
        _refresh_fields(session.connection(), by_id)


def _orphan(obj: Any, by_id: dict[str, set[int]]) -> None:
    """The owner of an address (or of a phone whose owner is not loaded), by id: its
    fields are read again."""
    person_id = obj.person_id or (obj.person.id if obj.person is not None else None)
    company_id = obj.company_id or (obj.company.id if obj.company is not None else None)
    if person_id is not None:
        by_id.setdefault("person", set()).add(int(person_id))
    elif company_id is not None:
        by_id.setdefault("company", set()).add(int(company_id))


def _refresh_fields(conn: Connection, by_id: dict[str, set[int]]) -> None:
    for kind, ids in by_id.items():
        values = [
            {"k": kind, "r": rid, "f": f} for rid, f in _fields_by_sql(conn, kind, sorted(ids))
        ]
        if values:
            conn.execute(
                text("UPDATE search_documents SET fields = :f WHERE kind = :k AND ref_id = :r"),
                values,
            )


_HAS_FIELDS: weakref.WeakKeyDictionary[Any, bool] = weakref.WeakKeyDictionary()
PENDING = "search_fields_pending"  # session.info: documents without fields were written


def fields_pending(session: Session) -> None:
    """Tell the commit of ``session`` that documents without their fields were written
    past the ORM (a bulk load through the driver): it fills them in."""
    session.info[PENDING] = True


def _orm_execute(state: ORMExecuteState) -> None:
    """A statement that may write documents without fields (a bulk INSERT into
    ``search_documents``, an UPDATE of it, any textual SQL naming it) marks the session;
    reads and writes of other tables cost this check only."""
    statement = state.statement
    if getattr(statement, "is_dml", False):
        table = getattr(statement, "table", None)
        if getattr(table, "name", None) == "search_documents":
            state.session.info[PENDING] = True
    elif isinstance(statement, TextClause) and "search_documents" in statement.text:
        state.session.info[PENDING] = True


def _before_commit(session: Session) -> None:
    """Fill the fields bulk loads of this transaction left empty. Free unless the
    session wrote such documents (see :func:`_orm_execute`, :func:`fields_pending`):
    a read-only commit or one of ORM changes (the flush writes full documents) does not
    look."""
    if not session.info.pop(PENDING, False) or session.info.get("search_sync_disabled"):
        return
    conn = session.connection()
    key = conn.engine.pool
    has = _HAS_FIELDS.get(key)
    if has is None:  # a store opened without migrating (an old schema) has no column
        columns = sa_inspect(conn).get_columns("search_documents")
        has = _HAS_FIELDS[key] = any(c["name"] == "fields" for c in columns)
    if has:
        session.flush()
        complete(conn)


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "do_orm_execute", _orm_execute)
    event.listen(factory, "before_commit", _before_commit)


# ---------------------------------------------------------------- fields written later

COMPLETE_BATCH = 2000
# the partial index ix_search_documents_no_fields (migration 0007) holds just these rows
_MISSING = (
    "SELECT id, kind, ref_id FROM search_documents "
    "WHERE fields IS NULL AND kind IN ('person', 'company') ORDER BY id LIMIT :n"
)


def complete(conn: Connection, batch: int = COMPLETE_BATCH) -> int:
    """Fill ``fields`` of the person and company documents that have none (written by a
    bulk load that bypassed the ORM). Returns how many were filled."""
    done = 0
    while True:
        rows = conn.execute(text(_MISSING), {"n": batch}).all()
        if not rows:
            return done
        by_kind: dict[str, dict[int, int]] = {}
        for doc_id, kind, ref_id in rows:
            by_kind.setdefault(str(kind), {})[int(ref_id)] = int(doc_id)
        values: list[dict[str, Any]] = []
        for kind, refs in by_kind.items():
            texts = dict(_fields_by_sql(conn, kind, list(refs)))
            values += [{"doc_id": d, "f": texts.get(r, "")} for r, d in refs.items()]
        conn.execute(text("UPDATE search_documents SET fields = :f WHERE id = :doc_id"), values)
        done += len(values)


def _fields_by_sql(conn: Connection, kind: str, ids: list[int]) -> Iterator[tuple[int, str]]:
    """(ref_id, fields) for people or companies, read with plain SQL (the migration
    uses it too, so it names only columns that exist since migration 0001)."""
    owner = "person_id" if kind == "person" else "company_id"
    table = "people" if kind == "person" else "companies"
    extra = "occupation, hobbies, profile_fields" if kind == "person" else "vat_id, NULL, NULL"
    addresses: dict[int, list[tuple[str | None, ...]]] = {}
    phones: dict[int, list[str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        params = {"ids": chunk}
        for row in conn.execute(
            text(
                f"SELECT {owner}, street, extra, postcode, city, region FROM addresses "
                f"WHERE {owner} IN :ids ORDER BY id"
            ).bindparams(bindparam("ids", expanding=True)),
            params,
        ):
            addresses.setdefault(int(row[0]), []).append(tuple(row[1:]))
        for owner_id, number in conn.execute(
            text(
                f"SELECT {owner}, number FROM phones WHERE {owner} IN :ids ORDER BY id"
            ).bindparams(bindparam("ids", expanding=True)),
            params,
        ):
            phones.setdefault(int(owner_id), []).append(str(number))
        for rid, notes, e1, e2, profile in conn.execute(
            text(f"SELECT id, notes, {extra} FROM {table} WHERE id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            params,
        ):
            if isinstance(profile, str):
                try:
                    profile = json.loads(profile)
                except ValueError:
                    profile = None
            yield (
                int(rid),
                fields_text(
                    addresses.get(int(rid), ()),
                    notes,
                    profile if isinstance(profile, dict) else None,
                    phones.get(int(rid), ()),
                    (e1, e2),
                ),
            )


def rebuild(session: Session) -> int:
    """Rebuild the whole index (after bulk loads that bypassed the ORM)."""
    conn = session.connection()
    conn.execute(delete(SearchDocument))
    rows: list[dict[str, Any]] = []
    for model in INDEXED:
        for obj in session.execute(select(model)).scalars():
            doc = document_for(obj)
            if doc is not None:
                rows.append(document_row(doc))
    if rows:
        conn.execute(insert(SearchDocument), rows)
    complete(conn)
    return len(rows)
