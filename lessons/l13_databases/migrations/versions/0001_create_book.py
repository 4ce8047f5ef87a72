"""Create the book table.

Revision ID: 0001
Revises:
"""

import advanced_alchemy.types
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


# --8<-- [start:migration]
def upgrade() -> None:
    op.create_table(
        "book",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("isbn", sa.String(length=13), nullable=False),
        sa.Column("created_at", advanced_alchemy.types.DateTimeUTC(timezone=True), nullable=False),
        sa.Column("updated_at", advanced_alchemy.types.DateTimeUTC(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_book")),
        sa.UniqueConstraint("isbn", name=op.f("uq_book_isbn")),
    )
    with op.batch_alter_table("book") as batch_op:
        batch_op.create_index(batch_op.f("ix_book_author"), ["author"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("book") as batch_op:
        batch_op.drop_index(batch_op.f("ix_book_author"))
    op.drop_table("book")


# --8<-- [end:migration]
