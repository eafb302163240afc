"""Refuse payment card numbers anywhere: fields, notes, imports.

What a value is gets decided before it is guarded:

- a valid phone number (phonenumbers: ``+49 151 98400017``, ``+4973117546691``,
  ``0049 …``) is never a card, and neither is a valid IBAN (python-stdnum's check,
  compact or in groups of four, any case), also when they stand inside a longer text;
- a card number is 13 to 19 digits that pass the Luhn check, start with a real issuer
  prefix (IIN) and have a length of that scheme (Visa, Mastercard incl. 2221–2720,
  American Express, Discover, Diners, JCB, UnionPay, Maestro, Mir);
- written in a text it is one run of digits, or groups in a card layout (4-4-4-4,
  4-6-5 for Amex, 4-6-4 for Diners, …) with the same separator between all groups.
  Unicode digits (full-width, Arabic-Indic, …) count as digits; spaces of any kind
  (non-breaking, tabs, newlines, doubled), dashes (incl. en dash), dots, slashes,
  commas and parentheses count as separators; invisible format characters (zero-width
  space, soft hyphen) are ignored.

A number found is only ever shown masked (``•••• •••• •••• 1111``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator

import phonenumbers
from stdnum import iban as stdnum_iban

from crm_desktop.domain.i18n import QT_TRANSLATE_NOOP
from crm_desktop.errors import CardNumberError

_DIGITS = "0123456789"
_FIRST_DIGITS = "234568"  # of every issuer range below

# (first digits low, high, number of digits compared, lengths)
_SCHEMES: tuple[tuple[int, int, int, frozenset[int]], ...] = (
    (4, 4, 1, frozenset({13, 16, 19})),  # Visa (incl. Electron)
    (51, 55, 2, frozenset({16})),  # Mastercard
    (2221, 2720, 4, frozenset({16})),  # Mastercard 2-series
    (34, 34, 2, frozenset({15})),  # American Express
    (37, 37, 2, frozenset({15})),
    (6011, 6011, 4, frozenset(range(16, 20))),  # Discover
    (644, 649, 3, frozenset(range(16, 20))),
    (65, 65, 2, frozenset(range(16, 20))),
    (300, 305, 3, frozenset(range(14, 20))),  # Diners Club
    (3095, 3095, 4, frozenset(range(14, 20))),
    (36, 36, 2, frozenset(range(14, 20))),
    (38, 39, 2, frozenset(range(14, 20))),
    (3528, 3589, 4, frozenset(range(16, 20))),  # JCB
    (62, 62, 2, frozenset(range(16, 20))),  # UnionPay
    (81, 81, 2, frozenset(range(16, 20))),
    (2200, 2204, 4, frozenset(range(16, 20))),  # Mir
    (5018, 5018, 4, frozenset(range(13, 20))),  # Maestro
    (5020, 5020, 4, frozenset(range(13, 20))),
    (5038, 5038, 4, frozenset(range(13, 20))),
    (5893, 5893, 4, frozenset(range(13, 20))),
    (6304, 6304, 4, frozenset(range(13, 20))),
    (6703, 6703, 4, frozenset(range(13, 20))),
    (6759, 6759, 4, frozenset(range(13, 20))),
    (6761, 6763, 4, frozenset(range(13, 20))),
)

# separators between the digit groups of a number written in a text
_SEP_CHARS = r"\s\-./,()_"
_SPAN = re.compile(rf"\d+(?:[{_SEP_CHARS}]{{1,3}}\d+)*")
_GROUP = re.compile(r"\d+")
_ANY_DIGIT = re.compile(r"\d")  # any decimal digit (Unicode category Nd)
_IBAN_START = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}")
_IBAN_CHAR = re.compile(r"[A-Za-z0-9]")


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


@functools.cache
def _lengths(prefix: str) -> frozenset[int]:
    """The card lengths of the schemes whose issuer ranges hold the 4-digit ``prefix``."""
    out: set[int] = set()
    for low, high, size, lengths in _SCHEMES:
        if low <= int(prefix[:size]) <= high:
            out |= lengths
    return frozenset(out)


def scheme_ok(digits: str) -> bool:
    """True when ``digits`` start with a card issuer's prefix and have its length."""
    return len(digits) in _lengths(digits[:4])


def is_card_number(digits: str) -> bool:
    """True for a plain run of digits that is a payment card number."""
    return (
        13 <= len(digits) <= 19
        and digits.isascii()
        and digits.isdigit()
        and len(set(digits)) > 1
        and scheme_ok(digits)
        and luhn_ok(digits)
    )


# ---------------------------------------------------------------- normalising


class _Fold(dict[int, int | str | None]):
    """``str.translate`` table, filled on first use of a character: any decimal digit
    becomes its ASCII digit, dashes "-", spaces " ", format characters vanish."""

    def __missing__(self, code: int) -> int | str | None:
        ch = chr(code)
        cat = unicodedata.category(ch)
        value: int | str | None = code
        if cat == "Nd":
            value = str(unicodedata.decimal(ch))
        elif cat == "Cf":
            value = None
        elif cat == "Pd" or ch == "\u2212":
            value = "-"
        elif cat in ("Zs", "Zl", "Zp") or ch in "\t\n\r\v\f\x85":
            value = " "
        self[code] = value
        return value


_FOLD = _Fold()


def normalize(text: str) -> str:
    """``text`` with every digit in ASCII and separators in their plain form (NFKC:
    full-width digits and punctuation, non-breaking spaces)."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKC", text).translate(_FOLD)


def enough_digits(text: str) -> bool:
    """Quick look: True when ``text`` has at least 13 digits (no card number without)."""
    if text.isascii():
        return sum(map(text.count, _DIGITS)) >= 13
    return len(_ANY_DIGIT.findall(text)) >= 13


# ---------------------------------------------------------------- finding


def _sep_class(sep: str) -> str:
    """Separators that count as the same: any spaces; a dash with or without spaces
    around it; every other character by itself (spaces around it ignored)."""
    core = "".join(ch for ch in sep if not ch.isspace() and ch not in "()")
    if not core:
        return " " if any(ch.isspace() for ch in sep) else "()"
    return core


def _layout_ok(sizes: list[int]) -> bool:
    if len(sizes) == 1:
        return True
    if sizes in ([4, 6, 5], [4, 6, 4], [6, 13], [5, 5, 5, 4]):  # Amex, Diners, 19 digits
        return True
    return all(n == 4 for n in sizes[:-1]) and 1 <= sizes[-1] <= 4


def _candidates(text: str, identifier: bool = False) -> Iterator[tuple[int, int, str]]:
    """(start, end, digits) of every card-shaped number in ``text`` (normalised). In an
    ``identifier`` digits glued to letters are part of it (hexadecimal ids, hashes)."""
    for span in _SPAN.finditer(text):
        if identifier and (
            (span.start() > 0 and text[span.start() - 1].isalnum())
            or (span.end() < len(text) and text[span.end()].isalnum())
        ):
            continue
        groups = [(m.start(), m.end()) for m in _GROUP.finditer(text, span.start(), span.end())]
        seps = [_sep_class(text[groups[k][1] : groups[k + 1][0]]) for k in range(len(groups) - 1)]
        for i in range(len(groups)):
            if text[groups[i][0]] not in _FIRST_DIGITS:
                continue
            size = 0
            for j in range(i, len(groups)):
                size += groups[j][1] - groups[j][0]
                if size > 19:
                    break
                if j > i and seps[j - 1] != seps[i]:
                    break
                if size < 13:
                    continue
                sizes = [b - a for a, b in groups[i : j + 1]]
                if not _layout_ok(sizes):
                    continue
                digits = "".join(text[a:b] for a, b in groups[i : j + 1])
                if is_card_number(digits):
                    yield groups[i][0], groups[j][1], digits


def _phone_at(text: str, start: int, end: int) -> bool:
    """True when the digits text[start:end] belong to a valid phone number written with
    its country code (+49 …, 0049 …) or its trunk prefix (0151 …)."""
    span = None
    for m in _SPAN.finditer(text, max(0, start - 40), min(len(text), end + 40)):
        if m.start() <= start and end <= m.end():
            span = m
            break
    if span is None:  # pragma: no cover - a candidate always lies in a span
        return False
    groups = [(m.start(), m.end()) for m in _GROUP.finditer(text, span.start(), span.end())]
    firsts = [a for a, _b in groups if a <= start]
    lasts = [b for _a, b in groups if b >= end]
    for a in firsts[-5:]:
        lead = a
        while lead > 0 and text[lead - 1] in "( ":
            lead -= 1
        plus = lead > 0 and text[lead - 1] == "+"
        if not plus and text[a] != "0":
            continue
        for b in lasts[:4]:
            raw = ("+" if plus else "") + text[lead:b]
            try:
                number = phonenumbers.parse(raw, "DE" if not plus else None)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                return True
    return False


def _mod97_ok(iban: str) -> bool:
    """The IBAN check digits (ISO 7064 mod 97-10) of an upper-case candidate."""
    moved = iban[4:] + iban[:4]
    try:
        return int("".join(ch if ch.isdigit() else str(ord(ch) - 55) for ch in moved)) % 97 == 1
    except ValueError:  # pragma: no cover - only letters and digits get here
        return False


def _iban_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every valid IBAN in ``text`` (compact or grouped, any case)."""
    out: list[tuple[int, int]] = []
    for m in _IBAN_START.finditer(text):
        chars: list[str] = []
        ends: list[int] = []
        pos = m.start()
        while pos < len(text) and len(chars) < 34:
            ch = text[pos]
            if _IBAN_CHAR.fullmatch(ch):
                chars.append(ch)
                ends.append(pos + 1)
                pos += 1
            elif ch in " -" and pos + 1 < len(text) and _IBAN_CHAR.fullmatch(text[pos + 1]):
                pos += 1
            else:
                break
        for n in range(len(chars), 14, -1):
            candidate = "".join(chars[:n]).upper()
            if _mod97_ok(candidate) and stdnum_iban.is_valid(candidate):
                out.append((m.start(), ends[n - 1]))
                break
    return out


def _cards(text: str, identifier: bool = False) -> Iterator[tuple[int, int, str]]:
    """Card numbers in ``text`` (normalised): not part of a valid phone number or IBAN."""
    ibans: list[tuple[int, int]] | None = None
    for start, end, digits in _candidates(text, identifier):
        if ibans is None:
            ibans = _iban_spans(text)
        if any(a <= start and end <= b for a, b in ibans):
            continue
        if _phone_at(text, start, end):
            continue
        yield start, end, digits


def find_card_number(text: str | None, *, identifier: bool = False) -> str | None:
    """The first payment card number in ``text``, masked, or None. ``identifier``: the
    text is an id (a UID), where digits glued to letters belong to a hexadecimal id."""
    if not text or not enough_digits(text):
        return None
    for _start, _end, digits in _cards(normalize(text), identifier):
        return mask(digits)
    return None


def contains_card_number(text: str | None) -> bool:
    return find_card_number(text) is not None


def redact(text: str) -> str:
    """``text`` with every card number in it masked (for reports and logs)."""
    if not text or not enough_digits(text):
        return text
    norm = normalize(text)
    found = list(_cards(norm))
    if not found:
        return text
    out = []
    pos = 0
    for start, end, digits in found:
        if start < pos:
            continue
        out.append(norm[pos:start])
        out.append(mask(digits))
        pos = end
    out.append(norm[pos:])
    return "".join(out)


def mask(digits: str) -> str:
    """``•••• •••• •••• 1111``: the last four digits only."""
    digits = "".join(ch for ch in digits if ch.isdigit())
    hidden = len(digits) - 4
    groups = ["••••"] * (hidden // 4)
    if hidden % 4:
        groups.append("•" * (hidden % 4))
    return " ".join([*groups, digits[-4:]])


# ---------------------------------------------------------------- guarding


def card_error(field: str, masked: str) -> CardNumberError:
    return CardNumberError(
        QT_TRANSLATE_NOOP(
            "errors",
            "{field_label}: this looks like a payment card number ({masked}). "
            "Card numbers are never stored, to protect you and your customers "
            "(PCI DSS); please remove it.",
        ),
        field=field,
        field_label=field,
        masked=masked,
    )


def guard(value: str | None, field: str) -> None:
    """Raise :class:`CardNumberError` when ``value`` holds a payment card number."""
    if not value:
        return
    masked = find_card_number(value)
    if masked is not None:
        raise card_error(field, masked)


def guard_all(values: dict[str, str | None]) -> None:
    for name, value in values.items():
        guard(value, name)


def looks_like_iban(value: str | None) -> bool:
    """True when ``value`` is written like an IBAN (two letters, two check digits),
    valid or not: such a value gets the IBAN message, not the card message."""
    text = normalize((value or "").strip())
    return bool(re.match(r"[A-Za-z]{2}\s*\d{2}", text))
