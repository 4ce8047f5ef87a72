"""Redirects: send the client on, with the status code that says how."""

# --8<-- [start:app]
import msgspec
from litestar import Litestar, get, post
from litestar.exceptions import NotFoundException
from litestar.params import FromPath, JSONBody
from litestar.response import Redirect
from litestar.status_codes import HTTP_302_FOUND, HTTP_303_SEE_OTHER, HTTP_308_PERMANENT_REDIRECT

from lessons.l05_responses.library import BOOKS, Book

LOANS: dict[int, int] = {}  # loan id -> book id


class LoanRequest(msgspec.Struct):
    book_id: int


@get("/books")
async def list_books() -> list[Book]:
    return list(BOOKS.values())


# The catalogue moved for good: 308 tells clients to use /books from now on,
# and to repeat the request as it was (same method, same body).
@get("/catalogue", status_code=HTTP_308_PERMANENT_REDIRECT)
async def old_catalogue() -> Redirect:
    return Redirect("/books", status_code=HTTP_308_PERMANENT_REDIRECT)


# Temporary: tomorrow the newest book is another one. Redirect's default is 302 Found.
@get("/books/newest", status_code=HTTP_302_FOUND)
async def newest_book() -> Redirect:
    newest = max(BOOKS.values(), key=lambda book: book.year)
    return Redirect(f"/books/{newest.id}")


@get("/books/{book_id:int}")
async def get_book(book_id: FromPath[int]) -> Book:
    if book_id not in BOOKS:
        raise NotFoundException(f"Book {book_id} not found")
    return BOOKS[book_id]


# After a POST, 303 See Other: "the result is over there, fetch it with GET".
# Reloading that page then repeats the GET, not the loan.
@post("/loans", status_code=HTTP_303_SEE_OTHER)
async def borrow(data: JSONBody[LoanRequest]) -> Redirect:
    if data.book_id not in BOOKS:
        raise NotFoundException(f"Book {data.book_id} not found")
    loan_id = max(LOANS, default=0) + 1
    LOANS[loan_id] = data.book_id
    return Redirect(f"/loans/{loan_id}", status_code=HTTP_303_SEE_OTHER)


@get("/loans/{loan_id:int}")
async def get_loan(loan_id: FromPath[int]) -> dict[str, int]:
    if loan_id not in LOANS:
        raise NotFoundException(f"Loan {loan_id} not found")
    return {"loan": loan_id, "book": LOANS[loan_id]}


app = Litestar(route_handlers=[list_books, old_catalogue, newest_book, get_book, borrow, get_loan])
# --8<-- [end:app]
