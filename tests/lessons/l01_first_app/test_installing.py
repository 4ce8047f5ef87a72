"""Installing and identifying Litestar: what the installed package really says about itself."""

from importlib.metadata import requires, version

# --8<-- [start:version]
import litestar


def test_dunder_version_is_a_tuple_not_a_string() -> None:
    # `litestar.__version__` is a named tuple: printing it shows
    # `Version(major=2, minor=...)`, not "2.25.0".
    assert type(litestar.__version__).__name__ == "Version"
    assert str(litestar.__version__).startswith("Version(major=2")

    # Either of these gives the plain version string.
    assert litestar.__version__.formatted(short=True) == version("litestar")
    assert version("litestar").startswith("2.")


# --8<-- [end:version]


def _requirements(extra: str | None = None) -> set[str]:
    """Names of the distributions `pip install litestar[extra]` installs directly."""
    names = set()
    for requirement in requires("litestar") or []:
        name, _, marker = requirement.partition(";")
        in_extra = "extra ==" in marker
        if (extra is None and not in_extra) or (extra and f"extra == '{extra}'" in marker):
            names.add(name.split("[")[0].split(">")[0].split("<")[0].split("=")[0].strip().lower())
    return names


def test_litestar_is_not_built_on_starlette() -> None:
    everything = _requirements() | _requirements("standard") | _requirements("full")
    assert "starlette" not in everything
    # It has its own ASGI core; msgspec does its encoding and validation.
    assert "msgspec" in _requirements()


def test_the_standard_extra_does_not_bring_pydantic() -> None:
    standard = _requirements("standard")
    assert standard == {"jinja2", "jsbeautifier", "uvicorn"}
    assert "pydantic" not in _requirements() | standard
