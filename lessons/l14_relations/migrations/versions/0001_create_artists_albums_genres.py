"""Create the artist, album, genre and album_genre tables.

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

# advanced-alchemy's GUID: a native uuid on PostgreSQL, 16 bytes elsewhere.
UUID = advanced_alchemy.types.guid.GUID(length=16)


# --8<-- [start:migration]
def upgrade() -> None:
    # Tables are created before the tables that point at them: artist and genre first.
    # (sa_orm_sentinel is a column advanced-alchemy's bases add for bulk INSERTs.)
    op.create_table(
        "lesson14_artist",
        sa.Column("id", UUID, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("sa_orm_sentinel", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lesson14_artist")),
        sa.UniqueConstraint("name", name=op.f("uq_lesson14_artist_name")),
    )
    op.create_table(
        "lesson14_genre",
        sa.Column("id", UUID, nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("sa_orm_sentinel", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lesson14_genre")),
        sa.UniqueConstraint("name", name=op.f("uq_lesson14_genre_name")),
    )
    op.create_table(
        "lesson14_album",
        sa.Column("id", UUID, nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("artist_id", UUID, nullable=False),
        sa.Column("sa_orm_sentinel", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["artist_id"],
            ["lesson14_artist.id"],
            name=op.f("fk_lesson14_album_artist_id_lesson14_artist"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lesson14_album")),
        sa.UniqueConstraint("artist_id", "title", name=op.f("uq_lesson14_album_artist_id")),
    )
    op.create_table(
        "lesson14_album_genre",
        sa.Column("album_id", UUID, nullable=False),
        sa.Column("genre_id", UUID, nullable=False),
        sa.ForeignKeyConstraint(
            ["album_id"],
            ["lesson14_album.id"],
            name=op.f("fk_lesson14_album_genre_album_id_lesson14_album"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["genre_id"],
            ["lesson14_genre.id"],
            name=op.f("fk_lesson14_album_genre_genre_id_lesson14_genre"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("album_id", "genre_id", name=op.f("pk_lesson14_album_genre")),
    )


def downgrade() -> None:
    # The other way round: the pairs and the albums go before what they point at.
    op.drop_table("lesson14_album_genre")
    op.drop_table("lesson14_album")
    op.drop_table("lesson14_genre")
    op.drop_table("lesson14_artist")


# --8<-- [end:migration]
