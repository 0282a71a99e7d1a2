"""The identification card and the statistics report in real Chromium, given hostile input
(issue 10). The corpus of test_spreadsheets.py is typed into the pages, exported with the pages'
own buttons and imported back through their file inputs: the file's cells are escaped by the
formula rule (reports/cells.py), the page shows the text (never HTML, no global set), and the
round trip gives back what the page held. Files over the limits are refused with the message,
in the page's language, and nothing else changes; the largest allowed table renders while the
page answers; a storage that refuses the draft is reported and nothing is said to be saved.

What a one-line <input> holds is what was typed but for line breaks (the browser turns them into
spaces) and, as the pages read it, trimmed: that is the "what was typed" a round trip must give
back, read from the page itself; every corpus cell without line breaks or spaces around it is
held as typed.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from test_spreadsheets import GOOD, HOSTILE, TABLE, WIDTH, XLSX_UNITS, csv_text, formulas_in

from policypress.i18n import CARD_STRINGS, REPORT_STRINGS
from reports.cells import CARD_IMPORT_MAX_BYTES, FORMULA_STARTS, REPORT_IMPORT_MAX_BYTES, REPORT_MAX_ROWS, escape_cell, size_text
from reports.statistics_xlsx import read_csv

pytestmark = pytest.mark.browser
LOAD = 90_000  # ms: Pyodide's first load on a slow machine
HTML = "<img src=x onerror=window.__pwned=1>"
CARD_TEXT_FIELDS = [
    "name",
    "code",
    "poverty_card_number",
    "phone",
    "address_city",
    "address_town",
    "address_village",
    "household_book_number",
    "poverty_cause_other",
    "training_project",
    "helper_unit",
    "helper_person",
    "helper_contact",
    "helper_phone",
    "filled_by",
    "filled_by_phone",
]
# The HTML first, so it is the card's name: the one text the saved-cards list shows.
CORPUS = [HTML, *(text for text in HOSTILE if text != HTML)]
assert len(CORPUS) == len(CARD_TEXT_FIELDS)


def as_typed(typed: str) -> bool:
    """Is `typed` held by a one-line <input> exactly as typed?"""
    return typed == typed.strip() and "\n" not in typed and "\r" not in typed


FULL_STORAGE = """(() => {
  const prefix = %s;
  const original = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (String(key).startsWith(prefix)) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    return original.call(this, key, value);
  };
})();"""


def storage_full(context: BrowserContext, prefix: str) -> None:
    """localStorage refuses this page's keys, as a full storage does (other keys still work)."""
    context.add_init_script(FULL_STORAGE % json.dumps(prefix))


def not_pwned(page: Page) -> None:
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("img[src='x']").count() == 0


def rows_of(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def assert_escaped(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell


def download(page: Page, selector: str, timeout: float = 30_000) -> bytes:
    with page.expect_download(timeout=timeout) as info:
        page.click(selector)
    return Path(info.value.path()).read_bytes()


def upload(page: Page, selector: str, name: str, data: bytes, mime: str = "text/csv") -> None:
    page.set_input_files(selector, files=[{"name": name, "mimeType": mime, "buffer": data}])


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield context
    context.close()


def watch(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


# --- the identification card ----------------------------------------------------------------


def card_page(context: BrowserContext, base_url: str, lang: str = "zh", query: str = "") -> Page:
    page = context.new_page()
    page.goto(base_url + ("en/" if lang == "en" else "") + "staff/id-card/" + query)
    page.wait_for_selector(".pp-card-list")
    return page


def card_values(page: Page) -> dict[str, str]:
    """The card's text fields as the page reads them (trimmed)."""
    return {name: page.input_value(f"#card-input-{name}").strip() for name in CARD_TEXT_FIELDS}


def card_keys(page: Page) -> dict[str, str]:
    return page.evaluate(
        "() => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('policypress.card')).map(k => [k, localStorage.getItem(k)]))"
    )


def test_card_csv_and_json_round_trip_of_the_corpus(context: BrowserContext, base_url: str) -> None:
    page = card_page(context, base_url)
    errors = watch(page)
    for name, text in zip(CARD_TEXT_FIELDS, CORPUS, strict=True):
        page.fill(f"#card-input-{name}", text)
    page.click('[data-rows-add="help_records"]')
    first = '[data-rows="help_records"] tbody tr:first-child '
    page.fill(first + '[data-column="measure"]', "=1+1")
    page.fill(first + '[data-column="effect"]', HTML)
    expected = card_values(page)
    for name, text in zip(CARD_TEXT_FIELDS, CORPUS, strict=True):
        assert expected[name] == text or not as_typed(text)
    expect(page.locator(".pp-card-list")).to_contain_text(HTML)  # the name, shown as text
    not_pwned(page)

    exported = download(page, '[data-card-action="export-csv"]')
    header, row = rows_of(exported)
    assert_escaped([header, row])
    cells = dict(zip(header, row, strict=True))
    for name, value in expected.items():
        assert cells[name] == escape_cell(value)
    assert json.loads(cells["help_records"]) == [{"measure": "=1+1", "effect": HTML}]
    as_json = download(page, '[data-card-action="export-json"]')

    for data, filename in ((exported, "card.csv"), (as_json, "card.json")):
        page.click('[data-card-action="clear"]')
        page.click('[data-card-action="clear-confirm"]')
        assert card_values(page) == dict.fromkeys(CARD_TEXT_FIELDS, "")
        upload(page, ".pp-card-file", filename, data)
        expect(page.locator(".pp-card-status")).to_have_text(CARD_STRINGS["imported"]["zh"].replace("{file}", filename))
        assert card_values(page) == expected
        assert page.input_value(first + '[data-column="measure"]') == "=1+1"
        assert page.input_value(first + '[data-column="effect"]') == HTML
        expect(page.locator(".pp-card-list")).to_contain_text(HTML)
        not_pwned(page)
    assert errors == []


def test_card_import_removes_the_apostrophe_of_a_tab_and_keeps_others(context: BrowserContext, base_url: str) -> None:
    """A file written elsewhere by the rule: "'\\t…" is a tab and text, "'x" stays as it is."""
    page = card_page(context, base_url)
    data = csv_text([["name", "code", "phone"], ["\tx王", "'just an apostrophe", "'=1"]]).encode()
    upload(page, ".pp-card-file", "other.csv", data)
    expect(page.locator("#card-input-name")).to_have_value("\tx王")
    assert page.input_value("#card-input-code") == "'just an apostrophe"
    assert page.input_value("#card-input-phone") == "'=1"


def card_too_big(lang: str, size: int) -> str:
    return (
        CARD_STRINGS["import_failed"][lang]
        .replace("{file}", "big.json")
        .replace(
            "{message}",
            CARD_STRINGS["import_too_big"][lang].replace("{size}", size_text(size)).replace("{limit}", size_text(CARD_IMPORT_MAX_BYTES)),
        )
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_card_files_over_the_limits_are_refused_and_nothing_changes(context: BrowserContext, base_url: str, lang: str) -> None:
    page = card_page(context, base_url, lang)
    page.fill("#card-input-name", "王秀兰")
    page.fill("#card-input-phone", "13905390000")
    expect(page.locator(".pp-card-list table")).to_be_visible()
    before, stored = card_values(page), card_keys(page)

    card = json.dumps({"card": "id-card", "version": 1, "values": {"name": "换掉"}})
    big = (card + " " * (CARD_IMPORT_MAX_BYTES + 1 - len(card.encode()))).encode()
    upload(page, ".pp-card-file", "big.json", big, "application/json")
    expect(page.locator(".pp-card-status")).to_have_text(card_too_big(lang, len(big)))
    assert size_text(CARD_IMPORT_MAX_BYTES) in page.inner_text(".pp-card-status")
    assert card_values(page) == before and card_keys(page) == stored

    records = [{"measure": f"第{i}次"} for i in range(101)]  # the declaration allows 100
    upload(
        page, ".pp-card-file", "rows.json", json.dumps({"values": {"name": "换掉", "help_records": records}}).encode(), "application/json"
    )
    expect(page.locator(".pp-card-status")).to_contain_text("100")
    assert card_values(page) == before and card_keys(page) == stored

    upload(page, ".pp-card-file", "quote.csv", b'name,phone\r\n"\xe6\x8d\xa2,1\r\n')
    expect(page.locator(".pp-card-status")).to_contain_text(CARD_STRINGS["import_quote"][lang].replace("{n}", "2"))
    assert card_values(page) == before and card_keys(page) == stored

    at_limit = (card + " " * (CARD_IMPORT_MAX_BYTES - len(card.encode()))).encode()
    upload(page, ".pp-card-file", "ok.json", at_limit, "application/json")
    expect(page.locator("#card-input-name")).to_have_value("换掉")


def test_card_with_the_storage_full_says_nothing_was_saved(context: BrowserContext, base_url: str) -> None:
    storage_full(context, "policypress.card")
    page = card_page(context, base_url)
    errors = watch(page)
    page.fill("#card-input-name", "王秀兰")
    status = page.locator(".pp-card-status")
    expect(status).to_have_text(CARD_STRINGS["storage_failed"]["zh"])
    expect(page.locator(".pp-card-list")).to_have_text(CARD_STRINGS["saved_none"]["zh"])

    upload(page, ".pp-card-file", "card.json", json.dumps({"values": {"name": "李四"}}).encode(), "application/json")
    expect(page.locator("#card-input-name")).to_have_value("李四")
    unsaved = CARD_STRINGS["imported_unsaved"]["zh"].replace("{file}", "card.json") + " " + CARD_STRINGS["storage_failed"]["zh"]
    expect(status).to_have_text(unsaved)
    saved_words = [CARD_STRINGS["saved_at"]["zh"].split("{")[0], CARD_STRINGS["imported"]["zh"].split("{")[0]]
    assert not any(words in page.inner_text(".pp-card") for words in saved_words)
    page.reload()
    page.wait_for_selector(".pp-card-list")
    assert page.input_value("#card-input-name") == ""
    assert errors == []


def test_card_at_a_booth_imports_and_says_it_is_not_saved(context: BrowserContext, base_url: str) -> None:
    page = card_page(context, base_url, query="?booth=1")
    upload(page, ".pp-card-file", "card.json", json.dumps({"values": {"name": "李四"}}).encode(), "application/json")
    expect(page.locator("#card-input-name")).to_have_value("李四")
    expect(page.locator(".pp-card-status")).to_contain_text(CARD_STRINGS["booth_not_saved"]["zh"])
    assert CARD_STRINGS["imported"]["zh"].split("{")[0] not in page.inner_text(".pp-card-status")
    assert card_keys(page) == {}


# --- the statistics report --------------------------------------------------------------------


def report_page(context: BrowserContext, base_url: str, lang: str = "zh", query: str = "") -> Page:
    page = context.new_page()
    page.goto(base_url + ("en/" if lang == "en" else "") + "staff/stats-report/" + query)
    page.wait_for_selector(".pp-report-table tbody tr")
    return page


def units(page: Page) -> list[str]:
    """The units' names as the page reads them (trimmed)."""
    return page.eval_on_selector_all(".pp-report-table tbody .pp-report-cell-unit", "nodes => nodes.map(n => n.value.trim())")


def table_state(page: Page) -> dict:
    return page.evaluate(
        """() => ({
          county: document.querySelector('#pp-report-county').value,
          month: document.querySelector('#pp-report-month').value,
          rows: [...document.querySelectorAll('.pp-report-table tbody tr')].map(tr => [...tr.querySelectorAll('input')].map(i => i.value)),
          draft: localStorage.getItem(Object.keys(localStorage).find(k => k.startsWith('policypress-report:')) || ''),
        })"""
    )


def report_csv(rows: list[list[str]], county: str = "沂南县") -> bytes:
    return csv_text([["county", county], ["month", "2016-11"], ["unit", *map(str, range(1, WIDTH + 1))], *rows]).encode()


def test_report_csv_round_trip_of_the_corpus(context: BrowserContext, base_url: str) -> None:
    page = report_page(context, base_url)
    errors = watch(page)
    page.fill("#pp-report-county", HTML)
    page.fill("#pp-report-month", "2016-11")
    for index, text in enumerate(HOSTILE):
        if index:
            page.click(".pp-report-add")
        row = page.locator(".pp-report-table tbody tr").nth(index)
        row.locator(".pp-report-cell-unit").fill(text)
        row.locator("td[data-column='1'] input").fill("=1+1" if index == 0 else "1")
    expected = units(page)
    assert all(unit == text or not as_typed(text) for unit, text in zip(expected, HOSTILE, strict=True))
    not_pwned(page)

    exported = download(page, ".pp-report-csv")
    rows = rows_of(exported)
    assert_escaped(rows)
    assert rows[0] == ["county", HTML]
    assert [row[0] for row in rows[3:]] == [escape_cell(unit) for unit in expected]
    assert rows[3][1] == "'=1+1"
    read = read_csv(exported.decode("utf-8"), TABLE)  # the Python reader takes what the page wrote
    assert read.county == HTML and [row["unit"] for row in read.rows] == expected
    assert read.rows[0]["columns"][0] == "=1+1"

    page.once("dialog", lambda dialog: dialog.accept())
    page.click(".pp-report-clear")
    expect(page.locator("#pp-report-county")).to_have_value("")
    upload(page, ".pp-report-csv-file", "t.csv", exported)
    expect(page.locator(".pp-report-notice")).to_have_text(REPORT_STRINGS["imported"]["zh"].replace("{n}", str(len(HOSTILE))))
    assert units(page) == expected
    assert page.input_value("#pp-report-county") == HTML
    assert page.input_value(".pp-report-table tbody tr:first-child td[data-column='1'] input") == "=1+1"
    expect(page.locator(".pp-report-errors")).to_be_visible(timeout=LOAD)  # the checker's messages, as text
    not_pwned(page)
    assert errors == []


def test_report_xlsx_of_hostile_units_made_in_the_browser_has_no_formula(context: BrowserContext, base_url: str) -> None:
    page = report_page(context, base_url)
    upload(page, ".pp-report-csv-file", "t.csv", report_csv([[unit, *map(str, GOOD)] for unit in XLSX_UNITS]))
    expect(page.locator(".pp-report-ok")).to_be_visible(timeout=LOAD)
    shown = units(page)
    assert all(unit == text or not as_typed(text) for unit, text in zip(shown, XLSX_UNITS, strict=True))
    workbook = download(page, ".pp-report-xlsx", timeout=LOAD)
    assert formulas_in(workbook) == []
    sheet = openpyxl.load_workbook(io.BytesIO(workbook)).active
    cells = [sheet.cell(6 + i, 1) for i in range(len(XLSX_UNITS))]
    assert [cell.value for cell in cells] == shown
    assert {cell.data_type for cell in cells} == {"s"}
    not_pwned(page)


def report_too_big(lang: str, size: int) -> str:
    message = REPORT_STRINGS["import_too_big"][lang].replace("{file}", "big.csv").replace("{size}", size_text(size))
    return REPORT_STRINGS["import_failed"][lang] + message.replace("{limit}", size_text(REPORT_IMPORT_MAX_BYTES))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_files_over_the_limits_are_refused_and_nothing_changes(context: BrowserContext, base_url: str, lang: str) -> None:
    page = report_page(context, base_url, lang)
    page.fill("#pp-report-county", "沂南县")
    page.fill(".pp-report-table tbody tr:first-child .pp-report-cell-unit", "城关镇")
    page.fill(".pp-report-table tbody tr:first-child td[data-column='1'] input", "1200")
    before = table_state(page)
    assert before["draft"] and "城关镇" in before["draft"]
    notice = page.locator(".pp-report-notice")

    small = report_csv([["界湖街道", *map(str, GOOD)]])
    big = small + b" " * (REPORT_IMPORT_MAX_BYTES + 1 - len(small))
    upload(page, ".pp-report-csv-file", "big.csv", big)
    expect(notice).to_have_text(report_too_big(lang, len(big)))
    assert size_text(REPORT_IMPORT_MAX_BYTES) in notice.inner_text()
    assert table_state(page) == before

    many = report_csv([[f"单位{i}", "1"] for i in range(REPORT_MAX_ROWS + 1)])
    upload(page, ".pp-report-csv-file", "many.csv", many)
    limit = REPORT_STRINGS["import_too_many_rows"][lang].replace("{n}", str(REPORT_MAX_ROWS + 1)).replace("{limit}", str(REPORT_MAX_ROWS))
    expect(notice).to_have_text(REPORT_STRINGS["import_failed"][lang] + limit)
    assert table_state(page) == before

    quote = report_csv([["界湖街道", *map(str, GOOD)]]) + b'"\xe5\x8d\x95\xe4\xbd\x8d,1\r\n'
    upload(page, ".pp-report-csv-file", "quote.csv", quote)
    expect(notice).to_have_text(REPORT_STRINGS["import_failed"][lang] + REPORT_STRINGS["import_quote"][lang].replace("{n}", "5"))
    assert table_state(page) == before

    # a paste that would take the table past the limit (one row is there already)
    page.click(".pp-report-paste-area summary")
    page.fill("#pp-report-paste", "".join(f"单位{i}\t" + "\t".join(map(str, GOOD)) + "\n" for i in range(REPORT_MAX_ROWS)))
    page.click(".pp-report-paste-apply")
    too_many = REPORT_STRINGS["paste_too_many"][lang].replace("{n}", str(REPORT_MAX_ROWS + 1)).replace("{limit}", str(REPORT_MAX_ROWS))
    expect(notice).to_have_text(too_many)
    assert table_state(page) == before


# The rows added to the table between two of the page's tasks (a MutationObserver reports after
# each): one number when the whole table is built at once, several when it comes in batches.
ADDED_ROWS = """() => {
  window.__addedRows = [];
  new MutationObserver((records) => {
    const n = records.reduce((sum, r) => sum + [...r.addedNodes].filter((node) => node.nodeName === "TR").length, 0);
    if (n) window.__addedRows.push(n);
  }).observe(document.querySelector(".pp-report-table tbody"), { childList: true });
}"""


def test_report_the_largest_allowed_import_renders_while_the_page_answers(context: BrowserContext, base_url: str) -> None:
    """REPORT_MAX_ROWS units in a file of exactly REPORT_IMPORT_MAX_BYTES (blank padding)."""
    page = report_page(context, base_url)
    errors = watch(page)
    data = report_csv([[f"单位{i}", *map(str, GOOD)] for i in range(REPORT_MAX_ROWS)])
    data += b" " * (REPORT_IMPORT_MAX_BYTES - 2 - len(data)) + b"\r\n"
    assert len(data) == REPORT_IMPORT_MAX_BYTES
    page.evaluate(ADDED_ROWS)
    upload(page, ".pp-report-csv-file", "largest.csv", data)
    assert page.evaluate("() => 6 * 7") == 42  # answered whether or not the rows are all there yet
    expect(page.locator(".pp-report-table tbody tr")).to_have_count(REPORT_MAX_ROWS, timeout=60_000)
    added = page.evaluate("() => window.__addedRows")
    assert sum(added) == REPORT_MAX_ROWS and len(added) > 1 and max(added) < REPORT_MAX_ROWS  # in batches, not one long task
    expect(page.locator(".pp-report-notice")).to_have_text(REPORT_STRINGS["imported"]["zh"].replace("{n}", str(REPORT_MAX_ROWS)))
    last = page.locator(".pp-report-table tbody tr").last
    assert last.locator(".pp-report-cell-unit").input_value() == f"单位{REPORT_MAX_ROWS - 1}"
    assert last.locator("td[data-column='18'] input").input_value() == "75.5"
    expect(last.locator(".pp-report-remove")).to_have_attribute("aria-label", f"删除第 {REPORT_MAX_ROWS} 行")
    expect(page.locator(".pp-report-total td[data-column='1']")).to_have_text(str(1200 * REPORT_MAX_ROWS))
    assert errors == []


def test_report_with_the_storage_full_says_the_draft_was_not_saved(context: BrowserContext, base_url: str) -> None:
    storage_full(context, "policypress-report:")
    page = report_page(context, base_url)
    errors = watch(page)
    page.fill("#pp-report-county", "沂南县")
    storage = page.locator(".pp-report-storage")
    expect(storage).to_have_text(REPORT_STRINGS["storage_failed"]["zh"])
    expect(storage).to_be_visible()
    upload(page, ".pp-report-csv-file", "t.csv", report_csv([["城关镇", *map(str, GOOD)]]))
    expect(page.locator(".pp-report-notice")).to_have_text(REPORT_STRINGS["imported"]["zh"].replace("{n}", "1"))
    expect(storage).to_have_text(REPORT_STRINGS["storage_failed"]["zh"])
    assert REPORT_STRINGS["saved"]["zh"] not in page.inner_text(".pp-report")
    page.reload()
    page.wait_for_selector(".pp-report-table tbody tr")
    assert page.input_value("#pp-report-county") == "" and units(page) == [""]
    assert errors == []


def test_report_at_a_booth_imports_and_keeps_saying_nothing_is_saved(context: BrowserContext, base_url: str) -> None:
    page = report_page(context, base_url, query="?booth=1")
    expect(page.locator(".pp-report-notice")).to_have_text(REPORT_STRINGS["booth_no_draft"]["zh"])
    upload(page, ".pp-report-csv-file", "t.csv", report_csv([["城关镇", *map(str, GOOD)]]))
    expect(page.locator(".pp-report-notice")).to_contain_text(REPORT_STRINGS["booth_no_draft"]["zh"])
    assert units(page) == ["城关镇"]
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('policypress-report:'))") == []
