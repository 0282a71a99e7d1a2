"""The calculator forms, filled and sent the way a person does, in real Chromium: every
calculator page (found in the built site, both languages) gives its worked example's result,
rows can be added and removed, and no answer ever reaches an address — not the page's URL, not a
request the server sees, not the service worker's caches. Without JavaScript no form can be sent
at all, and each page says it needs JavaScript."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from calcpages import (
    CACHED_URLS,
    LOAD,
    Served,
    Typist,
    calculator_pages,
    declaration_of,
    pages_built_by_script,
    pages_with_forms,
    serve_recording,
    worked_case,
)
from playwright.sync_api import Browser, BrowserContext, Page

pytestmark = pytest.mark.browser
# What an old plain GET submission of the card would have put in an address (fictitious, from
# the id-card worked examples).
ID_NUMBER = "371321196006010008"
PHONE = "13800000000"


@pytest.fixture(scope="module")
def served(built: Path) -> Iterator[Served]:
    with serve_recording(built) as served:
        yield served


def new_context(browser: Browser, **options: object) -> BrowserContext:
    return browser.new_context(viewport={"width": 390, "height": 844}, locale="en-US", **options)


def watch(page: Page) -> list[str]:
    """Uncaught errors and console errors of the page (none is expected)."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
    page.on("console", lambda message: problems.append(f"console: {message.text}") if message.type == "error" else None)
    return problems


def assert_no_answers_in_addresses(page: Page, served: Served, start: int, typed: list[str]) -> None:
    """The page's URL, the requests the server saw since `start` and the cached URLs: no query, no answer."""
    assert urlparse(page.url).query == "", page.url
    seen = served.since(start)
    assert [request for request in seen if "?" in request[1] or request[0] != "GET"] == []
    cached = page.evaluate(CACHED_URLS)
    assert [url for url in cached if "?" in url] == []
    addresses = [unquote(path) for _, path in seen] + [unquote(url) for url in cached]
    for value in typed:
        if len(value) >= 4:  # a name, an ID number, a phone number: never in an address
            assert not [a for a in addresses if value in a], value


def typed_values(declaration: dict, inputs: dict) -> list[str]:
    """What was typed into the text fields (names, ID numbers, phones…), rows included."""
    values: list[str] = []
    for f in declaration["inputs"]:
        value = inputs.get(f["name"])
        if f["type"] == "text" and isinstance(value, str):
            values.append(value)
        elif f["type"] == "rows" and isinstance(value, list):
            texts = {column["name"] for column in f["rows"] if column["type"] == "text"}
            values.extend(str(row[name]) for row in value for name in texts if name in row)
    return values


def test_the_pages_are_found_in_the_built_site(built: Path) -> None:
    pages = calculator_pages(built)
    assert len(pages) >= 16 and len(pages) % 2 == 0, pages  # eight calculators, in both languages
    assert {"calculators/workshop-award/", "en/calculators/id-card/", "calculators/stats-report/"} <= set(pages)
    assert set(pages) < set(pages_with_forms(built))  # and the staff card
    assert {"self-check/", "en/self-check/"} <= set(pages_built_by_script(built))


def test_every_calculator_form_filled_by_a_person_gives_its_result(browser: Browser, built: Path, served: Served) -> None:
    """Click, type (insert_text for the first field and for Chinese), choose, add rows, submit."""
    failures = []
    for path in calculator_pages(built):
        declaration = declaration_of(built, path)
        case = worked_case(declaration["name"])
        context = new_context(browser)
        page = context.new_page()
        problems = watch(page)
        start = len(served.requests)
        page.goto(served.url + path)
        form = page.locator("form.pp-calc-form")
        assert form.get_attribute("method") == "dialog"
        Typist(page).fill(form, declaration, case.inputs)
        form.locator('button[type="submit"]').click()
        page.wait_for_selector(".pp-result:not([hidden]) .pp-outcome, .pp-field-error:not([hidden])", timeout=LOAD)
        errors = [e.inner_text() for e in page.locator(".pp-field-error:not([hidden])").all()]
        if errors or page.locator(f".pp-result .pp-outcome--{case.outcome}").count() != 1:
            failures.append(f"{path}: expected {case.outcome}, got errors {errors} / {page.inner_text('.pp-result')[:200]}")
        assert urlparse(page.url).fragment.startswith("answers="), page.url  # the answers stay after '#'
        assert_no_answers_in_addresses(page, served, start, typed_values(declaration, case.inputs))
        assert problems == [], f"{path}: {problems}"
        context.close()
    assert failures == []


def test_the_other_forms_never_put_answers_in_an_address(browser: Browser, served: Served) -> None:
    """The staff card (name, ID number, phone) and the self-check, sent with the mouse and keyboard."""
    context = new_context(browser)
    page = context.new_page()
    problems = watch(page)
    start = len(served.requests)
    page.goto(served.url + "staff/id-card/")
    typist = Typist(page)
    typist.type_into(page.locator("#card-input-name"), "王某某")
    typist.type_into(page.locator("#card-input-id_number"), ID_NUMBER)
    typist.type_into(page.locator("#card-input-phone"), PHONE)
    page.locator('.pp-card-form input[name="registered_poor"][value="true"]').click()
    page.locator("#card-input-phone").press("Enter")  # implicit submission: the script's handler, nothing sent
    page.locator(".pp-card-result:not([hidden]) h2").wait_for(timeout=LOAD)
    page.locator('.pp-card-form button[type="submit"]').click()
    page.wait_for_selector(".pp-card-result [data-output], .pp-card-result .pp-card-result-errors", timeout=LOAD)
    assert_no_answers_in_addresses(page, served, start, ["王某某", ID_NUMBER, PHONE])

    page.goto(served.url + "en/self-check/")
    page.locator('.pp-sc-form input[name="registered_poor"][value="true"]').click()
    page.locator(".pp-sc-continue").click()
    page.locator('.pp-sc-form input[name="birth_date"]').wait_for()
    typist.type_into(page.locator('.pp-sc-form input[name="birth_date"]'), "1963-03-01")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash.includes('1963-03-01') && !location.hash.includes('step=birth_date')")
    assert_no_answers_in_addresses(page, served, start, ["1963-03-01"])
    assert problems == []
    context.close()


def test_the_service_worker_never_keeps_an_address_with_a_query(browser: Browser, served: Served) -> None:
    """Even an address a plain GET submission would have made (name, ID number, phone in the
    query) is answered from the network and never kept; offline, the page is the kept copy
    without the query."""
    context = new_context(browser)
    page = context.new_page()
    page.goto(served.url + "calculators/critical-illness/")
    assert page.evaluate("() => window.policypress.calc('critical-illness', {eligible_costs: 1, registered_poor: false})")
    # The copy on this device is the reader's choice (docs/decisions/017): the reader makes it.
    page.click(".pp-offline-save")
    page.locator('.pp-offline[data-pp-offline-state="done"]').wait_for(state="attached", timeout=LOAD)
    assert page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    query = f"?name=%E7%8E%8B%E6%9F%90%E6%9F%90&id_number={ID_NUMBER}&phone={PHONE}"
    page.goto(served.url + "calculators/id-card/" + query)
    assert page.locator("form.pp-calc-form").count() == 1
    assert page.evaluate("(url) => fetch(url).then((r) => r.ok)", served.url + "assets/policypress.css" + query)
    # A page fetched after them is kept: by then a copy of those would have been kept too.
    page.goto(served.url + "en/calculators/id-card/")
    page.wait_for_function(f"() => ({CACHED_URLS})().then((urls) => urls.includes({served.url + 'en/calculators/id-card/'!r}))")
    cached = page.evaluate(CACHED_URLS)
    assert [url for url in cached if "?" in url or ID_NUMBER in url] == []
    context.set_offline(True)
    page.goto(served.url + "calculators/id-card/" + query)  # offline: the kept page, the query ignored
    assert page.locator("form.pp-calc-form").count() == 1
    context.set_offline(False)
    context.close()


def test_without_javascript_no_form_can_be_sent_and_each_page_says_it_needs_javascript(
    browser: Browser, built: Path, served: Served
) -> None:
    context = new_context(browser, java_script_enabled=False)
    page = context.new_page()
    for path in pages_with_forms(built) + pages_built_by_script(built):
        page.goto(served.url + path)
        notice = page.locator(".pp-noscript")
        assert notice.is_visible(), path
        assert "JavaScript" in notice.inner_text(), path
        forms = page.locator("form:not(.md-search__form)")
        for index in range(forms.count()):
            form = forms.nth(index)
            assert form.get_attribute("method") == "dialog", path
            buttons = form.locator('button[type="submit"]')
            assert buttons.count() >= 1 and all(button.is_disabled() for button in buttons.all()), path
            field = form.locator('input[type="text"]').first
            start = len(served.requests)
            field.click()
            page.keyboard.insert_text("王某某")
            page.keyboard.press("Enter")  # implicit submission: the default button is disabled
            buttons.first.click(force=True)  # and a click on it does nothing either
            page.wait_for_timeout(300)  # a navigation would have started by now
            assert page.url == served.url + path, path
            assert [request for request in served.since(start) if "?" in request[1]] == [], path  # no GET submission
    context.close()
