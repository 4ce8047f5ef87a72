"""An app factory, so tests can build the app with other providers."""

# --8<-- [start:app]
from collections.abc import Mapping

from litestar import Litestar
from litestar.di import Provide

from lessons.l06_dependency_injection.step06_auth import (
    provide_current_user,
    provide_tokens,
    who_am_i,
)


# --8<-- [start:factory]
def create_app(overrides: Mapping[str, Provide] | None = None) -> Litestar:
    """Build the app; `overrides` replaces providers by key (tests pass fakes here).

    Each call makes fresh Provide objects: a Provide keeps state from its first
    registration (its parsed signature, and with use_cache=True its value), so
    apps should not share them.
    """
    dependencies = {
        "tokens": Provide(provide_tokens),
        "current_user": Provide(provide_current_user),
    }
    # Same key, same layer: a plain dict update replaces the provider, so the
    # duplicate check that step 2's pitfall hits never sees two of them.
    dependencies.update(overrides or {})
    return Litestar(route_handlers=[who_am_i], dependencies=dependencies)


# --8<-- [end:factory]
app = create_app()  # what `litestar run` and `python -m lessons run 6 7` serve
# --8<-- [end:app]
