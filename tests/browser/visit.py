"""Open one page and record everything the page checks need: what went wrong while it loaded,
what it fetched, how its diagrams rendered and what does not fit."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, ConsoleMessage, Request, Response

DESKTOP_WIDTH = 1280
# Material renders each diagram into a closed shadow root; opening it lets the test read the
# SVG. It changes nothing else.
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) {
  return attach.call(this, {...init, mode: "open"});
};
"""
MEASURE = """
() => {
  const root = document.documentElement;
  const diagrams = [...document.querySelectorAll("div.mermaid")].map((div) => {
    const svg = div.shadowRoot && div.shadowRoot.querySelector("svg");
    if (!svg) return {rendered: false, smallest_text_px: 0};
    const box = svg.getBoundingClientRect();
    const view = svg.viewBox.baseVal;
    const scale = view && view.width ? box.width / view.width : 1;
    const labels = div.shadowRoot.querySelectorAll(".nodeLabel, .edgeLabel, .cluster-label, text");
    const sizes = [...labels]
      .filter((label) => label.textContent.trim())
      .map((label) => parseFloat(getComputedStyle(label).fontSize) * scale);
    return {
      rendered: box.width > 0 && box.height > 0 && sizes.length > 0,
      smallest_text_px: sizes.length ? Math.min(...sizes) : 0,
      source_shown: div.shadowRoot.querySelector(".error-icon, .error-text") !== null,
      fits: div.scrollWidth <= div.clientWidth + 1,
    };
  });
  const cut = [...document.querySelectorAll(".md-content pre > code")]
    .filter((code) => code.offsetParent !== null && code.scrollWidth > code.clientWidth + 1)
    .map((code) => code.textContent.split("\\n")[0].slice(0, 100));
  return {
    horizontal_scroll_px: root.scrollWidth - root.clientWidth,
    diagrams,
    cut_code: cut,
    unrendered_diagram_sources: document.querySelectorAll("pre.mermaid").length,
  };
}
"""


@dataclass
class Visit:
    url: str
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    # What MEASURE found, by viewport width.
    measured: dict[int, dict[str, Any]] = field(default_factory=dict)

    @property
    def problems(self) -> bool:
        return bool(self.console_errors or self.failed_requests or self.foreign_requests) or any(
            found["horizontal_scroll_px"] > 0
            or (found["cut_code"] and width >= DESKTOP_WIDTH)  # phones scroll code sideways
            or not all(diagram["rendered"] for diagram in found["diagrams"])
            for width, found in self.measured.items()
        )


def visit(
    context: BrowserContext,
    url: str,
    *,
    diagrams: int,
    status: int = 200,
    widths: tuple[int, ...] = (DESKTOP_WIDTH,),
) -> Visit:
    """Load `url` in a new page of `context`, wait for its `diagrams` to render, and measure it
    at each of `widths` (the page is resized, not reloaded)."""
    page = context.new_page()
    record = Visit(url=url)
    origin = urlsplit(url).netloc
    main_document = url

    def on_request(request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in {"http", "https", "ws", "wss"} and parts.netloc != origin:
            record.foreign_requests.append(request.url)

    def on_response(response: Response) -> None:
        expected = status if response.url == main_document else 200
        if response.status >= 400 and response.status != expected:
            record.failed_requests.append(f"{response.status} {response.url}")

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            record.console_errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: record.console_errors.append(str(error)))
    page.on("request", on_request)
    page.on("requestfailed", lambda r: record.failed_requests.append(f"{r.failure} {r.url}"))
    page.on("response", on_response)
    page.add_init_script(OPEN_SHADOW_ROOTS)
    response = page.goto(url, wait_until="load")
    if response is None or response.status != status:
        record.failed_requests.append(f"{response.status if response else '-'} {url}")
    if diagrams:
        page.wait_for_function(
            f"document.querySelectorAll('div.mermaid').length >= {diagrams}", timeout=15_000
        )
    for width in widths:
        page.set_viewport_size({"width": width, "height": 900})
        record.measured[width] = page.evaluate(MEASURE)
        if record.problems:
            from tests.browser.conftest import screenshot  # noqa: PLC0415 - an import cycle

            screenshot(page, f"{width}px-{urlsplit(url).path}")
    page.close()
    return record
