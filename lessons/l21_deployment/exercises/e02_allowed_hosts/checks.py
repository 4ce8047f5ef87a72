"""Checks for lesson 21, exercise 2: only our names."""

from lessons.kit import Checks, Client

checks = Checks()
PROBE = {"host": "10.0.0.7:8000"}


@checks.add(
    "with Host: depot.example, GET /parcels/PX-1 is 200 and GET /parcels/PX-9 is 404",
    passes_on_start="what works must keep working: the depot's own name is served",
)
def serves_its_name(client: Client) -> None:
    client.get("/parcels/PX-1", headers={"host": "depot.example"}).expect(
        200, json={"code": "PX-1", "status": "in transit"}
    )
    client.get("/parcels/PX-9", headers={"host": "depot.example"}).expect(404)


@checks.add("GET /parcels/PX-1 with Host: evil.example is 400", needs=serves_its_name)
def refuses_other_hosts(client: Client) -> None:
    client.get("/parcels/PX-1", headers={"host": "evil.example"}).expect(
        400, nudge="Litestar(allowed_hosts=...) checks the Host header before any handler"
    )


@checks.add(
    "Host: eu.depot.example and depot.example are served, evil.depot.example.com is not",
    needs=refuses_other_hosts,
)
def serves_subdomains(client: Client) -> None:
    for host in ("eu.depot.example", "depot.example"):
        client.get("/parcels/PX-2", headers={"host": host}).expect(
            200, nudge="one entry covers every subdomain; the name itself is another"
        )
    client.get("/parcels/PX-2", headers={"host": "evil.depot.example.com"}).expect(400)


@checks.add(
    "a probe by address gets 200 from GET /health and 400 from GET /parcels/PX-1",
    needs=refuses_other_hosts,
)
def lets_probes_through(client: Client) -> None:
    client.get("/health", headers=PROBE).expect(
        200, nudge="the probe knows the address, not the name: let /health skip the check"
    )
    client.get("/parcels/PX-1", headers=PROBE).expect(
        400, nudge="only /health skips the check; the API stays behind it"
    )
