"""Keep ``search_documents`` in step with the records it describes.

The ORM writes one row per person, company, activity, ticket and project whenever
such a record is added, changed or deleted (soft delete removes the row). SQLite's
FTS5 table follows ``search_documents`` through triggers created in the migration;
PostgreSQL indexes it with a GIN index on its tsvector.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, event, insert, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session, object_session, sessionmaker

from crm_desktop.data.models import (
    Activity,
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


def document_row(doc: Document) -> dict[str, Any]:
    """``doc`` as a row of ``search_documents`` (for bulk inserts)."""
    return {"kind": doc[0], "ref_id": doc[1], "title": doc[2], "body": doc[3]}


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
    if isinstance(obj, (Email, Phone)):
        return obj.person or obj.company
    return obj


def _replace(session: Session, kind: str, ref_id: int, doc: Document | None) -> None:
    conn = session.connection()
    conn.execute(
        delete(SearchDocument).where(SearchDocument.kind == kind, SearchDocument.ref_id == ref_id)
    )
    if doc is not None:
        conn.execute(
            insert(SearchDocument).values(kind=doc[0], ref_id=doc[1], title=doc[2], body=doc[3])
        )


def sync_objects(session: Session, objects: list[Any], removed: list[Any]) -> None:
    for obj in removed:
        if obj.id is not None:
            _replace(session, _kind_of(obj), obj.id, None)
    for obj in objects:
        if obj.id is not None:
            _replace(session, _kind_of(obj), obj.id, document_for(obj))


# the attributes a search document is made of: other changes (a priority, a contact
# rhythm, a note) leave the document as it is, so nothing is rewritten for them
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
    for obj in list(new) + list(dirty):
        indexed_change = isinstance(obj, INDEXED) and obj not in new
        if indexed_change and not touches(obj, DOCUMENT_ATTRIBUTES):
            continue
        owner = _owner_of(obj)
        if owner is not None and isinstance(owner, INDEXED):
            changed[id(owner)] = owner
    removed = [o for o in deleted if isinstance(o, INDEXED)]
    for obj in deleted:
        if isinstance(obj, (Email, Phone)):
            owner = _owner_of(obj)
            if owner is not None and owner not in deleted:
                changed[id(owner)] = owner
    if not changed and not removed:
        return
    gone = {id(o) for o in removed}
    with session.no_autoflush:
        sync_objects(session, [o for o in changed.values() if id(o) not in gone], removed)


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "after_flush", _after_flush)


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
    return len(rows)
