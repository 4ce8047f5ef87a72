"""The parcels table that the migrations create (step 6)."""

# --8<-- [start:model]
from advanced_alchemy.extensions.litestar import base
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column


class Parcel(base.BigIntBase):
    __tablename__ = "parcel"

    tracking_code: Mapped[str] = mapped_column(String(20), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="registered")


# --8<-- [end:model]
