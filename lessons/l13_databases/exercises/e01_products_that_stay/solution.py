"""Products that stay: a product added in one request is there in the next."""

from advanced_alchemy.extensions.litestar import (
    EngineConfig,
    SQLAlchemyAsyncConfig,
    SQLAlchemyPlugin,
    repository,
)
from litestar import Litestar, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, JSONBody
from msgspec import Struct
from sqlalchemy import String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import StaticPool

from lessons.l13_databases.database import close_engine

# An empty database in memory for every run (and for every check): nothing to clean up.
DATABASE_URL = "sqlite+aiosqlite:///:memory:"


class Base(DeclarativeBase):
    """This exercise's own tables, apart from the lesson's.

    The config below registers this metadata under its own bind_key: a config's metadata
    becomes the one every later config with the same key uses, so under the default key it
    would replace the lesson's tables for the rest of the process.
    """


class Product(Base):
    __tablename__ = "product"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    sku: Mapped[str] = mapped_column(String(20), unique=True)  # a duplicate is a 409
    price_cents: Mapped[int]


class NewProduct(Struct, forbid_unknown_fields=True):
    name: str
    sku: str
    price_cents: int


class ProductOut(Struct):
    id: int
    name: str
    sku: str
    price_cents: int


def to_out(product: Product) -> ProductOut:
    return ProductOut(
        id=product.id, name=product.name, sku=product.sku, price_cents=product.price_cents
    )


class ProductRepository(repository.SQLAlchemyAsyncRepository[Product]):
    model_type = Product


async def provide_products(db_session: NamedDependency[AsyncSession]) -> ProductRepository:
    return ProductRepository(session=db_session)


@post("/products")
async def add_product(
    data: JSONBody[NewProduct], products: NamedDependency[ProductRepository]
) -> ProductOut:
    product = Product(name=data.name, sku=data.sku, price_cents=data.price_cents)
    return to_out(await products.add(product))  # a duplicate SKU is answered with 409


@get("/products/{product_id:int}")
async def get_product(
    product_id: FromPath[int], products: NamedDependency[ProductRepository]
) -> ProductOut:
    return to_out(await products.get(product_id))  # a missing row is answered with 404


@get("/products")
async def list_products(products: NamedDependency[ProductRepository]) -> list[ProductOut]:
    return [to_out(product) for product in await products.get_many(order_by=("id", False))]


def create_app(database_url: str = DATABASE_URL) -> Litestar:
    config = SQLAlchemyAsyncConfig(
        connection_string=database_url,
        metadata=Base.metadata,
        bind_key="shop",
        # One connection, kept open: a database in memory lives as long as its connection.
        engine_config=EngineConfig(poolclass=StaticPool),
        create_all=True,
        # Commit when the answer is 2xx, roll back otherwise: without a strategy the
        # plugin closes every session without committing, and each write vanishes.
        before_send_handler="autocommit",
    )
    return Litestar(
        route_handlers=[add_product, get_product, list_products],
        dependencies={"products": Provide(provide_products)},
        plugins=[SQLAlchemyPlugin(config=config)],
        on_shutdown=[close_engine(config)],  # see lesson 13, "Known quirks"
    )


app = create_app()
