"""Checks for lesson 14, exercise 3: recipes by tag."""

from lessons.kit import CheckFailed, Checks, Client
from lessons.l14_relations.exercises.counting import expect_no_n_plus_one

checks = Checks()

RECIPES = [
    ("Dal", ["vegan", "quick"]),
    ("Omelette", ["quick", "vegetarian"]),
    ("Chili", ["vegan", "spicy", "batch"]),
]


def add_recipes(client: Client) -> None:
    for number, (title, tags) in enumerate(RECIPES, start=1):
        client.post("/recipes", json={"title": title, "tags": tags}).expect(
            201, json={"id": number, "title": title, "tags": sorted(tags)}
        )


@checks.add(
    "POST /recipes and GET /recipes/{id} still work",
    passes_on_start="adding and reading one recipe work already; this makes sure they still do",
)
def adds_recipes(client: Client) -> None:
    add_recipes(client)
    client.get("/recipes/3").expect(
        200, json={"id": 3, "title": "Chili", "tags": ["batch", "spicy", "vegan"]}
    )


@checks.add("GET /recipes?tag=vegan answers the vegan recipes, in id order", needs=adds_recipes)
def by_tag(client: Client) -> None:
    add_recipes(client)
    reply = client.get("/recipes", params={"tag": "vegan"}).expect(
        200, nudge="a 500 from lazy='raise' means the tags were not loaded with the recipes"
    )
    titles = [recipe.get("title") for recipe in reply.json()]
    if titles != ["Dal", "Chili"]:
        raise CheckFailed(
            request="GET /recipes?tag=vegan",
            expected='the recipes "Dal" and "Chili", in that order',
            received=f"{titles}",
            nudge="only the recipes that have the tag, by id",
        )


@checks.add(
    "each recipe in the answer lists all its tags, not only the one asked for", needs=by_tag
)
def all_tags(client: Client) -> None:
    add_recipes(client)
    client.get("/recipes", params={"tag": "vegan"}).expect(
        200,
        json=[
            {"id": 1, "title": "Dal", "tags": ["quick", "vegan"]},
            {"id": 3, "title": "Chili", "tags": ["batch", "spicy", "vegan"]},
        ],
        nudge="filtering a join of the tags filters the tags too: choose the recipes apart",
    )


@checks.add("a tag no recipe has is an empty list; no tag at all is a 400", needs=by_tag)
def unknown_or_missing(client: Client) -> None:
    add_recipes(client)
    client.get("/recipes", params={"tag": "dessert"}).expect(200, json=[])
    client.get("/recipes").expect(400, nudge="the tag is a required query parameter")


@checks.add("the answer takes at most 2 statements, for 2 recipes as for 12", needs=all_tags)
def no_n_plus_one(client: Client) -> None:
    add_recipes(client)

    def add_more() -> None:
        for number in range(10):
            recipe = {"title": f"Toast {number}", "tags": ["quick"]}
            client.post("/recipes", json=recipe).expect(201)

    expect_no_n_plus_one(
        client,
        "/recipes",
        params={"tag": "quick"},
        add_more=add_more,
        sizes=("2 quick recipes", "12"),
    )
