"""German order for names: "Böhm" beside "Bode", "Özdemir" among the O, "Weiß" as "weiss".

SQLite compares text byte by byte (its ``lower()`` folds ASCII only) and a PostgreSQL
cluster may run with the C collation, so both would put umlauts after "Z". The sort key
is an SQL expression that folds case and umlauts the same way on both; the strings are
SQL literals (not bound parameters) so that the expression indexes of migration 0003
match it exactly and the database walks the index instead of sorting every row.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, func, literal_column

# the order matters: lower() first, then the umlauts SQLite's lower() leaves upper case
FOLD = (("ä", "a"), ("ö", "o"), ("ü", "u"), ("ß", "ss"), ("Ä", "a"), ("Ö", "o"), ("Ü", "u"))


def german_key(column: Any) -> ColumnElement[str]:
    """The sort key of a text column (see the module text)."""
    expr: ColumnElement[str] = func.lower(column)
    for umlaut, plain in FOLD:
        expr = func.replace(expr, literal_column(f"'{umlaut}'"), literal_column(f"'{plain}'"))
    return expr


def german_key_sql(column_name: str) -> str:
    """The same key as SQL text, for migrations (``replace(lower(name), 'ä', 'a') …``)."""
    sql = f"lower({column_name})"
    for umlaut, plain in FOLD:
        sql = f"replace({sql}, '{umlaut}', '{plain}')"
    return sql
