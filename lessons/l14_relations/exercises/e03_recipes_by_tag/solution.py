"""Recipes by tag: every recipe with a given tag, each with all its tags, in 2 statements."""

from advanced_alchemy.extensions.litestar import (
    EngineConfig,
    SQLAlchemyAsyncConfig,
    SQLAlchemyPlugin,
    repository,
)
from litestar import Litestar, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, FromQuery, JSONBody
from msgspec import Struct
from sqlalchemy import Column, ForeignKey, String, Table, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, selectinload
from sqlalchemy.pool import StaticPool

from lessons.l13_databases.database import close_engine
from lessons.l14_relations.statements import CountStatements

# An empty database in memory for every run (and for every check): nothing to clean up.
DATABASE_URL = "sqlite+aiosqlite:///:memory:"


class Base(DeclarativeBase):
    """This exercise's own tables, under a bind_key of their own (see lesson 13's exercises)."""


recipe_tag = Table(
    "recipe_tag",
    Base.metadata,
    Column("recipe_id", ForeignKey("recipe.id"), primary_key=True),
    Column("tag_id", ForeignKey("tag.id"), primary_key=True),
)


class Recipe(Base):
    __tablename__ = "recipe"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    tags: Mapped[list["Tag"]] = relationship(secondary=recipe_tag, lazy="raise")


class Tag(Base):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)


class NewRecipe(Struct, forbid_unknown_fields=True):
    title: str
    tags: frozenset[str] = frozenset()


class RecipeOut(Struct):
    id: int
    title: str
    tags: list[str]


def recipe_out(recipe: Recipe) -> RecipeOut:
    return RecipeOut(id=recipe.id, title=recipe.title, tags=sorted(tag.name for tag in recipe.tags))


class RecipeRepository(repository.SQLAlchemyAsyncRepository[Recipe]):
    model_type = Recipe


async def provide_recipes(db_session: NamedDependency[AsyncSession]) -> RecipeRepository:
    return RecipeRepository(session=db_session)


@post("/recipes")
async def add_recipe(
    data: JSONBody[NewRecipe],
    recipes: NamedDependency[RecipeRepository],
    db_session: NamedDependency[AsyncSession],
) -> RecipeOut:
    stored = {
        tag.name: tag
        for tag in await db_session.scalars(select(Tag).where(Tag.name.in_(data.tags)))
    }
    tags = [stored.get(name) or Tag(name=name) for name in sorted(data.tags)]
    recipe = await recipes.add(Recipe(title=data.title, tags=tags))
    return RecipeOut(id=recipe.id, title=recipe.title, tags=sorted(data.tags))


@get("/recipes/{recipe_id:int}")
async def get_recipe(
    recipe_id: FromPath[int], recipes: NamedDependency[RecipeRepository]
) -> RecipeOut:
    return recipe_out(await recipes.get(recipe_id, load=[selectinload(Recipe.tags)]))


@get("/recipes")
async def recipes_with_tag(
    tag: FromQuery[str], recipes: NamedDependency[RecipeRepository]
) -> list[RecipeOut]:
    # `.any()` is an EXISTS over recipe_tag: it chooses the recipes and leaves their tags
    # alone. Joining the tags and filtering the join would also trim each recipe's list of
    # tags to the one asked for, if that join fed the relationship (contains_eager).
    found = await recipes.get_many(
        Recipe.tags.any(Tag.name == tag),
        load=[selectinload(Recipe.tags)],  # all their tags, in one SELECT
        order_by=("id", False),
    )
    return [recipe_out(recipe) for recipe in found]


def create_app(database_url: str = DATABASE_URL) -> Litestar:
    config = SQLAlchemyAsyncConfig(
        connection_string=database_url,
        metadata=Base.metadata,
        bind_key="recipes",
        # One connection, kept open: a database in memory lives as long as its connection.
        engine_config=EngineConfig(poolclass=StaticPool),
        create_all=True,
        before_send_handler="autocommit",
    )
    return Litestar(
        route_handlers=[add_recipe, get_recipe, recipes_with_tag],
        dependencies={"recipes": Provide(provide_recipes)},
        plugins=[SQLAlchemyPlugin(config=config)],
        # Adds x-sql-statements to every response: the checks read it.
        middleware=[CountStatements()],
        on_shutdown=[close_engine(config)],
    )


app = create_app()
