"""Every page in the nav, at desktop (1280 px) and phone (390 px) widths: it loads with no
error, fetches only from the site, draws its diagrams readably, and nothing is cut off."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser import site
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.visit import Visit, visit

if TYPE_CHECKING:
    from playwright.sync_api import Browser

PAGES = site.nav_pages()
# Diagram labels smaller than this (in CSS pixels, after the SVG is scaled to fit) are hard
# to read.
READABLE_PX = 10
# The site's two maps (the learning path, a request's path through the capstone) must fit
# whole on a desktop. Any diagram may scroll inside its own box on a phone, at a readable size.
MAPS = {"index.md", "capstone/index.md"}
WIDTHS = (DESKTOP["width"], PHONE["width"])
CASES = [pytest.param(page, width, id=f"{page}@{width}") for page in PAGES for width in WIDTHS]


@pytest.fixture(scope="module")
def visits(browser: Browser, base_url: str, site_dir: Path) -> dict[str, Visit]:
    """Each page loaded once, measured at desktop width and then resized to a phone's."""
    context = browser.new_context(viewport=DESKTOP)  # type: ignore[arg-type]
    # Nothing may leave the machine: a request elsewhere is recorded, then refused.
    context.route(lambda url: not url.startswith(base_url), lambda route: route.abort())
    found = {}
    for page in PAGES:
        url = site.page_url(page)
        html = (site_dir / url / "index.html").read_text(encoding="utf-8")
        diagrams = html.count('<pre class="mermaid">')
        found[page] = visit(context, base_url + url, diagrams=diagrams, widths=WIDTHS)
    context.close()
    return found


@pytest.mark.parametrize("page", PAGES)
def test_the_page_loads_without_errors(visits: dict[str, Visit], page: str) -> None:
    loaded = visits[page]

    assert loaded.console_errors == []
    assert loaded.failed_requests == []


@pytest.mark.parametrize("page", PAGES)
def test_the_page_fetches_nothing_from_another_host(visits: dict[str, Visit], page: str) -> None:
    assert visits[page].foreign_requests == []


@pytest.mark.parametrize(("page", "width"), CASES)
def test_every_diagram_renders_readably(visits: dict[str, Visit], page: str, width: int) -> None:
    measured = visits[page].measured[width]

    assert measured["unrendered_diagram_sources"] == 0, "a diagram is still shown as source"
    for number, diagram in enumerate(measured["diagrams"], start=1):
        assert diagram["rendered"], f"diagram {number} did not render"
        assert not diagram["source_shown"], f"diagram {number} is mermaid's syntax error"
        assert diagram["smallest_text_px"] >= READABLE_PX, (
            f"diagram {number}: its text is {diagram['smallest_text_px']:.1f} px at {width} px"
        )
        if page in MAPS and width == DESKTOP["width"]:
            assert diagram["fits"], f"diagram {number} needs scrolling at {width} px"


@pytest.mark.parametrize("page", PAGES)
def test_no_horizontal_scroll_on_a_phone(visits: dict[str, Visit], page: str) -> None:
    assert visits[page].measured[PHONE["width"]]["horizontal_scroll_px"] == 0


@pytest.mark.parametrize("page", PAGES)
def test_code_and_commands_fit_on_a_desktop(visits: dict[str, Visit], page: str) -> None:
    assert visits[page].measured[DESKTOP["width"]]["cut_code"] == []
