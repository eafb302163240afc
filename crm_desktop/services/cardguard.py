"""Refuse payment card numbers anywhere: fields, notes, imports.

A run of 13 to 19 digits (spaces or dashes between groups allowed) that passes the
Luhn check is treated as a card number. IBANs are not affected: they start with
letters and are checked before this guard runs on bank fields.
"""

from __future__ import annotations

import re

from crm_desktop.errors import CardNumberError

# digits, optionally separated by single spaces or dashes; 13..19 digits in all
_CANDIDATE = re.compile(r"(?<![\d])(?:\d[ \-]?){12,18}\d(?![\d])")


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def find_card_number(text: str) -> str | None:
    """The first Luhn-valid 13–19 digit number in ``text``, masked, or None."""
    if not text or sum(c.isdigit() for c in text) < 13:
        return None
    for match in _CANDIDATE.finditer(text):
        digits = re.sub(r"[ \-]", "", match.group(0))
        if 13 <= len(digits) <= 19 and luhn_ok(digits) and len(set(digits)) > 1:
            return mask(digits)
    return None


def mask(digits: str) -> str:
    return "•" * (len(digits) - 4) + digits[-4:]


def guard(value: str | None, field: str) -> None:
    """Raise :class:`CardNumberError` when ``value`` holds a payment card number."""
    if not value:
        return
    masked = find_card_number(value)
    if masked is not None:
        raise CardNumberError(
            "{field_label}: this looks like a payment card number ({masked}). "
            "Card numbers are never stored, to protect you and your customers "
            "(PCI DSS); please remove it.",
            field=field,
            field_label=field,
            masked=masked,
        )


def guard_all(values: dict[str, str | None]) -> None:
    for name, value in values.items():
        guard(value, name)
