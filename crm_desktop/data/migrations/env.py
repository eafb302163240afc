"""Alembic environment: runs on the connection handed in by crm_desktop.data.migrate."""

from __future__ import annotations

from alembic import context

from crm_desktop.data import models  # noqa: F401  (registers the tables)
from crm_desktop.data.base import Base

config = context.config
target_metadata = Base.metadata


def _include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    # The FTS5 shadow tables are managed by SQL in the migrations, not by the models.
    return not (type_ == "table" and name is not None and name.startswith("search_fts"))


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # pragma: no cover - the alembic CLI path
        from crm_desktop.data.engine import make_engine

        engine = make_engine(config.get_main_option("sqlalchemy.url") or "")
        with engine.begin() as conn:
            _run(conn)
        return
    _run(connection)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_object=_include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
