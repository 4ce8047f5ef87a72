"""The GitHub Actions workflows pass actionlint, and run what CI runs here."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from lessons.manifest import ROOT
from tests.project.test_readme import quickstart_commands

WORKFLOWS = ROOT / ".github" / "workflows"


def _actionlint() -> str:
    # Installed by the `workflows` dependency group next to this interpreter.
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which(
        "actionlint"
    )
    if found is None:
        pytest.fail("actionlint is missing: pip install --group workflows -c constraints.txt")
    return found


def test_the_workflows_pass_actionlint() -> None:
    result = subprocess.run(  # noqa: S603 - a fixed tool on our own files
        [_actionlint(), "-no-color"], cwd=ROOT, capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(path.name for path in WORKFLOWS.glob("*.yml")) == ["ci.yml", "docs.yml"]


def _steps(workflow: str, job: str) -> list[dict[str, str]]:
    config = yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))
    steps: list[dict[str, str]] = config["jobs"][job]["steps"]
    return steps


def test_ci_runs_ci_run_on_linux_and_the_readmes_command_elsewhere() -> None:
    check = quickstart_commands()[1]
    windows = check.replace("python3 -m", "py -m").replace(".venv/bin/", ".venv\\Scripts\\")
    config = yaml.safe_load((WORKFLOWS / "ci.yml").read_text(encoding="utf-8"))

    assert {"run": "bash .ci/run"} in _steps("ci.yml", "linux")
    runs = [step.get("run") for step in _steps("ci.yml", "macos-windows")]
    assert check in runs
    assert windows in runs
    pythons = ["3.11", "3.12", "3.13", "3.14"]
    assert config["jobs"]["linux"]["strategy"]["matrix"]["python"] == pythons
    assert config["jobs"]["macos-windows"]["strategy"]["matrix"]["python"] == pythons
    # PyYAML reads a bare `on:` key as True.
    assert "pull_request" in config[True]


def test_the_docs_workflow_builds_with_the_docs_session_and_deploys_from_main() -> None:
    config = yaml.safe_load((WORKFLOWS / "docs.yml").read_text(encoding="utf-8"))
    build = [step["run"] for step in _steps("docs.yml", "build") if "run" in step]

    assert [run.rsplit(" && ", 1)[-1] for run in build] == [".venv/bin/nox -s docs"]
    assert config[True]["push"]["branches"] == ["main"]
    assert any("deploy-pages" in step.get("uses", "") for step in _steps("docs.yml", "deploy"))
