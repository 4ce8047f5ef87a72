"""The checks of a pretend capstone challenge: a tiny app, `shop`, in place of the capstone.

tests/project/test_challenges.py runs the runner's challenge commands with it, so that they
are tested in seconds, without copying the capstone.
"""

import importlib
from pathlib import Path

from litestar import Litestar

from lessons.kit import CheckFailed, Checks, Client


def build(scratch: Path) -> Litestar:
    # The copy's `shop`, imported in its subprocess (or a test's, with the copy on the path).
    app = importlib.import_module("shop.app").create_app()
    assert scratch.is_dir()
    assert isinstance(app, Litestar)
    return app


checks = Checks(app=build)


@checks.add("GET /hello says hello", passes_on_start="it works as shipped")
def hello(client: Client) -> None:
    client.get("/hello").expect(200, json={"hello": "world"})


@checks.add("GET /goodbye says goodbye")
def goodbye(client: Client) -> None:
    client.get("/goodbye").expect(200, json={"goodbye": "world"})


@checks.add("the route is in a module of its own", needs=goodbye)
def own_module(client: Client) -> None:
    assert client.folder is not None
    if not (client.folder / "shop" / "goodbye.py").is_file():
        raise CheckFailed(request="ls shop/", expected="goodbye.py", received="no such file")


@checks.add("a check may raise anything", needs=own_module)
def crashes(client: Client) -> None:
    if (client.folder or Path()).joinpath("crash").exists():
        raise RuntimeError("the learner's code broke")
