"""Moved to :mod:`crm_desktop.domain.cardguard`; this name stays for the ui's imports."""

from __future__ import annotations

from crm_desktop.domain.cardguard import (
    card_error,
    contains_card_number,
    enough_digits,
    find_card_number,
    guard,
    guard_all,
    is_card_number,
    looks_like_iban,
    luhn_ok,
    mask,
    normalize,
    redact,
    scheme_ok,
)

__all__ = [
    "card_error",
    "contains_card_number",
    "enough_digits",
    "find_card_number",
    "guard",
    "guard_all",
    "is_card_number",
    "looks_like_iban",
    "luhn_ok",
    "mask",
    "normalize",
    "redact",
    "scheme_ok",
]
