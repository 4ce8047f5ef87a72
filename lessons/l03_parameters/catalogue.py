"""The read-only product catalogue the lesson's search endpoints look through."""

# --8<-- [start:catalogue]
from dataclasses import dataclass


@dataclass(frozen=True)
class Product:
    name: str
    price: float
    in_stock: bool
    tags: tuple[str, ...] = ()


CATALOGUE = (
    Product("Widget", 9.99, in_stock=True, tags=("tools",)),
    Product("Gadget", 24.99, in_stock=False, tags=("tools", "gifts")),
    Product("Gizmo", 4.50, in_stock=True, tags=("gifts",)),
    Product("Wotsit", 49.00, in_stock=True, tags=("garden",)),
)
# --8<-- [end:catalogue]
