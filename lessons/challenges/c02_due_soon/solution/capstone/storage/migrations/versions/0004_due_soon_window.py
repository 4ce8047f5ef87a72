"""Each user's due-soon window: how many days ahead the feed looks (3 unless changed).

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
    # The server default fills the column for the users there already.
    with op.batch_alter_table("user_account") as batch_op:
        batch_op.add_column(
            sa.Column("due_soon_days", sa.SmallInteger(), server_default="3", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("user_account") as batch_op:
        batch_op.drop_column("due_soon_days")
