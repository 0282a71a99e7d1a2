"""Answers in the address are anyone's: a shared link can carry any `#answers=`. For every
calculator page and the self-check, in real Chromium: quotes and brackets that would break a
CSS selector, JSON that is not JSON, not an object, `__proto__` and `constructor` keys, wrong
types, unknown names, very long values and too many rows, and markup that would set a global if
it ever ran as HTML. None of them may throw, run, pollute Object.prototype or break the form."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from calcpages import LOAD, Served, calculator_pages, declaration_of, serve_recording, worked_case
from playwright.sync_api import Browser, Page, TimeoutError

pytestmark = pytest.mark.browser
PWNED = "window.__pwned"
HOSTILE = '<img src=x onerror="window.__pwned=1">"]\'\\'  # markup, then what ends a quoted selector
CLEAN = f"""() => ({{
  pwned: {PWNED} !== undefined,
  polluted: ({{}}).polluted !== undefined || Object.prototype.polluted !== undefined || Array.prototype.polluted !== undefined,
  images: document.querySelectorAll('img[src="x"]').length,
}})"""
SELFCHECK = "self-check/"


@pytest.fixture(scope="module")
def served(built: Path) -> Iterator[Served]:
    with serve_recording(built) as served:
        yield served


def fragment(answers: Any) -> str:
    return "#answers=" + quote(answers if isinstance(answers, str) else json.dumps(answers), safe="")


def hostile_fragments(declaration: dict[str, Any]) -> dict[str, str]:
    """What a shared link may carry, by what it tries."""
    names = [f["name"] for f in declaration["inputs"]]
    rows = [f for f in declaration["inputs"] if f["type"] == "rows"]
    wrong: dict[str, Any] = {}
    for f in declaration["inputs"]:
        wrong[f["name"]] = "not rows" if f["type"] == "rows" else {"value": 1, "toString": "x"}
    many_rows = {f["name"]: [{c["name"]: "9" for c in f["rows"]}] * 5000 for f in rows}
    return {
        "quotes": fragment({"x": '"]', '"]': '"]', **dict.fromkeys(names, "\"]'")}),
        "markup": fragment({**dict.fromkeys(names, HOSTILE), HOSTILE: HOSTILE}),
        "not json": "#answers=" + quote('{"a": "b"', safe="") + "'\"]",
        "bad escapes": "#answers=%E0%A4%A%22%5D",
        "an array": fragment([HOSTILE, 1]),
        "a string": fragment(json.dumps(HOSTILE)),
        "null": fragment("null"),
        "a number": fragment("1e400"),
        "prototype": fragment('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}'),
        "wrong types": fragment(wrong),
        "rows of anything": fragment({f["name"]: [1, "a", None, [], {"x": {"y": 1}}, {c["name"]: [1] for c in f["rows"]}] for f in rows}),
        "too many rows": fragment(many_rows),
        "very long": fragment(dict.fromkeys(names, "9" * 20_000)),
        "longer than any form writes": fragment({names[0]: "9" * 400_000}),
    }


def assert_clean(page: Page, problems: list[str], what: str) -> None:
    assert problems == [], f"{what}: {problems}"
    assert page.evaluate(CLEAN) == {"pwned": False, "polluted": False, "images": 0}, what


def settled(page: Page, selector: str, problems: list[str], what: str) -> None:
    """Waits until `selector` shows (without the runtime, at once); if it never does, says why."""
    try:
        page.locator(selector).wait_for(timeout=15_000)
    except TimeoutError as error:
        raise AssertionError(f"{what}: {selector} never showed; page errors: {problems}") from error


def watch(page: Page) -> list[str]:
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def hostile_inputs(inputs: dict[str, Any], declaration: dict[str, Any]) -> dict[str, Any]:
    """The worked example with every text (rows' included) replaced by markup: what comes back in a
    result or an error message (a worker's name, say) must be shown as text."""
    out = dict(inputs)
    for f in declaration["inputs"]:
        name = f["name"]
        if f["type"] in ("text", "choice") and name in out:
            out[name] = HOSTILE
        elif f["type"] == "rows" and name in out:
            texts = {c["name"] for c in f["rows"] if c["type"] == "text"}
            out[name] = [{k: HOSTILE if k in texts else v for k, v in row.items()} for row in out[name]]
    return out


def test_hostile_answers_in_the_address_leave_every_calculator_working(browser: Browser, built: Path, served: Served) -> None:
    pages = [path for path in calculator_pages(built) if not path.startswith("en/")]  # the same script in both languages
    assert len(pages) >= 8
    for path in pages:
        declaration = declaration_of(built, path)
        url = served.url + path
        # Without the runtime (no WebAssembly: it fails at once) every fragment is only read and filled in.
        context = browser.new_context()
        context.add_init_script("delete window.WebAssembly")
        page = context.new_page()
        problems = watch(page)
        for what, hash_ in hostile_fragments(declaration).items():
            page.goto("about:blank")
            page.goto(url + hash_)
            settled(page, ".pp-runtime-failed:not([hidden])", problems, f"{path} {what}")  # its async work is done
            assert_clean(page, problems, f"{path} {what}")
            assert page.locator('form.pp-calc-form button[type="submit"]').is_enabled(), f"{path} {what}"
        context.close()

        # With the runtime: the worked example with markup in every text gives a result or errors,
        # shown as text; then the form is used again.
        inputs = hostile_inputs(worked_case(declaration["name"]).inputs, declaration)
        context = browser.new_context()
        page = context.new_page()
        problems = watch(page)
        page.goto(url + fragment(inputs))
        shown = ".pp-result:not([hidden]) .pp-outcome, .pp-field-error:not([hidden])"
        page.wait_for_selector(shown, timeout=LOAD)
        assert_clean(page, problems, f"{path} markup in every text")
        button = page.locator('form.pp-calc-form button[type="submit"]')
        button.click()
        page.wait_for_function("() => !document.querySelector('.pp-result').hasAttribute('aria-busy')", timeout=LOAD)
        page.wait_for_selector(shown, timeout=LOAD)
        assert_clean(page, problems, f"{path} used again")
        context.close()


def test_the_workshop_award_shows_a_workers_name_as_text(browser: Browser, served: Served) -> None:
    """The result lists the qualifying workers by what was typed: markup there is text."""
    context = browser.new_context()
    page = context.new_page()
    problems = watch(page)
    answers = {"poverty_line": "3000", "date": "2018-01-01", "workers": [{"id": HOSTILE, "pay_12_months": "4200"}]}
    page.goto(served.url + "en/calculators/workshop-award/" + fragment(answers))
    page.locator(".pp-result:not([hidden]) .pp-outcome").wait_for(timeout=LOAD)  # eligible, or possibly
    assert HOSTILE in page.inner_text(".pp-result")
    assert_clean(page, problems, "workshop-award")
    context.close()


def test_hostile_answers_in_the_address_leave_the_self_check_working(browser: Browser, served: Served) -> None:
    context = browser.new_context()
    page = context.new_page()
    problems = watch(page)
    url = served.url + SELFCHECK
    cases = {
        "quotes": fragment({"registered_poor": '"]', '"]': '"]', "county": "\"]'"}) + "&step=%22%5D",
        "markup": fragment({"county": HOSTILE, HOSTILE: HOSTILE, "registered_poor": True}) + "&step=county",
        "not json": "#answers=%7B%22a%22&step=registered_poor",
        "bad escapes": "#answers=%E0%A4%A&step=%E0%A4%A",
        "an array": fragment([1, HOSTILE]) + "&step=summary",
        "prototype": fragment('{"__proto__": {"polluted": "yes"}, "constructor": {"polluted": "yes"}}') + "&step=__proto__",
        "wrong types": fragment({"registered_poor": {"a": 1}, "birth_date": [1], "age": 1e308}) + "&step=constructor",
        "very long": fragment({"registered_poor": True, "county": "9" * 20_000}) + "&step=summary",
        "longer than any form writes": fragment({"county": "9" * 400_000}) + "&step=summary",
    }
    for what, hash_ in cases.items():
        page.goto("about:blank")
        page.goto(url + hash_)
        settled(page, "#pp-sc-question", problems, f"self-check {what}")
        assert_clean(page, problems, f"self-check {what}")
    # With the runtime: markup in the answers, straight to the result; shown as text.
    answers = {"registered_poor": True, "birth_date": "1970-01-01", "county": HOSTILE, "able_to_work": "yes"}
    page.goto("about:blank")
    page.goto(url + fragment(answers) + "&step=result")
    page.wait_for_selector(".pp-sc-output:not([aria-busy]), .pp-sc-form, .pp-sc-summary", timeout=LOAD)
    assert_clean(page, problems, "self-check with the runtime")
    # And it is still used as a person does: the first question, answered and sent.
    page.goto(url + "#answers=%7B%7D&step=registered_poor")
    page.locator('.pp-sc-form input[name="registered_poor"][value="true"]').click()
    page.locator(".pp-sc-continue").click()
    page.wait_for_function("() => location.hash.includes('registered_poor%22%3Atrue')")
    assert_clean(page, problems, "self-check used again")
    context.close()
