"""Accessibility in real Chromium: axe-core (axe-playwright-python, WCAG 2 A/AA and best practice)
finds no serious or critical violation on any kind of page, in Chinese and in English, in normal and
in elder mode, including the pages' states after using them: a calculator's result and its field
errors, the self-check's questions and result, the staff card and report filled in, the search
dialog with results, the 404 page.

Pages are discovered from the built site (each language's sitemap and the navigation), grouped
into kinds (the same path pattern and the same page components), and one page of each kind is
checked, so a new kind of page is covered without changing this file.

Elder mode is on when localStorage "policypress-elder" is "on" (set here before any page script
runs) and shows as <html data-pp-elder="on">, which every elder-mode check asserts."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser
DOC = "linyi-hrss-2016-12"
LOAD = 90_000  # ms: Pyodide's first load on a slow machine
LANGS = {"zh": "", "en": "en/"}
MODES = ("normal", "elder")
ELDER_KEY = "policypress-elder"

# axe.min.js ships inside the package (axe-core 4.12.1): nothing is fetched. It is injected with
# page.evaluate, which the pages' Content-Security-Policy does not block (an added <script> would be).
AXE = Axe()
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
BLOCKING = {"serious", "critical"}

# Kinds of page that must be among those discovered (guards the discovery itself), by path under
# the language's root; the first is also the clause checked for its kind (a worked example and a
# link to its calculator), the second the attachment drawn as a flowchart.
EXPECTED = (
    f"documents/{DOC}/m02-public-welfare-jobs/",
    f"documents/{DOC}/att1-flowchart/",
    f"documents/{DOC}/parameters/",
    f"documents/{DOC}/",
    "",
    "for-residents/",
    "for-staff/",
    "documents/",
    "groups/",
    "benefits/",
    "glossary/",
    "about/",
    "calculators/",
    "self-check/",
    "staff/id-card/",
    "staff/stats-report/",
)
PREFERRED = EXPECTED[:2]
_CLASS = re.compile(r'class="([^"]*)"')


def page_kind(path: str, html: str) -> tuple[str, tuple[str, ...]]:
    """A page's kind: its path pattern (top folder kept, deeper names as *) and the policypress
    components in its article (class names pp-<component>…, modifiers and parts dropped)."""
    segments = [s for s in path.split("/") if s]
    pattern = "/".join(segments[:1] + ["*"] * (len(segments) - 1))
    article = html.split("<article", 1)[-1].split("</article>", 1)[0]
    classes = {c for attr in _CLASS.findall(article) for c in attr.split() if c.startswith("pp-")}
    return pattern, tuple(sorted({"-".join(re.split(r"__|--", c)[0].split("-")[:2]) for c in classes}))


def sitemap_paths(built: Path, prefix: str) -> list[str]:
    """The pages in a language's sitemap, as paths under the language's root."""
    text = (built / prefix / "sitemap.xml").read_text(encoding="utf-8")
    paths = []
    for loc in re.findall(r"<loc>([^<]+)</loc>", text):
        path = urlparse(loc).path.lstrip("/")
        paths.append(path[len(prefix) :] if prefix and path.startswith(prefix) else path)
    return paths


def representatives(built: Path, prefix: str, extra: list[str]) -> list[str]:
    """One page of each kind (PREFERRED pages stand for their kind), in sitemap order."""
    chosen: dict[tuple, str] = {}
    for path in dict.fromkeys([*sitemap_paths(built, prefix), *extra]):
        file = built / prefix / path / "index.html"
        if not file.is_file():
            continue
        kind = page_kind(path, file.read_text(encoding="utf-8"))
        if kind not in chosen or path in PREFERRED:
            chosen[kind] = path
    return list(chosen.values())


def describe(violations: list[dict]) -> str:
    """What a developer needs to act: rule, impact, help, where (the nodes' selectors), why."""
    lines = []
    for v in violations:
        lines.append(f"  {v['id']} ({v['impact']}): {v['help']} — {v['helpUrl']}")
        for node in v["nodes"][:8]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"      {' > '.join(map(str, node['target']))}: {summary[:240]}")
        if len(v["nodes"]) > 8:
            lines.append(f"      … and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


@dataclass
class Visitor:
    """One browser page in one language and mode; collects axe's serious and critical findings."""

    page: Page
    base_url: str
    lang: str
    mode: str
    problems: list[str] = field(default_factory=list)

    @property
    def root(self) -> str:
        return self.base_url + LANGS[self.lang]

    def open(self, path: str) -> None:
        self.page.goto(self.root + path)
        self.page.wait_for_load_state("load")
        self.assert_mode()

    def assert_mode(self) -> None:
        elder = self.page.evaluate("() => document.documentElement.dataset.ppElder || null")
        if self.mode == "elder":
            assert elder == "on", f"elder mode is not on at {self.page.url} (<html data-pp-elder> is {elder!r})"
        else:
            assert elder != "on", f"elder mode is on at {self.page.url} without being asked for"

    def check(self, what: str) -> None:
        """Run axe on the page as it is now; remember what is serious or critical."""
        self.assert_mode()
        # Colours are measured as drawn: let transitions (e.g. the back-to-top button fading in) end.
        self.page.evaluate(
            "() => Promise.race([Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),"
            " new Promise(done => setTimeout(done, 2000))])"
        )
        response = AXE.run(self.page, options=AXE_OPTIONS).response
        blocking = [v for v in response["violations"] if v.get("impact") in BLOCKING]
        if blocking:
            self.problems.append(f"{self.lang} {self.mode} · {what} ({self.page.url}):\n{describe(blocking)}")

    def assert_clean(self) -> None:
        problems, self.problems = self.problems, []
        assert not problems, "axe found serious or critical violations:\n" + "\n".join(problems)


@pytest.fixture(scope="module", params=[(lang, mode) for mode in MODES for lang in LANGS], ids=lambda p: f"{p[0]}-{p[1]}")
def visitor(request: pytest.FixtureRequest, browser: Browser, base_url: str) -> Iterator[Visitor]:
    """One browser context per language and mode, shared by this module's tests."""
    lang, mode = request.param
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    if mode == "elder":
        context.add_init_script(f"try {{ localStorage.setItem({json.dumps(ELDER_KEY)}, 'on'); }} catch (e) {{}}")
    visitor = Visitor(context.new_page(), base_url, lang, mode)
    yield visitor
    context.close()


@pytest.fixture(autouse=True)
def _fresh(visitor: Visitor) -> Iterator[None]:
    visitor.problems.clear()
    yield


def nav_paths(visitor: Visitor) -> list[str]:
    """The pages the navigation links to, as paths under the language's root."""
    visitor.open("")
    hrefs = visitor.page.evaluate("() => [...document.querySelectorAll('.md-nav--primary a.md-nav__link[href]')].map(a => a.href)")
    root = urlparse(visitor.root).path
    paths = []
    for href in hrefs:
        url = urlparse(href)
        if url.netloc == urlparse(visitor.base_url).netloc and url.path.startswith(root) and not url.fragment:
            paths.append(url.path[len(root) :])
    return paths


def test_every_kind_of_page(visitor: Visitor, built: Path) -> None:
    """Home, entry pages, documents, clauses (with a worked example, with the flowchart), the
    parameters, browse indexes and terms, glossary, about, calculators, self-check, staff pages,
    and whatever new kind of page the sitemap or the navigation lists; and the 404 page."""
    prefix = LANGS[visitor.lang]
    paths = representatives(built, prefix, nav_paths(visitor))
    every = set(sitemap_paths(built, prefix))
    missing = [p for p in EXPECTED if p not in every]
    assert not missing, f"pages expected in the {visitor.lang} sitemap are missing: {missing}"
    for path in paths:
        visitor.open(path)
        visitor.check(f"/{prefix}{path}")
    visitor.open("404.html")  # the page any server shows for a missing address
    assert visitor.page.locator("h1").count() == 1
    visitor.check("404")
    visitor.assert_clean()


def test_a_calculator_with_a_field_error_and_with_a_result(visitor: Visitor) -> None:
    page = visitor.page
    visitor.open("calculators/public-welfare-job/")
    page.fill("#input-monthly_hours", "abc")
    page.click('button[type="submit"]')
    page.locator('[data-error-for="monthly_hours"]').wait_for(state="visible", timeout=LOAD)
    visitor.check("calculator with field errors")
    answers = quote(json.dumps({"eligible_costs": "170000", "registered_poor": True, "date": "2018-01-01"}))
    visitor.open(f"calculators/critical-illness/#answers={answers}")
    page.locator(".pp-result").wait_for(state="visible", timeout=LOAD)
    page.locator(".pp-outputs").first.wait_for(state="visible", timeout=LOAD)
    visitor.check("calculator with a result")
    visitor.assert_clean()


def test_the_self_check_start_a_question_and_the_result(visitor: Visitor) -> None:
    page = visitor.page
    visitor.open("self-check/")
    page.wait_for_selector("#pp-sc-question")
    visitor.check("self-check: the first question")
    page.click("label.pp-sc-radio >> nth=1")  # not registered as poor
    page.click("button.pp-sc-continue")
    page.wait_for_selector("#pp-sc-input-birth_date")
    visitor.check("self-check: a question with a text answer")
    page.click("button.pp-sc-continue")  # nothing typed: the error next to the field
    page.locator('[data-error-for="birth_date"]').wait_for(state="visible")
    visitor.check("self-check: a question with an error")
    answers = quote(json.dumps({"registered_poor": False, "birth_date": "", "age": "24", "college_graduate": True}))
    visitor.open(f"self-check/#answers={answers}&step=summary")
    page.wait_for_selector(".pp-sc-summary")
    visitor.check("self-check: check your answers")
    page.click("button.pp-sc-see")
    page.wait_for_selector(".pp-sc-group--possibly", timeout=LOAD)
    visitor.check("self-check: the result")
    visitor.assert_clean()


def test_the_staff_card_checked_with_an_error_and_saved(visitor: Visitor) -> None:
    page = visitor.page
    visitor.open("staff/id-card/")
    page.wait_for_selector(".pp-card-list")
    page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('policypress.card')).forEach(k => localStorage.removeItem(k))")
    visitor.open("staff/id-card/")
    page.wait_for_selector(".pp-card-list")
    visitor.check("staff card, empty")
    page.fill("#card-input-name", "王秀兰")
    page.fill("#card-input-id_number", "370000")
    page.click('[data-rows-add="help_records"]')
    page.click('.pp-card-form button[type="submit"]')
    page.locator(".pp-card-form .pp-field-error:not([hidden])").first.wait_for(state="visible", timeout=LOAD)
    visitor.check("staff card with field errors and a saved card")
    page.select_option("#card-input-sex", "female")
    page.fill("#card-input-id_number", "371302196210010022")
    page.fill("#card-input-phone", "13905390000")
    page.fill('[data-rows="help_records"] tbody tr:first-child [data-column="date"]', "2020-05-10")
    page.fill('[data-rows="help_records"] tbody tr:first-child [data-column="measure"]', "推荐公益岗位")
    page.click('.pp-card-form button[type="submit"]')
    page.wait_for_selector('.pp-card-result [data-output="category"]', timeout=LOAD)
    visitor.check("staff card checked")
    page.click('[data-card-action="clear"]')
    visitor.check("staff card asking to confirm clearing")
    page.click('[data-card-action="clear-confirm"]')
    visitor.assert_clean()


def test_the_staff_report_with_a_broken_relation(visitor: Visitor) -> None:
    page = visitor.page
    visitor.open("staff/stats-report/")
    page.wait_for_selector(".pp-report-table tbody tr input")
    visitor.check("staff report, empty")
    row = ["城关镇", 1200, 800, 600, 150, 300, 200, 40, 35, 120, 90, 60, 25, 30, 12, 20, 15, 10, "75.5", 1150, 60, 2]
    row[11] = 95  # (11) > (10): a broken relation
    page.fill("#pp-report-county", "沂南县")
    page.fill("#pp-report-month", "2016-11")
    page.locator(".pp-report-table tbody tr:first-child input").first.focus()
    page.evaluate(
        """(text) => {
            const data = new DataTransfer();
            data.setData("text/plain", text);
            document.activeElement.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        "\t".join(map(str, row)) + "\n",
    )
    page.locator(".pp-report-violations li").first.wait_for(state="visible", timeout=LOAD)
    visitor.check("staff report with a broken relation")
    visitor.assert_clean()


def test_the_search_dialog_with_results(visitor: Visitor) -> None:
    page = visitor.page
    visitor.open("")
    query = "公益性岗位" if visitor.lang == "zh" else "public-welfare job"
    page.locator(".md-search__input").first.click()
    for _ in range(20):  # the worker ignores queries sent before its index is ready
        page.fill("input.md-search__input", query)
        page.keyboard.press("End")
        try:
            page.wait_for_selector(".md-search-result__item", timeout=1_000)
            break
        except PlaywrightTimeout:
            continue
    page.wait_for_timeout(300)  # results render in batches
    assert page.locator(".md-search-result__item").count() > 0
    visitor.check("search dialog with results")
    visitor.assert_clean()
