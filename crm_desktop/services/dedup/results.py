"""Reasons (English source texts) and the result types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

# ---------------------------------------------------------------- reasons (English source texts)

R_SAME_NAME = "same name"
R_UMLAUT = "names differ only by umlaut spelling"
R_SPELLING = "names differ only in spelling (accents, hyphens, particles)"
R_SWAPPED = "given and family name swapped"
R_SPLIT = "name split differently into given and family name"
R_TYPO = "typo in name"
R_VARIANT = "variant spelling of the given name"
R_NICKNAME = "nickname of the given name"
R_INITIAL = "given name abbreviated to an initial"
R_GIVEN_PART = "one of several given names"
R_GIVEN_MISSING = "given name missing on one side"
R_FAMILY_PART = "family name shares a part (double name)"
R_FAMILY_MISSING = "family name missing on one side"
R_FAMILY_OTHER = "different family name (married?)"
R_PHONETIC = "family names sound alike"
R_SAME_BIRTH = "same birth date"
R_NEAR_BIRTH = "birth dates differ by one digit"
R_OTHER_BIRTH = "different birth dates"
R_SAME_EMAIL = "same e-mail"
R_EMAIL_LOCAL = "same e-mail name at another domain"
R_EMAIL_SIMILAR = "similar e-mail address"
R_SAME_PHONE = "same phone"
R_OTHER_PHONE = "different phone numbers"
R_SAME_ADDRESS = "same address"
R_SAME_POSTCODE = "same postcode"
R_OTHER_ADDRESS = "different address"
R_SAME_COMPANY = "same company"
R_OTHER_SALUTATION = "different salutation"
R_COMMON_NAME = "common name"
R_OTHER_GENERATION = "junior and senior"
R_ONE_GENERATION = "junior or senior on one side only"
# companies
R_SAME_COMPANY_NAME = "same company name"
R_LEGAL_FORM = "names differ only by legal form"
R_COMPANY_TYPO = "similar company name"
R_COMPANY_ORDER = "same words in another order"
R_COMPANY_PART = "one name contains the other"
R_SAME_VAT = "same VAT id"
R_OTHER_VAT = "different VAT ids"
R_SAME_WEBSITE = "same website"
R_SAME_DOMAIN = "same e-mail domain"
R_OTHER_LEGAL_FORM = "different legal form"

ALL_REASONS: tuple[str, ...] = tuple(
    value for name, value in sorted(globals().items()) if name.startswith("R_")
)


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class Candidate:
    """A possible duplicate of a person being entered."""

    person_id: int
    full_name: str
    company: str | None
    birth_date: dt.date | None
    score: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class DuplicatePair:
    """Two records that look like the same person or company; ``a`` is the older one."""

    a: int
    b: int
    score: int
    reasons: tuple[str, ...]
    entity: Literal["person", "company"] = "person"
    a_name: str = ""
    b_name: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity,
            "a": self.a,
            "b": self.b,
            "a_name": self.a_name,
            "b_name": self.b_name,
            "score": self.score,
            "reasons": list(self.reasons),
        }
