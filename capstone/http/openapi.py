"""What the OpenAPI document says beyond what Litestar 2.25 infers from the handlers.

Litestar documents a handler's success response and the error bodies it is given
(`ResponseSpec`), but it cannot put headers on an error response, links between operations,
or `security: []` on a route that needs no token: JWTAuth adds its requirement to the whole
document, and Litestar drops an empty `security` list (litestar#3013, #4016). Each handler
therefore names an Operation subclass made here (`operation_class=`, Litestar's own hook for
this), which adds what is missing to the operation Litestar built.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from litestar._openapi.schema_generation.plugins.struct import StructSchemaPlugin
from litestar._openapi.schema_generation.schema import SchemaCreator
from litestar.openapi.spec import Link, OpenAPIHeader, OpenAPIType, Operation, Reference, Schema
from litestar.typing import FieldDefinition

Headers = Mapping[str, OpenAPIHeader]


def header(description: str, schema: Schema, *, required: bool = True) -> OpenAPIHeader:
    return OpenAPIHeader(description=description, schema=schema, required=required)


def _text(pattern: str | None = None, **more: Any) -> Schema:
    return Schema(type=OpenAPIType.STRING, pattern=pattern, **more)


def header_format(pattern: str) -> dict[str, Any]:
    """`schema_extra` for an optional header: a string of this form. (From `str | None`
    Litestar would write "string or null", and a header cannot be null.)"""
    return {"one_of": None, "type": OpenAPIType.STRING, "pattern": pattern}


def _count() -> Schema:
    return Schema(type=OpenAPIType.INTEGER, minimum=0)


REQUEST_ID = header(
    "The request's id: the client's X-Request-ID when it is sane, else a new one. Every log"
    " line of the request carries it.",
    _text(r"^[A-Za-z0-9._-]{1,64}$"),
)
ETAG = header('The task\'s version, e.g. "3": send it back as If-Match', _text(r'^"[0-9]+"$'))
LOCATION = header("Where the new task is", _text(r"^/tasks/-?[0-9]+$"))
REPLAYED = header(
    "Sent (true) when an Idempotency-Key retry returned the task the first request created",
    _text(enum=["true"]),
    required=False,
)
# RateLimitMiddleware's headers (IETF draft), on every answer of a rate-limited route.
RATE_LIMIT: Headers = {
    "RateLimit-Limit": header("Attempts allowed in the window", _count()),
    "RateLimit-Remaining": header("Attempts left in the window", _count()),
    "RateLimit-Reset": header("Seconds until the window ends", _count()),
    "RateLimit-Policy": header("The limit, e.g. 10; w=60", _text(r"^[0-9]+; ?w=[0-9]+$")),
}
RETRY_AFTER: Headers = {"Retry-After": header("Seconds to wait before trying again", _count())}


class ClosedStructs(StructSchemaPlugin):
    """Bodies that refuse unknown fields say so: `additionalProperties: false`.

    Litestar's own plugin for msgspec Structs ignores `forbid_unknown_fields`; plugins given
    to the app are asked before Litestar's, so this one answers for those Structs.
    """

    def is_plugin_supported_field(self, field_definition: FieldDefinition) -> bool:
        config = getattr(field_definition.annotation, "__struct_config__", None)
        return config is not None and config.forbid_unknown_fields

    def to_openapi_schema(
        self, field_definition: FieldDefinition, schema_creator: SchemaCreator
    ) -> Schema:
        schema = super().to_openapi_schema(field_definition, schema_creator)
        schema.additional_properties = False
        return schema


@dataclass
class DocumentedOperation(Operation):
    """Adds the request id to every response, and the settings of `documented()`."""

    public: ClassVar[bool] = False
    headers_by_status: ClassVar[Mapping[str, Headers]] = {}
    links_by_status: ClassVar[Mapping[str, Mapping[str, Link]]] = {}

    def __post_init__(self) -> None:
        everywhere = self.headers_by_status.get("*", {})
        for status, response in (self.responses or {}).items():
            if isinstance(response, Reference):  # pragma: no cover - Litestar builds none
                continue
            response.headers = {
                **(response.headers or {}),
                "X-Request-ID": REQUEST_ID,
                **everywhere,
                **self.headers_by_status.get(status, {}),
            }
            response.links = dict(self.links_by_status.get(status, {})) or None
        if self.public:
            self.security = []  # overrides the document's bearer requirement


def documented(
    *,
    public: bool = False,
    headers: Mapping[int | str, Headers] | None = None,
    links: Mapping[int, Mapping[str, Link]] | None = None,
) -> type[Operation]:
    """An operation class for one handler: `headers` and `links` by status ("*": every one)."""
    return type(
        "DocumentedOperation",
        (DocumentedOperation,),
        {
            "public": public,
            "headers_by_status": {str(status): value for status, value in (headers or {}).items()},
            "links_by_status": {str(status): value for status, value in (links or {}).items()},
        },
    )
