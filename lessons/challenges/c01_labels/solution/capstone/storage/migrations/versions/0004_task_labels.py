"""Labels on tasks: one row per (task, label), gone with the task.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    big_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
    op.create_table(
        "task_label",
        sa.Column("id", big_id, nullable=False),
        sa.Column("task_id", big_id, nullable=False),
        sa.Column("name", sa.String(length=30), nullable=False),
        sa.ForeignKeyConstraint(
            ["task_id"], ["task.id"], name=op.f("fk_task_label_task_id_task"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_task_label")),
        sa.UniqueConstraint("task_id", "name", name="uq_task_label_task_id_name"),
    )


def downgrade() -> None:
    op.drop_table("task_label")
