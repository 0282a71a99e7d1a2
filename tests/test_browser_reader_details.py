"""What a reader sees on a phone (issue 14, "Details a reader sees"), in a Chromium whose own
language is American English (--lang=en-US), as many of the bureau's computers are set up:

- dates are typed in the page's language (a text field with its pattern said: 年-月-日 on a
  Chinese page), never the browser's mm/dd/yyyy;
- the header's title is whole on a 390 px screen (the site's short name, wrapped if need be);
- back to top sits in the header bar, over no text of the page;
- a unit (元, 小时) stays beside its field;
- a figure's badge ("文件" / "document") says what it means when read as text or aloud, never runs
  into the figure ("5年通知", "5 yearsnotice"), is explained once below the page, and is left out
  of the search index, so a snippet shows the figure alone."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, sync_playwright

from browser import CHROMIUM, CHROMIUM_ARGS
from conftest import ROOT
from policypress.content import load_site
from policypress.parameters import STATUS_LABELS, STATUS_TAGS

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
SITE = load_site(ROOT)
PREFIX = {"zh": "", "en": "en/"}
CLAUSE = "documents/linyi-hrss-2016-12/m02-public-welfare-jobs/"  # figures of several statuses


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's chromium in American English: its own date fields would read mm/dd/yyyy."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--lang=en-US"])
        yield browser
        browser.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=PHONE, locale="en-US")
    yield context
    context.close()


def open_page(context: BrowserContext, url: str) -> tuple[Page, list[str]]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    return page, errors


def pages_with(built: Path, marker: str) -> list[str]:
    """The Chinese pages (paths under the site) whose HTML holds `marker`."""
    return sorted(
        str(p.parent.relative_to(built)) + "/"
        for p in built.glob("**/index.html")
        if not str(p.relative_to(built)).startswith("en/") and marker in p.read_text(encoding="utf-8")
    )


# --- dates in the page's language -------------------------------------------------------------


def test_the_browser_here_would_show_its_own_date_pattern(phone: BrowserContext) -> None:
    """The premise: this Chromium speaks American English, so a native date field on any page
    would follow it (mm/dd/yyyy), whatever the page's language."""
    page = phone.new_page()
    assert page.evaluate("navigator.language") == "en-US"
    assert page.evaluate("new Intl.DateTimeFormat().resolvedOptions().locale") == "en-US"


def date_fields(page: Page) -> list[tuple[str, bool]]:
    """(selector, has a default shown as its placeholder) of each date the page's form declares:
    a calculator's inputs, the card's inputs and its tables' date columns (in the row template)."""
    return page.evaluate(
        """() => {
        const out = [];
        const calc = document.querySelector('.pp-declaration');
        if (calc) for (const f of JSON.parse(calc.textContent).inputs) {
          if (f.type === 'date') out.push(['#input-' + f.name, !!f.default_from]);
        }
        const card = document.querySelector('.pp-card-config');
        if (card) for (const f of JSON.parse(card.textContent).declaration.inputs) {
          if (f.type === 'date') out.push(['#card-input-' + f.name, false]);
          for (const c of f.rows || []) if (c.type === 'date') out.push(['template.pp-card-row|' + c.name, false]);
        }
        return out;
      }"""
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_date_field_speaks_the_browser_language(built: Path, base_url: str, phone: BrowserContext, lang: str) -> None:
    """Every date a form declares (the calculators, the card, the card's help records): a text
    field with the page's own pattern (年-月-日 / YYYY-MM-DD) and a hint it is described by, so the
    browser's mm/dd/yyyy shows nowhere."""
    paths = pages_with(built, 'class="pp-calc-form"') + pages_with(built, 'class="pp-card-form"')
    placeholder = {"zh": "年-月-日", "en": "YYYY-MM-DD"}[lang]
    checked = 0
    for path in paths:
        page, errors = open_page(phone, base_url + PREFIX[lang] + path)
        assert page.locator('input[type="date"]').count() == 0, path
        for selector, has_default in date_fields(page):
            if selector.startswith("template"):
                column = selector.split("|")[1]
                field = page.evaluate(
                    "c => { const i = [...document.querySelector('template.pp-card-row').content.querySelectorAll('input')].find(i => i.dataset.column === c);"
                    " return {type: i.type, placeholder: i.getAttribute('placeholder'), described: i.getAttribute('aria-describedby')}; }",
                    column,
                )
            else:
                field = page.locator(selector).evaluate(
                    "i => ({type: i.type, placeholder: i.getAttribute('placeholder'), described: i.getAttribute('aria-describedby')})"
                )
            assert field["type"] == "text", (path, selector)
            if not has_default:
                assert field["placeholder"] == placeholder, (path, selector)
            hints = [page.locator(f'[id="{i}"]') for i in field["described"].split()]
            words = " ".join(h.inner_text() for h in hints if h.count())
            # One example date per field: the help's own, else the hint's (never two different ones).
            assert len(re.findall(r"\d{4}-\d{2}-\d{2}", words)) == 1 and (("年-月-日" in words) == (lang == "zh")), (path, selector, words)
            checked += 1
        assert "mm/dd/yyyy" not in page.inner_text("body").lower()
        assert errors == [], path
        page.close()
    assert checked >= 5  # the calculators' birth and rule dates, the card's own


# --- the header on a phone --------------------------------------------------------------------


def text_is_whole(box: Locator) -> bool:
    """Every line of the text is drawn inside its box and the header bar (none cut off by an
    ellipsis or by the bar's height), and nothing spills sideways."""
    return box.evaluate(
        """e => {
        const range = document.createRange(); range.selectNodeContents(e);
        const lines = [...range.getClientRects()], own = e.getBoundingClientRect();
        const bar = document.querySelector('.md-header').getBoundingClientRect();
        return lines.length > 0 && e.scrollWidth <= e.clientWidth + 1 && lines.every(r =>
          r.left >= own.left - 1 && r.right <= own.right + 1 && r.top >= bar.top - 1 && r.bottom <= bar.bottom + 1 &&
          r.bottom <= own.bottom + 3);
      }"""
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_header_title_is_whole_on_a_phone(base_url: str, phone: BrowserContext, lang: str) -> None:
    short, full = getattr(SITE.config.short_name, lang), getattr(SITE.config.name, lang)
    assert len(short) < len(full)
    page, errors = open_page(phone, base_url + PREFIX[lang])
    title = page.locator(".md-header__topic").first
    assert title.inner_text().strip() == short
    assert text_is_whole(title.locator(".md-ellipsis")), "the header's title is cut off"
    # The page's title, in the bar once the page scrolls past its heading (where it is whole),
    # wraps to two lines inside the bar rather than being cut to one.
    page.goto(base_url + PREFIX[lang] + CLAUSE)
    page.mouse.wheel(0, 1200)
    page.wait_for_function("() => document.querySelector('.md-header__title--active') !== null")
    lines = page.locator('[data-md-component="header-topic"] .md-ellipsis').evaluate(
        """e => {
        const range = document.createRange(); range.selectNodeContents(e);
        const own = e.getBoundingClientRect(), bar = document.querySelector('.md-header').getBoundingClientRect();
        const tops = new Set([...range.getClientRects()].filter(r => r.bottom <= own.bottom + 3).map(r => Math.round(r.top)));
        return own.top >= bar.top && own.bottom <= bar.bottom ? tops.size : -1;
      }"""
    )
    assert lines == 2
    assert errors == []


def test_the_whole_name_on_a_wide_screen(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url)
    assert page.locator(".md-header__topic").first.inner_text().strip() == SITE.config.name.zh
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_back_to_top_covers_no_text(browser: Browser, base_url: str, width: int) -> None:
    """Scrolled down and then up a little, the button shows: inside the header bar, clear of its
    buttons, with the title (which it stands in for) hidden, and over nothing of the page."""
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(base_url + CLAUSE)
    page.mouse.wheel(0, 2500)
    page.wait_for_timeout(400)
    page.mouse.wheel(0, -300)
    top = page.locator(".md-top")
    page.wait_for_function("() => !document.querySelector('.md-top').hidden")
    page.wait_for_timeout(300)  # its fade-in
    button, header = top.bounding_box(), page.locator(".md-header").bounding_box()
    assert button and header
    assert header["y"] <= button["y"] and button["y"] + button["height"] <= header["y"] + header["height"]
    for other in page.locator(".md-header__button:visible, .md-header__option:visible, .md-search__form:visible").all():
        box = other.bounding_box()
        if box:
            assert button["x"] + button["width"] <= box["x"] or box["x"] + box["width"] <= button["x"], "over a header button"
    assert page.locator(".md-header__title").evaluate("e => getComputedStyle(e).visibility") == "hidden"
    on_top = page.evaluate(
        """([x, y, w, h]) => [0.1, 0.5, 0.9].flatMap(fx => [0.2, 0.5, 0.8].map(fy =>
          !!document.elementFromPoint(x + w * fx, y + h * fy)?.closest('.md-top')))""",
        [button["x"], button["y"], button["width"], button["height"]],
    )
    assert all(on_top)  # drawn on top, inside the bar: the page's text is under the bar, not under it
    top.click()
    page.wait_for_function("() => window.scrollY === 0 && document.querySelector('.md-top').hidden")
    assert page.locator(".md-header__title").evaluate("e => getComputedStyle(e).visibility") == "visible"
    context.close()


# --- a unit beside its field -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_unit_stays_beside_its_field_on_a_phone(built: Path, base_url: str, phone: BrowserContext, lang: str) -> None:
    paths = pages_with(built, 'class="pp-unit"')
    assert paths
    seen = 0
    for path in paths:
        page, _ = open_page(phone, base_url + PREFIX[lang] + path)
        for unit in page.locator(".pp-unit").all():
            field = unit.locator("xpath=preceding-sibling::input[1]")
            u, f = unit.bounding_box(), field.bounding_box()
            assert u and f
            assert u["x"] >= f["x"] + f["width"] - 1, f"{path}: '{unit.inner_text()}' is not beside its field"
            assert f["y"] <= u["y"] + u["height"] / 2 <= f["y"] + f["height"], f"{path}: '{unit.inner_text()}' is not on its field's line"
            assert u["x"] + u["width"] <= PHONE["width"]
            seen += 1
        page.close()
    assert seen >= 3


# --- the figures' badges ------------------------------------------------------------------------


def figures_of(page: Page) -> list[dict]:
    """Each figure on the page: its value as drawn (the link's text without its badge), the
    badge, its status, and the link's text as innerText reads it."""
    return page.evaluate(
        """() => [...document.querySelectorAll('article a.pp-fig')].map(a => {
        const tag = a.querySelector('sup');
        const copy = a.cloneNode(true); copy.querySelector('sup').remove();
        return { value: copy.textContent, tag: [...tag.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join(''),
                 status: [...a.classList].find(c => c.startsWith('pp-fig--')).slice(8), text: a.innerText };
      })"""
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_badge_reads_apart_from_its_figure_and_says_what_it_means(base_url: str, phone: BrowserContext, lang: str) -> None:
    page, errors = open_page(phone, base_url + PREFIX[lang] + CLAUSE)
    figures = figures_of(page)
    assert len({f["status"] for f in figures}) >= 2  # several kinds, or the legend proves little
    opening, between, closing = ("（", "：", "）") if lang == "zh" else (" (", ": ", ")")
    article = page.inner_text("article")
    for f in figures:
        assert f["tag"] == STATUS_TAGS[f["status"]][lang]
        meaning = STATUS_LABELS[f["status"]][lang]
        assert f["text"] == f"{f['value']}{opening}{f['tag']}{between}{meaning}{closing}"
        assert f["value"] + f["tag"] not in article  # "5年通知", "5 yearsnotice"
    # read aloud: the link's name is the figure and what its badge means
    first = page.locator("article a.pp-fig").first
    name = first.evaluate("a => a.innerText")
    assert figures[0]["value"] in name and STATUS_LABELS[figures[0]["status"]][lang] in name
    snapshot = first.aria_snapshot()
    assert STATUS_LABELS[figures[0]["status"]][lang] in snapshot
    # the badge is still drawn small beside the figure, its words hidden from sight
    assert page.locator("article a.pp-fig sup .pp-fig__said").first.evaluate("e => e.getBoundingClientRect().width") <= 1
    assert errors == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_badges_are_explained_once_below_the_page(base_url: str, phone: BrowserContext, lang: str) -> None:
    page, _ = open_page(phone, base_url + PREFIX[lang] + CLAUSE)
    statuses = {f["status"] for f in figures_of(page)}
    legend = page.locator(".pp-fig-legend")
    assert legend.count() == 1
    text = legend.inner_text()
    for status in STATUS_LABELS:
        assert (STATUS_LABELS[status][lang] in text) == (status in statuses), status
        if status in statuses:
            assert legend.locator(f".pp-fig--{status}").inner_text() == STATUS_TAGS[status][lang]
    link = legend.locator("a")
    assert link.get_attribute("href") == "../parameters/"
    # a page without figures has no legend
    page.goto(base_url + PREFIX[lang] + "glossary/")
    assert page.locator("a.pp-fig").count() == 0 and page.locator(".pp-fig-legend").count() == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_search_snippets_show_the_figure_alone(built: Path, base_url: str, phone: BrowserContext, lang: str) -> None:
    """The search index holds each figure of the page, never followed by its badge, and neither
    the badges' words nor the legend."""
    page, _ = open_page(phone, base_url + PREFIX[lang] + CLAUSE)
    figures = figures_of(page)
    index = json.loads((built / PREFIX[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(d["text"].replace("\u200b", "") for d in index["docs"] if d["location"].startswith(CLAUSE))
    assert texts
    assert "pp-fig-legend" not in texts and STATUS_LABELS["official"][lang] + "；" not in texts
    for f in figures:
        value = f["value"].replace("\u200b", "")
        assert value in texts.replace(" ", "") or value in texts
        for tag in {t[lang] for t in STATUS_TAGS.values()}:
            assert value + tag not in texts and value + "<sup>" + tag not in texts and value + " " + tag not in texts
    assert "<sup>" not in texts
