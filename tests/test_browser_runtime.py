"""The runtime a calculator page loads (issue 13): Pyodide's standard library trimmed to what the
calculators import (and a second part for QR codes and XLSX exports, loaded only for them), started
at once where the intent is clear, with its download shown in bytes and an estimate of the time
left, in the page's language. Timings are never asserted."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest
from playwright.sync_api import Browser, Page

from conftest import ROOT
from policypress.i18n import CARD_STRINGS, SCRIPT_STRINGS
from policypress.runtime import pyodide_source

ANSWERS = quote(json.dumps({"eligible_costs": 170000, "registered_poor": True, "date": "2018-01-01"}))
LOAD = 120_000  # ms: the runtime over a throttled link on a slow machine


def test_the_site_ships_a_trimmed_standard_library_in_two_parts(built: Path) -> None:
    runtime = built / "pyodide"
    core = zipfile.ZipFile(runtime / "python_stdlib.zip")
    extra = zipfile.ZipFile(runtime / "python_stdlib_extra.zip")
    whole = zipfile.ZipFile(pyodide_source(ROOT) / "python_stdlib.zip")
    core_names, extra_names = set(core.namelist()), set(extra.namelist())
    assert core_names and extra_names and not core_names & extra_names
    assert core_names | extra_names < set(whole.namelist())
    # Pyodide's own start, the calculators' imports; the writer's and the QR code's only in extra.
    assert {"pyodide/__init__.py", "_pyodide/_base.py", "decimal.py", "fractions.py", "pkgutil.py"} <= core_names
    assert {"urllib/request.py", "webbrowser.py"} <= extra_names
    # No package is split between the two: a package imported from one would not find the other's.
    assert not {name.split("/")[0] for name in core_names if "/" in name} & {name.split("/")[0] for name in extra_names}
    # Every module is valid Python for the interpreter that compiles it (checked by the tracer; the
    # files are smaller than Pyodide's own: no comments, docstrings only in Pyodide's packages).
    assert core.read("decimal.py") != whole.read("decimal.py")
    assert all(info.compress_type == zipfile.ZIP_STORED for info in core.infolist())  # the server compresses the whole


def test_runtime_sizes_lists_what_the_worker_fetches_at_start_with_their_sizes(built: Path) -> None:
    runtime = built / "pyodide"
    sizes = json.loads((runtime / "runtime-sizes.json").read_text(encoding="utf-8"))["files"]
    lock = json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))
    wheel = lock["packages"]["policypress-calculators"]["file_name"]
    assert set(sizes) == {"python_stdlib.zip", "pyodide.asm.wasm", "pyodide-lock.json", wheel}
    assert sizes == {name: (runtime / name).stat().st_size for name in sizes}


def throttle(page: Page) -> None:
    """A slow link (about 6 Mbit/s, 150 ms): the download lasts long enough to be seen."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions", {"offline": False, "latency": 150, "downloadThroughput": 800_000, "uploadThroughput": 100_000}
    )


def statuses(page: Page, selector: str) -> list[str]:
    """Every text the status line showed until the result (or the runtime was ready)."""
    page.evaluate(
        """(selector) => {
          window.ppSeen = [];
          const note = () => { const node = document.querySelector(selector); if (node && !node.hidden && node.textContent && window.ppSeen.at(-1) !== node.textContent) window.ppSeen.push(node.textContent); };
          note();
          new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        }""",
        selector,
    )
    page.wait_for_function("() => window.policypress && window.policypress.stage === 'ready'", timeout=LOAD)
    return page.evaluate("window.ppSeen")


def download_pattern(words: dict[str, dict[str, str]], key: str, lang: str) -> re.Pattern[str]:
    text = re.escape(words[key][lang])
    for name in ("loaded", "total"):
        text = text.replace(re.escape("{" + name + "}"), r"(\d+\.\d)")
    return re.compile("^" + text.replace(re.escape("{seconds}"), r"(\d+)") + "$")


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_calculator_opened_with_answers_starts_at_once_and_shows_its_download(browser: Browser, base_url: str, lang: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    worker_requests: list[str] = []
    page.on("request", lambda r: worker_requests.append(urlparse(r.url).path) if "/pyodide/" in r.url else None)
    throttle(page)
    page.goto(base_url + ("" if lang == "zh" else "en/") + "calculators/critical-illness/#answers=" + ANSWERS, wait_until="commit")
    page.wait_for_selector(".pp-runtime-status", state="attached")
    seen = statuses(page, "form.pp-calc-form .pp-runtime-status")
    with_time = download_pattern(SCRIPT_STRINGS, "stage_download", lang)
    without_time = download_pattern(SCRIPT_STRINGS, "stage_download_estimating", lang)
    downloads = [m for text in seen if (m := with_time.match(text) or without_time.match(text))]
    assert downloads, seen
    loaded = [float(m.group(1)) for m in downloads]
    totals = {float(m.group(2)) for m in downloads}
    assert loaded == sorted(loaded) and loaded[-1] > loaded[0]  # it counts up
    # The test server does not compress: the total is the files' own size (wasm, stdlib, lock, wheel).
    sizes = page.evaluate("() => fetch('" + base_url + "pyodide/runtime-sizes.json').then(r => r.json())")["files"]
    assert max(totals) == round(sum(sizes.values()) / 1e6, 1)
    assert any(with_time.match(text) for text in seen)  # and, once it has a speed, the time left
    # The page stayed usable meanwhile, and the answers gave their result without a click.
    page.wait_for_selector(".pp-result:not([hidden])", timeout=LOAD)
    assert "97,750" in page.inner_text(".pp-result")
    assert "/pyodide/python_stdlib.zip" in worker_requests and "/pyodide/python_stdlib_extra.zip" not in worker_requests
    context.close()


@pytest.mark.browser
def test_the_card_page_starts_the_runtime_when_it_opens_and_says_so_in_its_words(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    throttle(page)
    page.goto(base_url + "staff/id-card/", wait_until="commit")
    page.wait_for_selector(".pp-card-form .pp-runtime-status", state="attached")
    seen = statuses(page, ".pp-card-form .pp-runtime-status")
    pattern = download_pattern(CARD_STRINGS, "stage_download_estimating", "zh")
    timed = download_pattern(CARD_STRINGS, "stage_download", "zh")
    assert any(pattern.match(text) or timed.match(text) for text in seen), seen
    assert page.is_hidden(".pp-card-form .pp-runtime-status")  # once ready, the line goes
    context.close()


@pytest.mark.browser
def test_a_qr_code_loads_the_extra_standard_library_only_when_asked(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(urlparse(r.url).path.rsplit("/", 1)[-1]))
    page.goto(base_url + "calculators/critical-illness/")
    page.evaluate("() => window.policypress.start()")
    page.wait_for_function("() => window.policypress.stage === 'ready'", timeout=LOAD)
    assert "python_stdlib_extra.zip" not in fetched
    svg = page.evaluate("() => window.policypress.qr('https://example.invalid/#answers=%7B%7D')")
    assert svg.startswith("<svg") and "segno" in svg
    assert fetched.count("python_stdlib_extra.zip") == 1
    page.evaluate("() => window.policypress.qr('again')")
    assert fetched.count("python_stdlib_extra.zip") == 1  # once
    context.close()


@pytest.mark.browser
def test_the_self_check_fetches_the_runtime_only_at_its_first_answer(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    runtime: list[str] = []
    page.on("request", lambda r: runtime.append(r.url) if "/pyodide/" in r.url else None)
    page.goto(base_url + "self-check/")
    page.wait_for_selector(".pp-selfcheck input, .pp-selfcheck button")
    page.wait_for_timeout(2000)  # in view all this while
    assert runtime == [] and page.evaluate("window.policypress.stage") == "idle"
    page.locator(".pp-selfcheck input, .pp-selfcheck button").first.click()
    page.wait_for_function("() => window.policypress.stage !== 'idle'")
    page.wait_for_function("() => window.policypress.stage === 'ready'", timeout=LOAD)
    assert any(url.endswith("/pyodide/python_stdlib.zip") for url in runtime)
    context.close()
