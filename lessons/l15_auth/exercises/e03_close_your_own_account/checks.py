"""Checks for lesson 15, exercise 3: close your own account."""

from lessons.kit import Checks, Client

checks = Checks()


def as_member(client: Client, username: str) -> dict[str, str]:
    """The Authorization header of a valid token for one of the exercise's members."""
    token = client.app.state.jwt_auth.create_token(identifier=username)
    return {"Authorization": f"Bearer {token}"}


@checks.add("DELETE /accounts/rosa with rosa's token is 204")
def owner_closes(client: Client) -> None:
    client.delete("/accounts/rosa", headers=as_member(client, "rosa")).expect(
        204,
        nudge="a 404 or 405 means the route is missing; a delete that answers nothing is a 204",
    )


@checks.add("after that, rosa's token gets 401 at GET /me", needs=owner_closes)
def closed_means_gone(client: Client) -> None:
    rosa = as_member(client, "rosa")
    client.delete("/accounts/rosa", headers=rosa)
    client.get("/me", headers=rosa).expect(
        401, nudge="the account must really be removed from MEMBERS"
    )


@checks.add("DELETE /accounts/rosa without a token is 401", needs=owner_closes)
def strangers_are_401(client: Client) -> None:
    client.delete("/accounts/rosa").expect(401)


@checks.add(
    "DELETE /accounts/rosa with tom's token is 403, and rosa's account stays",
    needs=owner_closes,
)
def others_are_403(client: Client) -> None:
    client.delete("/accounts/rosa", headers=as_member(client, "tom")).expect(
        403,
        nudge="tom's token is valid, so this is not a 401: compare who asks with whose account",
    )
    client.get("/me", headers=as_member(client, "rosa")).expect(
        200, json={"username": "rosa"}, nudge="the refused request must not close the account"
    )


@checks.add("tom can still close his own account: 204", needs=others_are_403)
def every_owner_closes(client: Client) -> None:
    client.delete("/accounts/tom", headers=as_member(client, "tom")).expect(
        204, nudge="compare with the name in the path, not with one fixed name"
    )
