"""Checks for lesson 02, exercise 2: version the library's API."""

from lessons.kit import Checks, Client

checks = Checks()

DUNE = {"id": 1, "title": "Dune", "author": "Frank Herbert"}
EMMA = {"id": 2, "title": "Emma", "author": "Jane Austen"}
KIM = {"id": 3, "title": "Kim", "author": "Rudyard Kipling"}


@checks.add("GET /api/v1/books answers 200 with both books")
def listed_under_prefix(client: Client) -> None:
    client.get("/api/v1/books").expect(
        200,
        json=[DUNE, EMMA],
        nudge="prefixes add up: router path + controller path + handler path",
    )


@checks.add("GET /books answers 404: the old top-level paths are gone")
def old_paths_gone(client: Client) -> None:
    client.get("/books").expect(
        404, nudge="is a handler still registered with the app itself, besides the router?"
    )


@checks.add("GET /api/v1/books/1 and POST /api/v1/books work as before", needs=listed_under_prefix)
def read_and_create(client: Client) -> None:
    client.get("/api/v1/books/1").expect(200, json=DUNE)
    client.post("/api/v1/books", json=KIM).expect(201, json=KIM)
    client.get("/api/v1/books/3").expect(200, json=KIM)


@checks.add("DELETE /api/v1/books/1 answers 204", needs=listed_under_prefix)
def delete_is_204(client: Client) -> None:
    client.delete("/api/v1/books/1").expect(
        204, nudge="a 405 means no DELETE handler has this path; the verb decides the status"
    )


@checks.add("after DELETE /api/v1/books/1, GET /api/v1/books/1 is 404", needs=delete_is_204)
def delete_removes(client: Client) -> None:
    client.delete("/api/v1/books/1")
    client.get("/api/v1/books/1").expect(404, nudge="does the handler remove the book?")
    client.get("/api/v1/books").expect(200, json=[EMMA])


@checks.add("DELETE /api/v1/books/99 answers 404", needs=delete_is_204)
def delete_unknown(client: Client) -> None:
    client.delete("/api/v1/books/99").expect(
        404, nudge="a 500 means a KeyError escaped: look the book up first"
    )


BOOKS_TAG = {"tags": ["books"]}


@checks.add('every operation in the API documentation has the tags ["books"]')
def tagged(client: Client) -> None:
    client.get("/schema/openapi.json").expect(
        200,
        json_has={
            "paths": {
                "/api/v1/books": {"get": BOOKS_TAG, "post": BOOKS_TAG},
                "/api/v1/books/{book_id}": {"get": BOOKS_TAG, "delete": BOOKS_TAG},
            }
        },
        nudge="set the tags once, on the controller",
    )
