"""Lesson 14: the likely wrong answers to each exercise, and the check that rejects each."""

from tests.lessons.wrong_solutions import Wrong, wrong_solution_tests

ROSTERS = "e01_team_rosters"
ORDERS = "e02_all_or_nothing"
RECIPES = "e03_recipes_by_tag"

TEAMS_LOADED = (
    '    found = await teams.get_many(load=[selectinload(Team.players)], order_by=("id", False))'
)
ORDER_ADDED = "    order = await orders.add(Order(product_id=product.id, quantity=data.quantity))"
LOOKUP = "    product = await products.get(data.product_id)  # 404 for an unknown product\n"
STOCK_UPDATED = "    await products.update(product)"
RECIPES_LOADED = """    found = await recipes.get_many(
        Recipe.tags.any(Tag.name == tag),
        load=[selectinload(Recipe.tags)],  # all their tags, in one SELECT
        order_by=("id", False),
    )"""

LOAD_TAGS = "        load=[selectinload(Recipe.tags)],  # all their tags, in one SELECT\n"

WRONG = [
    # The N+1 itself: the players fetched team by team, each a SELECT of its own.
    Wrong(
        ROSTERS,
        "a-query-per-team",
        (
            (
                TEAMS_LOADED,
                (
                    '    found = await teams.get_many(order_by=("id", False))\n'
                    "    for team in found:\n"
                    '        await teams.session.refresh(team, attribute_names=["players"])'
                ),
            ),
        ),
        "no_n_plus_one",
    ),
    # joinedload of a collection without .unique(): the repository's query fails, a 500.
    Wrong(
        ROSTERS,
        "joinedload-a-list",
        (
            (TEAMS_LOADED, TEAMS_LOADED.replace("selectinload", "joinedload")),
            ("relationship, selectinload", "relationship, joinedload"),
        ),
        "lists_rosters",
    ),
    # Loaded, but in whatever order the database returns them.
    Wrong(
        ROSTERS,
        "players-unsorted",
        (
            (
                "for player in sorted(team.players, key=lambda player: player.number)",
                "for player in team.players",
            ),
        ),
        "lists_rosters",
    ),
    # The header the checks count with, taken out as clutter: the count cannot be checked.
    Wrong(
        ROSTERS,
        "statement-count-removed",
        (("        middleware=[CountStatements()],\n", ""),),
        "no_n_plus_one",
    ),
    # The mistake the start makes: the first write commits on its own.
    Wrong(
        ORDERS,
        "first-write-commits-early",
        (
            (LOOKUP, ""),
            (
                ORDER_ADDED,
                "    order = await orders.add(\n"
                "        Order(product_id=data.product_id, quantity=data.quantity),\n"
                "        auto_commit=True,\n"
                "    )\n" + LOOKUP,
            ),
        ),
        "keeps_nothing",
    ),
    # Swallowing the failure: the client hears 201 for an order that broke the stock.
    Wrong(
        ORDERS,
        "failure-answered-201",
        (
            (
                STOCK_UPDATED,
                (
                    "    try:\n"
                    "        await products.update(product)\n"
                    "    except Exception:  # noqa: BLE001\n"
                    "        pass"
                ),
            ),
        ),
        "refuses_too_many",
    ),
    # Checking the stock first is fine; answering 400 for a conflict with stored data is not.
    Wrong(
        ORDERS,
        "too-many-is-400",
        (
            (
                ORDER_ADDED,
                "    if product.stock < data.quantity:\n"
                "        raise ClientException('not enough in stock')\n" + ORDER_ADDED,
            ),
            (
                "from litestar import",
                "from litestar.exceptions import ClientException\nfrom litestar import",
            ),
        ),
        "refuses_too_many",
    ),
    # Filtering a join that also fills the relationship: each recipe keeps only "vegan".
    Wrong(
        RECIPES,
        "contains-eager-trims-tags",
        (
            (
                RECIPES_LOADED,
                (
                    "    result = await recipes.session.scalars(\n"
                    "        select(Recipe).join(Recipe.tags).where(Tag.name == tag)\n"
                    "        .options(contains_eager(Recipe.tags)).order_by(Recipe.id)\n"
                    "    )\n"
                    "    found = list(result.unique())"
                ),
            ),
            ("relationship, selectinload", "contains_eager, relationship, selectinload"),
        ),
        "all_tags",
    ),
    # The recipes right, their tags never loaded: lazy="raise" makes it a 500.
    Wrong(
        RECIPES,
        "tags-not-loaded",
        (
            (
                "        load=[selectinload(Recipe.tags)],  # all their tags, in one SELECT\n",
                "",
            ),
        ),
        "by_tag",
    ),
    # Each recipe's tags fetched one recipe at a time.
    Wrong(
        RECIPES,
        "a-query-per-recipe",
        (
            (
                "        load=[selectinload(Recipe.tags)],  # all their tags, in one SELECT\n",
                "",
            ),
            (
                "    return [recipe_out(recipe) for recipe in found]",
                (
                    "    for recipe in found:\n"
                    '        await recipes.session.refresh(recipe, attribute_names=["tags"])\n'
                    "    return [recipe_out(recipe) for recipe in found]"
                ),
            ),
        ),
        "no_n_plus_one",
    ),
    Wrong(
        RECIPES,
        "statement-count-removed",
        (("        middleware=[CountStatements()],\n", ""),),
        "no_n_plus_one",
    ),
    # The tag ignored: every recipe comes back.
    Wrong(
        RECIPES,
        "tag-ignored",
        (("        Recipe.tags.any(Tag.name == tag),\n", ""),),
        "by_tag",
    ),
]

test_a_wrong_solution_fails_its_check = wrong_solution_tests("l14_relations", WRONG)
