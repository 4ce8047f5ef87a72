"""`nox -s zensical`: build the site with MkDocs and with Zensical, and report what differs.

Material for MkDocs reaches its end of life in May 2027; Zensical, its successor, reads the
same mkdocs.yml. This builds both from the same sources and prints, page by page, what only
one of them produced, so that moving is a decision rather than an investigation. It changes
nothing and always exits 0 when both builds succeed: it is a report, not a check.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the site depends on, one pattern each, counted on every page.
FEATURES = {
    "step diffs (docs_hooks/step_diffs.py)": r"What step \d+ changed since step",
    "copy-only-the-command (docs_hooks/console.py)": r"<code data-copy=",
    "separate response blocks (docs_hooks/console.py)": r"transcript-response",
    "diagrams": r'class="mermaid"',
    "pinned diagram library (overrides/main.html)": r"assets/vendor/mermaid/mermaid\.min\.js",
    "canonical link": r'<link rel="canonical"',
    "resources from other hosts": (
        r'<(?:script|link)\b[^>]*(?:src|href)="(?:https?:)?//(?!litestar-lessons\.github\.io)'
    ),
}


def build(engine: str, site_dir: Path) -> float:
    """Build into `site_dir`; returns the seconds it took."""
    if engine == "mkdocs":
        command = ["mkdocs", "build", "--strict", "-q", "--site-dir", str(site_dir)]
        return _timed([sys.executable, "-m", *command])
    # Zensical has no --site-dir: it reads a copy of mkdocs.yml that sets site_dir, next to
    # the original so that every relative path in it means the same.
    config = ROOT / ".mkdocs.zensical.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config.write_text(f"{text}\nsite_dir: {site_dir}\n", encoding="utf-8")
    try:
        return _timed([sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config)])
    finally:
        config.unlink()


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(command, cwd=ROOT, check=True, env=environment)  # noqa: S603 - our argv
    return time.perf_counter() - started


def pages(site_dir: Path) -> dict[str, str]:
    return {
        str(path.relative_to(site_dir)): path.read_text(encoding="utf-8")
        for path in sorted(site_dir.rglob("*.html"))
    }


def main() -> int:
    # Zensical wants its site_dir inside the project: .nox/ is, and is ignored by git.
    work = ROOT / ".nox" / "engine-sites"
    built = {}
    for engine in ("mkdocs", "zensical"):
        folder = work / engine
        seconds = build(engine, folder)
        built[engine] = pages(folder)
        print(f"{engine}: {len(built[engine])} HTML files in {seconds:.1f} s")
    mkdocs, zensical = built["mkdocs"], built["zensical"]
    for name in sorted(set(mkdocs) ^ set(zensical)):
        print(f"only {'MkDocs' if name in mkdocs else 'Zensical'} wrote {name}")
    print(f"\n{'feature':<52} {'MkDocs':>8} {'Zensical':>9}")
    for feature, pattern in FEATURES.items():
        counts = [
            sum(len(re.findall(pattern, html)) for html in site.values())
            for site in (mkdocs, zensical)
        ]
        flag = "" if counts[0] == counts[1] else "  <- differs"
        print(f"{feature:<52} {counts[0]:>8} {counts[1]:>9}{flag}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
