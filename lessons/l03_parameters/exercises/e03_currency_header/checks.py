"""Checks for lesson 03, exercise 3: prices in the customer's currency."""

from lessons.kit import Checks, Client

checks = Checks()


@checks.add("GET /prices/P01 without the header is in EUR")
def default_currency(client: Client) -> None:
    client.get("/prices/P01").expect(
        200,
        json={"sku": "P01", "currency": "EUR", "amount": 10.0},
        nudge="the header is optional: give it a default",
    )


@checks.add("X-Currency: USD and GBP convert the price", needs=default_currency)
def header_is_read(client: Client) -> None:
    client.get("/prices/P02", headers={"X-Currency": "USD"}).expect(
        200,
        json={"sku": "P02", "currency": "USD", "amount": 36.0},
        nudge="without a `name`, Litestar looks for a header spelled like the Python argument",
    )
    client.get("/prices/P01", headers={"X-Currency": "GBP"}).expect(
        200, json={"sku": "P01", "currency": "GBP", "amount": 5.0}
    )


@checks.add("X-Currency: JPY answers 400", needs=default_currency)
def other_currency_refused(client: Client) -> None:
    client.get("/prices/P01", headers={"X-Currency": "JPY"}).expect(
        400, nudge="refuse the currencies you have no rate for before the handler runs"
    )


@checks.add("GET /prices/P99 answers 404", needs=default_currency)
def unknown_product(client: Client) -> None:
    client.get("/prices/P99").expect(404, nudge="an unknown product is not a server error")
