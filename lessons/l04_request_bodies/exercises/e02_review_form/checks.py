"""Checks for lesson 04, exercise 2: reviews from an HTML form."""

from lessons.kit import Checks, Client

checks = Checks()


@checks.add("a form post is 201, with stars as a number")
def form_accepted(client: Client) -> None:
    client.post("/reviews", data={"reviewer": "Ann", "stars": "4"}).expect(
        201,
        json={"reviewer": "Ann", "stars": 4},
        nudge="a 400 for a good form: does the handler read a form, or still JSON?",
    )


@checks.add("stars=9 is 400: the limits still hold", needs=form_accepted)
def limits_kept(client: Client) -> None:
    client.post("/reviews", data={"reviewer": "Ann", "stars": "9"}).expect(400)


@checks.add("a form without stars is 400", needs=form_accepted)
def stars_required(client: Client) -> None:
    client.post("/reviews", data={"reviewer": "Ann"}).expect(400)


@checks.add("a form with an unknown field is 400", needs=form_accepted)
def unknown_refused(client: Client) -> None:
    client.post("/reviews", data={"reviewer": "Ann", "stars": "4", "spam": "1"}).expect(
        400, nudge="keep the model as it was: it refuses fields it does not know"
    )
