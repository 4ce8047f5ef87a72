"""Artists, their albums, and the genres albums share: one-to-many and many-to-many."""

# --8<-- [start:models]
from uuid import UUID

from advanced_alchemy.extensions.litestar import base
from sqlalchemy import Column, ForeignKey, String, Table, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

# Many-to-many needs a table of pairs: one row per (album, genre). It has no class of its
# own; `secondary=` below tells SQLAlchemy to read and write it for you.
album_genre = Table(
    "lesson14_album_genre",
    base.UUIDBase.metadata,
    Column("album_id", ForeignKey("lesson14_album.id", ondelete="CASCADE"), primary_key=True),
    Column("genre_id", ForeignKey("lesson14_genre.id", ondelete="CASCADE"), primary_key=True),
)


# UUIDBase: an `id` primary key that Python generates (uuid4) before the INSERT, so an
# id reveals nothing about how many rows exist and can be made before the row is stored.
class Artist(base.UUIDBase):
    __tablename__ = "lesson14_artist"  # prefixed: lesson 13's tables share this metadata

    name: Mapped[str] = mapped_column(String(100), unique=True)
    # One-to-many: an artist has many albums. lazy="raise" makes touching `albums` without
    # having loaded them an immediate error, instead of a hidden query (see step 1).
    albums: Mapped[list["Album"]] = relationship(back_populates="artist", lazy="raise")


class Album(base.UUIDBase):
    __tablename__ = "lesson14_album"
    # The same title twice for one artist is a conflict (step 3 relies on it).
    __table_args__ = (UniqueConstraint("artist_id", "title"),)

    title: Mapped[str] = mapped_column(String(200))
    year: Mapped[int]
    # The foreign key is the "many" side's column: each album row names its artist.
    artist_id: Mapped[UUID] = mapped_column(ForeignKey("lesson14_artist.id", ondelete="CASCADE"))
    artist: Mapped[Artist] = relationship(back_populates="albums", lazy="raise")
    genres: Mapped[list["Genre"]] = relationship(
        secondary=album_genre, back_populates="albums", lazy="raise"
    )


class Genre(base.UUIDBase):
    __tablename__ = "lesson14_genre"

    name: Mapped[str] = mapped_column(String(50), unique=True)
    albums: Mapped[list[Album]] = relationship(
        secondary=album_genre, back_populates="genres", lazy="raise"
    )


# --8<-- [end:models]
