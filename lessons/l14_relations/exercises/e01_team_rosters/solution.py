"""Team rosters: every team with its players, in 2 statements however many teams."""

from advanced_alchemy.extensions.litestar import (
    EngineConfig,
    SQLAlchemyAsyncConfig,
    SQLAlchemyPlugin,
    repository,
)
from litestar import Litestar, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, JSONBody
from msgspec import Struct
from sqlalchemy import ForeignKey, String
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, selectinload
from sqlalchemy.pool import StaticPool

from lessons.l13_databases.database import close_engine
from lessons.l14_relations.statements import CountStatements

# An empty database in memory for every run (and for every check): nothing to clean up.
DATABASE_URL = "sqlite+aiosqlite:///:memory:"


class Base(DeclarativeBase):
    """This exercise's own tables, under a bind_key of their own (see lesson 13's exercises)."""


class Team(Base):
    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50), unique=True)
    # lazy="raise": reading `players` without having loaded them is an error, not a query.
    players: Mapped[list["Player"]] = relationship(back_populates="team", lazy="raise")


class Player(Base):
    __tablename__ = "player"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    number: Mapped[int]
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))
    team: Mapped[Team] = relationship(back_populates="players", lazy="raise")


class NewTeam(Struct, forbid_unknown_fields=True):
    name: str


class NewPlayer(Struct, forbid_unknown_fields=True):
    name: str
    number: int


class PlayerOut(Struct):
    id: int
    name: str
    number: int


class TeamOut(Struct):
    id: int
    name: str
    players: list[PlayerOut]


class TeamRepository(repository.SQLAlchemyAsyncRepository[Team]):
    model_type = Team


class PlayerRepository(repository.SQLAlchemyAsyncRepository[Player]):
    model_type = Player


async def provide_teams(db_session: NamedDependency[AsyncSession]) -> TeamRepository:
    return TeamRepository(session=db_session)


async def provide_players(db_session: NamedDependency[AsyncSession]) -> PlayerRepository:
    return PlayerRepository(session=db_session)


@post("/teams")
async def add_team(data: JSONBody[NewTeam], teams: NamedDependency[TeamRepository]) -> TeamOut:
    team = await teams.add(Team(name=data.name))
    return TeamOut(id=team.id, name=team.name, players=[])


@post("/teams/{team_id:int}/players")
async def add_player(
    team_id: FromPath[int],
    data: JSONBody[NewPlayer],
    teams: NamedDependency[TeamRepository],
    players: NamedDependency[PlayerRepository],
) -> PlayerOut:
    await teams.get(team_id)  # 404 for a team that does not exist
    player = await players.add(Player(name=data.name, number=data.number, team_id=team_id))
    return PlayerOut(id=player.id, name=player.name, number=player.number)


@get("/teams")
async def list_teams(teams: NamedDependency[TeamRepository]) -> list[TeamOut]:
    # One SELECT for the teams, one for all their players (WHERE team_id IN (...)):
    # 2 statements for 1 team or 100. A query per team would be the N+1.
    found = await teams.get_many(load=[selectinload(Team.players)], order_by=("id", False))
    return [
        TeamOut(
            id=team.id,
            name=team.name,
            players=[
                PlayerOut(id=player.id, name=player.name, number=player.number)
                for player in sorted(team.players, key=lambda player: player.number)
            ],
        )
        for team in found
    ]


def create_app(database_url: str = DATABASE_URL) -> Litestar:
    config = SQLAlchemyAsyncConfig(
        connection_string=database_url,
        metadata=Base.metadata,
        bind_key="rosters",
        # One connection, kept open: a database in memory lives as long as its connection.
        engine_config=EngineConfig(poolclass=StaticPool),
        create_all=True,
        before_send_handler="autocommit",
    )
    return Litestar(
        route_handlers=[add_team, add_player, list_teams],
        dependencies={"teams": Provide(provide_teams), "players": Provide(provide_players)},
        plugins=[SQLAlchemyPlugin(config=config)],
        # Adds x-sql-statements to every response: the checks read it.
        middleware=[CountStatements()],
        on_shutdown=[close_engine(config)],
    )


app = create_app()
