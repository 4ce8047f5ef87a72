"""The lesson's one table, mapped with advanced-alchemy's declarative bases."""

# --8<-- [start:model]
from typing import Annotated

from advanced_alchemy.extensions.litestar import base
from litestar.params import KwargDefinition
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column


# BigIntAuditBase gives an integer `id` primary key plus `created_at` and
# `updated_at` columns that advanced-alchemy keeps up to date (as aware UTC).
class Book(base.BigIntAuditBase):
    __tablename__ = "book"

    # The Annotated limits are for SQLAlchemyDTO (step 04), which builds its
    # validation from these annotations; String(200) alone is not checked by it.
    title: Mapped[Annotated[str, KwargDefinition(min_length=1, max_length=200)]] = mapped_column(
        String(200)
    )
    author: Mapped[Annotated[str, KwargDefinition(min_length=1, max_length=100)]] = mapped_column(
        String(100), index=True
    )
    # unique: a second book with the same ISBN is a conflict, answered with 409.
    isbn: Mapped[
        Annotated[str, KwargDefinition(min_length=13, max_length=13, pattern=r"^\d{13}$")]
    ] = mapped_column(String(13), unique=True)


# --8<-- [end:model]
