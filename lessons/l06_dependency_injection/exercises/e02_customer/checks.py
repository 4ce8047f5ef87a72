"""Checks for lesson 06, exercise 2: the customer provider."""

from lessons.kit import Checks, Client

checks = Checks()

ALICE = {"X-API-Key": "key-alice"}
BOB = {"X-API-Key": "key-bob"}


@checks.add(
    "GET /basket with alice's key answers her basket",
    passes_on_start="the first customer already works; this check makes sure it still does",
)
def alice_gets_hers(client: Client) -> None:
    client.get("/basket", headers=ALICE).expect(
        200, json={"customer": "alice", "items": ["tea", "honey"]}
    )


@checks.add("after alice, bob gets his own basket, not hers", needs=alice_gets_hers)
def each_customer_their_own(client: Client) -> None:
    client.get("/basket", headers=ALICE).expect(200)
    client.get("/basket", headers=BOB).expect(
        200,
        json={"customer": "bob", "items": ["coffee"]},
        nudge="how long does a provider's value live? Who else receives it?",
    )


@checks.add("an unknown key is a 401")
def unknown_key(client: Client) -> None:
    client.get("/basket", headers={"X-API-Key": "key-mallory"}).expect(
        401, nudge="a KeyError in a provider is a 500; raise an HTTP exception instead"
    )


@checks.add("no key at all is a 401, not Litestar's 400 for a missing header")
def missing_key(client: Client) -> None:
    client.get("/basket").expect(
        401,
        nudge="a required header that is missing is a 400 before your code runs: "
        "make it optional and answer its absence yourself",
    )


@checks.add(
    "GET /shelf needs no key",
    passes_on_start="the shelf is public already; this check makes sure it stays so",
)
def shelf_is_public(client: Client) -> None:
    client.get("/shelf").expect(200, json=["tea", "honey", "coffee"])
