"""Members: write a small endpoint from its contract.

Your task (the whole contract is in task.md, or on the lesson page):
POST /members, GET /members/{id} and GET /members?tier=, with the rules of the contract;
every bad request is a 400 that stores nothing.
"""

from litestar import Litestar

# TODO: the models, a store, and three handlers; then list the handlers below.

app = Litestar(route_handlers=[])
