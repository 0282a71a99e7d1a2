"""The monthly statistics report page (staff/stats-report/) in real Chromium: a table pasted from a
spreadsheet is checked as it is typed, the broken relation marked and listed, the 合计 row summed,
an XLSX made in the browser (xlsxwriter in Pyodide) that openpyxl opens, the draft still there
after a reload, and nothing fetched from another host."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlparse

import openpyxl
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from conftest import ROOT
from policypress.content import load_site
from policypress.export import export_parameters

pytestmark = pytest.mark.browser
LOAD = 90_000  # ms: Pyodide's first load on a slow machine
PARAMETERS = export_parameters(load_site(ROOT), load_site(ROOT).documents[0])
TABLE = PARAMETERS["statistics_table"]
TITLE = PARAMETERS["clauses"][TABLE["clause"]]["title"]["zh"]
WIDTH = len(TABLE["columns"])
MONEY = next(c["number"] for c in TABLE["columns"] if c["kind"] == "money")

GOOD = {
    "城关镇": [1200, 800, 600, 150, 300, 200, 40, 35, 120, 90, 60, 25, 30, 12, 20, 15, 10, "75.5", 1150, 60, 2],
    "界湖街道": [900, 700, 500, 120, 250, 150, 30, 20, 100, 80, 50, 20, 25, 10, 18, 12, 8, "60.25", 880, 40, 1],
}
BAD = re.compile(r"\bpp-report-bad\b")
BROKEN_ROW, BAD_VALUE = 2, 95  # 界湖街道: (11) = 95 > (10) = 80 breaks (10)≥(11)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield context
    context.close()


def tsv(units: dict[str, list]) -> str:
    return "\n".join("\t".join([unit, *map(str, values)]) for unit, values in units.items()) + "\n"


def cell(page: Page, row: int, column: int):
    return page.locator(f".pp-report-table tbody tr:nth-child({row}) td[data-column='{column}']")


def test_paste_check_fix_export_and_reload(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + "staff/stats-report/")

    page.fill("#pp-report-county", "沂南县")
    page.fill("#pp-report-month", "2016-11")
    broken = {unit: list(values) for unit, values in GOOD.items()}
    broken["界湖街道"][10] = BAD_VALUE
    # pasted into the table's first cell, as from Excel: a ClipboardEvent with TSV
    page.locator(".pp-report-table tbody tr:first-child input").first.focus()
    page.evaluate(
        """(text) => {
            const data = new DataTransfer();
            data.setData("text/plain", text);
            document.activeElement.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));
        }""",
        tsv(broken),
    )
    expect(page.locator(".pp-report-table tbody tr")).to_have_count(2)
    expect(cell(page, 2, 11).locator("input")).to_have_value(str(BAD_VALUE))

    relation = page.locator(".pp-report-violations li[data-relation='(10)≥(11)']")
    expect(relation.first).to_be_visible(timeout=LOAD)
    expect(relation.first).to_contain_text("界湖街道")
    for column in (10, 11):
        expect(cell(page, BROKEN_ROW, column)).to_have_class(BAD)
        expect(cell(page, 1, column)).not_to_have_class(BAD)

    cell(page, BROKEN_ROW, 11).locator("input").fill(str(GOOD["界湖街道"][10]))
    expect(page.locator(".pp-report-ok")).to_be_visible(timeout=LOAD)
    expect(page.locator(".pp-report-table .pp-report-bad")).to_have_count(0)
    expect(page.locator(".pp-report-violations")).to_have_count(0)
    expect(page.locator(".pp-report-due")).to_contain_text("2016-12-05")

    totals = page.locator(".pp-report-total td[data-column]").all_inner_texts()
    sums = [sum(Decimal(str(values[i])) for values in GOOD.values()) for i in range(WIDTH)]
    assert [Decimal(t) for t in totals] == sums

    with page.expect_download(timeout=LOAD) as info:
        page.click(".pp-report-xlsx")
    download = info.value
    assert download.suggested_filename == "统计表-沂南县-2016-11.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes())).active
    strings = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert TITLE in strings
    assert "合计" in strings
    total_row = next(row for row in sheet.iter_rows() if row[0].value == "合计")
    assert [Decimal(str(c.value)) for c in total_row[1 : WIDTH + 1]] == sums
    assert total_row[MONEY].value == pytest.approx(float(sums[MONEY - 1]))

    page.reload()
    expect(page.locator("#pp-report-county")).to_have_value("沂南县")
    expect(page.locator("#pp-report-month")).to_have_value("2016-11")
    expect(page.locator(".pp-report-table tbody tr")).to_have_count(2)
    expect(cell(page, 2, 11).locator("input")).to_have_value(str(GOOD["界湖街道"][10]))
    expect(page.locator(".pp-report-ok")).to_be_visible(timeout=LOAD)

    assert errors == []
    assert {urlparse(u).netloc for u in requests if not u.startswith(("blob:", "data:"))} == {urlparse(base_url).netloc}


def test_csv_export_is_read_back_by_the_import(context: BrowserContext, base_url: str) -> None:
    """CSV out (UTF-8 with BOM, reports.read_csv's layout) then in gives the same table."""
    from reports.statistics_xlsx import read_csv

    page = context.new_page()
    page.goto(base_url + "staff/stats-report/")
    page.fill("#pp-report-county", "沂南县")
    page.fill("#pp-report-month", "2016-11")
    page.click(".pp-report-paste-area summary")
    page.fill("#pp-report-paste", tsv(GOOD))
    page.click(".pp-report-paste-apply")
    expect(page.locator(".pp-report-table tbody tr")).to_have_count(2)
    with page.expect_download() as info:
        page.click(".pp-report-csv")
    data = Path(info.value.path()).read_bytes()
    assert data.startswith("\ufeff".encode())
    read = read_csv(data.decode("utf-8"), TABLE)
    assert (read.county, read.month) == ("沂南县", "2016-11")
    assert [r["unit"] for r in read.rows] == list(GOOD)
    assert read.rows[0]["columns"] == [str(v) for v in GOOD["城关镇"]]

    page.once("dialog", lambda dialog: dialog.accept())
    page.click(".pp-report-clear")
    expect(page.locator("#pp-report-county")).to_have_value("")
    page.set_input_files(".pp-report-csv-file", files=[{"name": "t.csv", "mimeType": "text/csv", "buffer": data}])
    expect(page.locator(".pp-report-table tbody tr")).to_have_count(2)
    expect(page.locator("#pp-report-county")).to_have_value("沂南县")
    expect(cell(page, 1, MONEY).locator("input")).to_have_value("75.5")
