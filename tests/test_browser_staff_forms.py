"""The staff forms (issue 14, "Staff forms" and the file pickers) in a Chromium that speaks
American English (--lang=en-US):

- the card's check lists what is wrong, each item a link that puts the focus in its field, and
  each message stands next to its field, in the page's language;
- a date on the card is read as people write it (2020年5月10日 → 2020-05-10); one that is not a
  day keeps what was typed and says how to write it, next to the field, before any check;
- the card's and the report's file pickers are the page's own buttons, in the page's language;
- the statistics table keeps its unit column in view while it scrolls sideways, with headers
  that a phone can read."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from browser import CHROMIUM, CHROMIUM_ARGS
from policypress.i18n import CARD_STRINGS, REPORT_STRINGS

pytestmark = pytest.mark.browser
LOAD = 120_000  # ms: Pyodide's first load in a fresh browser
PREFIX = {"zh": "", "en": "en/"}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--lang=en-US"])
        yield browser
        browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def page_of(built: Path, marker: str) -> str:
    """The path of the (Chinese) staff page whose HTML holds `marker`."""
    found = [p for p in built.glob("staff/*/index.html") if marker in p.read_text(encoding="utf-8")]
    assert len(found) == 1, found
    return str(found[0].parent.relative_to(built)) + "/"


def open_card(context: BrowserContext, base_url: str, built: Path, lang: str) -> tuple[Page, list[str]]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base_url + PREFIX[lang] + page_of(built, 'class="pp-card-form"'))
    page.wait_for_selector(".pp-card-list")
    return page, errors


def focused_id(page: Page) -> str:
    return page.evaluate(
        "() => document.activeElement && (document.activeElement.id || document.activeElement.name || document.activeElement.dataset.column || '')"
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_checks_errors_link_to_their_fields(base_url: str, built: Path, context: BrowserContext, lang: str) -> None:
    page, errors = open_card(context, base_url, built, lang)
    page.fill("#card-input-name", "王秀兰")
    page.fill("#card-input-id_number", "12345")  # not an ID number
    page.click('[data-rows-add="help_records"]')
    page.fill('[data-rows="help_records"] tbody tr:first-child [data-column="measure"]', "推荐公益岗位")  # its date left out
    page.click('.pp-card-form button[type="submit"]')
    page.wait_for_selector(".pp-card-error-list a", timeout=LOAD)
    assert focused_id(page) == "" and page.evaluate("() => document.activeElement.classList.contains('pp-card-result')")

    links = page.locator(".pp-card-error-list a")
    keys = [links.nth(i).get_attribute("data-card-goto") for i in range(links.count())]
    assert {"sex", "phone", "help_records[0].date"} <= set(keys), keys  # the fields left empty
    assert "name" not in keys  # what was right is not listed
    count = page.inner_text(".pp-card-result-errors")
    assert count == CARD_STRINGS["result_errors"][lang].format(n=len(keys))
    config = json.loads(page.inner_text(".pp-card-config"))
    labels = {f["name"]: f["label"][lang] for f in config["declaration"]["inputs"]}

    for i, key in enumerate(keys):
        link = links.nth(i)
        name = key.split("[")[0]
        text = link.inner_text()
        assert text.startswith(labels[name]), text
        message = page.locator(f'.pp-field-error[data-error-for="{name}"]')
        assert message.is_visible()
        said = text.split("：" if lang == "zh" else ": ", 1)[1]
        assert said in message.inner_text()  # the same words, next to the field
        assert any("\u4e00" <= ch <= "\u9fff" for ch in said) == (lang == "zh")  # the page's language
        link.click()
        if key == "help_records[0].date":
            assert page.evaluate("() => document.activeElement.dataset.column") == "date"
            assert page.evaluate("() => document.activeElement.closest('[data-rows]').dataset.rows") == "help_records"
        else:
            assert focused_id(page) in (f"card-input-{name}", name)  # a field, or a radio group's choice
        assert page.evaluate("() => document.activeElement.getAttribute('aria-invalid')") == "true"
        field = page.locator(f"#card-field-{name}").bounding_box()
        bar = page.locator(".md-header").bounding_box()
        assert field and bar and bar["y"] + bar["height"] <= field["y"] < 900  # in view below the header bar, label and all
    assert page.input_value("#card-input-id_number") == "12345"  # what was typed is kept
    assert errors == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_card_date_is_read_as_people_write_it(base_url: str, built: Path, context: BrowserContext, lang: str) -> None:
    page, errors = open_card(context, base_url, built, lang)
    field = page.locator("#card-input-card_date")
    field.click()
    page.keyboard.insert_text("2020年5月10日")
    page.keyboard.press("Tab")
    assert field.input_value() == "2020-05-10"
    assert field.get_attribute("aria-invalid") is None
    stored = page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('policypress.card.')).map(k => JSON.parse(localStorage[k]).values.card_date)"
    )
    assert stored == ["2020-05-10"]

    field.fill("")
    field.click()
    page.keyboard.insert_text("2020-02-30")  # no such day
    page.keyboard.press("Tab")
    assert field.input_value() == "2020-02-30"  # kept as typed
    assert field.get_attribute("aria-invalid") == "true"
    message = page.locator('.pp-field-error[data-error-for="card_date"]')
    label = json.loads(page.inner_text(".pp-card-config"))
    label = next(f["label"][lang] for f in label["declaration"]["inputs"] if f["name"] == "card_date")
    assert message.inner_text() == CARD_STRINGS["date_bad"][lang].format(label=label)

    field.fill("")
    field.click()
    page.keyboard.insert_text("2020/6/1")
    page.keyboard.press("Tab")
    assert field.input_value() == "2020-06-01" and message.is_hidden()

    page.click('[data-rows-add="help_records"]')
    page.keyboard.insert_text("20200510")  # the new row's date has the focus
    page.keyboard.press("Tab")
    assert page.input_value('[data-rows="help_records"] tbody tr:first-child [data-column="date"]') == "2020-05-10"
    assert errors == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_file_pickers_are_the_pages_own_buttons(base_url: str, built: Path, context: BrowserContext, tmp_path: Path, lang: str) -> None:
    """No "Choose File" / "No file chosen" in the browser's language: the file input is hidden,
    the page's own button (in the page's language) opens it, and the file is read."""
    card = tmp_path / "card.json"
    card.write_text(json.dumps({"values": {"name": "王秀兰", "phone": "13905390000"}}, ensure_ascii=False), encoding="utf-8")
    page, errors = open_card(context, base_url, built, lang)
    assert page.locator(".pp-card-file").is_hidden()
    button = page.locator('button[data-card-action="import"]')
    assert button.inner_text() == CARD_STRINGS["import"][lang]
    with page.expect_file_chooser() as chooser:
        button.click()
    chooser.value.set_files(str(card))
    page.wait_for_function("() => document.querySelector('#card-input-name').value === '王秀兰'")
    assert page.inner_text(".pp-card-status") == CARD_STRINGS["imported"][lang].format(file="card.json")
    assert "Choose File" not in page.inner_text("body") and "No file chosen" not in page.inner_text("body")

    csv = tmp_path / "report.csv"
    csv.write_text(
        "county,沂南县\nmonth,2016-11\nunit," + ",".join(str(n) for n in range(1, 22)) + "\n城关镇," + ",".join(["1"] * 21) + "\n",
        encoding="utf-8",
    )
    page.goto(base_url + PREFIX[lang] + page_of(built, 'class="pp-calculator pp-report"'))
    page.wait_for_selector(".pp-report-table tbody tr")
    assert page.locator(".pp-report-csv-file").is_hidden()
    button = page.locator("button.pp-report-csv-import")
    assert button.inner_text() == REPORT_STRINGS["import_csv"][lang]
    with page.expect_file_chooser() as chooser:
        button.click()
    chooser.value.set_files(str(csv))
    page.wait_for_function("() => document.querySelector('.pp-report-cell-unit').value === '城关镇'")
    assert errors == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_unit_column_stays_in_view_and_headers_read_on_a_phone(base_url: str, built: Path, browser: Browser, lang: str) -> None:
    context = browser.new_context(locale="en-US", viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + PREFIX[lang] + page_of(built, 'class="pp-calculator pp-report"'))
    page.wait_for_selector(".pp-report-table tbody tr")
    page.fill(".pp-report-cell-unit", "城关镇")
    scroller = page.locator(".pp-report-scroll")
    scroller.scroll_into_view_if_needed()
    wide = scroller.evaluate("e => e.scrollWidth > e.clientWidth * 3")
    assert wide  # the table is far wider than the phone: the point of the test
    scroller.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
    page.wait_for_timeout(100)
    box = scroller.bounding_box()
    assert box
    for selector in ("th.pp-report-unit", "tbody .pp-report-cell-unit", "tfoot th.pp-report-unit"):
        cell = page.locator(f".pp-report-table {selector}").first
        rect = cell.bounding_box()
        assert rect and abs(rect["x"] - box["x"]) <= 2, selector  # still at the left edge
        topmost = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).closest('.pp-report-unit') !== null",
            [rect["x"] + rect["width"] / 2, rect["y"] + rect["height"] / 2],
        )
        assert topmost, f"{selector} is covered by the cells scrolled under it"
    assert page.locator(".pp-report-table tbody .pp-report-cell-unit").input_value() == "城关镇"
    # the last column is visible beside the unit column
    last = page.locator(".pp-report-table thead th[data-column]").last.bounding_box()
    assert last and last["x"] + last["width"] <= box["x"] + box["width"] + 1
    # headers: type no smaller than 14 px, every word whole inside its cell
    headers = page.evaluate(
        """() => [...document.querySelectorAll('.pp-report-table thead th[data-column]')].map(th => {
        const span = th.querySelector('span');
        return { size: parseFloat(getComputedStyle(th).fontSize), fits: span.scrollWidth <= th.clientWidth + 1 && th.scrollWidth <= th.clientWidth + 1,
                 broken: getComputedStyle(th).wordBreak !== 'normal' || getComputedStyle(th).overflowWrap !== 'normal' };
      })"""
    )
    assert len(headers) == 21
    assert all(h["size"] >= 14 for h in headers), headers
    assert all(h["fits"] and not h["broken"] for h in headers), headers
    context.close()


def test_the_card_fits_a_phone_and_a_link_keeps_it_in_place(base_url: str, built: Path, browser: Browser) -> None:
    """On a 390 px screen the card is no wider than the screen (a fieldset is as wide as its widest
    field unless told otherwise), so going to a field from the check's list never shifts the page sideways."""
    context = browser.new_context(locale="en-US", viewport=PHONE)
    page, errors = open_card(context, base_url, built, "zh")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    page.locator("#card-input-id_number").scroll_into_view_if_needed()
    assert page.evaluate("() => window.scrollX") == 0
    assert errors == []
    context.close()
