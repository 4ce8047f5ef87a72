"""Checks for lesson 15, exercise 2: keep the hash in."""

from lessons.kit import Checks, Client

checks = Checks()

ANNA = {"username": "anna", "password": "a long and private passphrase"}
WRONG_PASSWORD = {"username": "anna", "password": "not anna's passphrase"}
STRANGER = {"username": "nobody_here", "password": "not anna's passphrase"}
NO_HASH = "no response may carry the hash, not even an empty one: answer with another type"


@checks.add("POST /register answers 201 with the username and no password_hash")
def register_hides_the_hash(client: Client) -> None:
    client.post("/register", json=ANNA).expect(
        201, json={"username": "anna"}, lacks=["password_hash"], nudge=NO_HASH
    )


@checks.add(
    "POST /login and GET /customers/anna answer with no password_hash",
    needs=register_hides_the_hash,
)
def every_response_hides_the_hash(client: Client) -> None:
    client.post("/register", json=ANNA)
    client.post("/login", json=ANNA).expect(
        200, json={"username": "anna"}, lacks=["password_hash"], nudge=NO_HASH
    )
    client.get("/customers/anna").expect(
        200, json={"username": "anna"}, lacks=["password_hash"], nudge=NO_HASH
    )


@checks.add(
    "a wrong password is 401",
    passes_on_start="the app already refuses a wrong password; this check keeps it so",
)
def wrong_password_is_401(client: Client) -> None:
    client.post("/register", json=ANNA)
    client.post("/login", json=WRONG_PASSWORD).expect(401)


@checks.add(
    "an unknown username gets exactly what a wrong password gets: 401, the same body",
    needs=wrong_password_is_401,
)
def strangers_learn_nothing(client: Client) -> None:
    client.post("/register", json=ANNA)
    wrong = client.post("/login", json=WRONG_PASSWORD).json()
    client.post("/login", json=STRANGER).expect(
        401,
        json=wrong,
        nudge="a different status or message for an unknown name tells anyone "
        "which usernames exist",
    )


@checks.add(
    "GET /customers/nobody_here is still 404",
    passes_on_start="the lookup already answers 404; this check keeps it so",
)
def unknown_customer_is_404(client: Client) -> None:
    client.get("/customers/nobody_here").expect(404)


@checks.add(
    "registering a taken username is 409",
    passes_on_start="the app already refuses a taken name; this check keeps it so",
)
def taken_name_is_409(client: Client) -> None:
    client.post("/register", json=ANNA)
    client.post("/register", json={**ANNA, "password": "someone else's passphrase"}).expect(409)
