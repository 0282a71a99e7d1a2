"""Booth mode and elder mode in real Chromium, as a clerk at a Publicity Week booth and an older
resident would use them: switched on by the bar or a URL flag, remembered, and for the booth,
everything a resident typed gone after the idle reset or the "next resident" button — including
what the browser's Back button would show."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

pytestmark = pytest.mark.browser
LOAD = 60_000  # ms: Pyodide's first load
DESKTOP = {"width": 1280, "height": 900}
MODE_KEYS = {"policypress-elder", "policypress-booth", "policypress-booth-token"}


def storage(page: Page) -> dict:
    return page.evaluate(
        "() => ({local: Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)])),"
        " session: Object.keys(sessionStorage)})"
    )


def dataset(page: Page) -> dict:
    return page.evaluate("() => ({...document.documentElement.dataset})")


def answer_first_questions(page: Page) -> None:
    page.wait_for_selector("#pp-sc-question")
    page.click("label.pp-sc-radio >> nth=0")
    page.click("button.pp-sc-continue")
    page.fill("#pp-sc-input-birth_date", "1963-03-01")
    page.click("button.pp-sc-continue")
    page.wait_for_function(
        "() => location.hash.includes('birth_date') && document.querySelector('#pp-sc-question').textContent !== '出生日期'"
    )
    assert "answers=" in page.url


def booth_context(browser: Browser) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.clock.install()  # the idle minutes pass on the test's word, not in real time
    return context, page


def test_booth_mode_keeps_nothing_and_clears_itself_after_the_idle_minutes(browser: Browser, base_url: str) -> None:
    context, page = booth_context(browser)
    page.goto(base_url + "self-check/?booth=1")
    assert dataset(page).get("ppBooth") == "on"
    assert "booth=" not in page.url  # the flag is taken, not left in an address someone might share
    assert page.locator(".pp-new-resident").is_visible()
    assert page.get_attribute('[data-pp-mode="booth"]', "aria-pressed") == "true"
    answer_first_questions(page)

    # The card and the report keep nothing on the device while booth mode is on.
    page.goto(base_url + "staff/id-card/")
    page.wait_for_selector(".pp-card-list .pp-booth-note")
    page.fill("#card-input-name", "王秀兰")
    page.fill("#card-input-phone", "13905390000")
    page.press("#card-input-phone", "Tab")
    page.goto(base_url + "staff/stats-report/")
    page.wait_for_selector(".pp-report-table")
    page.locator(".pp-report-table tbody input").first.fill("7")
    page.locator(".pp-report-table tbody input").first.press("Tab")
    assert set(storage(page)["local"]) <= MODE_KEYS

    page.go_back()
    page.go_back()  # the resident's own answers are still there while they use the booth
    page.wait_for_selector("#pp-sc-question")
    assert "answers=" in page.url

    page.clock.run_for("02:45")  # quiet for nearly the idle time: a warning, then the reset
    assert page.locator(".pp-booth-warning").is_visible()
    page.clock.run_for("00:20")
    page.wait_for_url(base_url)  # back on the home page
    page.wait_for_selector(".pp-booth-cleared:not([hidden])")
    assert dataset(page).get("ppBooth") == "on"  # booth mode stays on for the next resident
    kept = storage(page)
    assert set(kept["local"]) <= MODE_KEYS and kept["session"] == []

    page.go_back()  # what the Back button shows now: the self-check, but none of the answers
    page.wait_for_selector("#pp-sc-question")
    assert "answers=" not in page.url
    assert page.inner_text("#pp-sc-question") == "是否建档立卡农村贫困人口"
    assert page.locator(".pp-sc-app input:checked").count() == 0
    context.close()


def test_the_next_resident_button_clears_at_once_and_switching_off_leaves_nothing(browser: Browser, base_url: str) -> None:
    context, page = booth_context(browser)
    page.goto(base_url + "en/self-check/")
    page.click('[data-pp-mode="booth"]')  # switched on from the bar
    page.wait_for_selector(".pp-new-resident:not([hidden])")
    assert dataset(page).get("ppBooth") == "on"
    page.click("label.pp-sc-radio:has-text('No')")
    page.click("button.pp-sc-continue")
    page.wait_for_function("() => location.hash.includes('answers=')")
    page.click(".pp-new-resident")
    page.wait_for_url(base_url + "en/")
    assert "cleared" in page.inner_text(".pp-booth-cleared")
    page.go_back()
    page.wait_for_selector("#pp-sc-question")
    assert "answers=" not in page.url and page.locator(".pp-sc-app input:checked").count() == 0

    page.click('[data-pp-mode="booth"]')  # off again: a normal site, nothing of the booth left
    page.wait_for_function("() => !document.documentElement.dataset.ppBooth")
    assert page.locator(".pp-new-resident").is_hidden()
    assert set(storage(page)["local"]) <= {"policypress-booth-token"}
    context.close()


def test_a_link_with_answers_still_opens_in_booth_mode(browser: Browser, base_url: str) -> None:
    """A resident's own saved link (the QR code on a printed summary) is a new visit, not a way
    back to someone else's answers: booth mode shows it."""
    context, page = booth_context(browser)
    page.goto(base_url + "?booth=1")
    page.goto(base_url + "self-check/#answers=%7B%22registered_poor%22%3Atrue%7D&step=birth_date")
    page.wait_for_selector("#pp-sc-question")
    assert page.inner_text("#pp-sc-question") == "出生日期"
    context.close()


BODY_TEXT = ".pp-official p"  # the official text of a clause


def font_size(page: Page, selector: str) -> float:
    return page.evaluate("s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)", selector)


def test_elder_mode_is_larger_spaced_and_remembered_on_the_device(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url + "documents/linyi-hrss-2016-12/m02-public-welfare-jobs/")
    normal = font_size(page, BODY_TEXT)
    page.goto(base_url + "documents/linyi-hrss-2016-12/m02-public-welfare-jobs/?elder=1")
    assert dataset(page).get("ppElder") == "on"
    larger = font_size(page, BODY_TEXT)
    assert larger >= normal * 1.3
    line = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.pp-official p')).lineHeight)")
    assert line >= 1.5 * larger
    colour = page.evaluate("() => getComputedStyle(document.querySelector('.pp-official p')).color")
    assert colour == "rgb(0, 0, 0)"  # full contrast text

    page.goto(base_url + "en/calculators/public-welfare-job/")  # remembered across pages and languages
    assert dataset(page).get("ppElder") == "on"
    heights = page.evaluate(
        "() => [...document.querySelectorAll('.pp-calc-form button, .pp-calc-form input[type=text], .pp-calc-form select')]"
        ".filter(e => e.offsetParent).map(e => e.getBoundingClientRect().height)"
    )
    assert heights and min(heights) >= 44  # targets at least 44 px tall
    page.click('[data-pp-mode="elder"]')  # off from the bar
    page.wait_for_function("() => !document.documentElement.dataset.ppElder")
    page.reload()
    assert "ppElder" not in dataset(page)
    context.close()


ANSWERS = "#answers=" + quote(json.dumps({"eligible_costs": "170000", "registered_poor": True, "date": "2018-01-01"}))
FAKE_VOICES = """
(() => {
  window.__spoken = [];
  const voices = [{lang: "zh-CN", name: "fake zh"}, {lang: "en-GB", name: "fake en"}];
  Object.defineProperty(window, "speechSynthesis", {value: {
    getVoices: () => voices, speak: u => window.__spoken.push({text: u.text, lang: u.lang}), cancel: () => {},
    addEventListener: () => {}}});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})();
"""


def test_in_elder_mode_a_result_is_read_aloud_where_a_voice_exists(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(FAKE_VOICES)
    page = context.new_page()
    page.goto(base_url + "calculators/critical-illness/?elder=1" + ANSWERS)
    # Opened from a link, the answers are worked out at once, and the result is offered, not read:
    # nobody has touched the page yet (and browsers refuse to speak before that).
    page.wait_for_selector(".pp-result .pp-speak", timeout=LOAD)
    assert page.evaluate("() => window.__spoken") == []
    page.click('.pp-calc-form button[type="submit"]')  # the reader asks: the new result is read
    page.wait_for_function("() => window.__spoken.length > 0", timeout=LOAD)
    spoken = page.evaluate("() => window.__spoken")
    assert len(spoken) == 1 and spoken[0]["lang"] == "zh-CN"
    assert "97,750" in spoken[0]["text"]  # the result itself is what is read
    assert page.inner_text(".pp-result .pp-speak") not in spoken[0]["text"]
    page.click(".pp-result .pp-speak")  # read again on demand
    assert len(page.evaluate("() => window.__spoken")) == 2
    context.close()


def test_without_a_voice_there_is_no_read_aloud_button(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script("Object.defineProperty(window, 'speechSynthesis', {value: {getVoices: () => [], speak() {}, cancel() {}}});")
    page = context.new_page()
    page.goto(base_url + "calculators/critical-illness/?elder=1" + ANSWERS)
    page.click('.pp-calc-form button[type="submit"]')
    page.wait_for_selector(".pp-result:not([hidden])", timeout=LOAD)
    assert page.locator(".pp-speak").count() == 0
    context.close()


# --- switching booth mode on while staff work is on the device -----------------------------------

COUNT_PRINTS = "window.__prints = 0; window.print = () => { window.__prints += 1; };"  # the print dialog, counted


def card_keys(page: Page) -> list[str]:
    return page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('policypress.card.'))")


def test_switching_booth_mode_on_with_a_saved_card_asks_first_print_export_discard_or_cancel(browser: Browser, base_url: str) -> None:
    from policypress.i18n import MODE_STRINGS

    words = {key: value["zh"] for key, value in MODE_STRINGS.items()}
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    context.add_init_script(COUNT_PRINTS)
    page = context.new_page()
    page.goto(base_url + "staff/id-card/")
    page.wait_for_selector(".pp-card-list")
    page.locator("#card-input-name").press_sequentially("王秀兰")
    page.locator("#card-input-name").press("Tab")
    page.wait_for_function("() => Object.keys(localStorage).some(k => k.startsWith('policypress.card.'))")

    page.click('[data-pp-mode="booth"]')
    ask = page.locator("dialog.pp-booth-ask")
    assert ask.is_visible()
    assert words["booth_ask_title"] in ask.inner_text()
    assert words["booth_ask_cards"].replace("{n}", "1") in ask.inner_text()
    assert [b.inner_text() for b in ask.locator("button").all()] == [
        words["booth_ask_print"],
        words["booth_ask_export"],
        words["booth_ask_discard"],
        words["booth_ask_cancel"],
    ]
    assert "ppBooth" not in dataset(page)  # nothing switched yet

    ask.locator('[data-pp-booth-ask="cancel"]').click()  # cancel: as it was
    assert not ask.is_visible() and "ppBooth" not in dataset(page) and len(card_keys(page)) == 1

    page.click('[data-pp-mode="booth"]')
    with page.expect_download() as exported:
        ask.locator('[data-pp-booth-ask="export"]').click()  # the card page's own export (JSON)
    saved = json.loads(exported.value.path().read_text(encoding="utf-8"))
    assert saved["values"]["name"] == "王秀兰"
    assert ask.is_visible() and "ppBooth" not in dataset(page)  # still asked: exported is not yet switched on

    ask.locator('[data-pp-booth-ask="print"]').click()  # the card page's own print
    page.wait_for_function("() => window.__prints === 1")
    assert "王秀兰" in page.inner_text(".pp-card-print")
    page.wait_for_selector("dialog.pp-booth-ask[open]")  # asked again after printing

    ask.locator('[data-pp-booth-ask="discard"]').click()
    page.wait_for_selector(".pp-card-list .pp-booth-note")
    assert dataset(page).get("ppBooth") == "on"
    assert card_keys(page) == [] and set(storage(page)["local"]) <= MODE_KEYS
    context.close()


def test_a_booth_link_elsewhere_with_a_table_draft_asks_in_english_and_leads_to_the_table_to_export_it(
    browser: Browser, base_url: str
) -> None:
    from policypress.i18n import MODE_STRINGS

    words = {key: value["en"] for key, value in MODE_STRINGS.items()}
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    page = context.new_page()
    page.goto(base_url + "en/staff/stats-report/")
    page.wait_for_selector(".pp-report-table")
    first = page.locator(".pp-report-table tbody input").first
    first.press_sequentially("7")
    first.press("Tab")
    page.wait_for_function("() => Object.keys(localStorage).some(k => k.startsWith('policypress-report:'))")

    page.goto(base_url + "en/publicity-week/?booth=1")  # the kit page's "switch on booth mode" link
    ask = page.locator("dialog.pp-booth-ask")
    ask.wait_for()
    assert "booth=" not in page.url and "ppBooth" not in dataset(page)
    assert words["booth_ask_reports"].replace("{n}", "1") in ask.inner_text() and words["booth_ask_elsewhere"] in ask.inner_text()

    ask.locator('[data-pp-booth-ask="export"]').click()  # opens the table's page, and asks again there
    page.wait_for_url("**/en/staff/stats-report/")
    ask = page.locator("dialog.pp-booth-ask")
    ask.wait_for()
    assert words["booth_ask_here_report"] in ask.inner_text()
    with page.expect_download() as exported:
        ask.locator('[data-pp-booth-ask="export"]').click()
    assert exported.value.suggested_filename.endswith(".csv") and "7" in exported.value.path().read_text(encoding="utf-8")
    page.keyboard.press("Escape")  # the dialog's own cancel
    assert not ask.is_visible() and "ppBooth" not in dataset(page)
    assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('policypress-report:')).length") == 1
    context.close()
