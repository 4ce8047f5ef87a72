"""Checks for lesson 04, exercise 3: orders for a bookshop."""

from lessons.kit import Checks, Client

checks = Checks()

TWO_OF_SEVEN = {"book_id": 7, "quantity": 2}


@checks.add("POST /orders answers 201 with the stored order")
def order_created(client: Client) -> None:
    client.post("/orders", json=TWO_OF_SEVEN).expect(
        201, json={"id": 1, **TWO_OF_SEVEN}, nudge="the first order gets the id 1"
    )


@checks.add("POST /orders says where the order is, and GET finds it there", needs=order_created)
def location_works(client: Client) -> None:
    reply = client.post("/orders", json=TWO_OF_SEVEN).expect(
        201,
        headers={"location": "/orders/1"},
        nudge="a header is set on a Response object the handler returns",
    )
    client.get(reply.headers["location"]).expect(200, json={"id": 1, **TWO_OF_SEVEN})


@checks.add("a second order gets id 2 and its own Location", needs=location_works)
def second_order(client: Client) -> None:
    client.post("/orders", json=TWO_OF_SEVEN)
    client.post("/orders", json={"book_id": 3, "quantity": 1}).expect(
        201,
        json={"id": 2, "book_id": 3, "quantity": 1},
        headers={"location": "/orders/2"},
        nudge="the Location names the order just stored",
    )


@checks.add("GET /orders/99 answers 404", needs=order_created)
def unknown_order(client: Client) -> None:
    client.get("/orders/99").expect(404, nudge="an unknown id is not a server error")


@checks.add("quantity 0 is 400 and stores nothing", needs=location_works)
def bad_quantity(client: Client) -> None:
    client.post("/orders", json={"book_id": 7, "quantity": 0}).expect(400)
    client.get("/orders/1").expect(404, nudge="a refused order must not be stored")


@checks.add("POST /orders/quote answers 200 with the total, and stores nothing")
def quote_is_200(client: Client) -> None:
    client.post("/orders/quote", json=TWO_OF_SEVEN).expect(
        200,
        json={"total": 25.0},
        nudge="a 201 says something was created; a quote creates nothing",
    )
    client.get("/orders/1").expect(404, nudge="a quote is not an order")
