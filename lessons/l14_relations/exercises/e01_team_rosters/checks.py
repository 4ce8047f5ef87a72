"""Checks for lesson 14, exercise 1: team rosters."""

from lessons.kit import Checks, Client
from lessons.l14_relations.exercises.counting import expect_no_n_plus_one

checks = Checks()

ROSTERS = {
    "Otters": [("Ada", 9), ("Ben", 4)],
    "Herons": [("Cy", 1)],
    "Voles": [],
}


def add_teams(client: Client, count: int = len(ROSTERS)) -> list[dict[str, object]]:
    """Add the first `count` teams of ROSTERS and their players; what GET /teams should say."""
    expected = []
    for name in list(ROSTERS)[:count]:
        team = client.post("/teams", json={"name": name}).expect(201).json()
        players = []
        for player, number in ROSTERS.get(name, []):
            added = client.post(
                f"/teams/{team['id']}/players", json={"name": player, "number": number}
            ).expect(201)
            players.append(added.json())
        players.sort(key=lambda player: player["number"])
        expected.append({"id": team["id"], "name": name, "players": players})
    return expected


@checks.add(
    "POST /teams and POST /teams/{id}/players still add teams and players",
    passes_on_start="adding works already; this check makes sure it still does",
)
def adds(client: Client) -> None:
    add_teams(client)
    client.post("/teams/99/players", json={"name": "Dot", "number": 7}).expect(404)


@checks.add("GET /teams lists every team with its players, by shirt number", needs=adds)
def lists_rosters(client: Client) -> None:
    expected = add_teams(client)
    client.get("/teams").expect(
        200,
        json=expected,
        nudge="a 500 here: were the players loaded with the teams? lazy='raise' insists",
    )


@checks.add("GET /teams takes at most 2 statements, for 1 team as for 12", needs=lists_rosters)
def no_n_plus_one(client: Client) -> None:
    add_teams(client, 1)

    def add_more() -> None:
        for number in range(11):
            team = client.post("/teams", json={"name": f"Extra {number}"}).expect(201).json()
            client.post(f"/teams/{team['id']}/players", json={"name": "Sub", "number": 12})

    expect_no_n_plus_one(client, "/teams", add_more=add_more, sizes=("1 team", "12 teams"))
