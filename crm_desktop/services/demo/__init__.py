"""The realistic German demo data set: company groups with branches, departments,
people with reporting lines, years of activities, tickets, projects, a sales
pipeline, orders, revenue targets, follow-ups, appointments and a campaign.

Speed matters (100,000 people with about a million activities in about a minute),
so nothing here goes through the ORM (and so the ORM search sync never runs):
rows are plain dicts with precomputed ids, written in large batches through "light"
Core tables without per-value type processing (values are prepared once per
dialect). On SQLite the statement is compiled by SQLAlchemy once and the batch goes
to the driver's executemany. ``search_documents`` is filled in bulk: people,
companies, tickets and projects from the generated rows, activities with one
``INSERT ... SELECT`` per batch (the FTS5 triggers index them; FTS5 merges less
often during the load). A second thread generates the next batch of activities
while SQLite indexes the current one. Everything is one transaction.

Deterministic for (people, seed, the clock's day).

Numbers: tickets ``T-YYYY-NNNNN`` (``number_sequences`` name "ticket", period
"YYYY"), orders ``A-YYYY-NNNNN`` (name "order"), quotes ``YYYY-N`` (name "quote");
the rows are set so that later numbers continue after the demo's.

The package's rooms: ``common`` (the summary, batch size, history), ``words`` (the name
and address tables), ``writer`` (the bulk writer, number sequences, progress),
``contacts`` (phones, e-mails, addresses, priorities), ``companies``, ``people``,
``activities``, ``tickets``, ``sales`` (pipeline, orders, targets), ``projects``,
``schedule`` (follow-ups, appointments), ``campaign``, ``generator`` (the whole demo in one
transaction: :func:`generate`). The generator is one class put together from the
record rooms' classes, each adding its record types to the writer.
"""

from crm_desktop.services.demo.activities import (
    ACTIVITY_COLUMNS,
    ACTIVITY_KIND_POOL,
    ACTIVITY_SHAPE,
)
from crm_desktop.services.demo.common import (
    BATCH,
    HISTORY_DAYS,
    DemoSummary,
    Progress,
)
from crm_desktop.services.demo.generator import (
    generate,
    is_empty,
)
from crm_desktop.services.demo.sales import (
    DEFAULT_STAGES,
    ensure_default_pipeline,
)
from crm_desktop.services.demo.words import (
    ACTIVITY_TEXTS,
    ARTICLES,
    BRANCH_SUFFIXES,
    CITIES,
    CONSENT_SOURCES,
    DEPARTMENTS,
    FAMILY_NAMES,
    FANTASY_NAMES,
    FOLLOWUP_NOTES,
    FORMER_REASONS,
    FREELANCE_OCCUPATIONS,
    FREEMAIL,
    GIVEN_NAMES,
    HOBBIES,
    LEGAL_FORMS,
    LOSS_NOTES,
    LOSS_REASONS,
    MARITAL,
    OPPORTUNITY_TOPICS,
    PAYMENT_TERMS,
    POSITIONS,
    PRODUCTS,
    PROJECT_TOPICS,
    STREET_NAMES,
    TICKET_STATUS_NOTES,
    TICKET_TITLES,
    TRADES,
)

__all__ = [
    "ACTIVITY_COLUMNS",
    "ACTIVITY_KIND_POOL",
    "ACTIVITY_SHAPE",
    "ACTIVITY_TEXTS",
    "ARTICLES",
    "BATCH",
    "BRANCH_SUFFIXES",
    "CITIES",
    "CONSENT_SOURCES",
    "DEFAULT_STAGES",
    "DEPARTMENTS",
    "FAMILY_NAMES",
    "FANTASY_NAMES",
    "FOLLOWUP_NOTES",
    "FORMER_REASONS",
    "FREELANCE_OCCUPATIONS",
    "FREEMAIL",
    "GIVEN_NAMES",
    "HISTORY_DAYS",
    "HOBBIES",
    "LEGAL_FORMS",
    "LOSS_NOTES",
    "LOSS_REASONS",
    "MARITAL",
    "OPPORTUNITY_TOPICS",
    "PAYMENT_TERMS",
    "POSITIONS",
    "PRODUCTS",
    "PROJECT_TOPICS",
    "STREET_NAMES",
    "TICKET_STATUS_NOTES",
    "TICKET_TITLES",
    "TRADES",
    "DemoSummary",
    "Progress",
    "ensure_default_pipeline",
    "generate",
    "is_empty",
]
