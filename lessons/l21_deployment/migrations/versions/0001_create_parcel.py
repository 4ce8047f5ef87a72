"""Create the parcel table.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


# --8<-- [start:migration]
def upgrade() -> None:
    op.create_table(
        "parcel",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("tracking_code", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parcel")),
        sa.UniqueConstraint("tracking_code", name=op.f("uq_parcel_tracking_code")),
    )


def downgrade() -> None:
    op.drop_table("parcel")


# --8<-- [end:migration]
