"""Search answers however the text arrives (issue 14): an IME commit, voice input or paste puts
text in the box without key events, and policypress-search-input.js makes Material search it.
No key is pressed after the text in any of these tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.browser
MEASURE = "documents/linyi-hrss-2016-12/m02-public-welfare-jobs/"
QUERY = "公益岗位"
RESULTS = ".md-search-result__item > a"
META = ".md-search-result__meta"
WAIT = 30_000  # the index loads in a worker
# Records when the search worker says its index is ready (Material's message type 1), so the text
# goes in after it: Material re-reads the box when the index becomes ready, which would answer a
# query entered earlier without this fix.
READY_PROBE = """
(() => {
  const Original = window.Worker;
  if (!Original) return;
  window.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (e) => { if (e.data && e.data.type === 1) window.__ppSearchReady = true; });
    }
  };
})();
"""


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.add_init_script(READY_PROBE)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert not errors, errors


def open_search(page: Page, url: str) -> None:
    page.goto(url)
    page.locator(".md-search__input").first.click()
    expect(page.locator("input.md-search__input")).to_be_focused()
    for _ in range(WAIT // 100):  # wait_for_function evaluates a string, which the pages' CSP forbids
        if page.evaluate("() => window.__ppSearchReady === true"):
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError("the search index never became ready")


def insert_text(page: Page, text: str) -> None:
    """What voice input and autocomplete do: text, no key events."""
    page.context.new_cdp_session(page).send("Input.insertText", {"text": text})


def ime(page: Page, text: str) -> None:
    """A phone IME: a composition with part of the text, then the commit."""
    cdp = page.context.new_cdp_session(page)
    partial = text[:2]
    cdp.send("Input.imeSetComposition", {"text": partial, "selectionStart": len(partial), "selectionEnd": len(partial)})
    cdp.send("Input.insertText", {"text": text})


def paste(page: Page, text: str) -> None:
    """A paste: the editing command a paste runs, with no key press."""
    page.eval_on_selector("input.md-search__input", "(el, t) => { el.focus(); document.execCommand('insertText', false, t); }", text)


@pytest.mark.parametrize("enter", [insert_text, ime, paste], ids=["insertText", "ime", "paste"])
def test_text_without_key_events_finds_the_measure(page: Page, base_url: str, enter: Callable[[Page, str], None]) -> None:
    open_search(page, base_url)
    enter(page, QUERY)
    expect(page.locator("input.md-search__input")).to_have_value(QUERY)
    expect(page.locator(RESULTS).first).to_be_visible(timeout=WAIT)
    page.wait_for_timeout(300)  # results render in batches
    first = page.locator(RESULTS).first.get_attribute("href") or ""
    assert MEASURE in first, first


@pytest.mark.parametrize(("lang", "none"), [("zh", "没有找到"), ("en", "No matching documents")])
def test_a_query_that_matches_nothing_says_so(page: Page, base_url: str, lang: str, none: str) -> None:
    open_search(page, base_url + ("en/" if lang == "en" else ""))
    insert_text(page, "潜水艇火箭")
    expect(page.locator(META)).to_contain_text(none, timeout=WAIT)
    expect(page.locator(RESULTS)).to_have_count(0)
