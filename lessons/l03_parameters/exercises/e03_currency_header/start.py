"""Prices in the customer's currency, chosen by a request header.

Your task (the whole contract is in task.md, or on the lesson page):
GET /prices/{sku} answers the product's price in the currency the X-Currency header names
(EUR, USD or GBP; EUR when the header is absent). Any other currency is a 400.
"""

from litestar import Litestar

PRICES_IN_EUR = {"P01": 10.0, "P02": 24.0}
RATES = {"EUR": 1.0, "USD": 1.5, "GBP": 0.5}  # made-up rates that keep the sums simple


# TODO: write the handler for GET /prices/{sku} from the contract, and serve it.


app = Litestar(route_handlers=[])
