"""The Containerfile, checked as text: this machine has no Docker daemon to build it with.

Each instruction is read whole (continued lines joined), so the checks see what Docker sees.
"""

import importlib
import json
import re

from lessons.manifest import LESSONS_DIR

CONTAINERFILE = LESSONS_DIR / "l21_deployment" / "Containerfile"
SECRET_NAMES = re.compile(r"SECRET|TOKEN|PASSWORD|PASSWD|API_KEY|PRIVATE", re.IGNORECASE)


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, comments dropped and continuations joined."""
    found: list[tuple[str, str]] = []
    pending = ""
    for line in CONTAINERFILE.read_text(encoding="utf-8").splitlines():
        if not pending and (not line.strip() or line.lstrip().startswith("#")):
            continue
        pending += line.rstrip().removesuffix("\\").strip() + " "
        if not line.rstrip().endswith("\\"):
            keyword, _, arguments = pending.strip().partition(" ")
            found.append((keyword.upper(), arguments.strip()))
            pending = ""
    return found


def arguments_of(keyword: str) -> list[str]:
    return [arguments for name, arguments in instructions() if name == keyword]


def exec_form(arguments: str) -> list[str]:
    value = json.loads(arguments)
    assert isinstance(value, list)
    return [str(part) for part in value]


def test_the_server_runs_as_the_unprivileged_user_the_image_creates() -> None:
    [user] = arguments_of("USER")
    assert user not in {"root", "0"}
    assert f"useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin {user}" in (
        " ".join(arguments_of("RUN"))
    )
    # USER comes after the install, so the installed code belongs to root: read-only to it.
    names = [name for name, _ in instructions()]
    assert names.index("USER") > max(i for i, name in enumerate(names) if name == "RUN")


def test_no_secret_is_baked_into_the_image() -> None:
    settings = " ".join(arguments_of("ENV") + arguments_of("ARG"))
    assert not SECRET_NAMES.search(settings)
    copied = " ".join(arguments_of("COPY") + arguments_of("ADD"))
    assert ".env" not in copied
    assert "PARCELS_ENVIRONMENT=production" in settings


def test_a_healthcheck_probes_liveness() -> None:
    [healthcheck] = arguments_of("HEALTHCHECK")
    options, _, command = healthcheck.partition(" CMD ")
    assert "--interval=" in options
    assert "/health'" in " ".join(exec_form(command))


def test_the_command_only_serves_and_migrations_are_their_own_step() -> None:
    [cmd] = arguments_of("CMD")
    command = exec_form(cmd)
    assert command[0] == "uvicorn"
    assert not {"upgrade", "migrate", "alembic"} & set(command)
    assert command[command.index("--timeout-graceful-shutdown") + 1] == "8"  # < docker stop's 10 s
    # The app it serves exists, and so does the module the separate migration step names.
    module, _, attribute = command[1].partition(":")
    assert hasattr(importlib.import_module(module), attribute)
    comments = " ".join(
        line.lstrip("# ").removesuffix("\\")
        for line in CONTAINERFILE.read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    )
    migrate = f"litestar --app {command[1]} database upgrade --no-prompt"
    assert migrate in " ".join(comments.split())
