"""What the home page promises about setting up and about warnings, checked against the files."""

import re
import tomllib

from lessons.manifest import ROOT

HOME = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_setup_on_the_home_page_installs_what_its_steps_run() -> None:
    install = next(line for line in HOME.splitlines() if 'pip install -e ".[all]"' in line)

    # Step 4 runs `python -m lessons test N`, which runs pytest: the install must bring it.
    assert "--group test" in install
    assert any(dep.startswith("pytest>") for dep in PYPROJECT["dependency-groups"]["test"])
    assert "python -m lessons test N" in HOME


def test_warnings_are_errors_but_for_the_one_named_exception() -> None:
    filters = PYPROJECT["tool"]["pytest"]["ini_options"]["filterwarnings"]

    assert filters[0] == "error"
    assert [f for f in filters[1:] if not f.startswith("ignore:")] == []
    assert len(filters) == 2, "the home page says one deprecation is ignored"
    assert re.search(r"one deprecation inside advanced-alchemy[^|]*is ignored", HOME)
