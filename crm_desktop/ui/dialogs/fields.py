"""What the contact forms share: tab indices (also used by the detail panes), field
widths, legal forms, the link fields and the tags text.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QLineEdit,
)

SHORT_FIELD = 260  # pixels: fields for short values (dates, codes, choices)

# tab indices shared by the forms and the detail panes
TAB_OVERVIEW, TAB_COMMUNICATION, TAB_ADDRESSES, TAB_BANK, TAB_PROFILE = range(5)

LEGAL_FORMS = (
    "GmbH",
    "GmbH & Co. KG",
    "UG (haftungsbeschränkt)",
    "AG",
    "KG",
    "OHG",
    "GbR",
    "e.K.",
    "e.V.",
    "PartG",
    "SE",
    "Einzelunternehmen",
    "Ltd.",
)


_LINKS = {"company_id", "parent_id", "department_id", "reports_to_id"}


def _tags_text(names: Iterable[str]) -> str:
    return ", ".join(names)


def _tags(edit: QLineEdit) -> list[str]:
    return [t.strip() for t in edit.text().split(",") if t.strip()]
