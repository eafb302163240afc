"""Matching typed text against names: one set of rules for every search field.

The people list, the pickers, the tree filter, the search fallback, orders, quick entry
and the CLI all ask "does this name contain the word typed?". They used to do it four
different ways; this module is the one way.

**The equivalences** (:func:`fold_letters`, then :func:`fold`):

* case is ignored (Unicode case folding: "ÖZDEMIR" = "özdemir");
* accents and umlauts are stripped: ä → a, ö → o, ü → u, é → e, č → c, å → a …
  (Unicode decomposition, the combining marks dropped), also when a name is stored
  decomposed (o + U+0308);
* letters without a decomposition are spelled out: ß/ẞ → ss, æ → ae, œ → oe, ø → o,
  ł → l, đ/ð → d, þ → th, ı → i;
* in the *loose* form (:func:`fold`) the German transliterations are collapsed as well:
  ae → a, oe → o, ue → u. So "Özdemir", "Oezdemir" and "Ozdemir" are all "ozdemir",
  "Übel" and "Uebel" are "ubel", "Straße" and "Strasse" are "strasse".

A word *matches* a text when the folded word is inside the folded text, in either form:
``fold_letters(word) in fold_letters(text) or fold(word) in fold(text)``. The first
form keeps "el" finding "Joel" (whose loose form is "jol"), the second lets "oezdemir"
find "Özdemir" and "Ozdemir" find "Oezdemir". Everything else — ``%``, ``_``, ``\\`` —
is matched literally (:func:`escape_like`).

**In SQL** (:func:`contains`) both databases compute the same folded forms of the
column: SQLite through the functions ``crm_fold``/``crm_fold_loose`` that every
connection registers (:func:`register_sqlite_functions`, they call the Python functions
here), PostgreSQL through ``lower(translate(replace(...)))`` built from the same table,
so the Latin letters (U+0000–U+024F, U+1E00–U+1EFF) fold identically on both whatever
the cluster's locale. Letters of other scripts are case-folded by Python on SQLite and
by the cluster's ``lower()`` on PostgreSQL (a ``C`` cluster folds only ASCII there).
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, String, and_, func, literal_column, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from crm_desktop.data.collation import FOLD

ESCAPE = "\\"

# letters that Unicode does not decompose into a base letter and a mark
_SPELLED = str.maketrans(
    {
        "ß": "ss",
        "ẞ": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ı": "i",
    }
)
# the German transliterations, collapsed in this order (SQL replaces in the same order)
TRANSLITERATIONS = (("ae", "a"), ("oe", "o"), ("ue", "u"))


def _fold_letters(text: str) -> str:
    if text.isascii():
        return text.lower()
    low = unicodedata.normalize("NFKC", text).casefold().translate(_SPELLED)
    return "".join(ch for ch in unicodedata.normalize("NFKD", low) if not unicodedata.combining(ch))


@lru_cache(maxsize=200_000)
def fold_letters(text: str) -> str:
    """Case, accents and umlauts folded, ß → ss: "Özdemir" → "ozdemir", "Straße" →
    "strasse"; the transliterations (oe, ue, ae) are kept: "Oezdemir" → "oezdemir"."""
    return _fold_letters(text)


def fold_letters_uncached(text: str) -> str:
    """:func:`fold_letters` without the cache, for texts seldom met twice."""
    return _fold_letters(text)


def _collapse(folded: str) -> str:
    for pair, single in TRANSLITERATIONS:
        folded = folded.replace(pair, single)
    return folded


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """The loose form: :func:`fold_letters` with ae → a, oe → o, ue → u, so "Özdemir",
    "Oezdemir", "özdemir" and "Ozdemir" are all "ozdemir"."""
    return _collapse(fold_letters(text))


def fold_uncached(text: str) -> str:
    """:func:`fold` without the cache, for texts seldom met twice."""
    return _collapse(_fold_letters(text))


def escape_like(word: str, escape: str = ESCAPE) -> str:
    """``word`` for a LIKE pattern with ``ESCAPE escape``: ``%``, ``_`` and the escape
    character itself are matched literally."""
    return (
        word.replace(escape, escape + escape).replace("%", escape + "%").replace("_", escape + "_")
    )


def words(text: str | None) -> list[str]:
    """The words typed (split on white space and commas)."""
    return (text or "").replace(",", " ").split()


def matches(text: str | None, word: str) -> bool:
    """The rule of :func:`contains` in Python: ``word`` inside ``text`` (folded)."""
    if not text:
        return not word
    return fold_letters(word) in fold_letters(text) or fold(word) in fold(text)


def matches_all(text: str | None, typed: str) -> bool:
    """Every word of ``typed`` inside ``text``."""
    return all(matches(text, w) for w in words(typed))


def sort_text(text: str) -> str:
    """The German sort key of :func:`crm_desktop.data.collation.german_key` in Python
    (for lists sorted in memory, so they order as the database does)."""
    out = text.lower()
    for umlaut, plain in FOLD:
        out = out.replace(umlaut, plain)
    return out


# ---------------------------------------------------------------- SQL


def _char_table() -> tuple[list[tuple[str, str]], str, str]:
    """The fold of single letters as (multi-letter replacements, translate from, to)."""
    multi: list[tuple[str, str]] = []
    src: list[str] = []
    dst: list[str] = []
    dropped: list[str] = []
    points = [*range(0xC0, 0x250), *range(0x1E00, 0x1F00), *range(0x300, 0x370)]
    for cp in points:
        ch = chr(cp)
        if unicodedata.category(ch).startswith("M"):
            dropped.append(ch)  # a combining mark (a name stored decomposed)
            continue
        folded = _fold_letters(ch)
        if folded == ch:
            continue
        if len(folded) == 1:
            src.append(ch)
            dst.append(folded)
        elif folded:
            multi.append((ch, folded))
    return multi, "".join(src) + "".join(dropped), "".join(dst)


_MULTI, _FROM, _TO = _char_table()
assert "'" not in _FROM + _TO and all("'" not in a + b for a, b in _MULTI)


def _sql_text(value: str) -> Any:
    return literal_column(f"'{value}'", String)


def _pg_fold_letters(column: Any) -> Any:
    expr = column
    for ch, spelled in _MULTI:
        expr = func.replace(expr, _sql_text(ch), _sql_text(spelled))
    return func.lower(func.translate(expr, _sql_text(_FROM), _sql_text(_TO)))


def _pg_fold(column: Any) -> Any:
    expr = _pg_fold_letters(column)
    for pair, single in TRANSLITERATIONS:
        expr = func.replace(expr, _sql_text(pair), _sql_text(single))
    return expr


class folded_letters(FunctionElement[str]):
    """SQL: :func:`fold_letters` of a column."""

    type = String()
    name = "crm_fold"
    inherit_cache = True


class folded(FunctionElement[str]):
    """SQL: :func:`fold` (the loose form) of a column."""

    type = String()
    name = "crm_fold_loose"
    inherit_cache = True


@compiles(folded_letters, "sqlite")
@compiles(folded, "sqlite")
def _compile_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    return f"{element.name}({compiler.process(element.clauses, **kw)})"


@compiles(folded_letters)
def _compile_letters(element: Any, compiler: Any, **kw: Any) -> str:
    (column,) = element.clauses.clauses
    return str(compiler.process(_pg_fold_letters(column), **kw))


@compiles(folded)
def _compile_loose(element: Any, compiler: Any, **kw: Any) -> str:
    (column,) = element.clauses.clauses
    return str(compiler.process(_pg_fold(column), **kw))


def _sql_fold_letters(value: object) -> str | None:
    return None if value is None else fold_letters(str(value))


def _sql_fold(value: object) -> str | None:
    return None if value is None else fold(str(value))


def register_sqlite_functions(dbapi_conn: sqlite3.Connection) -> None:
    """Make ``crm_fold``/``crm_fold_loose`` known to one SQLite connection."""
    dbapi_conn.create_function("crm_fold", 1, _sql_fold_letters, deterministic=True)
    dbapi_conn.create_function("crm_fold_loose", 1, _sql_fold, deterministic=True)


def contains(column: Any, word: str) -> ColumnElement[bool]:
    """SQL: ``word`` inside the text of ``column``, by the rules of the module text
    (same result on SQLite and PostgreSQL; NULL never matches)."""
    strict = f"%{escape_like(fold_letters(word))}%"
    loose = f"%{escape_like(fold(word))}%"
    return or_(
        folded_letters(column).like(strict, escape=ESCAPE),
        folded(column).like(loose, escape=ESCAPE),
    )


def contains_any(columns: Iterable[Any], word: str) -> ColumnElement[bool]:
    """``word`` inside any of ``columns``."""
    return or_(*(contains(c, word) for c in columns))


def contains_all(columns: Sequence[Any], text: str | None) -> ColumnElement[bool] | None:
    """Every word of ``text`` inside one of ``columns`` (None when nothing was typed)."""
    typed = words(text)
    if not typed:
        return None
    return and_(*(contains_any(columns, w) for w in typed))


def starts_with(column: Any, word: str) -> ColumnElement[bool]:
    """SQL: the text of ``column`` begins with ``word`` (folded as :func:`contains`)."""
    return or_(
        folded_letters(column).like(f"{escape_like(fold_letters(word))}%", escape=ESCAPE),
        folded(column).like(f"{escape_like(fold(word))}%", escape=ESCAPE),
    )
