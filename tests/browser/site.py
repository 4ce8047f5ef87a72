"""The built docs site, served the way GitHub Pages serves a project site: under a sub-path,
with ``404.html`` (and status 404) for every address that has no file."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from lessons.manifest import ROOT
from tests.project.docs_model import mkdocs_config

CONFIG = mkdocs_config()
# "/litestar-lessons/": the sub-path of `site_url` in mkdocs.yml, where the site is published.
PREFIX = urlsplit(CONFIG["site_url"]).path


def build(site_dir: Path) -> None:
    """`mkdocs build --strict` into `site_dir`; a warning fails it."""
    subprocess.run(  # noqa: S603 - our own interpreter, our own arguments
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", site_dir],
        cwd=ROOT,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


class _Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args: object, site_dir: Path, **kwargs: object) -> None:
        self.site_dir = site_dir
        super().__init__(*args, directory=str(site_dir), **kwargs)  # type: ignore[arg-type]

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(PREFIX):
            return str(self.site_dir / "does-not-exist")
        return super().translate_path("/" + path.removeprefix(PREFIX))

    def send_head(self):  # type: ignore[no-untyped-def]
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target /= "index.html"
        if not target.exists():
            # Like GitHub Pages: the site's own 404 page, with status 404.
            body = (self.site_dir / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return _BytesFile(body)
        return super().send_head()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: pytest shows what failed."""


class _BytesFile:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        self.data = b""


@contextlib.contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve `site_dir` on a free loopback port; yields the site's base URL (with the prefix)."""
    handler = functools.partial(_Handler, site_dir=site_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def nav_pages() -> list[str]:
    """Every page in the nav, as a path relative to docs/ (e.g. "lessons/02-routing.md")."""
    found: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            elif isinstance(value, str):
                found.append(value)

    walk(CONFIG["nav"])
    return found


def page_url(page: str) -> str:
    """The page's address relative to the site root, as mkdocs writes it (use_directory_urls)."""
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"
