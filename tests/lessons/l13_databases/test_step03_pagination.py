"""Step 03: pages of books with a total, a filter, and bounded page sizes."""

import pytest
from advanced_alchemy.extensions.litestar import filters
from litestar import get
from litestar.di import NamedDependency
from litestar.testing import TestClient

from lessons.l13_databases.step03_pagination import MAX_PAGE, BookService, create_app
from tests.transcripts import MakeTranscript

AUTHORS = ["Austen", "Herbert", "Austen", "Le Guin", "Austen"]


def add_books(client: TestClient) -> None:  # type: ignore[type-arg]
    for number, author in enumerate(AUTHORS, start=1):
        book = {"title": f"Book {number}", "author": author, "isbn": f"{number:013d}"}
        assert client.post("/books", json=book).status_code == 201


def test_pages_have_items_and_the_total(database_url: str, transcript: MakeTranscript) -> None:
    record = transcript("l13_databases/pagination")
    with TestClient(create_app(database_url)) as client:
        add_books(client)
        first = record(client.get("/books", params={"limit": 2}))
        last = client.get("/books", params={"limit": 2, "offset": 4}).json()
        beyond = client.get("/books", params={"limit": 2, "offset": 10}).json()
        austen = record(client.get("/books", params={"author": "Austen", "limit": 2}))

    assert [book["title"] for book in first.json()["items"]] == ["Book 1", "Book 2"]
    assert {key: first.json()[key] for key in ("limit", "offset", "total")} == {
        "limit": 2,
        "offset": 0,
        "total": 5,
    }
    assert [book["title"] for book in last["items"]] == ["Book 5"]
    assert (beyond["items"], beyond["total"]) == ([], 5)
    assert [book["title"] for book in austen.json()["items"]] == ["Book 1", "Book 3"]
    assert austen.json()["total"] == 3


def test_walking_every_page_sees_each_book_once(database_url: str) -> None:
    with TestClient(create_app(database_url)) as client:
        add_books(client)
        seen = []
        offset = 0
        while True:
            page = client.get("/books", params={"limit": 2, "offset": offset}).json()
            seen += [book["id"] for book in page["items"]]
            offset += 2
            if offset >= page["total"]:
                break

    assert seen == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"limit": 0}, "Expected `int` >= 1"),
        ({"limit": MAX_PAGE + 1}, f"Expected `int` <= {MAX_PAGE}"),
        ({"offset": -1}, "Expected `int` >= 0"),
        ({"limit": "all"}, "Expected `int`, got `str`"),
    ],
)
def test_out_of_range_paging_is_400(
    database_url: str, query: dict[str, int | str], message: str
) -> None:
    with TestClient(create_app(database_url)) as client:
        response = client.get("/books", params=query)

    assert response.status_code == 400
    assert response.json()["extra"][0]["message"] == message


def test_the_window_function_count_says_0_past_the_last_page(database_url: str) -> None:
    # --8<-- [start:pitfall]
    @get("/window")
    async def window(books: NamedDependency[BookService]) -> dict[str, int]:
        found, total = await books.get_many_and_count(filters.LimitOffset(limit=2, offset=10))
        return {"items": len(found), "total": total}  # {"items": 0, "total": 0}

    # --8<-- [end:pitfall]

    app = create_app(database_url)
    app.register(window)
    with TestClient(app) as client:
        add_books(client)
        response = client.get("/window")

    # Five books are stored, but COUNT(*) OVER () counts the rows of an empty page.
    assert response.json() == {"items": 0, "total": 0}
