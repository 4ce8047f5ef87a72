"""What an exercise's ``checks.py`` is written with: a list of checks, a client, expectations.

A check is a function that takes a :class:`Client` (Litestar's ``TestClient`` around the
learner's app), sends requests and states what must come back::

    checks = Checks()

    @checks.add("GET /goodbye answers 200 with a goodbye")
    def says_goodbye(client: Client) -> None:
        client.get("/goodbye").expect(200, json={"message": "Goodbye!"})

When an expectation does not hold, :class:`CheckFailed` says what was sent, what was
expected and what came back. Expectations compare status codes and decoded JSON, never
bytes or wording a correct solution could phrase differently; :data:`ANY`,
:class:`OfType` and :class:`OneOf` stand in for values a check must not pin.
"""

from __future__ import annotations

import json as jsonlib
import sys
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
from litestar import Litestar
from litestar.exceptions import HTTPException
from litestar.testing import TestClient, WebSocketTestSession

__all__ = [
    "ANY",
    "Check",
    "CheckFailed",
    "Checks",
    "Client",
    "NotDone",
    "OfType",
    "OneOf",
    "Reply",
]

BODY_PREVIEW = 300  # characters of a body shown in a failure: enough to see what is wrong
TOKEN_PREVIEW = 16  # characters of an Authorization header shown: `Bearer eyJhbGci…`


class NotDone(Exception):  # noqa: N818 - read as "not done (yet)", not as an error
    """Raised by a starting file where the learner's code is still missing."""


class CheckFailed(AssertionError):  # noqa: N818 - a check failed; not an error
    """One expectation did not hold: what was sent, what was expected, what came back."""

    def __init__(self, *, request: str, expected: str, received: str, nudge: str = "") -> None:
        self.request = request
        self.expected = expected
        self.received = received
        self.nudge = nudge
        lines = [f"request:  {request}", f"expected: {expected}", f"received: {received}"]
        if nudge:
            lines.append(f"think:    {nudge}")
        super().__init__("\n".join(lines))


# --- values a check must not pin ------------------------------------------------------


class _Anything:
    def describe(self) -> str:
        return "any value"

    def matches(self, value: object) -> bool:
        return True

    def __repr__(self) -> str:
        return "<any value>"


ANY = _Anything()


@dataclass(frozen=True)
class OfType:
    """Any value of these JSON types: ``OfType(int)``, ``OfType(str, type(None))``."""

    types: tuple[type, ...]

    def __init__(self, *types: type) -> None:
        object.__setattr__(self, "types", types)

    def describe(self) -> str:
        names = " or ".join("null" if kind is type(None) else kind.__name__ for kind in self.types)
        return f"any {names}"

    def matches(self, value: object) -> bool:
        # JSON has no booleans-as-integers: True is not an int here.
        if isinstance(value, bool) and bool not in self.types:
            return False
        return isinstance(value, self.types)

    def __repr__(self) -> str:
        return f"<{self.describe()}>"


@dataclass(frozen=True)
class OneOf:
    """Any one of these values: ``OneOf(400, 422)`` or ``OneOf("a", "b")``."""

    values: tuple[object, ...]

    def __init__(self, *values: object) -> None:
        object.__setattr__(self, "values", values)

    def describe(self) -> str:
        return "one of " + ", ".join(_show(value) for value in self.values)

    def matches(self, value: object) -> bool:
        return any(_differences(expected, value, "") == [] for expected in self.values)

    def __repr__(self) -> str:
        return f"<{self.describe()}>"


_MATCHERS = (_Anything, OfType, OneOf)


def _show(value: object) -> str:
    if isinstance(value, _MATCHERS):
        return value.describe()
    return jsonlib.dumps(_plain(value), ensure_ascii=False)


def _plain(value: object) -> object:
    """A JSON-encodable copy of an expected value, matchers written as their description."""
    if isinstance(value, _MATCHERS):
        return f"<{value.describe()}>"
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _differences(
    expected: object, received: object, where: str, *, subset: bool = False
) -> list[str]:
    """Where ``received`` differs from ``expected``, as JSON paths; empty when it matches.

    With ``subset``, objects may carry keys that ``expected`` does not name.
    """
    if isinstance(expected, _MATCHERS):
        if expected.matches(received):
            return []
        return [f"{where or '$'}: expected {expected.describe()}, received {_show(received)}"]
    if isinstance(expected, Mapping):
        return _object_differences(expected, received, where, subset=subset)
    if isinstance(expected, list | tuple):
        return _list_differences(expected, received, where, subset=subset)
    if _same_scalar(expected, received):
        return []
    return [f"{where or '$'}: expected {_show(expected)}, received {_show(received)}"]


def _object_differences(
    expected: Mapping[str, object], received: object, where: str, *, subset: bool
) -> list[str]:
    if not isinstance(received, dict):
        return [f"{where or '$'}: expected an object, received {_show(received)}"]
    found: list[str] = []
    for key, want in expected.items():
        if key in received:
            found += _differences(want, received[key], f"{where}.{key}", subset=subset)
        else:
            found.append(f"{where}.{key}: missing")
    if not subset:
        found += [f"{where}.{key}: not expected here" for key in received if key not in expected]
    return found


def _list_differences(
    expected: list[object] | tuple[object, ...], received: object, where: str, *, subset: bool
) -> list[str]:
    if not isinstance(received, list):
        return [f"{where or '$'}: expected a list, received {_show(received)}"]
    if len(expected) != len(received):
        return [f"{where or '$'}: expected {len(expected)} items, received {len(received)}"]
    return [
        problem
        for index, (want, got) in enumerate(zip(expected, received, strict=True))
        for problem in _differences(want, got, f"{where}[{index}]", subset=subset)
    ]


def _same_scalar(expected: object, received: object) -> bool:
    if isinstance(expected, bool) or isinstance(received, bool):
        return expected is received  # JSON's true is not the number 1
    if isinstance(expected, int | float) and isinstance(received, int | float):
        return expected == received  # 1 and 1.0 are the same JSON number
    return type(expected) is type(received) and expected == received


# --- replies and the client -----------------------------------------------------------


@dataclass
class Reply:
    """A response, with the request that produced it, and expectations to state about it."""

    request: str
    response: httpx.Response
    raised: list[BaseException] = field(default_factory=list)

    @property
    def status(self) -> int:
        return self.response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.response.headers

    @property
    def text(self) -> str:
        return self.response.text

    def json(self) -> Any:
        """The decoded body; a body that is not JSON fails the check, clearly."""
        try:
            return self.response.json()
        except ValueError:
            raise self.failure("a JSON body") from None

    def received(self) -> str:
        """The status and body, shortened, and what the handler raised if it raised."""
        body = self.response.text
        if len(body) > BODY_PREVIEW:
            body = body[:BODY_PREVIEW] + " …"
        shown = f"{self.status} {body}" if body else f"{self.status} (empty body)"
        for error in self.raised:
            if isinstance(error, HTTPException):
                continue  # a 4xx the app meant to send: the status already says it
            if isinstance(error, NotDone):
                shown += f"\n          not done yet: {error}"
            else:
                shown += f"\n          your handler raised {type(error).__name__}: {error}"
        return shown

    def failure(self, expected: str, nudge: str = "") -> CheckFailed:
        return CheckFailed(
            request=self.request, expected=expected, received=self.received(), nudge=nudge
        )

    def expect(
        self,
        status: int | Collection[int],
        *,
        json: object = None,
        json_has: Mapping[str, object] | None = None,
        lacks: Collection[str] = (),
        headers: Mapping[str, object] | None = None,
        nudge: str = "",
    ) -> Reply:
        """Fail unless the reply has this status and, when given, this body and these headers.

        ``json`` must equal the decoded body (matchers allowed anywhere inside it);
        ``json_has`` only names the keys that must be there with these values; ``lacks``
        names keys that must not appear in the body (in every item, when it is a list);
        ``headers`` maps header names to values or matchers (``ANY``: present at all).
        ``nudge`` is one line that points towards the fix without giving it away.
        """
        statuses = (status,) if isinstance(status, int) else tuple(status)
        wanted = [" or ".join(str(code) for code in statuses)]
        if json is not None:
            wanted.append(f"JSON {_show(json)}")
        if json_has is not None:
            wanted.append(f"JSON with {_show(json_has)}")
        if lacks:
            wanted.append("no " + ", ".join(repr(key) for key in lacks) + " in the body")
        for name, value in (headers or {}).items():
            wanted.append(f"header {name}: {_show(value)}")
        expected = ", ".join(wanted)

        if self.status not in statuses:
            raise self.failure(expected, nudge)
        problems: list[str] = []
        if json is not None:
            problems += _differences(json, self.json(), "$")
        if json_has is not None:
            problems += _differences(json_has, self.json(), "$", subset=True)
        if lacks:
            body = self.json()
            items = body if isinstance(body, list) else [body]
            problems += [
                f"$.{key}: should not be in the body"
                for item in items
                if isinstance(item, dict)
                for key in lacks
                if key in item
            ]
        for name, value in (headers or {}).items():
            if name not in self.headers:
                problems.append(f"header {name}: missing")
            else:
                problems += _differences(value, self.headers[name], f"header {name}")
        if problems:
            raise self.failure(f"{expected}\n          but {'; '.join(problems[:3])}", nudge)
        return self


class Client:
    """Sends requests to the learner's app and keeps what each one was, for the messages."""

    def __init__(
        self,
        app: Litestar,
        test_client: TestClient[Litestar],
        raised: list[BaseException],
        *,
        module: ModuleType | None = None,
        folder: Path | None = None,
    ):
        self.app = app
        self.raw = test_client  # the TestClient itself, for what the helpers below do not cover
        self._raised = raised
        self._module = module
        # A capstone challenge's checks: the learner's copy, for what HTTP cannot show
        # (the migrations, the imports, their own test).
        self.folder = folder

    def request(self, method: str, path: str, **kwargs: Any) -> Reply:
        """Send a request; ``json=``, ``params=``, ``headers=``, ``data=`` work as in httpx.

        ``cookies=`` are sent with this request only, as a ``Cookie`` header: httpx deprecates
        per-request cookies, and cookies kept on the client would leak into the next request.
        """
        self._raised.clear()
        sent = dict(kwargs)
        cookies = sent.pop("cookies", None)
        if cookies:
            header = "; ".join(f"{name}={value}" for name, value in cookies.items())
            sent["headers"] = {**(sent.get("headers") or {}), "cookie": header}
        response = self.raw.request(method, path, **sent)
        return Reply(_describe(method, path, kwargs), response, raised=list(self._raised))

    def get(self, path: str, **kwargs: Any) -> Reply:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Reply:
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> Reply:
        return self.request("PUT", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> Reply:
        return self.request("PATCH", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Reply:
        return self.request("DELETE", path, **kwargs)

    @property
    def module(self) -> ModuleType:
        """The learner's module, whose ``app`` this is: for checks that call its own functions.

        A check of an exercise that asks for a function (a test, a factory) reads it from here.
        The runner names the module it imported; without it, the module holding ``app``.
        """
        if self._module is not None:
            return self._module
        for module in list(sys.modules.values()):
            if getattr(module, "app", None) is self.app:
                return module
        message = "the module that defines `app` is not loaded"  # pragma: no cover
        raise LookupError(message)  # pragma: no cover

    def websocket(self, path: str, **kwargs: Any) -> WebSocketTestSession:
        """Open a WebSocket (use it in a ``with`` block), as ``TestClient.websocket_connect``."""
        return self.raw.websocket_connect(path, **kwargs)


def _describe(method: str, path: str, kwargs: Mapping[str, Any]) -> str:
    """``POST /tasks {"title": "x"}``: the request as a learner would write it with curl."""
    params = kwargs.get("params")
    if params:
        path += "?" + str(httpx.QueryParams(params))
    parts = [method, path]
    for name, value in (kwargs.get("headers") or {}).items():
        shown = str(value)
        if name.lower() == "authorization" and len(shown) > TOKEN_PREVIEW:
            shown = shown[:TOKEN_PREVIEW] + "…"  # a token is long, and no help in a message
        parts.append(f"-H '{name}: {shown}'")
    for name, value in (kwargs.get("cookies") or {}).items():
        parts.append(f"--cookie '{name}={value}'")
    if "json" in kwargs:
        parts.append(jsonlib.dumps(kwargs["json"], ensure_ascii=False))
    elif kwargs.get("data") is not None:
        parts.append(f"form {kwargs['data']!r}")
    elif kwargs.get("content") is not None:
        content = kwargs["content"]
        parts.append(repr(content[:BODY_PREVIEW]))
    return " ".join(parts)


# --- the list of checks -----------------------------------------------------------------

CheckFunction = Callable[[Client], None]


@dataclass(frozen=True)
class Check:
    """One check: what it states, the function that checks it, and what it depends on."""

    description: str
    function: CheckFunction
    needs: tuple[str, ...] = ()
    # Why the check already passes on the shipped starting file, when it does on purpose
    # (the two-sided test in CI demands a reason for every such check).
    passes_on_start: str = ""

    @property
    def name(self) -> str:
        return self.function.__name__


# How a capstone challenge's checks build the app of the learner's copy: called once per
# check with a fresh, empty folder for its database.
AppFactory = Callable[[Path], Litestar]


class Checks:
    """The ordered checks of one exercise (of a challenge: with ``app``, how to build its app)."""

    def __init__(self, *, app: AppFactory | None = None) -> None:
        self._checks: dict[str, Check] = {}
        self.app = app

    def add(
        self,
        description: str,
        *,
        needs: CheckFunction | Collection[CheckFunction] = (),
        passes_on_start: str = "",
    ) -> Callable[[CheckFunction], CheckFunction]:
        """Add a check; ``needs`` names the checks that must pass before this one means anything."""
        required = (needs,) if callable(needs) else tuple(needs)

        def register(function: CheckFunction) -> CheckFunction:
            for need in required:
                if need.__name__ not in self._checks:
                    message = f"{function.__name__} needs {need.__name__}, which is added later"
                    raise ValueError(message)
            self._checks[function.__name__] = Check(
                description=description,
                function=function,
                needs=tuple(need.__name__ for need in required),
                passes_on_start=passes_on_start,
            )
            return function

        return register

    def __iter__(self) -> Iterator[Check]:
        return iter(self._checks.values())

    def __len__(self) -> int:
        return len(self._checks)
