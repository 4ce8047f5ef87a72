"""Status codes and Response objects."""

# --8<-- [start:app]
from litestar import Litestar, Response, get, post
from litestar.background_tasks import BackgroundTask
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, JSONBody

from lessons.l04_request_bodies.step02_msgspec import Book

BOOKS: dict[int, Book] = {}


# --8<-- [start:created]
@post("/books")
async def create_book(data: JSONBody[Book]) -> Response[Book]:
    book_id = max(BOOKS, default=0) + 1
    BOOKS[book_id] = data
    # A Response object sets the status and headers itself: 201 plus where the new book lives.
    return Response(data, status_code=201, headers={"Location": f"/books/{book_id}"})


@get("/books/{book_id:int}")
async def get_book(book_id: FromPath[int]) -> Book:
    if book_id not in BOOKS:
        raise NotFoundException(f"Book {book_id} not found")
    return BOOKS[book_id]


# --8<-- [end:created]


# --8<-- [start:status]
# POST defaults to 201, but a quote creates nothing: say 200 on the decorator.
@post("/quotes", status_code=200)
async def quote(data: JSONBody[list[Book]]) -> dict[str, float]:
    return {"total": round(sum(book.price for book in data), 2)}


async def import_books(books: list[Book]) -> None:
    for book in books:
        BOOKS[max(BOOKS, default=0) + 1] = book


# 202 Accepted: the work is taken on but not done yet. The background task runs
# after the response has been sent.
@post("/imports", status_code=202)
async def start_import(data: JSONBody[list[Book]]) -> Response[dict[str, int]]:
    return Response({"queued": len(data)}, background=BackgroundTask(import_books, data))


# --8<-- [end:status]
app = Litestar(route_handlers=[create_book, get_book, quote, start_import])
# --8<-- [end:app]
