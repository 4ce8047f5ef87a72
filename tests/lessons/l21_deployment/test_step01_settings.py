"""Step 01: settings come from PARCELS_ variables; a bad value is one line and exit status 2."""

from typing import Any

import pytest
import uvicorn
from litestar.testing import TestClient
from pydantic import ValidationError
from pydantic_settings import SettingsConfigDict

from lessons.l21_deployment import step01_settings
from lessons.l21_deployment.step01_settings import PREFIX, Settings, create_app, load_settings
from tests.lessons.l21_deployment.conftest import BAD_SETTINGS, Processes
from tests.transcripts import MakeTranscript

BAD = BAD_SETTINGS


def test_the_defaults_are_valid_and_the_app_shows_what_an_operator_may_see(
    transcript: MakeTranscript,
) -> None:
    settings = load_settings()
    record = transcript("l21_deployment/about")
    with TestClient(create_app(settings)) as client:
        response = record(client.get("/about"))

    assert settings.database_url == "sqlite+aiosqlite:///parcels.sqlite3"
    assert (settings.port, settings.workers, settings.admin_token) == (8000, 1, None)
    assert response.json() == {"environment": "development", "workers": 1}


def test_values_come_from_prefixed_variables_in_any_case(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARCELS_WORKERS", "4")
    monkeypatch.setenv("parcels_environment", "production")
    monkeypatch.setenv("PARCELS_ADMIN_TOKEN", "t" * 32)

    settings = load_settings()

    assert (settings.workers, settings.environment) == (4, "production")
    # The token is usable, but printing the settings never shows it.
    assert settings.admin_token is not None
    assert settings.admin_token.get_secret_value() == "t" * 32
    assert "t" * 32 not in repr(settings)
    assert "admin_token=SecretStr('**********')" in repr(settings)


def test_each_bad_value_is_one_line_naming_its_variable(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in BAD.items():
        monkeypatch.setenv(name, value)

    with pytest.raises(SystemExit) as stopped:
        load_settings()

    assert stopped.value.code == 2
    assert capsys.readouterr().err.splitlines() == [
        "PARCELS_ENVIRONMENT: Input should be 'development' or 'production'",
        "PARCELS_WORKERS: Input should be a valid integer, unable to parse string as an integer",
        "PARCELS_ADMIN_TOKEN: Value should have at least 32 items after validation, not 7",
    ]


def test_the_real_process_exits_with_status_2_and_no_traceback(
    processes: Processes, transcript: MakeTranscript
) -> None:
    result = processes.runs["bad-settings"]  # STEP01 run with BAD_SETTINGS (conftest.py)

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "hunter2" not in result.stderr
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 3
    record = transcript("l21_deployment/bad-settings")
    variables = " ".join(f"{name}={value}" for name, value in BAD.items())
    record.add_text(
        f"$ {variables} \\\n    python -m lessons.l21_deployment.step01_settings\n"
        f"{result.stderr}$ echo $?\n{result.returncode}"
    )


# --8<-- [start:pitfall]
def test_printing_the_validation_error_leaks_the_value_and_says_nothing_of_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PARCELS_ADMIN_TOKEN", "hunter2")

    with pytest.raises(ValidationError) as caught:
        Settings()
    printed = str(caught.value)  # what `print(error)` or an uncaught traceback shows

    assert "input_value='hunter2'" in printed  # the secret, in the log
    assert "PARCELS_ADMIN_TOKEN" not in printed  # the field's name, not the variable's
    assert printed.splitlines()[1] == "admin_token"


# --8<-- [end:pitfall]


def test_a_misspelt_variable_is_silently_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARCELS_WORKER", "4")  # no S

    class Strict(Settings):
        model_config = SettingsConfigDict(env_prefix=PREFIX, extra="forbid")

    assert load_settings().workers == 1
    assert Strict().workers == 1  # extra="forbid" does not look at environment variables


def test_main_checks_then_serves_the_import_string_with_the_workers_asked_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: calls.append((args, kwargs)))
    monkeypatch.setenv("PARCELS_WORKERS", "3")

    step01_settings.main()

    assert calls == [
        (("lessons.l21_deployment.step01_settings:app",), {"port": 8000, "workers": 3})
    ]
