"""Nothing large unasked (issue 13): a first visit downloads only the page it opened, and a clause
page costs at most 0.5 MB served compressed; the copy of the site on this device is the reader's
choice (the box on the calculator and self-check pages, with its size), shows its progress and
says when it is done or failed, and then pages and calculators open with the network off; booth
mode and the staff pages save it by themselves. The bytes are counted by the server (the booth's
serve.py, sending its gzip copies), every response of the visit: the page's, its workers' and the
service worker's."""

from __future__ import annotations

import functools
import json
import os
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from policypress import bundle_serve
from policypress.i18n import OFFLINE_STRINGS
from policypress.offline import format_size

pytestmark = pytest.mark.browser
LOAD = 120_000  # ms: the runtime's first load, or the whole copy, on a slow machine
CLAUSE = "documents/linyi-hrss-2016-12/m02-public-welfare-jobs/"
CALCULATOR = "calculators/critical-illness/"
CLAUSE_BUDGET = 500_000  # bytes, everything until the network is quiet
QUIET = 3.0  # seconds without a response: the visit is over (a service worker's copy would start well before)


@dataclass
class Served:
    """What the server sent: (path, bytes, encoding) per response; paths to answer with 503."""

    url: str
    sent: list[tuple[str, int, str]] = field(default_factory=list)
    failing: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def since(self, start: int) -> list[tuple[str, int, str]]:
        with self.lock:
            return list(self.sent[start:])

    def mark(self) -> int:
        with self.lock:
            return len(self.sent)

    def wait_quiet(self, start: int, timeout: float = 60) -> list[tuple[str, int, str]]:
        """The responses from `start` on, once none has come for QUIET seconds."""
        end = time.monotonic() + timeout
        count, since = -1, time.monotonic()
        while time.monotonic() < end:
            now = self.mark()
            if now != count:
                count, since = now, time.monotonic()
            elif time.monotonic() - since >= QUIET:
                return self.since(start)
            time.sleep(0.1)
        raise AssertionError("the network never became quiet")


@pytest.fixture(scope="module")
def served(built: Path) -> Iterator[Served]:
    """The built site through the booth's server, which sends the .gz copies (as a static host
    with gzip does: the browser's br is taken out of Accept-Encoding), counting every response."""
    state = Served("")

    class Handler(bundle_serve.Handler):
        def send_head(self):  # type: ignore[no-untyped-def]
            if self.path.split("?")[0] in state.failing:
                self.send_error(503)
                return None
            if "Accept-Encoding" in self.headers:
                self.headers.replace_header("Accept-Encoding", "gzip")
            return super().send_head()

        def log_message(self, format: str, *args: object) -> None:
            pass

        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            sent = os.path.getsize(self.sent) if code == 200 and self.sent and os.path.isfile(self.sent) else 0
            with state.lock:
                state.sent.append((self.path.split("?")[0], sent, self.coding or "identity"))

    server = bundle_serve.Server(("127.0.0.1", 0), functools.partial(Handler, directory=str(built)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone, cold
    yield context
    context.close()


def watch(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def precache(built: Path) -> tuple[list[str], list[int]]:
    script = (built / "sw.js").read_text(encoding="utf-8")
    urls = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", script).group(1))
    sizes = json.loads(re.search(r"const SIZES = (\[.*?\]);", script).group(1))
    return urls, sizes


def registered(page: Page) -> bool:
    return page.evaluate("navigator.serviceWorker.getRegistration().then((r) => !!r)")


def kept(page: Page) -> int:
    """How many of the site's addresses this version's cache holds."""
    return page.evaluate(
        """async () => {
          const names = (await caches.keys()).filter((n) => n.startsWith("policypress-") && n !== "policypress-choice");
          let n = 0;
          for (const name of names) n += (await (await caches.open(name)).keys()).length;
          return n;
        }"""
    )


def wait_saved(page: Page, count: int, timeout: float = LOAD / 1000) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if page.evaluate("navigator.serviceWorker.getRegistration().then((r) => !!(r && r.active))") and kept(page) >= count:
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"the copy was not made: {kept(page)} of {count} kept")


# --- a first visit ---------------------------------------------------------------------------


def test_a_clause_page_costs_at_most_half_a_megabyte_until_the_network_is_quiet(context: BrowserContext, served: Served) -> None:
    page = context.new_page()
    errors = watch(page)
    start = served.mark()
    page.goto(served.url + CLAUSE, wait_until="networkidle")
    sent = served.wait_quiet(start)
    total = sum(size for _, size, _ in sent)
    paths = [path for path, _, _ in sent]
    print(f"\nclause page: {len(sent)} responses, {total / 1e6:.3f} MB sent (gzip)")
    assert ("/" + CLAUSE, "gzip") in [(path, coding) for path, _, coding in sent]  # served compressed
    assert total <= CLAUSE_BUDGET, f"{total} bytes: {sorted(sent, key=lambda s: -s[1])[:8]}"
    assert "/sw.js" not in paths and not registered(page)  # no copy of the site unasked
    assert not [p for p in paths if p.endswith("search_index.json") or "/workers/" in p or "search-worker" in p]
    assert not [p for p in paths if p.startswith("/pyodide/")]
    assert [p for p in paths if p.endswith("/") or p.endswith(".html")] == ["/" + CLAUSE]  # no other page
    assert errors == []


def test_a_calculator_page_fetches_its_runtime_but_not_the_copy_of_the_site(context: BrowserContext, served: Served, built: Path) -> None:
    page = context.new_page()
    errors = watch(page)
    start = served.mark()
    page.goto(served.url + CALCULATOR)
    page.locator(".pp-offline").wait_for(state="visible")
    _, sizes = precache(built)
    label = page.inner_text(".pp-offline-save")
    assert label == OFFLINE_STRINGS["save"]["zh"].replace("{size}", format_size(sum(sizes)))
    sent = served.wait_quiet(start)
    paths = [path for path, _, _ in sent]
    assert "/sw.js" not in paths and not registered(page)
    assert [p for p in paths if p.endswith("/")] == ["/" + CALCULATOR]
    assert not [p for p in paths if p.endswith("search_index.json")]
    assert [p for p in paths if p.startswith("/pyodide/")]  # its own runtime, as it always did
    assert errors == []


# --- the reader's choice ----------------------------------------------------------------------


def test_saving_shows_progress_and_then_a_clause_page_and_a_calculator_work_offline(
    context: BrowserContext, served: Served, built: Path
) -> None:
    urls, sizes = precache(built)
    page = context.new_page()
    errors = watch(page)
    page.goto(served.url + CALCULATOR)
    page.locator(".pp-offline-save").wait_for(state="visible")
    page.evaluate(
        """() => { window.__ppOffline = [];
          navigator.serviceWorker.addEventListener("message", (e) => { if (e.data && e.data.type === "policypress-offline") window.__ppOffline.push(e.data); }); }"""
    )
    start = served.mark()
    page.click(".pp-offline-save")
    page.locator('.pp-offline[data-pp-offline-state="done"]').wait_for(state="attached", timeout=LOAD)
    assert page.inner_text(".pp-offline-status") == OFFLINE_STRINGS["done"]["zh"]
    assert not page.locator(".pp-offline-save").is_visible()
    messages = page.evaluate("window.__ppOffline")
    progress = [m for m in messages if m["state"] == "progress"]
    assert progress and progress[-1]["done"] == progress[-1]["total"] == sum(sizes)
    assert len({m["done"] for m in progress}) > 2  # it moved, in steps
    assert messages[-1]["state"] == "done"
    copy = served.wait_quiet(start)
    assert "/sw.js" in [path for path, _, _ in copy]
    assert kept(page) >= len(urls)

    # A later visit says it is saved and does not offer it again.
    page.reload()
    page.locator('.pp-offline[data-pp-offline-state="saved"]').wait_for(state="attached")
    assert page.inner_text(".pp-offline-status") == OFFLINE_STRINGS["saved"]["zh"]

    context.set_offline(True)
    try:
        page.goto(served.url + "en/" + CLAUSE)
        assert "public-welfare jobs" in page.inner_text("article")
        page.goto(served.url + CALCULATOR)
        result = page.evaluate(
            "(inputs) => window.policypress.calc('critical-illness', inputs)",
            {"eligible_costs": 170000, "registered_poor": True, "date": "2018-01-01"},
        )
        assert result["amount"] == 97750
    finally:
        context.set_offline(False)
    assert errors == []


def test_a_copy_that_fails_says_so_and_can_be_finished(context: BrowserContext, served: Served, built: Path) -> None:
    urls, _ = precache(built)
    page = context.new_page()
    page.goto(served.url + "en/self-check/")
    page.locator(".pp-offline-save").wait_for(state="visible")
    served.failing.add("/pyodide/pyodide.asm.wasm")
    try:
        page.click(".pp-offline-save")
        page.locator('.pp-offline[data-pp-offline-state="failed"]').wait_for(state="attached", timeout=LOAD)
        assert page.inner_text(".pp-offline-status") == OFFLINE_STRINGS["failed"]["en"]
        assert page.locator(".pp-offline-save").is_enabled()
    finally:
        served.failing.clear()
    page.click(".pp-offline-save")
    page.locator('.pp-offline[data-pp-offline-state="done"]').wait_for(state="attached", timeout=LOAD)
    assert page.inner_text(".pp-offline-status") == OFFLINE_STRINGS["done"]["en"]
    wait_saved(page, len(urls))


# --- saved by themselves ----------------------------------------------------------------------


@pytest.mark.parametrize("path", [CLAUSE + "?booth=1", "staff/id-card/"], ids=["booth-mode", "staff-page"])
def test_booth_mode_and_the_staff_pages_save_the_site_by_themselves(
    context: BrowserContext, served: Served, built: Path, path: str
) -> None:
    urls, _ = precache(built)
    page = context.new_page()
    errors = watch(page)
    page.goto(served.url + path)
    wait_saved(page, len(urls))
    context.set_offline(True)
    try:
        page.goto(served.url + "en/" + CALCULATOR)
        assert page.locator(".pp-calc-form").count() == 1
        result = page.evaluate(
            "(inputs) => window.policypress.calc('critical-illness', inputs)",
            {"eligible_costs": 170000, "registered_poor": False, "date": "2018-01-01"},
        )
        assert result["amount"] == 87000
    finally:
        context.set_offline(False)
    assert errors == []


def test_a_registration_made_before_the_choice_keeps_the_pages_and_gets_the_rest_when_asked(
    context: BrowserContext, served: Served, built: Path
) -> None:
    """Older builds registered the service worker on every first visit: such a registration (no
    choice recorded) keeps the pages only, as it did, until the reader asks for the whole copy."""
    urls, _ = precache(built)
    runtime = json.loads(re.search(r"const RUNTIME = new Set\((\[.*?\])\)", (built / "sw.js").read_text(encoding="utf-8")).group(1))
    page = context.new_page()
    page.goto(served.url + CLAUSE)
    page.evaluate("navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(() => navigator.serviceWorker.ready)")
    wait_saved(page, len(urls) - len(runtime))
    assert kept(page) == len(urls) - len(runtime)  # the pages, not the runtime
    page.goto(served.url + CALCULATOR)
    page.locator(".pp-offline-save").wait_for(state="visible")  # not saved: offered
    page.click(".pp-offline-save")
    page.locator('.pp-offline[data-pp-offline-state="done"]').wait_for(state="attached", timeout=LOAD)
    assert kept(page) >= len(urls)


def test_a_staff_page_on_a_metered_connection_offers_the_copy_instead(context: BrowserContext, served: Served) -> None:
    """On mobile data or with "save data" asked for, a staff page does not spend megabytes by
    itself: it offers the button, and saves when the clerk taps it."""
    page = context.new_page()
    page.add_init_script("Object.defineProperty(navigator, 'connection', { value: { saveData: true, type: 'cellular' } })")
    page.goto(served.url + "staff/id-card/")
    page.locator(".pp-offline-save").wait_for(state="visible")
    page.wait_for_timeout(1500)  # longer than the page takes to be quiet: nothing started meanwhile
    assert page.locator('.pp-offline[data-pp-offline-state="saving"], .pp-offline[data-pp-offline-state="done"]').count() == 0
    page.click(".pp-offline-save")
    page.locator('.pp-offline[data-pp-offline-state="done"]').wait_for(state="attached", timeout=LOAD)
