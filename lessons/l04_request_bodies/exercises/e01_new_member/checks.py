"""Checks for lesson 04, exercise 1: sign up a library member."""

from lessons.kit import Checks, Client

checks = Checks()

ADA = {"name": "Ada", "age": 36}


@checks.add(
    "a good member is 201 and echoed with the default newsletter",
    passes_on_start="good members are already accepted; this check makes sure they stay so",
)
def accepts_a_member(client: Client) -> None:
    client.post("/members", json=ADA).expect(201, json={**ADA, "newsletter": False})
    client.post("/members", json={"name": "Tom", "age": 16}).expect(
        201, nudge="16 is old enough: is the bound inclusive?"
    )


@checks.add("an empty name and a 41-character name are 400")
def name_limits(client: Client) -> None:
    for name in ("", "x" * 41):
        client.post("/members", json={"name": name, "age": 36}).expect(
            400, nudge="a name has 1 to 40 characters"
        )


@checks.add("an age of 15 or 121 is 400")
def age_limits(client: Client) -> None:
    for age in (15, 121):
        client.post("/members", json={"name": "Ada", "age": age}).expect(
            400, nudge="members are 16 to 120 years old"
        )


@checks.add('an unknown field ("nick") is 400')
def unknown_field(client: Client) -> None:
    client.post("/members", json={**ADA, "nick": "A"}).expect(
        400, nudge="by default an unknown field is dropped without a word"
    )


@checks.add("GET /members lists only the accepted members", needs=accepts_a_member)
def only_accepted_stored(client: Client) -> None:
    client.post("/members", json={"name": "", "age": 36})
    client.post("/members", json={"name": "Ada", "age": 15})
    client.post("/members", json=ADA)
    client.get("/members").expect(200, json=[{**ADA, "newsletter": False}])
