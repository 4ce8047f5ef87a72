"""Files and streams: a file to show or to save, and a CSV written as it is sent."""

# --8<-- [start:app]
import csv
import io
from collections.abc import AsyncIterator
from pathlib import Path

from litestar import Litestar, get
from litestar.response import File, Stream

from lessons.l05_responses.library import BOOKS

HOURS = Path(__file__).with_name("opening-hours.txt")


# `media_type` on the decorator is the Content-Type, and documents it in /schema.
# inline: the browser shows the file in the tab.
@get("/opening-hours", media_type="text/plain")
async def opening_hours() -> File:
    return File(HOURS, filename="opening-hours.txt", content_disposition_type="inline")


# attachment (File's default): the browser saves it, under this name.
@get("/opening-hours/download", media_type="text/plain")
async def download_opening_hours() -> File:
    return File(HOURS, filename="riverside-hours.txt")


def csv_line(*values: object) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(values)  # quotes a value with a comma in it, as CSV needs
    return buffer.getvalue()


async def catalogue_rows() -> AsyncIterator[str]:
    # One row at a time: the export never holds the whole catalogue in memory.
    yield csv_line("id", "title", "author", "year")
    for book in BOOKS.values():
        yield csv_line(book.id, book.title, book.author, book.year)


# A Stream sends each chunk the generator yields as soon as it is yielded, with no
# Content-Length: nobody knows the size in advance.
@get("/books.csv", media_type="text/csv")
async def export_books() -> Stream:
    return Stream(
        catalogue_rows(),
        headers={"Content-Disposition": 'attachment; filename="books.csv"'},
    )


app = Litestar(route_handlers=[opening_hours, download_opening_hours, export_books])
# --8<-- [end:app]
