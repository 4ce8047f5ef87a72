"""For the exercises' checks: the statements a request took, from the x-sql-statements header."""

from collections.abc import Callable, Mapping

from lessons.kit import CheckFailed, Client

MAX_STATEMENTS = 2


def statements(client: Client, path: str, params: Mapping[str, str]) -> int:
    reply = client.get(path, params=params).expect(200)
    count = reply.headers.get("x-sql-statements")
    if count is None:
        raise CheckFailed(
            request=f"GET {path}",
            expected="an x-sql-statements header",
            received="none: keep middleware=[CountStatements()] in the app",
        )
    return int(count)


def expect_no_n_plus_one(
    client: Client,
    path: str,
    *,
    add_more: Callable[[], None],
    sizes: tuple[str, str],
    params: Mapping[str, str] | None = None,
) -> None:
    """At most MAX_STATEMENTS for `path`, and as many after `add_more()` added rows as before."""
    few = statements(client, path, params or {})
    add_more()
    many = statements(client, path, params or {})
    if few > MAX_STATEMENTS or many != few:
        raise CheckFailed(
            request=f"GET {path}, with {sizes[0]} and then with {sizes[1]}",
            expected=f"at most {MAX_STATEMENTS} statements, the same number both times",
            received=f"{few} statements with {sizes[0]}, {many} with {sizes[1]}",
            nudge="one query per row is the N+1: load what every row needs in one go",
        )
