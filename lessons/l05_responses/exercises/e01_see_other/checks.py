"""Checks for lesson 05, exercise 1: add to the basket, then show it."""

from lessons.kit import Checks, Client

checks = Checks()

PEN = {"sku": "pen", "quantity": 2}


@checks.add("POST /basket/items answers 303 See Other")
def answers_see_other(client: Client) -> None:
    client.post("/basket/items", json=PEN, follow_redirects=False).expect(
        303,
        nudge="after a POST, which status says 'fetch the result with GET'? "
        "And which status does Redirect send when you give it none?",
    )


@checks.add("the redirect's Location is /basket", needs=answers_see_other)
def points_at_the_basket(client: Client) -> None:
    client.post("/basket/items", json=PEN, follow_redirects=False).expect(
        303, headers={"location": "/basket"}, nudge="Redirect's first argument is where to go"
    )


@checks.add("a browser following it GETs /basket and sees the item", needs=points_at_the_basket)
def follows_with_get(client: Client) -> None:
    # Followed, as a browser does: after a 303 the client always asks with GET.
    client.post("/basket/items", json=PEN).expect(200, json={"items": [PEN]})


@checks.add("/schema documents the 303, not a 201", needs=answers_see_other)
def documents_the_redirect(client: Client) -> None:
    reply = client.get("/schema/openapi.json").expect(200)
    statuses = set(reply.json()["paths"]["/basket/items"]["post"]["responses"])
    if "303" not in statuses or "201" in statuses:
        raise reply.failure(
            "responses with 303 and no 201",
            nudge="the decorator's status_code is what /schema shows",
        )


@checks.add(
    "an item without a sku is a 400",
    passes_on_start="the body is checked already; this check makes sure it stays so",
)
def rejects_a_bad_item(client: Client) -> None:
    client.post("/basket/items", json={"quantity": 2}, follow_redirects=False).expect(400)
