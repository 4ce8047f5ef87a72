"""The branch library every step of lesson 05 serves: a few books, kept in memory."""

# --8<-- [start:library]
import msgspec


class Book(msgspec.Struct):
    id: int
    title: str
    author: str
    year: int


BOOKS: dict[int, Book] = {
    1: Book(1, "The Left Hand of Darkness", "Ursula K. Le Guin", 1969),
    2: Book(2, "Kindred", "Octavia E. Butler", 1979),
    3: Book(3, "Piranesi", "Susanna Clarke", 2020),
}
# --8<-- [end:library]
