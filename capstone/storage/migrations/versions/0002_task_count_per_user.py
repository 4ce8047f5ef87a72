"""Count each user's tasks, so that an unfiltered listing needs no COUNT.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("user_account") as batch_op:
        batch_op.add_column(
            sa.Column("task_count", sa.Integer(), server_default="0", nullable=False)
        )
    # Existing users start with the number of tasks they already have.
    op.execute(
        "UPDATE user_account SET task_count ="
        " (SELECT count(*) FROM task WHERE task.owner_id = user_account.id)"
    )


def downgrade() -> None:
    with op.batch_alter_table("user_account") as batch_op:
        batch_op.drop_column("task_count")
