"""Shared by the calculator-form security tests: the built site served with every request it
receives recorded, the pages with forms found in the built site (never a hard-coded list), the
worked example each calculator form is filled with, and filling a form the way a person does."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import html
import http.server
import json
import re
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page

from browser import _QuietHandler
from calculators import calculate
from conftest import ROOT
from policypress.content import load_site
from policypress.examples import jsonable
from policypress.export import export_parameters

LOAD = 90_000  # ms: Pyodide's first load on a slow, busy machine
SITE = load_site(ROOT)
DOC = SITE.documents[0]
PARAMETERS = export_parameters(SITE, DOC)
DECLARATION = re.compile(r'<script type="application/json" class="pp-declaration">(.*?)</script>', re.S)
FORM = re.compile(r"<form\b(?![^>]*md-search__form)[^>]*>")  # a form of ours, not Material's search

# Every cached URL, from the page (the service worker's caches are the origin's).
CACHED_URLS = """async () => {
  const urls = [];
  for (const key of await caches.keys()) {
    const cache = await caches.open(key);
    for (const request of await cache.keys()) urls.push(request.url);
  }
  return urls;
}"""


# --- the site, served with every request recorded ----------------------------------------------


@dataclass
class Served:
    url: str
    requests: list[tuple[str, str]] = field(default_factory=list)  # (method, path as sent)

    def since(self, start: int) -> list[tuple[str, str]]:
        return self.requests[start:]


class _RecordingHandler(_QuietHandler):
    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.server.served.requests.append((self.command or "?", self.path))  # type: ignore[attr-defined]


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    served: Served

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):  # a page closed mid-download
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serve_recording(directory: Path) -> Iterator[Served]:
    server = _Server(("127.0.0.1", 0), functools.partial(_RecordingHandler, directory=str(directory)))
    server.served = Served(f"http://127.0.0.1:{server.server_address[1]}/")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.served
    finally:
        server.shutdown()
        server.server_close()


# --- the pages ---------------------------------------------------------------------------------


def calculator_pages(site: Path) -> list[str]:
    """Every calculator page of the built site, both languages (paths relative to the site)."""
    pages = []
    for prefix in ("", "en/"):
        for index in sorted((site / prefix / "calculators").glob("*/index.html")):
            pages.append(f"{prefix}calculators/{index.parent.name}/")
    return pages


def pages_with_forms(site: Path) -> list[str]:
    """Every page whose HTML has a form of ours (calculators, the staff card, …)."""
    found = []
    for index in sorted(site.rglob("index.html")):
        if FORM.search(index.read_text(encoding="utf-8")):
            found.append(index.parent.relative_to(site).as_posix() + "/")
    return found


def pages_built_by_script(site: Path) -> list[str]:
    """Pages whose form the script builds (the self-check) or that have inputs and no form (the report)."""
    found = []
    for index in sorted(site.rglob("index.html")):
        text = index.read_text(encoding="utf-8")
        if 'class="pp-sc-app"' in text or 'class="pp-report-app"' in text:
            found.append(index.parent.relative_to(site).as_posix() + "/")
    return found


def declaration_of(site: Path, page: str) -> dict[str, Any]:
    match = DECLARATION.search((site / page / "index.html").read_text(encoding="utf-8"))
    assert match, f"{page}: no calculator declaration"
    return json.loads(html.unescape(match.group(1)))


@dataclass
class Case:
    inputs: dict[str, Any]  # JSON, as the worked example gives them
    outcome: str  # what CPython's calculator says for them


def worked_case(calculator: str) -> Case:
    """The calculator's first worked example that gives a result (not field errors)."""
    for example in DOC.examples:
        if example.calculator != calculator:
            continue
        inputs = jsonable(example.inputs)
        result = calculate(calculator, inputs, PARAMETERS, today=dt.date.today())  # the browser's Python uses today
        if "errors" not in result:
            return Case(inputs, str(result["outcome"]))
    raise AssertionError(f"{calculator}: no worked example gives a result")


# --- typing, as a person does ------------------------------------------------------------------


def as_text(value: Any) -> str:
    if isinstance(value, list):  # a list column (a row of the statistics table): typed with spaces
        return " ".join(as_text(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class Typist:
    """Fills a form with the mouse and the keyboard. The first field of each form, and any text
    that is not ASCII, arrives as insert_text (as an IME or voice input does); the rest is typed
    key by key. Date fields are typed in the segments of the context's locale (en-US)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.inserted = False

    def type_into(self, control: Locator, text: str, date: bool = False) -> None:
        if date and control.get_attribute("type") == "date":  # a browser's own date field, typed in segments
            box = control.bounding_box()
            assert box, "a date field that is not on screen"
            control.click(position={"x": 4, "y": box["height"] / 2})  # the first segment: the month
            year, month, day = text.split("-")
            self.page.keyboard.type(month + day + year)
        else:
            control.click()
            if control.input_value():
                self.page.keyboard.press("Control+A")
                self.page.keyboard.press("Backspace")
            if not self.inserted or not text.isascii():
                self.page.keyboard.insert_text(text)
                self.inserted = True
            else:
                self.page.keyboard.type(text)
        assert control.input_value() == text, f"typed {text!r}, the field holds {control.input_value()!r}"

    def fill(self, form: Locator, declaration: dict[str, Any], inputs: dict[str, Any]) -> None:
        for f in declaration["inputs"]:
            name, kind = f["name"], f["type"]
            if name not in inputs:
                continue
            value = inputs[name]
            if kind == "bool":
                radio = form.locator(f'input[type="radio"][name="{name}"][value="{as_text(value)}"]')
                radio.click()
                assert radio.is_checked()
            elif kind == "multi":
                for box in form.locator(f'input[type="checkbox"][name="{name}"]').all():
                    if box.is_checked() != (box.get_attribute("value") in value):
                        box.click()
            elif kind == "choice":
                select = form.locator(f"#input-{name}")
                select.click()
                select.select_option(as_text(value))  # the option a person picks from the list
                self.page.keyboard.press("Escape")  # the list closes
                assert select.input_value() == as_text(value)
            elif kind == "rows":
                self.fill_rows(form, f, value)
            else:
                self.type_into(form.locator(f"#input-{name}"), as_text(value), date=kind == "date")

    def fill_rows(self, form: Locator, f: dict[str, Any], rows: list[dict[str, Any]]) -> None:
        name = f["name"]
        body = form.locator(f'table[data-rows="{name}"] tbody')
        add = form.locator(f'button[data-rows-add="{name}"]')
        # Add a row and take it away again: the count goes back, and the focus to "add".
        before = body.locator("tr").count()
        add.click()
        assert body.locator("tr").count() == before + 1
        body.locator("tr").last.locator(".pp-row-remove").click()
        assert body.locator("tr").count() == before
        assert self.page.evaluate("() => document.activeElement.dataset.rowsAdd") == name
        for index, row in enumerate(rows):
            if index >= body.locator("tr").count():
                add.click()
            tr = body.locator("tr").nth(index)
            for column in f["rows"]:
                if column["name"] in row:
                    self.type_into(tr.locator(f'[data-column="{column["name"]}"]'), as_text(row[column["name"]]))
        assert body.locator("tr").count() == max(len(rows), before)
