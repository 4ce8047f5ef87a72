"""Step 06: the order the page's diagram shows is the order Litestar really runs things in."""

import re
from itertools import pairwise

import pytest
from litestar.testing import TestClient

from lessons.l07_middleware.step06_lifecycle import TRACE, app
from lessons.manifest import ROOT
from tests.transcripts import MakeTranscript

PAGE = ROOT / "docs" / "lessons" / "07-middleware.md"
# One edge per line: `a["label"] --> b` or `a -->|label| b["label"]`.
EDGE = re.compile(
    r"^\s*(?P<source>\w+)(?:\[[^\]]*\])?\s*-->\s*(?:\|[^|]*\|\s*)?(?P<target>\w+)(?:\[[^\]]*\])?\s*$"
)

# name: (query parameters, headers)
REQUESTS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "success": ({}, {}),
    "handler raises": ({"fail": "true"}, {}),
    "guard refuses": ({}, {"X-Role": "visitor"}),
}


# --8<-- [start:order-test]
def diagram_edges() -> set[tuple[str, str]]:
    """The edges of the page's Mermaid flowchart, parsed from the page itself."""
    text = PAGE.read_text(encoding="utf-8")
    blocks = re.findall(r"^```mermaid\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    assert len(blocks) == 1, "the page should have exactly one mermaid diagram"
    lines = blocks[0].splitlines()
    assert lines[0].strip() == "flowchart TD"
    edges = set()
    for line in lines[1:]:
        if line.strip():
            match = EDGE.match(line)
            assert match, f"not an edge this test understands: {line!r}"
            edges.add((match["source"], match["target"]))
    return edges


def run(name: str) -> list[str]:
    """Start the app, make one request, stop the app; return what ran, in order."""
    TRACE.clear()
    with TestClient(app) as client:
        params, headers = REQUESTS[name]
        client.get("/work", params=params, headers=headers)
    return list(TRACE)


@pytest.mark.parametrize("name", REQUESTS)
def test_each_real_run_is_a_path_through_the_diagram(name: str) -> None:
    trace = run(name)
    edges = diagram_edges()

    assert trace[0] == "startup"
    assert trace[-1] == "shutdown"
    steps = list(pairwise(trace))
    missing = [step for step in steps if step not in edges]
    assert missing == [], f"{name}: the diagram lacks {missing}; real order: {trace}"


# --8<-- [end:order-test]


def test_every_arrow_in_the_diagram_really_happens() -> None:
    traces = [run(name) for name in REQUESTS]
    taken = {step for trace in traces for step in pairwise(trace)}

    assert diagram_edges() - taken == set()


def test_the_three_runs(transcript: MakeTranscript) -> None:
    record = transcript("l07_middleware/lifecycle")
    traces = {name: run(name) for name in REQUESTS}
    record.add_text("\n".join(f"{name}:\n  " + " → ".join(trace) for name, trace in traces.items()))

    # Guards run before before_request; a refused request never reaches it.
    assert traces["guard refuses"] == [
        "startup",
        "middleware",
        "guard",
        "exception_handler",
        "response_sent",
        "middleware_done",
        "shutdown",
    ]
    # When the handler raises, the dependency is cleaned up first, and neither
    # after_request nor after_response runs.
    assert "after_request" not in traces["handler raises"]
    assert "after_response" not in traces["handler raises"]


def test_the_responses() -> None:
    with TestClient(app) as client:
        ok = client.get("/work")
        failed = client.get("/work", params={"fail": "true"})
        refused = client.get("/work", headers={"X-Role": "visitor"})

    assert ok.json() == {"used": "resource"}
    assert failed.json() == {"status_code": 500, "detail": "Internal Server Error"}
    assert refused.status_code == 401
    assert refused.json() == {"status_code": 401, "detail": "Visitors may not do this"}
