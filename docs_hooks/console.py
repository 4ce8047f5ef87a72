"""Commands on the site: each request in its own block, and copy buttons that copy only it.

Pages include a transcript (``docs/transcripts/…``, written by the tests) inside a
``console`` block. This hook shows each exchange of such a block as a command block followed
by a response block without a copy button, so each command gets its own button.

Every ``console`` block then gets a ``data-copy`` attribute: its text without the ``$ ``
prompts and without the output. Material's copy button copies that attribute when it is
there (``[data-copy]`` in its clipboard code), so a learner pastes exactly the commands.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
TRANSCRIPT_BLOCK = re.compile(
    r"^(?P<indent>[ \t]*)(?P<ticks>`{3,})console[ \t]*\n"
    r'(?P<includes>(?:(?P=indent)-+8<-+[ \t]+"docs/transcripts/[^"]+"[ \t]*\n)+)'
    r"(?P=indent)(?P=ticks)[ \t]*$",
    re.MULTILINE,
)
INCLUDED = re.compile(r'"(?P<path>docs/transcripts/[^"]+)"')
CODE = re.compile(r"<code>(?P<body>.*?)</code>", re.DOTALL)
PROMPT_OR_OUTPUT = re.compile(r'<span class="g[po]">.*?</span>', re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def on_page_markdown(markdown: str, **_: Any) -> str:
    return TRANSCRIPT_BLOCK.sub(_split_block, markdown)


def _split_block(match: re.Match[str]) -> str:
    text = "\n\n".join(
        _read(include["path"]).rstrip("\n") for include in INCLUDED.finditer(match["includes"])
    )
    blocks = [_fence(lines, ticks=match["ticks"]) for lines in exchanges(text.split("\n")) if lines]
    return "\n\n".join(
        "\n".join(match["indent"] + line if line else "" for line in block.split("\n"))
        for block in blocks
    )


def _read(path: str) -> str:
    try:
        return (ROOT / path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PluginError(f"a page includes {path}, which does not exist") from None


def exchanges(lines: list[str]) -> list[list[str]]:
    """Split a transcript into blocks: each command (with its continuation lines), then its
    output. Text before the first command, such as WebSocket messages, is one block."""
    blocks: list[list[str]] = [[]]
    in_command = False
    for line in lines:
        if line.startswith("$ ") or in_command:
            if not in_command:
                blocks.append([])
            blocks[-1].append(line)
            in_command = line.endswith("\\")
            if not in_command:
                blocks.append([])
        else:
            blocks[-1].append(line)
    return [_trimmed(block) for block in blocks if _trimmed(block)]


def _trimmed(lines: list[str]) -> list[str]:
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    end = len(lines) - next((i for i, line in enumerate(reversed(lines)) if line.strip()), 0)
    return lines[start:end]


def _fence(lines: list[str], *, ticks: str) -> str:
    if lines[0].startswith("$ "):
        info = "console"
    elif lines[0].startswith("HTTP/"):
        info = "{ .http .no-copy .transcript-response }"
    else:
        info = "{ .text .no-copy .transcript-response }"
    return "\n".join([ticks + info, *lines, ticks])


def on_page_content(content: str, **_: Any) -> str:
    return CODE.sub(_with_copy_text, content)


def _with_copy_text(match: re.Match[str]) -> str:
    body = match["body"]
    if 'class="gp"' not in body:
        return match[0]
    text = html.unescape(TAG.sub("", PROMPT_OR_OUTPUT.sub("", body)))
    commands = "\n".join(line.rstrip() for line in text.split("\n") if line.strip())
    return f'<code data-copy="{html.escape(commands)}">{body}</code>'
