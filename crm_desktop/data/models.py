"""The data model: every table of the CRM as SQLAlchemy 2.x typed ORM classes.

Conventions
- Every datetime column is a :class:`UTCDateTime` (aware, stored in UTC).
- Records that users can delete carry ``deleted_at``: a delete moves them to the
  trash, history stays, and a restore brings them back. Purging the trash is the
  only hard delete, and it keeps activities (their person link is cleared).
- Money is ``Numeric(14, 2)``; phone numbers are E.164 strings.
- The kinds and states (``ActivityKind``, ``TicketStatus``, ...) are plain enums of
  :mod:`crm_desktop.domain.kinds`, re-exported here; their values are what is stored.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm_desktop.data.base import Base, UTCDateTime, VersionMixin, utcnow
from crm_desktop.data.collation import german_key
from crm_desktop.domain.kinds import ActivityKind as ActivityKind
from crm_desktop.domain.kinds import AddressKind as AddressKind
from crm_desktop.domain.kinds import AppointmentStatus as AppointmentStatus
from crm_desktop.domain.kinds import CompanyStatus as CompanyStatus
from crm_desktop.domain.kinds import Direction as Direction
from crm_desktop.domain.kinds import EmailKind as EmailKind
from crm_desktop.domain.kinds import OpportunityStatus as OpportunityStatus
from crm_desktop.domain.kinds import PhoneKind as PhoneKind
from crm_desktop.domain.kinds import Priority as Priority
from crm_desktop.domain.kinds import ProjectStatus as ProjectStatus
from crm_desktop.domain.kinds import TicketStatus as TicketStatus


def _enum(cls: type[enum.Enum], name: str) -> Enum:
    # Store the value (lower-case word), not the Python name; portable CHECK-less
    # VARCHAR so that adding a member needs no type migration on PostgreSQL.
    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=False,
        length=20,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


# ---------------------------------------------------------------- association tables

company_tags = Table(
    "company_tags",
    Base.metadata,
    Column("company_id", ForeignKey("companies.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)

person_tags = Table(
    "person_tags",
    Base.metadata,
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class TimestampMixin:
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)


class ImportBatch(Base):
    """One import run: which file, when, and what it did (the "last import" set)."""

    __tablename__ = "import_batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(500))
    file_format: Mapped[str] = mapped_column(String(20))
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


# ---------------------------------------------------------------- companies and people


class Company(VersionMixin, TimestampMixin, Base):
    __tablename__ = "companies"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    legal_form: Mapped[str | None] = mapped_column(String(60))
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[CompanyStatus] = mapped_column(
        _enum(CompanyStatus, "company_status"), default=CompanyStatus.PROSPECT
    )
    status_reason: Mapped[str | None] = mapped_column(String(200))
    customer_since: Mapped[dt.date | None] = mapped_column(Date)
    priority: Mapped[Priority | None] = mapped_column(_enum(Priority, "priority"))
    # the user's own priority: the automatic A/B/C run leaves it alone
    priority_locked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    website: Mapped[str | None] = mapped_column(String(300))
    vat_id: Mapped[str | None] = mapped_column(String(20))
    register_court: Mapped[str | None] = mapped_column(String(120))
    register_number: Mapped[str | None] = mapped_column(String(60))
    managing_directors: Mapped[str | None] = mapped_column(String(300))
    payment_terms: Mapped[str | None] = mapped_column(String(200))
    owner: Mapped[str | None] = mapped_column(String(80))
    notes: Mapped[str] = mapped_column(Text, default="")
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL"), index=True
    )
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)

    parent: Mapped[Company | None] = relationship(
        remote_side="Company.id", back_populates="branches"
    )
    branches: Mapped[list[Company]] = relationship(back_populates="parent")
    departments: Mapped[list[Department]] = relationship(
        back_populates="company", cascade="all, delete-orphan"
    )
    people: Mapped[list[Person]] = relationship(back_populates="company")
    phones: Mapped[list[Phone]] = relationship(
        back_populates="company", cascade="all, delete-orphan", order_by="Phone.id"
    )
    emails: Mapped[list[Email]] = relationship(
        back_populates="company", cascade="all, delete-orphan", order_by="Email.id"
    )
    addresses: Mapped[list[Address]] = relationship(
        back_populates="company", cascade="all, delete-orphan", order_by="Address.id"
    )
    bank_accounts: Mapped[list[BankAccount]] = relationship(
        back_populates="company", cascade="all, delete-orphan"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=company_tags, order_by="Tag.name")
    priority_history: Mapped[list[PriorityChange]] = relationship(
        back_populates="company", cascade="all, delete-orphan", order_by="PriorityChange.changed_at"
    )


class Department(VersionMixin, Base):
    __tablename__ = "departments"
    __table_args__ = (UniqueConstraint("company_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(120))
    # a sub-department sits inside another department of the same company
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("departments.id", ondelete="SET NULL"), index=True
    )
    # the head of the department (a person); people and departments refer to each other
    head_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL", use_alter=True), index=True
    )
    updated_at: Mapped[dt.datetime | None] = mapped_column(
        UTCDateTime, default=utcnow, onupdate=utcnow
    )

    company: Mapped[Company] = relationship(back_populates="departments")
    people: Mapped[list[Person]] = relationship(
        back_populates="department", foreign_keys="Person.department_id"
    )


class Person(VersionMixin, TimestampMixin, Base):
    __tablename__ = "people"
    __table_args__ = (Index("ix_people_family_given", "family_name", "given_name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    salutation: Mapped[str | None] = mapped_column(String(30))
    title: Mapped[str | None] = mapped_column(String(60))
    given_name: Mapped[str] = mapped_column(String(100), default="")
    family_name: Mapped[str] = mapped_column(String(100), default="")
    nickname: Mapped[str | None] = mapped_column(String(100))
    birth_date: Mapped[dt.date | None] = mapped_column(Date, index=True)  # duplicate check
    position: Mapped[str | None] = mapped_column(String(120))
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="SET NULL"), index=True
    )
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("departments.id", ondelete="SET NULL"), index=True
    )
    reports_to_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    # profile
    occupation: Mapped[str | None] = mapped_column(String(120))
    marital_status: Mapped[str | None] = mapped_column(String(40))
    hobbies: Mapped[str | None] = mapped_column(String(300))
    profile_fields: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    # marketing consent (GDPR)
    consent_marketing: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    consent_source: Mapped[str | None] = mapped_column(String(200))
    consent_withdrawn_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # contact rhythm
    contact_interval_days: Mapped[int | None] = mapped_column(Integer)
    contact_interval_kind: Mapped[ActivityKind | None] = mapped_column(
        _enum(ActivityKind, "activity_kind")
    )
    priority: Mapped[Priority | None] = mapped_column(_enum(Priority, "priority"))
    priority_locked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    payment_terms: Mapped[str | None] = mapped_column(String(200))
    owner: Mapped[str | None] = mapped_column(String(80))
    notes: Mapped[str] = mapped_column(Text, default="")
    vcard_uid: Mapped[str | None] = mapped_column(String(200), index=True)
    photo: Mapped[bytes | None] = mapped_column(deferred=True)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    review_reason: Mapped[str | None] = mapped_column(String(300))
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL"), index=True
    )
    anonymized_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)

    company: Mapped[Company | None] = relationship(back_populates="people")
    department: Mapped[Department | None] = relationship(
        back_populates="people", foreign_keys=[department_id]
    )
    reports_to: Mapped[Person | None] = relationship(
        remote_side="Person.id", back_populates="subordinates"
    )
    subordinates: Mapped[list[Person]] = relationship(back_populates="reports_to")
    phones: Mapped[list[Phone]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Phone.id"
    )
    emails: Mapped[list[Email]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Email.id"
    )
    addresses: Mapped[list[Address]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Address.id"
    )
    bank_accounts: Mapped[list[BankAccount]] = relationship(
        back_populates="person", cascade="all, delete-orphan"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=person_tags, order_by="Tag.name")
    priority_history: Mapped[list[PriorityChange]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="PriorityChange.changed_at"
    )

    @property
    def full_name(self) -> str:
        return display_name(self.title, self.given_name, self.family_name, self.nickname)


def display_name(
    title: str | None, given_name: str | None, family_name: str | None, nickname: str | None
) -> str:
    """A person's name as shown everywhere (Person.full_name; also for column queries)."""
    name = " ".join(p for p in (title or "", given_name or "", family_name or "") if p).strip()
    return name or (nickname or "")


# German order of names (crm_desktop.data.collation): lists, tree and pickers sort by these
# expressions, so the database walks an index instead of sorting every row
Index(
    "ix_people_german_order",
    german_key(Person.__table__.c.family_name),
    german_key(Person.__table__.c.given_name),
    Person.__table__.c.id,
)
Index("ix_companies_german_order", german_key(Company.__table__.c.name), Company.__table__.c.id)


class Phone(Base):
    __tablename__ = "phones"
    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[PhoneKind] = mapped_column(_enum(PhoneKind, "phone_kind"), default=PhoneKind.WORK)
    number: Mapped[str] = mapped_column(String(40), index=True)  # E.164
    label: Mapped[str | None] = mapped_column(String(60))
    company: Mapped[Company | None] = relationship(back_populates="phones")
    person: Mapped[Person | None] = relationship(back_populates="phones")


class Email(Base):
    __tablename__ = "emails"
    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[EmailKind] = mapped_column(_enum(EmailKind, "email_kind"), default=EmailKind.WORK)
    address: Mapped[str] = mapped_column(String(254), index=True)
    company: Mapped[Company | None] = relationship(back_populates="emails")
    person: Mapped[Person | None] = relationship(back_populates="emails")


# e-mail addresses match without regard to case (the import's duplicate check)
Index("ix_emails_address_lower", func.lower(Email.__table__.c.address))


class Address(Base):
    __tablename__ = "addresses"
    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[AddressKind] = mapped_column(
        _enum(AddressKind, "address_kind"), default=AddressKind.MAIN
    )
    street: Mapped[str] = mapped_column(String(200), default="")
    extra: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str] = mapped_column(String(20), default="", index=True)
    city: Mapped[str] = mapped_column(String(120), default="")
    region: Mapped[str | None] = mapped_column(String(120))
    country: Mapped[str] = mapped_column(String(2), default="DE")  # ISO 3166-1 alpha-2
    # a country name no table knows, kept as typed (``country`` is empty then)
    country_as_typed: Mapped[str | None] = mapped_column(String(120))
    company: Mapped[Company | None] = relationship(back_populates="addresses")
    person: Mapped[Person | None] = relationship(back_populates="addresses")

    @property
    def country_text(self) -> str:
        """The ISO code, or the country as typed when it was not recognised."""
        return self.country or (self.country_as_typed or "")

    def one_line(self) -> str:
        place = " ".join(p for p in (self.postcode, self.city) if p)
        return ", ".join(p for p in (self.street, self.extra or "", place) if p)


class BankAccount(Base):
    __tablename__ = "bank_accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    iban: Mapped[str] = mapped_column(String(34))
    bic: Mapped[str | None] = mapped_column(String(11))
    holder: Mapped[str] = mapped_column(String(200), default="")
    bank_name: Mapped[str | None] = mapped_column(String(200))
    company: Mapped[Company | None] = relationship(back_populates="bank_accounts")
    person: Mapped[Person | None] = relationship(back_populates="bank_accounts")


class PriorityChange(Base):
    __tablename__ = "priority_changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    old: Mapped[Priority | None] = mapped_column(_enum(Priority, "priority"))
    new: Mapped[Priority | None] = mapped_column(_enum(Priority, "priority"))
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    reason: Mapped[str] = mapped_column(String(300), default="")
    company: Mapped[Company | None] = relationship(back_populates="priority_history")
    person: Mapped[Person | None] = relationship(back_populates="priority_history")


# ---------------------------------------------------------------- pipeline, projects, tickets


class PipelineStage(Base):
    __tablename__ = "pipeline_stages"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    probability: Mapped[int] = mapped_column(Integer, default=10)  # percent
    is_closed: Mapped[bool] = mapped_column(Boolean, default=False)


class LossReason(Base):
    __tablename__ = "loss_reasons"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Opportunity(VersionMixin, TimestampMixin, Base):
    __tablename__ = "opportunities"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="SET NULL"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    stage_id: Mapped[int | None] = mapped_column(
        ForeignKey("pipeline_stages.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[OpportunityStatus] = mapped_column(
        _enum(OpportunityStatus, "opportunity_status"), default=OpportunityStatus.OPEN
    )
    value: Mapped[decimal.Decimal] = mapped_column(Numeric(14, 2), default=decimal.Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    probability: Mapped[int] = mapped_column(Integer, default=10)
    expected_close: Mapped[dt.date | None] = mapped_column(Date, index=True)
    owner: Mapped[str | None] = mapped_column(String(80))
    source: Mapped[str | None] = mapped_column(String(120))
    loss_reason_id: Mapped[int | None] = mapped_column(
        ForeignKey("loss_reasons.id", ondelete="SET NULL")
    )
    loss_note: Mapped[str | None] = mapped_column(Text)
    quote_sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    quote_stage: Mapped[int] = mapped_column(Integer, default=0)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="SET NULL", use_alter=True)
    )
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)

    company: Mapped[Company | None] = relationship()
    person: Mapped[Person | None] = relationship()
    stage: Mapped[PipelineStage | None] = relationship()
    loss_reason: Mapped[LossReason | None] = relationship()


project_members = Table(
    "project_members",
    Base.metadata,
    Column("project_id", ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
)


class Project(VersionMixin, TimestampMixin, Base):
    __tablename__ = "projects"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    status: Mapped[ProjectStatus] = mapped_column(
        _enum(ProjectStatus, "project_status"), default=ProjectStatus.ACTIVE
    )
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="SET NULL"), index=True
    )
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunities.id", ondelete="SET NULL")
    )
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)

    company: Mapped[Company | None] = relationship()
    members: Mapped[list[Person]] = relationship(secondary=project_members)


class Ticket(VersionMixin, TimestampMixin, Base):
    __tablename__ = "tickets"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[TicketStatus] = mapped_column(
        _enum(TicketStatus, "ticket_status"), default=TicketStatus.OPEN
    )
    kind: Mapped[ActivityKind] = mapped_column(
        _enum(ActivityKind, "activity_kind"), default=ActivityKind.COMPLAINT
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="SET NULL"), index=True
    )
    priority: Mapped[Priority | None] = mapped_column(_enum(Priority, "priority"))
    description: Mapped[str] = mapped_column(Text, default="")
    opened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)

    person: Mapped[Person | None] = relationship()
    company: Mapped[Company | None] = relationship()
    status_changes: Mapped[list[TicketStatusChange]] = relationship(
        back_populates="ticket", cascade="all, delete-orphan", order_by="TicketStatusChange.id"
    )


class TicketStatusChange(Base):
    __tablename__ = "ticket_status_changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    old_status: Mapped[TicketStatus | None] = mapped_column(_enum(TicketStatus, "ticket_status"))
    new_status: Mapped[TicketStatus] = mapped_column(_enum(TicketStatus, "ticket_status"))
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(80), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    ticket: Mapped[Ticket] = relationship(back_populates="status_changes")


class NumberSequence(Base):
    """Counters for human numbers (tickets, orders). A number once drawn is never reused."""

    __tablename__ = "number_sequences"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    period: Mapped[str] = mapped_column(String(10), primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, default=0)


class Campaign(TimestampMixin, Base):
    __tablename__ = "campaigns"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    criteria: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class CampaignSegment(TimestampMixin, Base):
    """A saved campaign selection, to be run again ("Newsletter Bayern, A-Kunden")."""

    __tablename__ = "campaign_segments"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    selection: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class CustomFieldDef(TimestampMixin, Base):
    """A custom field defined once for every person (its values live in
    ``Person.profile_fields`` under its name); see services/customfields.py."""

    __tablename__ = "custom_field_defs"
    __table_args__ = (UniqueConstraint("entity", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(20), default="person")
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20), default="text")
    options: Mapped[list[str]] = mapped_column(JSON, default=list)
    position: Mapped[int] = mapped_column(Integer, default=0)


campaign_members = Table(
    "campaign_members",
    Base.metadata,
    Column("campaign_id", ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True),
    Column("person_id", ForeignKey("people.id", ondelete="CASCADE"), primary_key=True),
)


# ---------------------------------------------------------------- timeline


class Activity(VersionMixin, TimestampMixin, Base):
    __tablename__ = "activities"
    __table_args__ = (
        Index("ix_activities_person_time", "person_id", "occurred_at"),
        # covering indexes for the dashboard (services/analytics.py): counts per month
        # and kind, and the contacts with a company before its orders, read only these
        # columns and never touch the (wide) table rows
        Index("ix_activities_time_kind", "occurred_at", "kind", "deleted_at", "owner"),
        Index("ix_activities_company_time_kind", "company_id", "occurred_at", "kind", "deleted_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ActivityKind] = mapped_column(_enum(ActivityKind, "activity_kind"))
    direction: Mapped[Direction] = mapped_column(
        _enum(Direction, "direction"), default=Direction.OUTBOUND
    )
    channel: Mapped[str | None] = mapped_column(String(40))
    occurred_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)  # see __table_args__
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    subject: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str | None] = mapped_column(String(300))
    owner: Mapped[str | None] = mapped_column(String(80))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id", ondelete="SET NULL"))
    ticket_id: Mapped[int | None] = mapped_column(
        ForeignKey("tickets.id", ondelete="SET NULL"), index=True
    )
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="SET NULL"), index=True
    )
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunities.id", ondelete="SET NULL"), index=True
    )
    campaign_id: Mapped[int | None] = mapped_column(
        ForeignKey("campaigns.id", ondelete="SET NULL"), index=True
    )
    # no index: nearly every row is live, an index on it only misleads the planner
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    person: Mapped[Person | None] = relationship()
    company: Mapped[Company | None] = relationship()
    ticket: Mapped[Ticket | None] = relationship()
    project: Mapped[Project | None] = relationship()
    opportunity: Mapped[Opportunity | None] = relationship()
    # the Message-ID of an e-mail read into the timeline: the same mail is read once
    message_id: Mapped[str | None] = mapped_column(String(300), index=True)
    documents: Mapped[list[Document]] = relationship(
        back_populates="activity", cascade="all, delete-orphan", order_by="Document.id"
    )


class FollowUp(TimestampMixin, Base):
    __tablename__ = "followups"
    __table_args__ = (Index("ix_followups_open_due", "done_at", "due_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(80), unique=True)  # stable iCalendar UID
    due_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    kind: Mapped[ActivityKind] = mapped_column(
        _enum(ActivityKind, "activity_kind"), default=ActivityKind.CALL
    )
    note: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str | None] = mapped_column(String(80), index=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="SET NULL"), index=True
    )
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activities.id", ondelete="SET NULL")
    )
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id", ondelete="SET NULL"))
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunities.id", ondelete="SET NULL")
    )
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"))
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    snoozed_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    notified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    auto_reason: Mapped[str | None] = mapped_column(String(40))  # "interval", "quote-stage-1"...
    sequence: Mapped[int] = mapped_column(Integer, default=0)

    person: Mapped[Person | None] = relationship()
    company: Mapped[Company | None] = relationship()
    activity: Mapped[Activity | None] = relationship()

    @property
    def effective_due(self) -> dt.datetime:
        return self.snoozed_until or self.due_at


appointment_attendees = Table(
    "appointment_attendees",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("appointment_id", ForeignKey("appointments.id", ondelete="CASCADE"), index=True),
    Column("person_id", ForeignKey("people.id", ondelete="SET NULL")),
    Column("email", String(254), nullable=False),
    Column("name", String(200), nullable=False, default=""),
    Column("partstat", String(20), nullable=False, default="NEEDS-ACTION"),
)


class Appointment(TimestampMixin, Base):
    __tablename__ = "appointments"
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(300), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    start_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    end_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    location: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[ActivityKind] = mapped_column(
        _enum(ActivityKind, "activity_kind"), default=ActivityKind.MEETING
    )
    status: Mapped[AppointmentStatus] = mapped_column(
        _enum(AppointmentStatus, "appointment_status"), default=AppointmentStatus.CONFIRMED
    )
    organizer_email: Mapped[str | None] = mapped_column(String(254))
    organizer_name: Mapped[str | None] = mapped_column(String(200))
    owner: Mapped[str | None] = mapped_column(String(80), index=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id", ondelete="SET NULL"))
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"))
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunities.id", ondelete="SET NULL")
    )
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    notified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    source: Mapped[str | None] = mapped_column(String(40))  # "local", "import"
    # a series: its iCalendar lines (DTSTART;TZID=… with the zone's name, RRULE, RDATE,
    # EXDATE), expanded by services.recurrence within the window asked for
    recurrence: Mapped[str | None] = mapped_column(Text)
    # a moved or cancelled instance of a series (RECURRENCE-ID): the series' row and the
    # instance's original start (UTC)
    series_id: Mapped[int | None] = mapped_column(Integer, index=True)
    recurrence_id: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # DTSTAMP of the imported version (RFC 5546: equal SEQUENCE, later DTSTAMP updates)
    dtstamp: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    person: Mapped[Person | None] = relationship()
    company: Mapped[Company | None] = relationship()


class Document(TimestampMixin, Base):
    """A file reference (quote, order confirmation, contract) on a record."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(40), default="document")  # quote, order, contract
    path: Mapped[str | None] = mapped_column(String(1000))
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunities.id", ondelete="CASCADE"), index=True
    )
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default="open")  # open, accepted, closed
    # a file kept in the store itself (an e-mail's attachment); ``path`` refers to one outside
    activity_id: Mapped[int | None] = mapped_column(
        ForeignKey("activities.id", ondelete="CASCADE"), index=True
    )
    ticket_id: Mapped[int | None] = mapped_column(
        ForeignKey("tickets.id", ondelete="SET NULL"), index=True
    )
    content_type: Mapped[str | None] = mapped_column(String(120))
    size: Mapped[int | None] = mapped_column(Integer)
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    data: Mapped[bytes | None] = mapped_column(deferred=True)
    activity: Mapped[Activity | None] = relationship(back_populates="documents")


# ---------------------------------------------------------------- orders and targets


class Order(VersionMixin, TimestampMixin, Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="SET NULL"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), index=True
    )
    opportunity_id: Mapped[int | None] = mapped_column(
        ForeignKey("opportunities.id", ondelete="SET NULL")
    )
    order_date: Mapped[dt.date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open, delivered, invoiced
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    notes: Mapped[str] = mapped_column(Text, default="")
    is_new_customer: Mapped[bool] = mapped_column(Boolean, default=False)
    total_net: Mapped[decimal.Decimal] = mapped_column(Numeric(14, 2), default=decimal.Decimal(0))
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)

    company: Mapped[Company | None] = relationship()
    person: Mapped[Person | None] = relationship()
    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.position"
    )


class OrderLine(Base):
    __tablename__ = "order_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=1)
    sku: Mapped[str | None] = mapped_column(String(60))
    description: Mapped[str] = mapped_column(String(300))
    quantity: Mapped[decimal.Decimal] = mapped_column(Numeric(12, 3), default=decimal.Decimal(1))
    unit: Mapped[str] = mapped_column(String(20), default="Stk")
    unit_price: Mapped[decimal.Decimal] = mapped_column(Numeric(14, 2), default=decimal.Decimal(0))
    vat_rate: Mapped[decimal.Decimal] = mapped_column(Numeric(5, 2), default=decimal.Decimal(19))
    order: Mapped[Order] = relationship(back_populates="lines")

    @property
    def net(self) -> decimal.Decimal:
        return (self.quantity * self.unit_price).quantize(decimal.Decimal("0.01"))


class RevenueTarget(Base):
    __tablename__ = "revenue_targets"
    __table_args__ = (UniqueConstraint("year", "month", "owner"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)  # 1..12
    # the owner (Betreuer) the target is for; "" is the whole team's target
    owner: Mapped[str] = mapped_column(String(80), default="", server_default="")
    existing_customers: Mapped[decimal.Decimal] = mapped_column(
        Numeric(14, 2), default=decimal.Decimal(0)
    )
    new_customers: Mapped[decimal.Decimal] = mapped_column(
        Numeric(14, 2), default=decimal.Decimal(0)
    )


# ---------------------------------------------------------------- settings, audit, undo, search


class Setting(Base):
    """Configurable rules kept with the data (ticket scheme, quote stages, priority criteria)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class AuditEvent(Base):
    """What happened, to which record id, never personal data (GDPR erasure log lives here)."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    event: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(80), default="")
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class UndoEntry(Base):
    """One undoable user action, persisted so that undo survives a restart."""

    __tablename__ = "undo_entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    label: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    undone_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class SearchDocument(Base):
    """One searchable text per record, kept in sync by the ORM (see data/search_sync.py).

    On SQLite an FTS5 table mirrors it through triggers; on PostgreSQL a GIN index on
    its tsvector does the same job.
    """

    __tablename__ = "search_documents"
    __table_args__ = (UniqueConstraint("kind", "ref_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # person, company, activity, ticket, project
    ref_id: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(400), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    # addresses, notes, profile values, phone forms (people, companies); NULL until filled
    fields: Mapped[str | None] = mapped_column(Text)


# the documents whose fields are still to be filled (search_sync.complete)
Index(
    "ix_search_documents_no_fields",
    SearchDocument.__table__.c.id,
    sqlite_where=text("fields IS NULL AND kind IN ('person', 'company')"),
    postgresql_where=text("fields IS NULL AND kind IN ('person', 'company')"),
)
