"""The capstone's layers point one way: app -> http -> domain -> storage, and never back.

Each package may import its own modules and the layer directly beneath it; `app.py` and
`__main__.py` assemble everything, so they may import every layer; `config.py` is read by
all and imports none. The test reads the imports from the source (ast), so an import
inside a function or under `if TYPE_CHECKING:` counts as much as one at the top.
"""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path

import pytest
import uvicorn
from litestar import Litestar

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "capstone"

# What each layer may import, besides itself.
MAY_IMPORT = {
    "app": {"http", "domain", "storage", "config"},
    "http": {"domain", "config"},
    "domain": {"storage", "config"},
    "storage": {"config"},
    "config": set(),
}


def layer_of(module: str) -> str:
    """capstone.http.auth -> "http"; capstone.app, capstone.__main__ -> "app"."""
    parts = module.split(".")
    return "app" if parts[1] in {"app", "__main__", "__init__"} else parts[1]


def dotted(path: Path, root: Path) -> str:
    """capstone/http/auth.py -> capstone.http.auth (and .__init__ for a package)."""
    return ".".join(path.relative_to(root.parent).with_suffix("").parts)


def imported_modules(path: Path, root: Path) -> list[tuple[int, str]]:
    """(line, module) for every capstone module the file imports, relative ones resolved."""
    package = dotted(path, root).split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            found.append((node.lineno, ".".join([*base, *filter(None, [node.module])])))
    # `import capstone` alone is the package and its docstring: nothing to depend on.
    return [(line, name) for line, name in found if name.startswith("capstone.")]


def violations(root: Path) -> list[str]:
    wrong = []
    for path in sorted(root.rglob("*.py")):
        importer = layer_of(dotted(path, root))
        for line, name in imported_modules(path, root):
            imported = layer_of(name)
            if imported != importer and imported not in MAY_IMPORT[importer]:
                wrong.append(f"{path.relative_to(root.parent)}:{line}: {importer} imports {name}")
    return wrong


def test_every_import_in_the_capstone_points_down() -> None:
    assert violations(PACKAGE) == []


def test_every_module_belongs_to_a_known_layer() -> None:
    layers = {layer_of(dotted(path, PACKAGE)) for path in PACKAGE.rglob("*.py")}

    assert layers <= set(MAY_IMPORT)


@pytest.mark.parametrize(
    ("file", "source", "message"),
    [
        pytest.param(
            "storage/models.py",
            "from capstone.domain.values import Status\n",
            "storage imports capstone.domain.values",
            id="storage-imports-domain",
        ),
        pytest.param(
            "http/errors.py",
            "def f():\n    from capstone.storage.database import check_database\n",
            "http imports capstone.storage.database",
            id="http-skips-domain-inside-a-function",
        ),
        pytest.param(
            "domain/tasks.py",
            "from ..http import schemas\n",
            "domain imports capstone.http",
            id="domain-imports-http-relatively",
        ),
        pytest.param(
            "config.py",
            "import capstone.storage.database\n",
            "config imports capstone.storage.database",
            id="config-imports-anything",
        ),
    ],
)
def test_an_import_that_points_up_or_skips_a_layer_is_found(
    tmp_path: Path, file: str, source: str, message: str
) -> None:
    # The same check on a small copy of the layout holding one bad import.
    copy = tmp_path / "capstone"
    (copy / file).parent.mkdir(parents=True)
    (copy / file).write_text(source)

    found = violations(copy)

    assert [line.split(": ", 1)[1] for line in found] == [message]


def test_importing_the_app_module_builds_no_app(monkeypatch: pytest.MonkeyPatch) -> None:
    built = count_apps(monkeypatch)
    monkeypatch.delitem(sys.modules, "capstone.app", raising=False)

    importlib.import_module("capstone.app")

    assert built == []


def test_a_uvicorn_worker_builds_the_app_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # What each worker process does with `uvicorn capstone.app:create_app --factory`.
    built = count_apps(monkeypatch)
    monkeypatch.delitem(sys.modules, "capstone.app", raising=False)

    uvicorn.Config("capstone.app:create_app", factory=True, log_config=None).load()

    assert len(built) == 1


def count_apps(monkeypatch: pytest.MonkeyPatch) -> list[Litestar]:
    built: list[Litestar] = []
    original = Litestar.__init__

    def counting(self: Litestar, *args: object, **kwargs: object) -> None:
        built.append(self)
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Litestar, "__init__", counting)
    return built
