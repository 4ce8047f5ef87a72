"""Parse a text/event-stream body into events, enough for tests."""

# --8<-- [start:parser]
import re

_LINE_END = re.compile(r"\r\n|\r|\n")  # the standard allows all three


def parse_events(body: str) -> list[dict[str, str]]:
    """One dict per event: its fields, with several data: lines joined by newlines."""
    events: list[dict[str, str]] = []
    event: dict[str, str] = {}
    for line in _LINE_END.split(body):
        if not line:  # a blank line ends the event
            if event:
                events.append(event)
            event = {}
        elif not line.startswith(":"):  # lines starting with ":" are comments
            name, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if name == "data" and "data" in event:
                value = f"{event['data']}\n{value}"
            event[name] = value
    assert not event, "the stream must end with a blank line"
    return events


# --8<-- [end:parser]
