"""What clients send and receive: msgspec structs, apart from the tables (as in lesson 13)."""

# --8<-- [start:schemas]
from typing import Annotated
from uuid import UUID

import msgspec

Name = Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
Title = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
Year = Annotated[int, msgspec.Meta(ge=1900, le=2100)]
GenreName = Annotated[str, msgspec.Meta(min_length=1, max_length=50, pattern=r"^[a-z-]+$")]


class NewArtist(msgspec.Struct, forbid_unknown_fields=True):
    name: Name


class NewAlbum(msgspec.Struct, forbid_unknown_fields=True):
    title: Title
    year: Year
    artist_id: UUID
    # Genres by name; a name not stored yet becomes a new genre. At most 5, no repeats.
    genres: Annotated[frozenset[GenreName], msgspec.Meta(max_length=5)] = frozenset()


class ArtistOut(msgspec.Struct):
    id: UUID
    name: str


class AlbumOut(msgspec.Struct):
    id: UUID
    title: str
    year: int
    artist: ArtistOut
    genres: list[str]


# --8<-- [end:schemas]
