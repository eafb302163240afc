"""sub-departments and heads of department

``departments.parent_id`` puts a department inside another one of the same company,
``departments.head_id`` names the person heading it. Two nullable columns with their
foreign keys (SQLite needs batch mode for those; departments has no expression index).
Nothing is copied; the downgrade drops both.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


_COLUMNS = (
    ("parent_id", "departments", "fk_departments_parent_id_departments"),
    ("head_id", "people", "fk_departments_head_id_people"),
)


def _keep_people_departments(bind: sa.Connection) -> list[tuple[int, int]]:
    """SQLite adds a foreign key only by copying the table (batch mode); dropping the
    old copy sets people.department_id to NULL (ON DELETE SET NULL): kept here and
    written back by :func:`_restore`."""
    rows = bind.execute(
        sa.text("SELECT id, department_id FROM people WHERE department_id IS NOT NULL")
    ).all()
    return [(int(r[0]), int(r[1])) for r in rows]


def _restore(bind: sa.Connection, kept: list[tuple[int, int]]) -> None:
    for pid, did in kept:
        bind.execute(
            sa.text("UPDATE people SET department_id = :d WHERE id = :p"), {"d": did, "p": pid}
        )


def upgrade() -> None:
    bind = op.get_bind()
    kept = _keep_people_departments(bind) if bind.dialect.name == "sqlite" else []
    with op.batch_alter_table("departments") as batch:
        for column, _target, _fk in _COLUMNS:
            batch.add_column(sa.Column(column, sa.Integer(), nullable=True))
        for column, target, fk in _COLUMNS:
            batch.create_foreign_key(op.f(fk), target, [column], ["id"], ondelete="SET NULL")
        for column, _target, _fk in _COLUMNS:
            batch.create_index(op.f(f"ix_departments_{column}"), [column])
    _restore(bind, kept)


def downgrade() -> None:
    bind = op.get_bind()
    kept = _keep_people_departments(bind) if bind.dialect.name == "sqlite" else []
    with op.batch_alter_table("departments") as batch:
        for column, _target, _fk in _COLUMNS:
            batch.drop_index(op.f(f"ix_departments_{column}"))
        for _column, _target, fk in reversed(_COLUMNS):
            batch.drop_constraint(op.f(fk), type_="foreignkey")
        for column, _target, _fk in reversed(_COLUMNS):
            batch.drop_column(column)
    _restore(bind, kept)
