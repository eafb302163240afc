"""Comparison keys: addresses, company names, and SQL's ``lower()`` and
:func:`german_key` in Python."""

from __future__ import annotations

from typing import Any

from crm_desktop.data.collation import FOLD


def _ascii_lower(text: str) -> str:
    """``text`` as SQLite's ``lower()`` makes it (ASCII letters only)."""
    if text.isascii():
        return text.lower()
    return "".join(c.lower() if c.isascii() else c for c in text)


def _german_fold(text: str) -> str:
    """:func:`german_key` in Python (SQL ``lower()`` of ASCII, then the umlauts)."""
    out = _ascii_lower(text)
    for umlaut, plain in FOLD:
        out = out.replace(umlaut, plain)
    return out


def _address_key(a: dict[str, Any]) -> tuple[str, str, str]:
    return (
        " ".join(str(a["street"]).split()).casefold(),
        str(a["postcode"]).replace(" ", "").casefold(),
        " ".join(str(a["city"]).split()).casefold(),
    )


def _company_key(name: str) -> str:
    return " ".join(name.split()).casefold()
