"""The calculators in the page, in real Chromium: the same answers as CPython for every worked
example, errors next to their fields, answers in the URL fragment, offline once saved,
nothing from another host, and a plain message where WebAssembly is missing."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from calculators import calculate
from conftest import ROOT
from policypress.content import load_site
from policypress.export import export_parameters
from policypress.runtime import pyodide_source

pytestmark = pytest.mark.browser
LOAD = 90_000  # ms: Pyodide's first load on a slow machine
SITE = load_site(ROOT)
DOC = SITE.documents[0]
PARAMETERS = export_parameters(SITE, DOC)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context
    context.close()


def watch(page: Page) -> tuple[list[str], list[str]]:
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return requests, errors


def browser_calc(page: Page, name: str, inputs: dict) -> dict:
    return page.evaluate("([name, inputs]) => window.policypress.calc(name, inputs)", [name, inputs])


def test_every_worked_example_gives_the_same_json_in_the_browser_as_in_cpython(context: BrowserContext, base_url: str, built: Path) -> None:
    """The parity test: Pyodide runs the very wheel of the code the tests check, on the site's
    trimmed standard library (a fraction of Pyodide's, with no module the examples need missing)."""
    shipped = zipfile.ZipFile(built / "pyodide" / "python_stdlib.zip").namelist()
    whole = zipfile.ZipFile(pyodide_source(ROOT) / "python_stdlib.zip").namelist()
    assert set(shipped) < set(whole) and len(shipped) < len(whole) / 2
    assert "json/decoder.py" in shipped and "decimal.py" in shipped and "tkinter/__init__.py" not in shipped
    page = context.new_page()
    requests, errors = watch(page)
    page.goto(base_url + "calculators/critical-illness/")
    today = dt.date.today()  # the browser's Python uses today's date too
    compared = 0
    for example in DOC.examples:
        expected = calculate(example.calculator, example.inputs, PARAMETERS, today=today)
        got = browser_calc(page, example.calculator, example.inputs)
        assert got == json.loads(json.dumps(expected, ensure_ascii=False)), f"{example.calculator}: {example.name['en']}"
        compared += 1
    assert compared >= 48
    assert {urlparse(u).netloc for u in requests} == {urlparse(base_url).netloc}
    assert errors == []
    # They ran on the trimmed library (stdLibURL), without anything QR codes and XLSX exports add.
    runtime = {urlparse(u).path.rsplit("/", 1)[-1] for u in requests if "/pyodide/" in u}
    assert "python_stdlib.zip" in runtime
    assert not runtime & {"python_stdlib_extra.zip", "segno-1.6.6-py3-none-any.whl", "xlsxwriter-3.3.1-py3-none-any.whl"}


def test_errors_appear_next_to_their_fields_in_the_pages_language_and_keep_what_was_typed(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    _, errors = watch(page)
    page.goto(base_url + "calculators/public-welfare-job/")
    page.fill("#input-county", "火星县")
    page.fill("#input-monthly_hours", "abc")
    page.click('button[type="submit"]')
    error = page.locator('[data-error-for="monthly_hours"]')
    error.wait_for(state="visible", timeout=LOAD)
    assert "整数" in error.inner_text()
    assert page.locator('[data-error-for="registered_poor"]').is_visible()
    assert page.input_value("#input-monthly_hours") == "abc" and page.input_value("#input-county") == "火星县"
    page.goto(base_url + "en/calculators/public-welfare-job/")
    page.click('button[type="submit"]')
    english = page.locator('[data-error-for="registered_poor"]')
    english.wait_for(state="visible", timeout=LOAD)
    assert "Please enter" in english.inner_text()
    assert errors == []


def test_answers_in_the_fragment_give_the_result_on_load(context: BrowserContext, base_url: str) -> None:
    """A bookmarked or shared result: the answers live after '#', which is never sent to a server."""
    page = context.new_page()
    answers = quote(json.dumps({"eligible_costs": "170000", "registered_poor": True, "date": "2018-01-01"}))
    page.goto(base_url + f"en/calculators/critical-illness/#answers={answers}")
    result = page.locator(".pp-result")
    result.wait_for(state="visible", timeout=LOAD)
    assert "97,750" in result.inner_text() and "An estimate, not a decision" in result.inner_text()
    assert page.input_value("#input-eligible_costs") == "170000"


def test_a_page_without_a_calculator_never_fetches_the_runtime(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    requests, errors = watch(page)
    page.goto(base_url + f"documents/{DOC.id}/m02-public-welfare-jobs/")
    page.wait_for_load_state("networkidle")
    page.goto(base_url + "en/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if "/pyodide/" in u]
    assert errors == []


def test_once_saved_pages_and_calculators_work_offline(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    page.goto(base_url + "calculators/critical-illness/")
    assert (
        browser_calc(page, "critical-illness", {"eligible_costs": 170000, "registered_poor": False, "date": "2018-01-01"})["amount"]
        == 87000
    )
    page.click(".pp-offline-save")  # the reader keeps the site on this device (tests/test_browser_offline.py)
    page.locator('.pp-offline[data-pp-offline-state="done"]').wait_for(state="attached", timeout=LOAD)
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")  # installed: the site is kept
    page.reload()  # the page is now controlled by the service worker, which keeps what it loads
    assert browser_calc(page, "critical-illness", {"eligible_costs": 1, "registered_poor": False, "date": "2018-01-01"})["amount"] == 0
    context.set_offline(True)
    page.goto(base_url + "calculators/critical-illness/")
    assert (
        browser_calc(page, "critical-illness", {"eligible_costs": 170000, "registered_poor": True, "date": "2018-01-01"})["amount"] == 97750
    )
    page.goto(base_url + f"en/documents/{DOC.id}/m09-pension-and-medical-insurance/")
    assert "critical-illness" in page.inner_text("article").lower()
    context.set_offline(False)


def test_without_webassembly_the_page_says_so_and_points_to_the_rules(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    context.add_init_script("delete window.WebAssembly")
    page = context.new_page()
    page.goto(base_url + "calculators/critical-illness/")
    page.click('button[type="submit"]')
    notice = page.locator(".pp-runtime-failed")
    notice.wait_for(state="visible", timeout=10_000)
    assert "12333" in notice.inner_text()
    context.close()


def test_the_printed_summary_has_the_result_where_to_apply_and_a_qr_code_back_to_the_answers(
    context: BrowserContext, base_url: str
) -> None:
    page = context.new_page()
    _, errors = watch(page)
    answers = quote(json.dumps({"eligible_costs": "170000", "registered_poor": True, "date": "2018-01-01"}))
    page.goto(base_url + f"calculators/critical-illness/#answers={answers}")
    page.locator(".pp-result").wait_for(state="visible", timeout=LOAD)
    page.evaluate("() => { window.print = () => { window.__printed = true; }; }")  # a function is called
    page.click(".pp-print")
    page.wait_for_function("() => window.__printed === true", timeout=LOAD)
    sheet = page.locator(".pp-print-only")
    assert page.locator(".pp-print-qr svg").count() == 1, page.inner_html(".pp-print-qr")[:200]
    page.emulate_media(media="print")
    assert sheet.is_visible() and not page.locator("form.pp-calc-form").is_visible()
    text = sheet.inner_text()
    assert "97,750" in text and "12333" in text and "明白纸" in text
    assert "registered_poor" not in page.url or "id_number" not in page.url  # answers only; no ID number is ever asked
    assert errors == []
