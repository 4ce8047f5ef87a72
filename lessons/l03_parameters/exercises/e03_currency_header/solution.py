"""Prices in the customer's currency, chosen by a request header."""

from typing import Annotated, Literal

from litestar import Litestar, get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, HeaderParameter

PRICES_IN_EUR = {"P01": 10.0, "P02": 24.0}
RATES = {"EUR": 1.0, "USD": 1.5, "GBP": 0.5}  # made-up rates that keep the sums simple


@get("/prices/{sku:str}")
async def price(
    sku: FromPath[str],
    # `name` is the header as clients send it; a Literal refuses any other currency
    # with a 400 before the handler runs, so RATES[currency] cannot fail.
    currency: Annotated[Literal["EUR", "USD", "GBP"], HeaderParameter(name="X-Currency")] = "EUR",
) -> dict[str, str | float]:
    if sku not in PRICES_IN_EUR:
        raise NotFoundException(f"No product {sku}")
    return {"sku": sku, "currency": currency, "amount": PRICES_IN_EUR[sku] * RATES[currency]}


app = Litestar(route_handlers=[price])
