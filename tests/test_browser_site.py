"""The built site in real Chromium: search in both languages, the language switch, phones,
no JavaScript, no request to another host, no console errors."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser
DOC = "linyi-hrss-2016-12"


class Watched:
    """A page whose requests and console errors are recorded."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))


@pytest.fixture
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Watched(context.new_page())
    context.close()


def search(page: Page, query: str) -> list[str]:
    """Enter a query in the site's search box; the result links, best first.

    Playwright types Chinese with insertText, which fires no key events, so the query is set with
    fill() and a key press tells the search box it changed. The worker ignores queries sent before
    its index is ready, so the query is entered again until results come."""
    page.locator(".md-search__input").first.click()
    for _ in range(20):
        page.fill("input.md-search__input", query)
        page.keyboard.press("End")
        try:
            page.wait_for_selector(".md-search-result__item", timeout=1_000)
            break
        except PlaywrightTimeout:
            continue
    page.wait_for_timeout(300)  # results render in batches
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.getAttribute('href'))")


def test_chinese_search_finds_public_welfare_jobs(watched: Watched, base_url: str) -> None:
    watched.page.goto(base_url)
    hrefs = search(watched.page, "公益性岗位")
    assert f"{DOC}/m02-public-welfare-jobs/" in hrefs[0], hrefs
    assert not any("/en/" in h for h in hrefs)


@pytest.mark.parametrize(
    ("query", "clause"),
    [
        ("扶贫车间", "m01-poverty-alleviation-workshops"),
        ("三支一扶", "m07-college-graduates"),
        ("大病保险", "m09-pension-and-medical-insurance"),
    ],
)
def test_chinese_search_terms(watched: Watched, base_url: str, query: str, clause: str) -> None:
    watched.page.goto(base_url)
    hrefs = search(watched.page, query)
    assert f"{DOC}/{clause}/" in hrefs[0], hrefs  # the measure itself comes first


def test_english_search_finds_measure_2_in_english(watched: Watched, base_url: str) -> None:
    watched.page.goto(base_url + "en/")
    hrefs = search(watched.page, "public-welfare job")
    assert any(f"{DOC}/m02-public-welfare-jobs/" in h for h in hrefs[:3]), hrefs
    assert all("/en/" in h or not h.startswith("http") for h in hrefs)


def switch_language(page: Page, lang: str) -> None:
    """Open the language menu from the keyboard and follow the link (as a keyboard user would)."""
    link = page.locator(f"a.md-select__link[hreflang={lang}]")
    link.focus()
    page.keyboard.press("Enter")


def test_language_switch_lands_on_the_same_clause(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url + f"documents/{DOC}/m05-startup-support/")
    switch_language(page, "en")
    page.wait_for_url(base_url + f"en/documents/{DOC}/m05-startup-support/")
    assert "Give more support to starting a business" in page.inner_text("h1")
    switch_language(page, "zh")
    page.wait_for_url(base_url + f"documents/{DOC}/m05-startup-support/")
    assert "加大创业扶持力度" in page.inner_text("h1")


def test_pages_make_only_same_origin_requests_and_no_console_errors(watched: Watched, base_url: str) -> None:
    origin = urlparse(base_url).netloc
    for path in [
        "",
        "en/",
        f"documents/{DOC}/",
        f"documents/{DOC}/m09-pension-and-medical-insurance/",
        f"en/documents/{DOC}/parameters/",
        "glossary/",
    ]:
        watched.page.goto(base_url + path)
        watched.page.wait_for_load_state("networkidle")
    assert watched.requests
    assert {urlparse(u).netloc for u in watched.requests if not u.startswith("data:")} == {origin}
    assert watched.errors == []


def test_a_clause_page_fits_a_phone_and_reads_without_javascript(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False, device_scale_factor=2)
    page = context.new_page()
    page.goto(base_url + f"documents/{DOC}/m02-public-welfare-jobs/")
    overflowing = page.evaluate(
        "() => [...document.querySelectorAll('article *')].filter(e => e.getBoundingClientRect().right > 361).map(e => e.tagName)"
    )
    assert overflowing == []
    text = page.inner_text("article")
    assert "原则上每个贫困村不超过3人" in text
    assert "已失效" in text and "简明解读" in text
    context.close()


def test_a_clause_page_prints_its_text_and_not_the_navigation(browser: Browser, base_url: str) -> None:
    """Printing is for reading on paper: the article prints, the header and sidebars do not."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + f"documents/{DOC}/m02-public-welfare-jobs/")
    page.emulate_media(media="print")
    assert page.locator("article h1").is_visible()
    assert "原则上每个贫困村不超过3人" in page.inner_text("article")
    assert not page.locator(".md-header").is_visible()
    context.close()
