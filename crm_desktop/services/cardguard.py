"""Refuse payment card numbers anywhere: fields, notes, imports.

A run of 13 to 19 digits (spaces or dashes between groups allowed) that passes the
Luhn check is treated as a card number. IBANs are not affected: they start with
letters and are checked before this guard runs on bank fields.
"""

from __future__ import annotations

import re

from crm_desktop.errors import CardNumberError

# digits, optionally separated by single spaces or dashes; 13..19 digits in all
_CANDIDATE = re.compile(r"(?<![\d])(?:\d[ \-]?){12,}\d(?![\d])")


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


def _card_shaped(groups: list[str]) -> bool:
    sizes = [len(g) for g in groups]
    if len(sizes) == 1:
        return True
    if sizes in ([4, 6, 5], [4, 6, 4]):  # American Express, Diners
        return True
    return all(n == 4 for n in sizes[:-1]) and 1 <= sizes[-1] <= 4


def _runs(candidate: str) -> list[str]:
    """The whole digit run, and every card-shaped run of groups inside it (so a house
    number or an amount right before a card number cannot hide it)."""
    groups = [g for g in re.split(r"[ \-]", candidate) if g]
    runs = ["".join(groups)] if len("".join(groups)) <= 19 else []
    for i in range(len(groups)):
        for j in range(i + 1, len(groups) + 1):
            if (i, j) == (0, len(groups)):
                continue
            digits = "".join(groups[i:j])
            if 13 <= len(digits) <= 19 and _card_shaped(groups[i:j]):
                runs.append(digits)
    return runs


def find_card_number(text: str) -> str | None:
    """The first Luhn-valid 13–19 digit number in ``text``, masked, or None."""
    if not text or sum(c.isdigit() for c in text) < 13:
        return None
    for match in _CANDIDATE.finditer(text):
        for digits in _runs(match.group(0)):
            if (
                13 <= len(digits) <= 19
                and digits[0] in "23456"  # issuer ranges of the card networks
                and luhn_ok(digits)
                and len(set(digits)) > 1
            ):
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
