"""Read the docs the way the site build does: pages, fenced blocks and snippet includes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from lessons.manifest import ROOT

DOCS = ROOT / "docs"
INCLUDE = re.compile(r'^\s*-{1,}8<-{1,}\s+"(?P<target>[^"]+)"\s*$')
FENCE = re.compile(r"^(?P<indent>\s*)(?P<ticks>`{3,})(?P<info>.*)$")
ILLUSTRATIVE = re.compile(r"<!--\s*illustrative:\s*(?P<reason>\S.*?)\s*-->")
SECTION_NAME = re.compile(r"^[a-z][-_0-9a-z]*$", re.IGNORECASE)


@dataclass(frozen=True)
class Include:
    page: Path
    path: str
    section: str | None

    @property
    def file(self) -> Path:
        return ROOT / self.path


@dataclass(frozen=True)
class Fence:
    page: Path
    line: int
    language: str
    body: tuple[str, ...]
    illustrative_reason: str | None


def pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def includes(page: Path) -> list[Include]:
    found = []
    for line in page.read_text(encoding="utf-8").splitlines():
        match = INCLUDE.match(line)
        if match:
            path, _, section = match["target"].partition(":")
            found.append(Include(page, path, section or None))
    return found


def fences(page: Path) -> list[Fence]:
    lines = page.read_text(encoding="utf-8").splitlines()
    found = []
    index = 0
    while index < len(lines):
        match = FENCE.match(lines[index])
        if not match:
            index += 1
            continue
        start = index
        closing = match["indent"] + match["ticks"]
        body = []
        index += 1
        while index < len(lines) and lines[index].rstrip() != closing:
            body.append(lines[index])
            index += 1
        previous = lines[start - 1] if start else ""
        reason = ILLUSTRATIVE.search(previous)
        found.append(
            Fence(
                page=page,
                line=start + 1,
                language=(match["info"].split() or [""])[0],
                body=tuple(body),
                illustrative_reason=reason["reason"] if reason else None,
            )
        )
        index += 1
    return found


def section_markers(text: str, name: str) -> tuple[int, int]:
    start = len(re.findall(rf"-8<-+\s+\[start:{re.escape(name)}\]", text))
    end = len(re.findall(rf"-8<-+\s+\[end:{re.escape(name)}\]", text))
    return start, end


class _MkdocsLoader(yaml.SafeLoader):
    """mkdocs.yml uses `!!python/name:` tags; the nav does not need them resolved."""


_MkdocsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)


def mkdocs_config() -> dict[str, Any]:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config: dict[str, Any] = yaml.load(text, Loader=_MkdocsLoader)  # noqa: S506 - a SafeLoader
    return config


ADMONITION = re.compile(
    r'^(?P<indent>\s*)(?P<marker>\?\?\?\+?|!!!)\s+(?P<kind>\w+)(?:\s+"(?P<title>[^"]*)")?'
)
HEADING = re.compile(r"^(?P<level>#{1,6})\s+(?P<text>.+?)\s*$")
GITHUB_LINK = re.compile(
    r"https://github\.com/litestar-lessons/litestar-lessons/(?P<kind>blob|tree)/main/"
    r"(?P<path>[^\s)\"'#?>\]]+)"
)


@dataclass(frozen=True)
class PlacedInclude:
    """An include, and where it sits: under which heading, in which admonition and fence."""

    path: str
    line: int
    indent: int
    heading: str  # the nearest heading above it, without the #s
    admonition: tuple[str, str, str] | None  # (marker, kind, title): `???` is collapsed
    fence: str | None  # the fence's info string, e.g. 'python title="…"'


def placed_includes(page: Path) -> list[PlacedInclude]:
    """Every include of ``page`` with its context, as the site build nests them.

    An admonition's body is the lines indented deeper than its ``???``/``!!!`` line; a fence
    holds everything up to the closing ticks at its own indent.
    """
    found = []
    heading = ""
    admonition: tuple[int, tuple[str, str, str]] | None = None
    fence: tuple[str, str] | None = None  # (closing line, info)
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        indent = len(line) - len(line.lstrip())
        if fence is not None:
            if line.rstrip() == fence[0]:
                fence = None
                continue
        elif line.strip():
            if admonition is not None and indent <= admonition[0]:
                admonition = None
            if (match := FENCE.match(line)) is not None:
                fence = (match["indent"] + match["ticks"], match["info"].strip())
                continue
            if (match := ADMONITION.match(line)) is not None:
                title = match["title"] or ""
                admonition = (len(match["indent"]), (match["marker"], match["kind"], title))
                continue
            if indent == 0 and (match := HEADING.match(line)) is not None:
                heading = match["text"]
                continue
        if (match := INCLUDE.match(line)) is not None:
            found.append(
                PlacedInclude(
                    path=match["target"].partition(":")[0],
                    line=number,
                    indent=indent,
                    heading=heading,
                    admonition=admonition[1] if admonition else None,
                    fence=fence[1] if fence else None,
                )
            )
    return found


def github_links(text: str) -> list[tuple[str, str]]:
    """(blob or tree, path) of every link into this repository's main branch in ``text``."""
    return [(match["kind"], match["path"]) for match in GITHUB_LINK.finditer(text)]
