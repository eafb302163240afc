"""The kinds and states records have: plain Python enums shared by every layer.

The values are what the database stores (``data.models`` maps them with
``values_callable``), so a value never changes without a migration; interop reads
and writes them too, which is why they live here and not beside the tables.
"""

from __future__ import annotations

import enum

__all__ = [
    "ActivityKind",
    "AddressKind",
    "AppointmentStatus",
    "CompanyStatus",
    "Direction",
    "EmailKind",
    "OpportunityStatus",
    "PhoneKind",
    "Priority",
    "ProjectStatus",
    "TicketStatus",
]


class CompanyStatus(enum.StrEnum):
    PROSPECT = "prospect"
    CUSTOMER = "customer"
    FORMER = "former"


class Priority(enum.StrEnum):
    A = "A"
    B = "B"
    C = "C"


class PhoneKind(enum.StrEnum):
    WORK = "work"
    MOBILE = "mobile"
    HOME = "home"
    FAX = "fax"
    OTHER = "other"


class EmailKind(enum.StrEnum):
    WORK = "work"
    HOME = "home"
    OTHER = "other"


class AddressKind(enum.StrEnum):
    MAIN = "main"
    DELIVERY = "delivery"
    BILLING = "billing"
    HOME = "home"
    OTHER = "other"


class ActivityKind(enum.StrEnum):
    CALL = "call"
    MEETING = "meeting"
    EMAIL = "email"
    LETTER = "letter"
    VISIT = "visit"
    COMPLAINT = "complaint"
    SERVICE_CALL = "service_call"
    NOTE = "note"


class Direction(enum.StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"
    INTERNAL = "internal"


class TicketStatus(enum.StrEnum):
    OPEN = "open"
    WAITING = "waiting"
    SOLVED = "solved"
    CLOSED = "closed"
    REOPENED = "reopened"


class ProjectStatus(enum.StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    ON_HOLD = "on_hold"
    DONE = "done"
    CANCELLED = "cancelled"


class OpportunityStatus(enum.StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


class AppointmentStatus(enum.StrEnum):
    CONFIRMED = "confirmed"
    TENTATIVE = "tentative"
    CANCELLED = "cancelled"
