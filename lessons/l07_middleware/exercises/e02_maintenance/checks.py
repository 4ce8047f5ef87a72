"""Checks for lesson 07, exercise 2: a before_request hook that really answers."""

from lessons.kit import Checks, Client

checks = Checks()

ON = {"json": True}
OFF = {"json": False}


@checks.add(
    "while the shop is open, POST /orders answers 201 and stores the order",
    passes_on_start="ordering already works; this check makes sure it still does",
)
def open_shop_takes_orders(client: Client) -> None:
    client.post("/orders", json="tea").expect(201, json={"ordered": "tea"})
    client.get("/orders").expect(200, json=["tea"])


@checks.add(
    "PUT /admin/stocktaking true switches stocktaking on",
    passes_on_start="the switch already works while the shop is open",
)
def switch_on(client: Client) -> None:
    client.put("/admin/stocktaking", **ON).expect(200, json={"stocktaking": True})


@checks.add("during stocktaking, POST /orders is a 503 with Retry-After: 600", needs=switch_on)
def orders_refused(client: Client) -> None:
    client.put("/admin/stocktaking", **ON)
    client.post("/orders", json="tea").expect(
        503,
        json_has={"detail": "Closed for stocktaking"},
        headers={"Retry-After": "600"},
        nudge="what a before_request hook returns is sent as the handler's own answer "
        "unless it is a Response with its own status code",
    )


@checks.add(
    "during stocktaking, a refused order is not stored",
    needs=switch_on,
    passes_on_start="the start's hook already keeps the handler from running; "
    "this check makes sure a fix still does",
)
def refused_order_not_stored(client: Client) -> None:
    client.put("/admin/stocktaking", **ON)
    client.post("/orders", json="tea")
    client.get("/orders").expect(200, json=[], nudge="the handler must not run at all")


@checks.add("during stocktaking, the switch still works: switch off, then order", needs=switch_on)
def switch_off_again(client: Client) -> None:
    client.put("/admin/stocktaking", **ON)
    client.put("/admin/stocktaking", **OFF).expect(
        200,
        json={"stocktaking": False},
        nudge="a hook can read request.route_handler.opt to leave one route alone",
    )
    client.post("/orders", json="honey").expect(201, json={"ordered": "honey"})


@checks.add(
    "during stocktaking, GET /orders still answers 200",
    needs=switch_on,
    passes_on_start="reads are not refused on the start either",
)
def reads_still_work(client: Client) -> None:
    client.put("/admin/stocktaking", **ON)
    client.get("/orders").expect(200, json=[])
