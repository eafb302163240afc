"""Translated texts that do not belong to one widget: error messages and enum labels.

Errors carry an English source text with ``{named}`` placeholders (see
:mod:`crm_desktop.errors`); :func:`translate_error` runs it through Qt's
translation (context ``"errors"``) and then fills in the parameters. Field names
that appear inside messages (the card guard names the field) become human labels.

Enum members are shown through the ``*_label`` helpers (context ``"enums"``);
``QT_TRANSLATE_NOOP`` marks the English source texts for ``lupdate``.
"""

from __future__ import annotations

import contextlib
import enum
import re
from collections.abc import Iterable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication

from crm_desktop.data.models import (
    ActivityKind,
    AddressKind,
    AppointmentStatus,
    CompanyStatus,
    Direction,
    EmailKind,
    OpportunityStatus,
    PhoneKind,
    Priority,
    ProjectStatus,
    TicketStatus,
)
from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP
from crm_desktop.errors import CrmError, MultipleErrors, ValidationError

E = TypeVar("E", bound=enum.Enum)


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


# ---------------------------------------------------------------- errors

# parameters whose value is itself an English text from the program (not user data)
_TRANSLATED_PARAMS = ("label", "description")

# such parameter texts, marked here so that lupdate puts them into the "errors" context
_PARAM_TEXTS = (
    QT_TRANSLATE_NOOP("errors", "Company name"),
    QT_TRANSLATE_NOOP("errors", "Department name"),
    QT_TRANSLATE_NOOP("errors", "Street"),
    QT_TRANSLATE_NOOP("errors", "City"),
    QT_TRANSLATE_NOOP("errors", "Postcode"),
    QT_TRANSLATE_NOOP("errors", "five digits"),
    QT_TRANSLATE_NOOP("errors", "four digits"),
    QT_TRANSLATE_NOOP("errors", "four digits and two letters"),
    QT_TRANSLATE_NOOP("errors", "the form 12-345"),
    QT_TRANSLATE_NOOP("errors", "five digits (ZIP) or ZIP+4"),
    QT_TRANSLATE_NOOP("errors", "a UK postcode such as SW1A 1AA"),
)


def flatten_errors(exc: CrmError) -> list[CrmError]:
    """The single errors inside ``exc`` (a MultipleErrors holds several)."""
    if isinstance(exc, MultipleErrors) and getattr(exc, "errors", None):
        out: list[CrmError] = []
        for err in exc.errors:
            out.extend(flatten_errors(err))
        return out
    return [exc]


def translate_error(exc: CrmError) -> str:
    """The human message of ``exc`` in the user's language (several lines for
    :class:`MultipleErrors`)."""
    parts = flatten_errors(exc)
    if len(parts) > 1 or parts[0] is not exc:
        return "\n".join(translate_error(p) for p in parts)
    params = dict(exc.params)
    if "field_label" in params:
        params["field_label"] = field_label(str(params["field_label"]))
    for key in _TRANSLATED_PARAMS:
        if isinstance(params.get(key), str):
            params[key] = _translate("errors", params[key])
    params = _user_params(params)
    try:
        return _translate("errors", exc.message).format(**params)
    except (KeyError, IndexError, ValueError):
        return exc.text()


def _user_params(params: dict[str, Any]) -> dict[str, Any]:
    """Message parameters the way the user writes them: dates (the services put ISO
    dates into messages) in the window's format."""
    from crm_desktop.ui.format import format_param

    return {key: format_param(value) for key, value in params.items()}


def is_validation(exc: CrmError) -> bool:
    return isinstance(exc, ValidationError)


# ---------------------------------------------------------------- field labels

_FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("fields", "Name"),
    "salutation": QT_TRANSLATE_NOOP("fields", "Salutation"),
    "title": QT_TRANSLATE_NOOP("fields", "Title"),
    "given_name": QT_TRANSLATE_NOOP("fields", "Given name"),
    "family_name": QT_TRANSLATE_NOOP("fields", "Family name"),
    "nickname": QT_TRANSLATE_NOOP("fields", "Nickname"),
    "birth_date": QT_TRANSLATE_NOOP("fields", "Birth date"),
    "position": QT_TRANSLATE_NOOP("fields", "Position"),
    "company_id": QT_TRANSLATE_NOOP("fields", "Company"),
    "department_id": QT_TRANSLATE_NOOP("fields", "Department"),
    "reports_to_id": QT_TRANSLATE_NOOP("fields", "Reports to"),
    "parent_id": QT_TRANSLATE_NOOP("fields", "Parent company"),
    "occupation": QT_TRANSLATE_NOOP("fields", "Occupation"),
    "marital_status": QT_TRANSLATE_NOOP("fields", "Marital status"),
    "hobbies": QT_TRANSLATE_NOOP("fields", "Hobbies"),
    "notes": QT_TRANSLATE_NOOP("fields", "Notes"),
    "payment_terms": QT_TRANSLATE_NOOP("fields", "Payment terms"),
    "owner": QT_TRANSLATE_NOOP("fields", "Owner"),
    "legal_form": QT_TRANSLATE_NOOP("fields", "Legal form"),
    "status_reason": QT_TRANSLATE_NOOP("fields", "Status reason"),
    "managing_directors": QT_TRANSLATE_NOOP("fields", "Managing directors"),
    "website": QT_TRANSLATE_NOOP("fields", "Website"),
    "vat_id": QT_TRANSLATE_NOOP("fields", "VAT id"),
    "register_court": QT_TRANSLATE_NOOP("fields", "Register court"),
    "register_number": QT_TRANSLATE_NOOP("fields", "Register number"),
    "customer_since": QT_TRANSLATE_NOOP("fields", "Customer since"),
    "contact_interval_days": QT_TRANSLATE_NOOP("fields", "Contact interval"),
    "status": QT_TRANSLATE_NOOP("fields", "Status"),
    "priority": QT_TRANSLATE_NOOP("fields", "Priority"),
    "consent_marketing": QT_TRANSLATE_NOOP("fields", "Marketing consent"),
    "needs_review": QT_TRANSLATE_NOOP("fields", "Needs review"),
    "consent_source": QT_TRANSLATE_NOOP("fields", "Consent source"),
    "tags": QT_TRANSLATE_NOOP("fields", "Tags"),
    "street": QT_TRANSLATE_NOOP("fields", "Street"),
    "extra": QT_TRANSLATE_NOOP("fields", "Address line 2"),
    "postcode": QT_TRANSLATE_NOOP("fields", "Postcode"),
    "city": QT_TRANSLATE_NOOP("fields", "City"),
    "country": QT_TRANSLATE_NOOP("fields", "Country"),
    "iban": QT_TRANSLATE_NOOP("fields", "IBAN"),
    "bic": QT_TRANSLATE_NOOP("fields", "BIC"),
    "holder": QT_TRANSLATE_NOOP("fields", "Account holder"),
    "bank_name": QT_TRANSLATE_NOOP("fields", "Bank"),
    "label": QT_TRANSLATE_NOOP("fields", "Label"),
    "subject": QT_TRANSLATE_NOOP("fields", "Subject"),
    "text": QT_TRANSLATE_NOOP("fields", "Text"),
    "location": QT_TRANSLATE_NOOP("fields", "Location"),
    "occurred_at": QT_TRANSLATE_NOOP("fields", "Date and time"),
    "duration_minutes": QT_TRANSLATE_NOOP("fields", "Duration"),
    "person_id": QT_TRANSLATE_NOOP("fields", "Person"),
    "ticket_number": QT_TRANSLATE_NOOP("fields", "Ticket number"),
    "project_id": QT_TRANSLATE_NOOP("fields", "Project"),
    "opportunity_id": QT_TRANSLATE_NOOP("fields", "Opportunity"),
    "followup_due_at": QT_TRANSLATE_NOOP("fields", "Follow-up"),
    "followup_note": QT_TRANSLATE_NOOP("fields", "Follow-up note"),
    "region": QT_TRANSLATE_NOOP("fields", "Region"),
    "channel": QT_TRANSLATE_NOOP("fields", "Channel"),
    "attendee": QT_TRANSLATE_NOOP("fields", "Attendee"),
    "email": QT_TRANSLATE_NOOP("fields", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("fields", "Phone"),
    "vcard_uid": QT_TRANSLATE_NOOP("fields", "vCard UID"),
    "unit": QT_TRANSLATE_NOOP("fields", "Unit"),
}

_LIST_LABELS: dict[str, str] = {
    "phones": QT_TRANSLATE_NOOP("fields", "Phone {n}"),
    "emails": QT_TRANSLATE_NOOP("fields", "E-mail {n}"),
    "addresses": QT_TRANSLATE_NOOP("fields", "Address {n}"),
    "bank_accounts": QT_TRANSLATE_NOOP("fields", "Bank account {n}"),
    "lines": QT_TRANSLATE_NOOP("fields", "Line {n}"),
}

_LIST_KEY = re.compile(r"^(phones|emails|addresses|bank_accounts|lines)\.(\d+)(?:\.(\w+))?$")


def field_label(key: str) -> str:
    """A human label for a field key as used in errors ("phones.0" → "Phone 1")."""
    m = _LIST_KEY.match(key)
    if m:
        head = _translate("fields", _LIST_LABELS[m.group(1)]).format(n=int(m.group(2)) + 1)
        if m.group(3):
            return f"{head}, {field_label(m.group(3))}"
        return head
    if key.startswith("profile."):
        return key.split(".", 1)[1]
    source = _FIELD_LABELS.get(key)
    return _translate("fields", source) if source else key


# ---------------------------------------------------------------- undo entries


_RULE_LABELS = {
    "pipeline-stages": QT_TRANSLATE_NOOP("rules", "Pipeline stages and their probabilities"),
    "loss-reasons": QT_TRANSLATE_NOOP("rules", "Loss reasons"),
    "quote-stages": QT_TRANSLATE_NOOP("rules", "Quote follow-up"),
    "priority-criteria": QT_TRANSLATE_NOOP("rules", "Priority A/B/C criteria"),
    "new-customer-opportunity": QT_TRANSLATE_NOOP("rules", "Opportunity for a new customer"),
    "required-person-fields": QT_TRANSLATE_NOOP("rules", "Required fields of a person"),
    "required-company-fields": QT_TRANSLATE_NOOP("rules", "Required fields of a company"),
    "ticket-scheme": QT_TRANSLATE_NOOP("rules", "Ticket numbers"),
    "order-scheme": QT_TRANSLATE_NOOP("rules", "Order numbers"),
}


def rule_label(name: str) -> str:
    """The name of a rule (services/rules) in the window's language."""
    source = _RULE_LABELS.get(name)
    return QCoreApplication.translate("rules", source) if source else name


def _custom_field_text(p: dict[str, Any]) -> str | None:
    """An entry of services/customfields.py: define, change, rename or delete a field."""
    before, after = p.get("before"), p.get("after")
    old = before.get("name") if isinstance(before, dict) else None
    new = after.get("name") if isinstance(after, dict) else None
    if old is None and new is not None:
        return QCoreApplication.translate("undo", "Define custom field “{name}”").format(name=new)
    if new is None and old is not None:
        return QCoreApplication.translate("undo", "Delete custom field “{name}”").format(name=old)
    if old is not None and new is not None and old != new:
        return QCoreApplication.translate("undo", "Rename custom field “{old}” to “{new}”").format(
            old=old, new=new
        )
    if new is not None:
        return QCoreApplication.translate("undo", "Change custom field “{name}”").format(name=new)
    return None


def undo_text(action: str, payload: dict[str, Any] | None, label: str) -> str:
    """What an undo entry takes back, in the window's language. The stored label is
    English (the domain writes it); entries of older versions fall back to it."""
    p = payload or {}
    ids = p.get("ids")
    n = len(ids) if isinstance(ids, list) else None
    if action == "bulk-tag" and "tag" in p and n is not None:
        return QCoreApplication.translate("undo", "Tag “{name}” added to {n}").format(
            name=p["tag"], n=n
        )
    if action == "bulk-untag" and "tag" in p and n is not None:
        return QCoreApplication.translate("undo", "Tag “{name}” removed from {n}").format(
            name=p["tag"], n=n
        )
    if action == "mail-import" and isinstance(p.get("activity_ids"), list):
        count = len(p["activity_ids"])
        if count == 1:
            return QCoreApplication.translate("undo", "Read 1 e-mail into the timeline")
        return QCoreApplication.translate("undo", "Read {n} e-mails into the timeline").format(
            n=count
        )
    if action == "bulk-delete" and n is not None:
        return QCoreApplication.translate("undo", "{n} moved to the trash").format(n=n)
    if action == "bulk-set" and "value" in p:
        field = str(p.get("field", ""))
        value: Any = p["value"]
        enum_of = {"status": CompanyStatus, "priority": Priority}.get(field)
        if enum_of is not None and value is not None:
            with contextlib.suppress(ValueError):  # a value of an older version: as stored
                value = enum_label(enum_of(value))
        if isinstance(value, bool):
            value = (
                QCoreApplication.translate("undo", "yes")
                if value
                else QCoreApplication.translate("undo", "no")
            )
        return QCoreApplication.translate("undo", "{field} set to “{value}” for {n}").format(
            field=field_label(field), value="–" if value is None else value, n=len(p.get("old", {}))
        )
    if action == "custom-field":
        return _custom_field_text(p) or label
    if action == "rule" and isinstance(p.get("rules"), list):
        names = [str(r.get("name", "")) for r in p["rules"] if isinstance(r, dict)]
        labels = ", ".join(rule_label(n) for n in names)
        if len(names) == 1:
            return QCoreApplication.translate("undo", "Change rule: {rules}").format(rules=labels)
        return QCoreApplication.translate("undo", "Change rules: {rules}").format(rules=labels)
    if action == "project-edit" and label.startswith("Edit project "):
        return QCoreApplication.translate("undo", "Edit project {name}").format(
            name=label.removeprefix("Edit project ")
        )
    if action in ("row-edit", "department-create", "department-change"):
        return _row_edit_text(label)
    if action == "merge-people":
        return QCoreApplication.translate("undo", "Merge of two people")
    if action == "merge-companies":
        return QCoreApplication.translate("undo", "Merge of two companies")
    return label


# the labels services write for an undoable edit of a row (services/undo.py "row-edit")
# and a new department; shown in the window's language by matching these templates
_ROW_EDIT_LABELS = (
    QT_TRANSLATE_NOOP("undo", "Edit activity “{name}”"),
    QT_TRANSLATE_NOOP("undo", "Close ticket {number}"),
    QT_TRANSLATE_NOOP("undo", "Reopen ticket {number}"),
    QT_TRANSLATE_NOOP("undo", "Set ticket {number} to {status}"),
    QT_TRANSLATE_NOOP("undo", "Edit ticket {number}"),
    QT_TRANSLATE_NOOP("undo", "Move “{name}” to {stage}"),
    QT_TRANSLATE_NOOP("undo", "Edit opportunity “{name}”"),
    QT_TRANSLATE_NOOP("undo", "Mark “{name}” won"),
    QT_TRANSLATE_NOOP("undo", "Mark “{name}” lost"),
    QT_TRANSLATE_NOOP("undo", "Mark quote sent for “{name}”"),
    QT_TRANSLATE_NOOP("undo", "Edit order {number}"),
    QT_TRANSLATE_NOOP("undo", "Edit appointment “{name}”"),
    QT_TRANSLATE_NOOP("undo", "Mark follow-up done"),
    QT_TRANSLATE_NOOP("undo", "Snooze follow-up"),
    QT_TRANSLATE_NOOP("undo", "Reschedule follow-up"),
    QT_TRANSLATE_NOOP("undo", "New department “{name}”"),
    # services/departments.py ("department-change")
    QT_TRANSLATE_NOOP("undo", "Rename department “{name}”"),
    QT_TRANSLATE_NOOP("undo", "Delete department “{name}”"),
    QT_TRANSLATE_NOOP("undo", "Move people to department “{name}”"),
    QT_TRANSLATE_NOOP("undo", "Remove people from their department"),
    QT_TRANSLATE_NOOP("undo", "Move department “{name}”"),
    QT_TRANSLATE_NOOP("undo", "Set head of department “{name}”"),
)
_row_edit_patterns: list[tuple[str, re.Pattern[str]]] = []


def _row_edit_text(label: str) -> str:
    if not _row_edit_patterns:
        _row_edit_patterns.extend((t, _template_pattern(t)) for t in _ROW_EDIT_LABELS)
    for template, pattern in _row_edit_patterns:
        found = pattern.match(label)
        if found is None:
            continue
        values = found.groupdict()
        if "status" in values:
            with contextlib.suppress(ValueError):  # a status of an older version: as stored
                values["status"] = enum_label(TicketStatus(values["status"]))
        return QCoreApplication.translate("undo", template).format(**values)
    return label  # a label of another version: as stored


# ---------------------------------------------------------------- import reasons

# what the importer and the file readers write (English, stored with the person as the
# review reason); shown in the window's language by matching these templates
_IMPORT_REASONS = (
    QT_TRANSLATE_NOOP("import", "{field} shortened to {limit} characters"),
    QT_TRANSLATE_NOOP("import", "company name shortened"),
    QT_TRANSLATE_NOOP("import", "department shortened"),
    QT_TRANSLATE_NOOP("import", "the record has no name, company, e-mail address or phone number"),
    QT_TRANSLATE_NOOP("import", "no name"),
    QT_TRANSLATE_NOOP("import", "country “{country}” not recognised, kept as typed"),
    QT_TRANSLATE_NOOP("import", "country “{country}” unknown"),  # reasons stored by older versions
    QT_TRANSLATE_NOOP("import", "postcode “{postcode}” is not valid for {country}"),
    QT_TRANSLATE_NOOP("import", "phone number “{number}” is not valid"),
    QT_TRANSLATE_NOOP("import", "e-mail address “{address}” is not valid"),
    QT_TRANSLATE_NOOP("import", "birthday “{value}” is not a valid date"),
    QT_TRANSLATE_NOOP("import", "the row has {fields} fields, the header {headers}"),
    QT_TRANSLATE_NOOP("import", "the {name} line is too long ({length} characters)"),
    QT_TRANSLATE_NOOP("import", "the card cannot be read ({detail})"),
)


def _template_pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(
        f"(?P<{part}>.+?)" if i % 2 else re.escape(part) for i, part in enumerate(parts)
    )
    return re.compile(f"^{regex}$", re.S)


_REASON_PATTERNS = [(t, _template_pattern(t)) for t in _IMPORT_REASONS]

# error messages the importer writes into reasons as they are (a rejected card number, an
# impossible birth date); translated with the "errors" context like any error
_ERROR_REASONS = (
    "The birth date {value} lies in the future.",
    "The birth date {value} would make this person older than {age} years.",
    "{field_label}: this looks like a payment card number ({masked}). Card numbers are never "
    "stored, to protect you and your customers (PCI DSS); please remove it.",
)
_ERROR_PATTERNS = [(t, _template_pattern(t)) for t in _ERROR_REASONS]


def _error_reason(text: str) -> str | None:
    for template, pattern in _ERROR_PATTERNS:
        m = pattern.match(text)
        if m is None:
            continue
        params = m.groupdict()
        if "field_label" in params:
            params["field_label"] = field_label(params["field_label"])
        return _translate("errors", template).format(**_user_params(params))
    return None


def import_record_text(label: str) -> str:
    """A report's record label in the window's language ("Anna Berg (Karte 3)")."""
    from crm_desktop.services.importer.report import record_text

    return record_text(label, QCoreApplication.translate)


def import_reason_text(text: str) -> str:
    """An import reason (or several joined by "; ") in the window's language; what no
    template matches (e.g. an error message) stays as it is."""
    whole = _error_reason(text)  # a card-number message has a "; " of its own
    if whole is not None:
        return whole
    out = []
    for part in text.split("; "):
        error = _error_reason(part)
        if error is not None:
            out.append(error)
            continue
        for template, pattern in _REASON_PATTERNS:
            m = pattern.match(part)
            if m is None:
                continue
            params = m.groupdict()
            if "field" in params:
                params["field"] = field_label(params["field"])
            part = QCoreApplication.translate("import", template).format(**_user_params(params))
            break
        out.append(part)
    return "; ".join(out)


# ---------------------------------------------------------------- enum labels

_ENUM_SOURCES: list[tuple[enum.Enum, str]] = [
    (CompanyStatus.PROSPECT, QT_TRANSLATE_NOOP("enums", "Prospect")),
    (CompanyStatus.CUSTOMER, QT_TRANSLATE_NOOP("enums", "Customer")),
    (CompanyStatus.FORMER, QT_TRANSLATE_NOOP("enums", "Former customer")),
    (Priority.A, QT_TRANSLATE_NOOP("enums", "A (key account)")),
    (Priority.B, QT_TRANSLATE_NOOP("enums", "B (regular)")),
    (Priority.C, QT_TRANSLATE_NOOP("enums", "C (occasional)")),
    (PhoneKind.WORK, QT_TRANSLATE_NOOP("enums", "Work")),
    (PhoneKind.MOBILE, QT_TRANSLATE_NOOP("enums", "Mobile")),
    (PhoneKind.HOME, QT_TRANSLATE_NOOP("enums", "Home")),
    (PhoneKind.FAX, QT_TRANSLATE_NOOP("enums", "Fax")),
    (PhoneKind.OTHER, QT_TRANSLATE_NOOP("enums", "Other")),
    (EmailKind.WORK, QT_TRANSLATE_NOOP("enums", "Work")),
    (EmailKind.HOME, QT_TRANSLATE_NOOP("enums", "Private")),
    (EmailKind.OTHER, QT_TRANSLATE_NOOP("enums", "Other")),
    (AddressKind.MAIN, QT_TRANSLATE_NOOP("enums", "Main address")),
    (AddressKind.DELIVERY, QT_TRANSLATE_NOOP("enums", "Delivery address")),
    (AddressKind.BILLING, QT_TRANSLATE_NOOP("enums", "Billing address")),
    (AddressKind.HOME, QT_TRANSLATE_NOOP("enums", "Home address")),
    (AddressKind.OTHER, QT_TRANSLATE_NOOP("enums", "Other address")),
    (ActivityKind.CALL, QT_TRANSLATE_NOOP("enums", "Call")),
    (ActivityKind.MEETING, QT_TRANSLATE_NOOP("enums", "Meeting")),
    (ActivityKind.EMAIL, QT_TRANSLATE_NOOP("enums", "E-mail")),
    (ActivityKind.LETTER, QT_TRANSLATE_NOOP("enums", "Letter")),
    (ActivityKind.VISIT, QT_TRANSLATE_NOOP("enums", "Visit")),
    (ActivityKind.COMPLAINT, QT_TRANSLATE_NOOP("enums", "Complaint")),
    (ActivityKind.SERVICE_CALL, QT_TRANSLATE_NOOP("enums", "Service call")),
    (ActivityKind.NOTE, QT_TRANSLATE_NOOP("enums", "Note")),
    (Direction.INBOUND, QT_TRANSLATE_NOOP("enums", "Inbound")),
    (Direction.OUTBOUND, QT_TRANSLATE_NOOP("enums", "Outbound")),
    (Direction.INTERNAL, QT_TRANSLATE_NOOP("enums", "Internal")),
    (TicketStatus.OPEN, QT_TRANSLATE_NOOP("enums", "Open")),
    (TicketStatus.WAITING, QT_TRANSLATE_NOOP("enums", "Waiting")),
    (TicketStatus.SOLVED, QT_TRANSLATE_NOOP("enums", "Solved")),
    (TicketStatus.CLOSED, QT_TRANSLATE_NOOP("enums", "Closed")),
    (TicketStatus.REOPENED, QT_TRANSLATE_NOOP("enums", "Reopened")),
    (ProjectStatus.PLANNED, QT_TRANSLATE_NOOP("enums", "Planned")),
    (ProjectStatus.ACTIVE, QT_TRANSLATE_NOOP("enums", "Active")),
    (ProjectStatus.ON_HOLD, QT_TRANSLATE_NOOP("enums", "On hold")),
    (ProjectStatus.DONE, QT_TRANSLATE_NOOP("enums", "Done")),
    (ProjectStatus.CANCELLED, QT_TRANSLATE_NOOP("enums", "Cancelled")),
    (OpportunityStatus.OPEN, QT_TRANSLATE_NOOP("enums", "Open")),
    (OpportunityStatus.WON, QT_TRANSLATE_NOOP("enums", "Won")),
    (OpportunityStatus.LOST, QT_TRANSLATE_NOOP("enums", "Lost")),
    (AppointmentStatus.CONFIRMED, QT_TRANSLATE_NOOP("enums", "Confirmed")),
    (AppointmentStatus.TENTATIVE, QT_TRANSLATE_NOOP("enums", "Tentative")),
    (AppointmentStatus.CANCELLED, QT_TRANSLATE_NOOP("enums", "Cancelled")),
]
# StrEnum members of different enums compare equal ("home" == "home"): key by type too
_ENUM_LABELS: dict[tuple[type[enum.Enum], object], str] = {
    (type(m), m.value): text for m, text in _ENUM_SOURCES
}

_PRIORITY_SHORT: dict[Priority, str] = {
    Priority.A: QT_TRANSLATE_NOOP("enums", "Priority A"),
    Priority.B: QT_TRANSLATE_NOOP("enums", "Priority B"),
    Priority.C: QT_TRANSLATE_NOOP("enums", "Priority C"),
}


def enum_label(member: enum.Enum | None) -> str:
    """The translated human label of any enum member used by the model ("" for None)."""
    if member is None:
        return ""
    source = _ENUM_LABELS.get((type(member), member.value))
    if source is None:
        return str(member.value).replace("_", " ").capitalize()
    return _translate("enums", source)


def enum_items(cls: type[E], members: Iterable[E] | None = None) -> list[tuple[str, E]]:
    """(label, member) pairs in declaration order, for combo boxes."""
    return [(enum_label(m), m) for m in (members if members is not None else list(cls))]


def company_status_label(status: CompanyStatus | None) -> str:
    return enum_label(status)


def priority_label(priority: Priority | None) -> str:
    return enum_label(priority)


def priority_short_label(priority: Priority | None) -> str:
    """ "Priority A" – for badges."""
    if priority is None:
        return ""
    return _translate("enums", _PRIORITY_SHORT[priority])


def phone_kind_label(kind: PhoneKind | None) -> str:
    return enum_label(kind)


def email_kind_label(kind: EmailKind | None) -> str:
    return enum_label(kind)


def address_kind_label(kind: AddressKind | None) -> str:
    return enum_label(kind)


def activity_kind_label(kind: ActivityKind | None) -> str:
    return enum_label(kind)


def direction_label(direction: Direction | None) -> str:
    return enum_label(direction)


def ticket_status_label(status: TicketStatus | None) -> str:
    return enum_label(status)


def project_status_label(status: ProjectStatus | None) -> str:
    return enum_label(status)


def opportunity_status_label(status: OpportunityStatus | None) -> str:
    return enum_label(status)


def appointment_status_label(status: AppointmentStatus | None) -> str:
    return enum_label(status)
