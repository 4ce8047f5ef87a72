"""The docs site's hooks: step diffs and command blocks, on small pages made up here."""

from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from docs_hooks import console, step_diffs
from lessons.manifest import find
from lessons.runner import step_diff


def test_a_transcript_splits_into_commands_and_their_output() -> None:
    lines = [
        "connected",
        "$ curl -i -X POST http://x/items \\",
        "    -d '{}'",
        "HTTP/1.1 201 Created",
        "",
        "{}",
        "",
        "$ curl -i http://x/items",
        "HTTP/1.1 200 OK",
    ]

    assert console.exchanges(lines) == [
        ["connected"],
        ["$ curl -i -X POST http://x/items \\", "    -d '{}'"],
        ["HTTP/1.1 201 Created", "", "{}"],
        ["$ curl -i http://x/items"],
        ["HTTP/1.1 200 OK"],
    ]


def test_a_transcript_block_becomes_a_block_per_command_and_per_response(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(console, "ROOT", tmp_path)
    transcript = tmp_path / "docs/transcripts/example.txt"
    transcript.parent.mkdir(parents=True)
    transcript.write_text("$ curl -i http://127.0.0.1:8000/\nHTTP/1.1 200 OK\n", "utf-8")
    page = '!!! note\n    ```console\n    --8<-- "docs/transcripts/example.txt"\n    ```\n'

    markdown = console.on_page_markdown(page)

    assert "--8<--" not in markdown
    assert "    ```console\n    $ curl -i http://127.0.0.1:8000/\n    ```" in markdown
    assert "    ```{ .http .no-copy .transcript-response }\n    HTTP/1.1 200 OK" in markdown


def test_a_missing_transcript_fails_the_build() -> None:
    page = '```console\n--8<-- "docs/transcripts/nowhere.txt"\n```\n'

    with pytest.raises(PluginError, match=r"docs/transcripts/nowhere\.txt"):
        console.on_page_markdown(page)


def test_a_console_block_copies_its_commands_without_prompts_or_output() -> None:
    html = (
        '<code><span class="gp">$ </span>curl<span class="w"> </span>&#39;a&#39; \\\n'
        '    -d x\n<span class="go">HTTP/1.1 200 OK</span>\n'
        '<span class="gp">$ </span>ls\n</code><code>print(1)</code>'
    )

    content = console.on_page_content(html)

    assert '<code data-copy="curl &#x27;a&#x27; \\\n    -d x\nls">' in content
    assert content.endswith("<code>print(1)</code>")  # not a console block: left alone


def test_each_later_step_gets_its_diff_once_after_its_code_block() -> None:
    lesson = find(1)
    assert lesson
    first, second = lesson.steps()[:2]
    include = '```python\n--8<-- "lessons/{}/{}.py:app"\n```'
    page = "\n".join(
        [include.format(lesson.package, first.module)]
        + [include.format(lesson.package, second.module)] * 2
    )

    markdown = step_diffs.on_page_markdown(page)

    assert markdown.count("??? abstract") == 1
    assert markdown.count(f"since step {first.number}") == 1
    block = markdown.split("??? abstract", 1)[1]
    assert f"    --- {first.module}.py" in block
    shown = [line.removeprefix("    ") for line in block.splitlines()[2:]]
    assert "\n".join(shown).startswith(step_diff(lesson, second).rstrip("\n"))


def test_the_diff_leaves_out_snippet_markers() -> None:
    lesson = find(1)
    assert lesson

    assert "8<--" not in step_diff(lesson, lesson.steps()[1])
