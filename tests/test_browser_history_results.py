"""A day outside the notice is not today (issue 12), in real Chromium on the site built when the
notice has expired (in force 2016-05-16 to 2020-05-15): a calculator's result and the self-check
read as history, the sentence saying so first, above the figures, and on the printed summary too;
a day in force gives the ordinary heading. Amounts say how to read them (约, 如已参保…) and a
result that used a reading of the text says so."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from policypress.i18n import SCRIPT_STRINGS, SELFCHECK_STRINGS

pytestmark = pytest.mark.browser
LOAD = 90_000  # ms: Pyodide's first load on a slow machine
PREFIX = {"zh": "", "en": "en/"}
COSTS = {"eligible_costs": "170000", "registered_poor": True}
HISTORY = {
    "zh": "历史结果（按2020年5月15日的规定）：可能符合条件",
    "en": "History (the rules of 15 May 2020): you may have qualified",
}
SENTENCE = {  # the first line of the result's explanation, from calculators/core/explain.py history_first
    "zh": "本通知有效期至2020年5月15日，已经失效",
    "en": "This notice was in force until 15 May 2020 and has expired",
}
PRESENT = {lang: [SCRIPT_STRINGS[f"outcome_{o}"][lang] for o in ("eligible", "possibly", "not_eligible")] for lang in ("zh", "en")}
READING = {  # the label of critical_illness.poor.rate_increase (an interpretation: "提高5%" read as points)
    "zh": "含测算口径：贫困人口大病保险各段支付比例提高幅度",
    "en": "Uses our reading of the text: Increase in each critical-illness payment rate for the registered poor",
}


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context
    context.close()


def watch(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def open_calculator(context: BrowserContext, base_url: str, lang: str, answers: dict) -> tuple[Page, list[str]]:
    """A new page (a fragment alone does not reload one already open) showing the answers' result."""
    page = context.new_page()
    errors = watch(page)
    page.goto(base_url + PREFIX[lang] + f"calculators/critical-illness/#answers={quote(json.dumps(answers))}")
    page.locator(".pp-result:not([hidden]) .pp-outcome").wait_for(timeout=LOAD)
    return page, errors


def before(page: Page, first: str, second: str) -> bool:
    """Whether the element `first` comes before `second` in the page."""
    return page.evaluate(
        "([a, b]) => !!(document.querySelector(a).compareDocumentPosition(document.querySelector(b)) & Node.DOCUMENT_POSITION_FOLLOWING)",
        [first, second],
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_a_date_the_result_is_history_and_says_so_first(context: BrowserContext, base_url: str, lang: str) -> None:
    page, errors = open_calculator(context, base_url, lang, COSTS)
    title = page.inner_text(".pp-result .pp-outcome .admonition-title").strip()
    assert title == HISTORY[lang]
    assert title not in PRESENT[lang]
    lines = [line.strip() for line in page.inner_text(".pp-result").splitlines() if line.strip()]
    assert lines[0] == HISTORY[lang] and lines[1].startswith(SENTENCE[lang]), lines[:3]  # heading, then why
    assert before(page, ".pp-result .pp-history", ".pp-result .pp-outputs")  # above the figures
    text = page.inner_text(".pp-result")
    assert text.count(SENTENCE[lang]) == 1  # said once, first; not again among the conditions
    assert not any(line in PRESENT[lang] for line in lines)  # no present-tense outcome anywhere
    assert "You may qualify" not in text and "You qualify" not in text
    assert "pp-outcome--history" in page.get_attribute(".pp-result .pp-outcome", "class")
    # The amount says how to read it, beside its words; the reading of "提高5%" is flagged by its label.
    # (as a badge, or in the amount's own words when they say it already: never twice)
    amount = page.locator(".pp-outputs dd", has_text="97,750")
    assert amount.count() == 1
    kind = SCRIPT_STRINGS["amount_kind_if_insured"][lang]
    assert amount.inner_text().lower().count(kind.lower()) == 1
    assert page.inner_text(".pp-result .pp-readings") == READING[lang]
    assert errors == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_day_in_force_gives_the_ordinary_heading(context: BrowserContext, base_url: str, lang: str) -> None:
    page, errors = open_calculator(context, base_url, lang, {**COSTS, "date": "2018-01-01"})
    title = page.inner_text(".pp-result .pp-outcome .admonition-title").strip()
    assert title == SCRIPT_STRINGS["outcome_possibly"][lang]
    text = page.inner_text(".pp-result")
    assert page.locator(".pp-result .pp-history").count() == 0
    assert SENTENCE[lang] not in text and "历史结果" not in text and "History" not in text
    assert ("2018年1月1日" if lang == "zh" else "1 January 2018") in page.inner_text(".pp-result .pp-outcome")
    assert page.inner_text(".pp-result .pp-readings") == READING[lang]  # the reading is the same on any day
    assert errors == []


def test_the_printed_summary_keeps_the_history_sentence(context: BrowserContext, base_url: str) -> None:
    page, errors = open_calculator(context, base_url, "zh", COSTS)
    page.evaluate("() => { window.print = () => { window.__printed = true; }; }")
    page.click(".pp-print")
    page.wait_for_function("() => window.__printed === true", timeout=LOAD)
    page.emulate_media(media="print")
    sheet = page.locator(".pp-print-only")
    assert sheet.is_visible() and not page.locator(".pp-result").is_visible()
    printed = sheet.inner_text()
    assert HISTORY["zh"] in printed and SENTENCE["zh"] in printed
    assert printed.index(SENTENCE["zh"]) < printed.index("97,750")  # history first on paper too
    assert "如已参保" in printed and READING["zh"] in printed
    assert "逐条说明" not in printed  # the conditions stay on the screen
    assert not any(line.strip() in PRESENT["zh"] for line in printed.splitlines())
    assert errors == []


# --- the self-check, answered as a person would: a click on each answer, then Continue -----------


def answer_all(page: Page, answers: dict[str, str]) -> None:
    """Answer each question the page asks, by its input's name, until the summary; every question
    asked must have an answer here (so a new question fails loudly rather than being skipped)."""
    for _ in range(len(answers) + 2):
        page.wait_for_selector("#pp-sc-question")
        if page.locator(".pp-sc-summary").count():
            return
        name = page.locator(".pp-sc-app form input[name]").first.get_attribute("name")
        value = answers[name]
        if page.locator(f'input[type=radio][name="{name}"]').count():
            page.click(f'label.pp-sc-radio:has(input[name="{name}"][value="{value}"])')
        else:
            page.fill(f"#pp-sc-input-{name}", value)
        page.click("button.pp-sc-continue")
        page.wait_for_function("n => !document.querySelector('.pp-sc-app form input[name=\"' + n + '\"]')", arg=name)
    raise AssertionError("the self-check never reached the summary")


POOR_WOMAN = {  # 57 on 2020-05-15, hard to place, wants a public-welfare job in 兰山区; costly treatment
    "registered_poor": "true",
    "birth_date": "1963-03-01",
    "sex": "female",
    "able_to_work": "yes",
    "has_disability_certificate": "false",
    "hard_to_place": "true",
    "employment_wish": "public_welfare_job",
    "wants_training": "true",
    "college_graduate": "false",
    "technical_school": "false",
    "insured_pension": "true",
    "insured_medical": "true",
    "relocated": "false",
    "critical_illness_costs": "170000",
    "county": "兰山区",
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_self_check_shows_the_history_note_first(browser: Browser, base_url: str, lang: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors = watch(page)
    page.goto(base_url + PREFIX[lang] + "self-check/")
    answers = dict(POOR_WOMAN, county="兰山区" if lang == "zh" else "Lanshan District")
    answer_all(page, answers)
    page.click("button.pp-sc-see")
    page.wait_for_selector(".pp-sc-output:not([aria-busy]) .pp-sc-group", timeout=LOAD)
    output = page.locator(".pp-sc-output")
    first = output.locator(":scope > *").first
    assert "pp-history" in first.get_attribute("class")
    assert first.inner_text().startswith(SENTENCE[lang])
    assert output.inner_text().count(SENTENCE[lang]) == 1  # first, and not again under the notes
    lead = output.locator(".pp-sc-lead-text").inner_text()
    date = "2020年5月15日" if lang == "zh" else "15 May 2020"
    assert lead == SELFCHECK_STRINGS["result_lead_history"][lang].format(date=date, eligible=4, possibly=0)
    headings = [h.strip() for h in output.locator(".pp-sc-group h3").all_inner_texts()]
    group = {s: SELFCHECK_STRINGS[f"group_history_{s}"][lang] for s in ("eligible", "not_eligible")}
    count = SELFCHECK_STRINGS["group_count"][lang]
    assert headings == [count.format(group=group["eligible"], count=4), count.format(group=group["not_eligible"], count=6)]
    # Measures 2 (the job subsidy) and 9 (critical-illness insurance) give estimates: 约 / about,
    # said once: the words say it, so no second badge repeats it.
    word = SCRIPT_STRINGS["amount_kind_estimate"][lang]
    for measure in ("2", "9"):
        amount = output.locator(f'[data-measure="{measure}"] .pp-sc-amount')
        assert amount.locator(".pp-amount-kind").count() == 0
        assert amount.inner_text().lower().count(word.lower()) == 1, amount.inner_text()
    assert errors == []
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_amount_whose_words_say_about_has_no_second_about_badge(context: BrowserContext, base_url: str, lang: str) -> None:
    """The public-welfare job total reads "约 … 元" / "About … yuan": the amount-kind badge would say it twice."""
    answers = {
        "registered_poor": True,
        "birth_date": "1980-01-01",
        "has_disability_certificate": True,
        "hard_to_place": True,
        "county": "兰陵县",
        "start_date": "2017-01-01",
        "date": "2018-01-01",
    }
    page = context.new_page()
    errors = watch(page)
    page.goto(base_url + PREFIX[lang] + f"calculators/public-welfare-job/#answers={quote(json.dumps(answers))}")
    page.locator(".pp-result:not([hidden]) .pp-outcome").wait_for(timeout=LOAD)
    total = page.locator(".pp-outputs dd").filter(has_text="," if lang == "zh" else "yuan").last
    text = total.inner_text()
    word = SCRIPT_STRINGS["amount_kind_estimate"][lang]
    assert text.lower().startswith(word.lower()) and text.lower().count(word.lower()) == 1, text
    assert page.locator(".pp-outputs .pp-amount-kind").count() == 0
    assert errors == []
