"""Lesson 21: the likely wrong answers to each exercise, and the check that rejects each."""

from tests.lessons.wrong_solutions import Wrong, wrong_solution_tests

READY = "e01_ready"
HOSTS = "e02_allowed_hosts"
SETTINGS = "e03_depot_settings"
QUERY = """    try:
        async with db_engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except (SQLAlchemyError, OSError):"""
HEALTH = """async def health() -> dict[str, str]:
    return {"status": "ok"}"""
HEALTH_WITH_THE_DATABASE = """async def health(
    db_engine: NamedDependency[AsyncEngine],
) -> dict[str, str]:
    async with db_engine.connect() as connection:
        await connection.execute(text("SELECT 1"))
    return {"status": "ok"}"""
HOSTS_LIST = 'allowed_hosts=["depot.example", "*.depot.example"]'
REPORT = """        for problem in error.errors(include_url=False, include_input=False):
            name = PREFIX + "_".join(str(part) for part in problem["loc"]).upper()
            print(f"{name}: {problem['msg']}", file=sys.stderr)  # noqa: T201"""

WRONG = [
    Wrong(
        READY,
        "always-ready",
        ((QUERY, "    if False:"),),
        caught_by="not_ready_while_the_database_is_down",
    ),
    Wrong(
        READY,
        "error-left-uncaught",  # a 500, not a 503
        (("    except (SQLAlchemyError, OSError):", "    except ZeroDivisionError:"),),
        caught_by="not_ready_while_the_database_is_down",
    ),
    Wrong(
        READY,
        "not-ready-with-a-200",
        (('{"status": "not ready"}, status_code=503, ', '{"status": "not ready"}, '),),
        caught_by="not_ready_while_the_database_is_down",
    ),
    Wrong(
        READY,
        "no-retry-after",
        ((', headers={"Retry-After": "5"}', ""),),
        caught_by="not_ready_while_the_database_is_down",
    ),
    Wrong(
        READY,
        "health-checks-the-database-too",
        ((HEALTH, HEALTH_WITH_THE_DATABASE),),
        caught_by="alive_while_the_database_is_down",
    ),
    Wrong(
        HOSTS,
        "subdomains-forgotten",
        ((HOSTS_LIST, 'allowed_hosts=["depot.example"]'),),
        caught_by="serves_subdomains",
    ),
    Wrong(
        HOSTS,
        "name-itself-forgotten",
        ((HOSTS_LIST, 'allowed_hosts=["*.depot.example"]'),),
        caught_by="serves_its_name",
    ),
    Wrong(
        HOSTS,
        "every-host-allowed",
        ((HOSTS_LIST, 'allowed_hosts=["*"]'),),
        caught_by="refuses_other_hosts",
    ),
    Wrong(
        HOSTS,
        "probe-blocked",
        ((", skip_host_check=True)", ")"),),
        caught_by="lets_probes_through",
    ),
    Wrong(
        HOSTS,
        "urls-instead-of-names",
        ((HOSTS_LIST, 'allowed_hosts=["https://depot.example", "*.depot.example"]'),),
        caught_by="serves_its_name",
    ),
    Wrong(
        SETTINGS,
        "validation-error-left-uncaught",  # a traceback
        ((REPORT + "\n        raise SystemExit(2) from None", "        raise"),),
        caught_by="refuses_bad_values",
    ),
    Wrong(
        SETTINGS,
        "exit-status-1",
        (("SystemExit(2)", "SystemExit(1)"),),
        caught_by="refuses_bad_values",
    ),
    Wrong(
        SETTINGS,
        "prints-the-validation-error",
        ((REPORT, "        print(error, file=sys.stderr)  # noqa: T201"),),
        caught_by="refuses_bad_values",
    ),
    Wrong(
        SETTINGS,
        "no-prefix",
        (("env_prefix=PREFIX", 'env_prefix=""'),),
        caught_by="reads_the_environment",
    ),
    Wrong(
        SETTINGS,
        "one-region-only",
        (('Literal["eu", "us"]', 'Literal["eu"]'),),
        caught_by="reads_the_environment",
    ),
    Wrong(
        SETTINGS,
        "page-size-unbounded",
        (("Field(default=20, ge=1, le=100)", "20"),),
        caught_by="refuses_bad_values",
    ),
    Wrong(
        SETTINGS,
        "token-as-a-plain-string",
        (("api_token: SecretStr | None", "api_token: str | None"),),
        caught_by="keeps_the_token_secret",
    ),
]

test_a_wrong_solution_fails_its_check = wrong_solution_tests("l21_deployment", WRONG)
