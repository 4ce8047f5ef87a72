"""The built site as files: what a crawler, a host and a reader without JavaScript get."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

from lessons.manifest import LESSONS
from tests.browser import site

SITE_URL = site.CONFIG["site_url"]


def test_the_sitemap_lists_every_page_in_the_nav(site_dir: Path) -> None:
    tree = ElementTree.parse(site_dir / "sitemap.xml")  # noqa: S314 - our own build output
    listed = {element.text for element in tree.iter() if element.tag.endswith("loc")}

    expected = {urljoin(SITE_URL, site.page_url(page)) for page in site.nav_pages()}
    assert expected <= listed
    assert len(expected) == len(site.nav_pages())


def test_every_page_has_its_canonical_link(site_dir: Path) -> None:
    for page in site.nav_pages():
        html = (site_dir / site.page_url(page) / "index.html").read_text(encoding="utf-8")
        canonical = urljoin(SITE_URL, site.page_url(page))
        assert f'<link rel="canonical" href="{canonical}">' in html, page


RESOURCE = re.compile(
    r'<(?:script|img|iframe|source)\b[^>]*\bsrc="(?P<src>[^"]+)"'
    r'|<link\b[^>]*\bhref="(?P<href>[^"]+)"'
)


def test_pages_load_nothing_from_another_host(site_dir: Path) -> None:
    # Links a reader follows may go anywhere; scripts, styles, images and fonts may not.
    foreign = []
    for path in sorted(site_dir.rglob("*.html")):
        for match in RESOURCE.finditer(path.read_text(encoding="utf-8")):
            url = match["src"] or match["href"]
            if re.match(r"(https?:)?//", url) and not url.startswith(SITE_URL):
                foreign.append(f"{path.relative_to(site_dir)}: {url}")
    assert foreign == []
    css = "\n".join(p.read_text(encoding="utf-8") for p in site_dir.rglob("*.css"))
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", css)


def test_every_step_after_the_first_shows_what_it_changed(site_dir: Path) -> None:
    for lesson in LESSONS:
        html = (site_dir / site.page_url(lesson.page.as_posix()) / "index.html").read_text(
            encoding="utf-8"
        )
        steps = lesson.steps()
        for step, before in zip(steps[1:], steps, strict=False):
            summary = f"What step {step.number} changed since step {before.number}"
            assert html.count(summary) == 1, f"{lesson.page}: no diff for step {step.number}"
            assert f"--- {before.module}.py" in html
