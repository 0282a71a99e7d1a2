"""The identification card page in real Chromium: fill a card, check it with id-card in Pyodide,
reload and find it again, export it as JSON, clear everything, import it back; the self-check link
carries the card's facts but never the ID number; nothing leaves the origin."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser
LOAD = 60_000  # ms: Pyodide's first load
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(first17: str) -> str:
    """The first 17 digits and the GB 11643-1999 check character."""
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


# Lanshan, born 1962-10-01 (57 on the rules day, 2020-05-15), sequence 002: even, a woman.
ID_NUMBER = id_number("37130219621001002")


def fill_card(page: Page) -> None:
    page.fill("#card-input-name", "王秀兰")
    page.select_option("#card-input-sex", "female")
    page.fill("#card-input-id_number", ID_NUMBER)
    page.fill("#card-input-phone", "13905390000")
    page.fill("#card-input-address_county", "兰山区")
    page.select_option("#card-input-health", "healthy")
    page.select_option("#card-input-able_to_work", "yes")
    page.check('input[name="has_disability_certificate"][value="false"]')
    page.check('input[name="poverty_causes"][value="no_skills"]')
    page.select_option("#card-input-employment_wish", "local")
    page.check('input[name="hard_to_place"][value="true"]')
    page.click('[data-rows-add="help_records"]')
    page.fill('[data-rows="help_records"] tbody tr:first-child [data-column="date"]', "2020-05-10")
    page.fill('[data-rows="help_records"] tbody tr:first-child [data-column="measure"]', "推荐公益岗位")


def form_values(page: Page) -> dict:
    return page.evaluate(
        """() => {
        const f = document.querySelector('.pp-card-form');
        const out = {};
        f.querySelectorAll('input, select').forEach(el => {
          const key = el.name || el.dataset.column;
          if (el.type === 'radio' || el.type === 'checkbox') { if (el.checked) out[key + '=' + el.value] = true; }
          else if (el.type !== 'file') out[key + ':' + (out[key + '#'] = (out[key + '#'] || 0) + 1)] = el.value;
        });
        return out;
      }"""
    )


def test_card_fill_check_reload_export_import(browser: Browser, base_url: str, tmp_path: Path) -> None:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + "staff/id-card/")
    page.wait_for_selector(".pp-card-list")
    fill_card(page)

    page.click('.pp-card-form button[type="submit"]')
    page.wait_for_selector('.pp-card-result [data-output="category"]', timeout=LOAD)
    assert page.get_attribute('[data-output="category"]', "data-category") == "working_able"
    assert page.inner_text('[data-output="birth_date"]') == "1962-10-01"
    assert page.inner_text('[data-output="age"]') == "57"
    assert page.locator('[data-output="recommended"] li[data-measure="2"] a').count() == 1
    assert "m02-public-welfare-jobs" in page.get_attribute('[data-output="recommended"] li[data-measure="2"] a', "href")

    # The self-check link: the card's facts, no ID number, no name.
    href = page.get_attribute(".pp-card-selfcheck", "href")
    assert href and "#answers=" in href
    decoded = unquote(href)
    assert ID_NUMBER not in decoded and ID_NUMBER[-4:] not in decoded and "王秀兰" not in decoded
    answers = json.loads(decoded.split("#answers=", 1)[1].split("&step=")[0])
    assert answers["birth_date"] == "1962-10-01" and answers["sex"] == "female" and answers["hard_to_place"] is True

    before = form_values(page)
    page.reload()
    page.wait_for_selector(".pp-card-list table")
    assert page.input_value("#card-input-id_number") == ID_NUMBER
    assert form_values(page) == before
    assert "…" + ID_NUMBER[-4:] in page.inner_text(".pp-card-list")
    assert ID_NUMBER not in page.inner_text(".pp-card-list")

    with page.expect_download() as download:
        page.click('[data-card-action="export-json"]')
    exported = tmp_path / "card.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text(encoding="utf-8"))["values"]["id_number"] == ID_NUMBER

    with page.expect_download() as download:
        page.click('[data-card-action="export-csv"]')
    csv_file = tmp_path / "card.csv"
    download.value.save_as(csv_file)
    assert csv_file.read_bytes().startswith(b"\xef\xbb\xbf")

    page.click('[data-card-action="clear"]')
    page.click('[data-card-action="clear-confirm"]')
    assert page.input_value("#card-input-id_number") == ""
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('policypress.card.')).length") == 0

    page.set_input_files(".pp-card-file", str(exported))
    page.wait_for_function("id => document.querySelector('#card-input-id_number').value === id", arg=ID_NUMBER)
    assert form_values(page) == before

    page.click('[data-card-action="clear"]')
    page.click('[data-card-action="clear-confirm"]')
    page.set_input_files(".pp-card-file", str(csv_file))
    page.wait_for_function("id => document.querySelector('#card-input-id_number').value === id", arg=ID_NUMBER)
    assert form_values(page) == before

    # The self-check opens with the answers filled in.
    page.goto(page.evaluate("() => document.querySelector('.pp-card-selfcheck').href"))
    page.wait_for_selector("#pp-sc-question")
    assert ID_NUMBER not in page.url

    assert errors == []
    assert {urlparse(u).netloc for u in requests if not u.startswith(("data:", "blob:"))} == {urlparse(base_url).netloc}
    context.close()


# --- the keyboard alone -------------------------------------------------------------------------


def focused(page: Page, selector: str) -> bool:
    return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)


def focus_is_visible(page: Page) -> bool:
    """The focused control is drawn with a focus ring (an outline of at least 2px, or a shadow)."""
    return page.evaluate(
        """() => {
        const s = getComputedStyle(document.activeElement);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
      }"""
    )


def tab_to(page: Page, selector: str, back: bool = False, limit: int = 150) -> None:
    """Press Tab (Shift+Tab if `back`) until the focus is on `selector`; the focus must show."""
    for _ in range(limit):
        if focused(page, selector):
            assert focus_is_visible(page), f"no visible focus on {selector}"
            return
        page.keyboard.press("Shift+Tab" if back else "Tab")
    raise AssertionError(f"Tab never reached {selector}")


def choose(page: Page, selector: str, value: str) -> None:
    """Pick an option of a closed <select> with the arrow keys."""
    tab_to(page, selector)
    for _ in range(12):
        if page.input_value(selector) == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{value} is not an option of {selector}")


def pick(page: Page, name: str, value: str) -> None:
    """Answer a radio group: one Tab stop (the option chosen, "not known" to begin with), then
    the arrow keys move the choice."""
    option = f'input[name="{name}"][value="{value}"]'
    tab_to(page, f'input[name="{name}"]')
    for _ in range(6):
        if page.is_checked(option):
            assert focused(page, option)
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{value} is not an option of {name}")


def test_a_card_is_filled_saved_checked_and_reopened_with_the_keyboard_alone(browser: Browser, base_url: str) -> None:
    """Tab, typing, arrows, Space and Enter only: no click anywhere. Enter in a field saves and
    checks the card; the result takes the focus; the card is in the saved list and opens from it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base_url + "staff/id-card/")
    page.wait_for_selector(".pp-card-list")
    assert page.locator(".pp-card-list table").count() == 0  # nothing saved in this browser yet

    page.keyboard.press("Tab")
    assert focused(page, "a.md-skip")  # "skip to content" first...
    page.keyboard.press("Enter")  # ...past the header and the navigation
    tab_to(page, "#card-input-name")
    page.keyboard.type("王秀兰")
    choose(page, "#card-input-sex", "female")
    tab_to(page, "#card-input-id_number")
    page.keyboard.type(ID_NUMBER)
    tab_to(page, "#card-input-phone")
    page.keyboard.type("13905390000")
    choose(page, "#card-input-able_to_work", "yes")
    tab_to(page, 'input[name="poverty_causes"][value="no_skills"]')
    page.keyboard.press("Space")
    assert page.is_checked('input[name="poverty_causes"][value="no_skills"]')
    pick(page, "hard_to_place", "true")
    tab_to(page, '[data-rows-add="help_records"]')
    page.keyboard.press("Enter")  # a new row, and the focus in its first field
    assert focused(page, '[data-rows="help_records"] tbody tr:first-child [data-column="date"]')
    page.keyboard.type("2020-5-5")  # a text field in the page's language (年-月-日), read as 2020-05-05 when left
    tab_to(page, '[data-rows="help_records"] tbody tr:first-child [data-column="measure"]')
    page.keyboard.type("推荐公益岗位")
    assert page.input_value('[data-rows="help_records"] tbody tr:first-child [data-column="date"]') == "2020-05-05"

    page.keyboard.press("Enter")  # Enter in a field submits the form: saved, then checked
    page.wait_for_selector('.pp-card-result [data-output="category"]', timeout=LOAD)
    assert focused(page, ".pp-card-result")  # the result takes the focus (and is read out)
    assert page.get_attribute('[data-output="category"]', "data-category") == "working_able"
    assert page.inner_text('[data-output="age"]') == "57"
    assert page.locator('[data-output="recommended"] li[data-measure="2"] a').count() == 1
    saved = page.locator(".pp-card-list tbody tr")
    assert saved.count() == 1
    assert "王秀兰" in saved.inner_text() and "…" + ID_NUMBER[-4:] in saved.inner_text()

    tab_to(page, '[data-card-action="new"]', back=True)
    page.keyboard.press("Enter")  # a blank card...
    assert page.input_value("#card-input-name") == ""
    tab_to(page, "[data-card-open]", back=True)
    page.keyboard.press("Space")  # ...and the saved one opened again from the list
    assert page.input_value("#card-input-name") == "王秀兰"
    assert page.input_value("#card-input-id_number") == ID_NUMBER
    assert page.is_checked('input[name="hard_to_place"][value="true"]')
    assert errors == []
    context.close()


# --- one device, several documents' cards -------------------------------------------------------


def test_the_saved_list_holds_this_forms_cards_only_and_the_print_follows_its_layout(browser: Browser, base_url: str) -> None:
    """A card saved on another document's form (or, from before cards said which form, one whose
    fields are not this form's) is not listed here; one saved before with this form's fields is.
    The printed card lays out every box of the form."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + "staff/id-card/")
    page.wait_for_selector(".pp-card-list")
    page.evaluate(
        """() => {
        const put = (id, card) => localStorage.setItem('policypress.card.' + id, JSON.stringify(card));
        put('other', { id: 'other', form: 'another-card', updated: '2026-01-02T00:00:00Z', values: { name: '外单位卡片' } });
        put('legacy-foreign', { id: 'legacy-foreign', updated: '2026-01-03T00:00:00Z', values: { host: '见习单位' } });
        put('legacy-own', { id: 'legacy-own', updated: '2026-01-04T00:00:00Z', values: { name: '旧卡片', sex: 'female' } });
    }"""
    )
    page.reload()
    page.wait_for_selector(".pp-card-list table")
    listed = page.inner_text(".pp-card-list")
    assert "旧卡片" in listed and "外单位卡片" not in listed and "见习单位" not in listed
    fill_card(page)
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    printed = page.inner_text(".pp-card-print")
    labels = page.evaluate("() => JSON.parse(document.querySelector('.pp-card-config').textContent).print.flatMap(s => s[1])")
    declaration = page.evaluate("() => JSON.parse(document.querySelector('.pp-card-config').textContent).declaration.inputs")
    by_name = {f["name"]: f for f in declaration}
    for name in labels:
        assert by_name[name]["label"]["zh"] in printed, name
    assert "王秀兰" in printed
    context.close()
