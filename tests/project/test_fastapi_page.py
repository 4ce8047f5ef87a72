"""The behaviours docs/fastapi.md says surprise a FastAPI user, each pinned with a tiny app.

Every code block on that page is a section of this file. The last test checks that every row
of the page's table links to the lesson that teaches it.
"""

import re
from importlib.metadata import requires
from typing import Any

import pytest
from litestar import Litestar, Request, get, post
from litestar.di import NamedDependency, Provide
from litestar.enums import ScopeType
from litestar.exceptions import ImproperlyConfiguredException
from litestar.middleware import ASGIMiddleware
from litestar.params import FromQuery, JSONBody
from litestar.testing import TestClient, create_test_client
from litestar.types import ASGIApp, Receive, Scope, Send

from lessons.manifest import LESSONS, ROOT

PAGE = ROOT / "docs" / "fastapi.md"


class Store:
    """What a real app would inject: a repository, a client, a settings object."""

    def __init__(self, books: list[str]) -> None:
        self.books = books


def real_store() -> Store:
    return Store(["Dune", "Emma"])


# --8<-- [start:by-name]
@get("/books")
async def list_books(store: NamedDependency[Store]) -> list[str]:
    return store.books


# The key of `dependencies` is the name of the handler argument it fills.
app = Litestar([list_books], dependencies={"store": Provide(real_store, sync_to_thread=False)})
# --8<-- [end:by-name]


def test_a_dependency_is_found_by_the_argument_name() -> None:
    with TestClient(app) as client:
        assert client.get("/books").json() == ["Dune", "Emma"]


def test_a_dependency_under_another_name_is_refused_when_the_app_is_built() -> None:
    # --8<-- [start:wrong-name]
    @get("/books")
    async def list_books(repository: NamedDependency[Store]) -> list[str]:
        return repository.books

    with pytest.raises(ImproperlyConfiguredException, match="repository"):
        Litestar([list_books], dependencies={"store": Provide(real_store, sync_to_thread=False)})
    # --8<-- [end:wrong-name]


def test_dependency_overrides_are_an_app_built_with_other_providers() -> None:
    # --8<-- [start:override]
    def fake_store() -> Store:
        return Store(["Test book"])

    # No app.dependency_overrides: build an app from the handler and the providers you want.
    with create_test_client(
        [list_books], dependencies={"store": Provide(fake_store, sync_to_thread=False)}
    ) as client:
        assert client.get("/books").json() == ["Test book"]
    # --8<-- [end:override]


def test_a_handler_hook_replaces_the_app_hook_instead_of_adding_to_it() -> None:
    ran: list[str] = []

    # --8<-- [start:hooks]
    async def log_every_request(request: Request[Any, Any, Any]) -> None:
        ran.append("app hook")

    async def count_searches(request: Request[Any, Any, Any]) -> None:
        ran.append("handler hook")

    @get("/search", before_request=count_searches)
    async def search() -> list[str]:
        return []

    with TestClient(Litestar([search], before_request=log_every_request)) as client:
        client.get("/search")

    assert ran == ["handler hook"]  # the closest hook wins; the app's never ran
    # --8<-- [end:hooks]


def test_app_middleware_does_not_see_requests_that_match_no_route() -> None:
    seen: list[str] = []

    # --8<-- [start:middleware]
    class RecordPaths(ASGIMiddleware):
        async def handle(
            self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp
        ) -> None:
            if scope["type"] == ScopeType.HTTP:
                seen.append(f"{scope['method']} {scope['path']}")
            await next_app(scope, receive, send)

    @get("/")
    async def home() -> str:
        return "home"

    with TestClient(Litestar([home], middleware=[RecordPaths()])) as client:
        statuses = [client.get("/").status_code, client.get("/nowhere").status_code]
        statuses.append(client.post("/").status_code)

    assert statuses == [200, 404, 405]
    assert seen == ["GET /"]  # the 404 and the 405 were answered before any middleware
    # --8<-- [end:middleware]


def test_invalid_input_is_400_not_422() -> None:
    @get("/search")
    async def search(limit: FromQuery[int] = 10) -> int:
        return limit

    with TestClient(Litestar([search])) as client:
        response = client.get("/search", params={"limit": "ten"})

    assert response.status_code == 400
    assert response.json()["extra"] == [
        {"message": "Expected `int`, got `str`", "key": "limit", "source": "query"}
    ]


def test_post_answers_201_by_default() -> None:
    @post("/books")
    async def add_book(data: JSONBody[dict[str, str]]) -> dict[str, str]:
        return data

    with TestClient(Litestar([add_book])) as client:
        response = client.post("/books", json={"title": "Dune"})

    assert response.status_code == 201  # FastAPI answers 200 unless told otherwise


def test_there_is_no_starlette_underneath() -> None:
    requirements = " ".join(requires("litestar") or [])

    assert "starlette" not in requirements.lower()
    assert "msgspec" in requirements


def test_every_row_of_the_map_links_the_lesson_that_teaches_it() -> None:
    text = PAGE.read_text(encoding="utf-8")
    table = text[text.index("| FastAPI |") : text.index("\n\n", text.index("| FastAPI |"))]
    rows = table.splitlines()[2:]
    pages = {str(lesson.page) for lesson in LESSONS}

    assert len(rows) >= 15
    for row in rows:
        links = re.findall(r"\]\((lessons/\d\d-[a-z-]+\.md)(?:#[a-z0-9-]+)?\)", row)
        assert links, f"no lesson link in: {row}"
        assert set(links) <= pages, f"a link to no lesson in: {row}"
