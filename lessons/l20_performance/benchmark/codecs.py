"""Encode a list of tasks to JSON and decode it back, once per model library."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import msgspec
import pydantic
from litestar import Litestar
from litestar.serialization import decode_json, encode_json, get_serializer

from lessons.l20_performance import step01_pydantic_list
from lessons.l20_performance.models import (
    AttrsTask,
    DataclassTask,
    PydanticTask,
    StructTask,
    task_rows,
)


# --8<-- [start:codec]
@dataclass(frozen=True)
class Codec:
    """How one library turns a list of its tasks into JSON bytes and back, validating."""

    name: str
    model: type[Any]
    encode: Callable[[list[Any]], bytes]
    decode: Callable[[bytes], list[Any]]

    def sample(self, count: int) -> list[Any]:
        return [self.model(**row) for row in task_rows(count)]


# --8<-- [end:codec]


# --8<-- [start:codecs]
def pydantic_codec() -> Codec:
    # A TypeAdapter is built once: building one compiles the validator and serializer.
    adapter = pydantic.TypeAdapter(list[PydanticTask])
    return Codec("pydantic", PydanticTask, adapter.dump_json, adapter.validate_json)


def litestar_pydantic_codec(app: Litestar) -> Codec:
    # What a Litestar app does with pydantic models: msgspec does the JSON, and the
    # pydantic plugin's hooks convert each model (model_dump on the way out,
    # model_validate on the way in). The hooks come from the app, as in a request.
    serializer = get_serializer(app.type_encoders)

    def encode(tasks: list[Any]) -> bytes:
        return encode_json(tasks, serializer=serializer)

    def decode(data: bytes) -> list[Any]:
        return decode_json(data, list[PydanticTask], type_decoders=app.type_decoders)

    return Codec("pydantic via Litestar", PydanticTask, encode, decode)


def msgspec_codec(name: str, model: type[Any]) -> Codec:
    # msgspec encodes and decodes Structs, attrs classes and dataclasses itself, and
    # checks types while decoding. Litestar uses it for all three.
    encoder = msgspec.json.Encoder()
    decoder = msgspec.json.Decoder(list[model])  # type: ignore[valid-type]
    return Codec(name, model, encoder.encode, decoder.decode)


def all_codecs() -> list[Codec]:
    """The baseline first: every ratio is measured against it."""
    return [
        pydantic_codec(),
        litestar_pydantic_codec(step01_pydantic_list.app),
        msgspec_codec("msgspec", StructTask),
        msgspec_codec("attrs", AttrsTask),
        msgspec_codec("dataclasses", DataclassTask),
    ]


# --8<-- [end:codecs]
