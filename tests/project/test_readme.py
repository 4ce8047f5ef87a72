"""The README's Quickstart has exactly two commands, and CI runs the second one verbatim."""

import re

from lessons.manifest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def quickstart_commands() -> list[str]:
    quickstart = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```console\n(.+?)\n```", quickstart, flags=re.DOTALL)


def test_the_quickstart_has_exactly_two_one_line_commands() -> None:
    commands = quickstart_commands()

    assert len(commands) == 2
    assert all("\n" not in command for command in commands)
    serve, check = commands
    assert serve.endswith("-m capstone")
    assert check.endswith(".venv/bin/nox")


def test_ci_runs_the_readmes_check_command_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")

    assert quickstart_commands()[1] in ci.splitlines()
    assert "export REQUIRE_SERVICES=1" in ci
