"""What a reader does on the site: search, switch tabs, switch to dark mode, copy a command."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lessons.manifest import LESSONS, ROOT
from tests.browser import site
from tests.browser.visit import visit

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page


def _search_term(title: str) -> str:
    """The words of a lesson's title that search can match (lunr treats ':' and '-' as syntax)."""
    return " ".join(word for word in re.findall(r"[A-Za-z]+", title) if len(word) > 3)


def test_search_finds_each_lesson(page: Page, base_url: str) -> None:
    page.goto(base_url)
    search = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    missed = {}
    for lesson in LESSONS:
        term = _search_term(lesson.title)
        target = base_url + site.page_url(lesson.page.as_posix())
        search.fill("")
        search.press("End")  # Material searches on key presses, not on `input` alone
        results.first.wait_for(state="detached")
        search.fill(term)
        search.press("End")
        results.first.wait_for(state="attached")
        hrefs = [url.split("#")[0] for url in results.evaluate_all("as => as.map(a => a.href)")]
        if target not in hrefs[:5]:
            missed[term] = hrefs[:5]

    assert missed == {}


def test_content_tabs_switch(page: Page, base_url: str) -> None:
    page.goto(base_url + site.page_url("lessons/01-first-app.md"))
    tabs = page.locator(".tabbed-set").first
    labels = tabs.locator(".tabbed-labels > label")
    blocks = tabs.locator(".tabbed-content > .tabbed-block")
    assert labels.count() >= 2
    assert blocks.nth(0).is_visible()
    assert not blocks.nth(1).is_visible()

    labels.nth(1).click()

    assert blocks.nth(1).is_visible()
    assert not blocks.nth(0).is_visible()


def _scheme(page: Page) -> str:
    return str(page.locator("body").get_attribute("data-md-color-scheme"))


def test_dark_mode_toggles_and_persists(page: Page, base_url: str) -> None:
    page.goto(base_url)
    assert _scheme(page) == "default"

    page.locator("label[for='__palette_1']").click()
    assert _scheme(page) == "slate"
    page.reload()
    assert _scheme(page) == "slate", "the choice did not survive a reload"
    page.goto(base_url + site.page_url("lessons/02-routing.md"))
    assert _scheme(page) == "slate", "the choice did not follow to another page"

    page.locator("label[for='__palette_0']").click()
    assert _scheme(page) == "default"


def _transcript_commands(path: str) -> list[str]:
    """The commands of a transcript file, as a shell reads them: no prompt, no output."""
    commands: list[str] = []
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if line.startswith("$ "):
            command = [line.removeprefix("$ ")]
            while command[-1].endswith("\\"):
                command.append(lines[index + len(command)])
            commands.append("\n".join(command))
    return commands


def _copy_every_command(page: Page) -> list[str]:
    copied = []
    for block in page.locator("pre:has(> code[data-copy])").all():
        block.hover()
        block.locator("button.md-code__button[data-md-type=copy]").click()
        copied.append(str(page.evaluate("navigator.clipboard.readText()")))
    return copied


def test_a_copy_button_copies_exactly_the_command(page: Page, base_url: str) -> None:
    page.goto(base_url + site.page_url("lessons/02-routing.md"))

    copied = _copy_every_command(page)

    expected = _transcript_commands("docs/transcripts/l02_routing/verbs.txt")
    assert len(expected) >= 5
    assert "\n    -d " in "\n".join(expected), "verbs.txt should show a long POST over lines"
    for command in expected:
        assert command in copied
    for text in copied:
        assert not text.startswith("$"), text
        assert "HTTP/1.1" not in text, text


def test_a_response_has_no_copy_button(page: Page, base_url: str) -> None:
    page.goto(base_url + site.page_url("lessons/02-routing.md"))
    responses = page.locator(".transcript-response")

    assert responses.count() > 5
    assert (
        page.locator(".transcript-response button.md-code__button[data-md-type=copy]").count() == 0
    )


def test_a_block_of_several_commands_copies_them_all_without_prompts(
    page: Page, base_url: str
) -> None:
    page.goto(base_url)
    block = page.locator("pre:has(> code[data-copy])").first
    shown = block.inner_text().splitlines()

    copied = _copy_every_command(page)[0]

    assert len(shown) > 1
    assert copied.splitlines() == [line.removeprefix("$ ") for line in shown if line.strip()]


def test_the_404_page_finds_its_styles_below_a_sub_path(
    context: BrowserContext, base_url: str
) -> None:
    missing = base_url + "lessons/no/such/page/"

    loaded = visit(context, missing, diagrams=0, status=404)

    assert loaded.failed_requests == []
    # Chromium logs the page's own 404 as an error; nothing else may fail.
    assert loaded.console_errors == [
        "Failed to load resource: the server responded with a status of 404 (Not Found)"
    ]
    assert loaded.measured[1280]["horizontal_scroll_px"] == 0
    page = context.new_page()
    page.goto(missing)
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
    assert "404" in page.locator("h1").inner_text()
