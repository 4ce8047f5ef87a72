"""All or nothing: an order that cannot be filled leaves no order behind.

Your task (the whole contract is in task.md, or on the lesson page):
an order for more than the stock answers 409, but the order stays stored. Make the two
writes one: both kept, or neither.
"""

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
from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.pool import StaticPool

from lessons.l13_databases.database import close_engine

# An empty database in memory for every run (and for every check): nothing to clean up.
DATABASE_URL = "sqlite+aiosqlite:///:memory:"


class Base(DeclarativeBase):
    """This exercise's own tables, under a bind_key of their own (see lesson 13's exercises)."""


class Product(Base):
    __tablename__ = "product"
    # The database refuses a negative stock: the UPDATE fails, and the repository raises.
    __table_args__ = (CheckConstraint("stock >= 0", name="stock_not_negative"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    stock: Mapped[int]


class Order(Base):
    __tablename__ = "shop_order"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    quantity: Mapped[int]


class NewProduct(Struct, forbid_unknown_fields=True):
    name: str
    stock: int


class NewOrder(Struct, forbid_unknown_fields=True):
    product_id: int
    quantity: int


class ProductOut(Struct):
    id: int
    name: str
    stock: int


class OrderOut(Struct):
    id: int
    product_id: int
    quantity: int


class ProductRepository(repository.SQLAlchemyAsyncRepository[Product]):
    model_type = Product


class OrderRepository(repository.SQLAlchemyAsyncRepository[Order]):
    model_type = Order


async def provide_products(db_session: NamedDependency[AsyncSession]) -> ProductRepository:
    return ProductRepository(session=db_session)


async def provide_orders(db_session: NamedDependency[AsyncSession]) -> OrderRepository:
    return OrderRepository(session=db_session)


def product_out(product: Product) -> ProductOut:
    return ProductOut(id=product.id, name=product.name, stock=product.stock)


@post("/products")
async def add_product(
    data: JSONBody[NewProduct], products: NamedDependency[ProductRepository]
) -> ProductOut:
    return product_out(await products.add(Product(name=data.name, stock=data.stock)))


@get("/products/{product_id:int}")
async def get_product(
    product_id: FromPath[int], products: NamedDependency[ProductRepository]
) -> ProductOut:
    return product_out(await products.get(product_id))


@get("/orders")
async def list_orders(orders: NamedDependency[OrderRepository]) -> list[OrderOut]:
    found = await orders.get_many(order_by=("id", False))
    return [OrderOut(id=o.id, product_id=o.product_id, quantity=o.quantity) for o in found]


@post("/orders")
async def place_order(
    data: JSONBody[NewOrder],
    orders: NamedDependency[OrderRepository],
    products: NamedDependency[ProductRepository],
) -> OrderOut:
    # Commit the order straight away, so that it is safe whatever happens next.
    # TODO: an order that is refused (404, 409) must not be kept.
    order = await orders.add(
        Order(product_id=data.product_id, quantity=data.quantity), auto_commit=True
    )
    product = await products.get(data.product_id)  # 404 for an unknown product
    product.stock -= data.quantity
    await products.update(product)
    return OrderOut(id=order.id, product_id=order.product_id, quantity=order.quantity)


def create_app(database_url: str = DATABASE_URL) -> Litestar:
    config = SQLAlchemyAsyncConfig(
        connection_string=database_url,
        metadata=Base.metadata,
        bind_key="orders",
        # One connection, kept open: a database in memory lives as long as its connection.
        engine_config=EngineConfig(poolclass=StaticPool),
        create_all=True,
        before_send_handler="autocommit",
    )
    return Litestar(
        route_handlers=[add_product, get_product, list_orders, place_order],
        dependencies={"orders": Provide(provide_orders), "products": Provide(provide_products)},
        plugins=[SQLAlchemyPlugin(config=config)],
        on_shutdown=[close_engine(config)],
    )


app = create_app()
