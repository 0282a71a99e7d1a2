"""The self-check as a 58-year-old resident meets it on a phone (issue 14) and over several
documents (issue 11), in real Chromium: only the questions that can still change a result, with
"第 3 题，共约 8 题"; the county chosen from the site's areas; a wrong answer caught where it is typed,
in the page's language, keeping what was typed; numbers written as people write them (8万元, 五十八);
a result that leads with what the person can get, labels employer measures, says how to apply and
whom to call; and, with the fixture documents beside the real notice, an answer per document, those
in force first and the expired notice as history as of its last day."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from urllib.parse import quote

import pytest
import yaml
from playwright.sync_api import Browser, Page

import calculators
from browser import serve
from conftest import ROOT, copy_project_with_fixtures
from policypress.build import build_site
from policypress.i18n import SELFCHECK_STRINGS

pytestmark = pytest.mark.browser
LOAD = 90_000  # ms: Pyodide's first load on a slow machine
PHONE = {"width": 390, "height": 844}
AREAS = yaml.safe_load((ROOT / "policy" / "areas.yaml").read_text(encoding="utf-8"))
PROGRESS = {"zh": re.compile(r"^第 (\d+) 题，共约 (\d+) 题$"), "en": re.compile(r"^Question (\d+) of about (\d+)$")}
# 58 today (born 1968-03-01), registered poor, able to work, no certificate, the market has not
# placed him, wants work close to home, no training, 80,000 yuan of medical costs, 兰山区.
RESIDENT = {
    "registered_poor": "true",
    "birth_date": "1968-03-01",
    "able_to_work": "yes",
    "has_disability_certificate": "false",
    "hard_to_place": "true",
    "employment_wish": "local",
    "wants_training": "false",
    "college_graduate": "false",
    "technical_school": "false",
    "critical_illness_costs": "8万元",
    "insured_medical": "true",
    "relocated": "false",
    "county": "兰山区",
    "unemployed": "false",  # the fixture document's own question
}


def watch(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors


def walk(page: Page, answers: dict[str, str], lang: str = "zh") -> list[tuple[str, int, int]]:
    """Answer each question by its input's name until the summary: (name, n, about) of each."""
    asked: list[tuple[str, int, int]] = []
    for _ in range(30):
        page.wait_for_selector("#pp-sc-question")
        if page.locator(".pp-sc-summary").count():
            return asked
        name = page.locator(".pp-sc-app form input[name]").first.get_attribute("name")
        match = PROGRESS[lang].match(page.inner_text(".pp-sc-progress"))
        assert match, page.inner_text(".pp-sc-progress")
        asked.append((name, int(match.group(1)), int(match.group(2))))
        value = answers[name]
        if page.locator(f'input[type=radio][name="{name}"]').count():
            page.click(f'label.pp-sc-radio:has(input[name="{name}"][value="{value}"])')
        else:
            page.fill(f"#pp-sc-input-{name}", value)
        page.click("button.pp-sc-continue")
        page.wait_for_function("n => !document.querySelector('.pp-sc-app form input[name=\"' + n + '\"]')", arg=name)
    raise AssertionError("the self-check never reached the summary")


def result(page: Page) -> None:
    page.click("button.pp-sc-see")
    page.wait_for_selector(".pp-sc-output:not([aria-busy]) .pp-sc-doc, .pp-failure", timeout=LOAD)
    assert page.locator(".pp-failure").count() == 0


# --- the real notice alone --------------------------------------------------------------------


def test_a_58_year_old_is_asked_only_what_matters_and_told_how_many_questions(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = watch(page)
    page.goto(base_url + "self-check/")
    asked = walk(page, RESIDENT)
    names = [name for name, _, _ in asked]
    assert [n for _, n, _ in asked] == list(range(1, len(asked) + 1))  # 第 1 题, 第 2 题, … with no gap
    assert asked[-1][2] == len(asked)  # the count said at the last question is the count asked
    assert all(about >= n for _, n, about in asked)
    # Nothing that cannot change a result for him: no sex, no pension insurance, no business
    # registration (he wants work close to home), no disability grade (no certificate).
    assert not {"sex", "insured_pension", "business_registered_on", "disability_grade", "age", "date"} & set(names)
    assert names[:2] == ["registered_poor", "birth_date"] and "insured_medical" in names  # asked: he gave costs
    rows = page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('.pp-sc-row')].map(r => [r.dataset.question, r.querySelector('.pp-sc-answer').textContent]))"
    )
    assert rows["critical_illness_costs"] == "80000 元" and rows["county"] == "兰山区"  # 8万元 read as 80,000
    result(page)
    output = page.locator(".pp-sc-output")
    # The notice has expired: said first, then the answer as history, as of its last day, with his age then.
    assert "pp-history" in output.locator(":scope > *").first.get_attribute("class")
    asof = output.locator(".pp-sc-asof").inner_text()
    assert asof == SELFCHECK_STRINGS["as_of_last_day"]["zh"].format(date="2020年5月15日") + SELFCHECK_STRINGS["age_then"]["zh"].format(
        age=52
    )
    # What he could get himself leads; the workshop (an award paid to the workshop) is labelled apart.
    groups = output.locator(".pp-sc-group").evaluate_all("els => els.map(e => e.className.split('--')[1])")
    assert groups[0] == "eligible" and groups.index("employer") > groups.index("eligible")
    workshop = output.locator('.pp-sc-group--employer [data-measure="1"]')
    assert SELFCHECK_STRINGS["employer_tag"]["zh"] in workshop.inner_text()
    assert output.locator('.pp-sc-group--eligible [data-measure="1"]').count() == 0
    illness = output.locator('.pp-sc-group--eligible [data-measure="9"] .pp-sc-amount')
    assert "约" in illness.inner_text()  # a figure with how to read it
    assert errors == []
    context.close()


def test_the_question_count_in_english_and_for_someone_not_registered_poor(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "en/self-check/")
    page.wait_for_selector("#pp-sc-question")
    first = PROGRESS["en"].match(page.inner_text(".pp-sc-progress"))
    assert first and first.group(1) == "1" and int(first.group(2)) >= 10  # at the start, anything may matter
    asked = walk(page, {"registered_poor": "false", "birth_date": "1968-03-01", "college_graduate": "false"}, "en")
    assert [(n, about) for _, n, about in asked[1:]] == [(2, 3), (3, 3)]  # not poor: two more questions, said so
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_wrong_answer_is_caught_where_it_is_typed(browser: Browser, base_url: str, lang: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = watch(page)
    prefix = "" if lang == "zh" else "en/"
    page.goto(base_url + prefix + f"self-check/#answers={quote(json.dumps({'registered_poor': True}))}&step=birth_date")
    page.wait_for_selector("#pp-sc-input-birth_date")
    birth, age = page.locator("#pp-sc-input-birth_date"), page.locator("#pp-sc-input-age")
    error = page.locator('[data-error-for="birth_date"]')
    birth.focus()
    page.keyboard.insert_text("2031-05-01")  # a birth date in the future, typed as a phone's IME types it
    age.focus()  # leaving the field: checked now, not after the last question
    words = SELFCHECK_STRINGS["error_birth_future"][lang].format(date="2031年5月1日" if lang == "zh" else "1 May 2031")
    page.wait_for_function("() => document.querySelector('[data-error-for=\"birth_date\"]').textContent.length > 0")
    assert error.inner_text() == words and error.is_visible()
    assert birth.get_attribute("aria-invalid") == "true" and birth.input_value() == "2031-05-01"  # kept as typed
    assert page.locator(".pp-sc-progress").count() == 1  # still on this question
    birth.fill("")
    age.fill("150")
    birth.focus()
    age_error = page.locator('[data-error-for="age"]')
    page.wait_for_function("() => document.querySelector('[data-error-for=\"age\"]').textContent.length > 0")
    label = "年龄（周岁）" if lang == "zh" else "Age (whole years)"
    assert age_error.inner_text() == SELFCHECK_STRINGS["error_max"][lang].format(label=label, limit=120)
    assert age.input_value() == "150" and error.inner_text() == ""
    age.fill("")
    birth.fill("1900-01-01")  # 126 today: more than the age the calculator accepts
    age.focus()
    page.wait_for_function("() => document.querySelector('[data-error-for=\"birth_date\"]').textContent.length > 0")
    assert "120" in error.inner_text() and birth.input_value() == "1900-01-01"
    # Written as people write it: 五十八 is 58.
    birth.fill("")
    age.fill("五十八")
    page.click("button.pp-sc-continue")
    page.wait_for_function("() => !document.querySelector('#pp-sc-input-birth_date')")
    assert '"age":"58"' in page.evaluate("() => decodeURIComponent(location.hash)")
    assert errors == []
    context.close()


def test_a_number_that_cannot_be_read_says_how_to_write_it(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    answers = {"registered_poor": True, "birth_date": "1968-03-01"}
    page.goto(base_url + f"self-check/#answers={quote(json.dumps(answers))}&step=critical_illness_costs")
    page.wait_for_selector("#pp-sc-input-critical_illness_costs")
    page.fill("#pp-sc-input-critical_illness_costs", "八万多")
    page.click("button.pp-sc-continue")
    error = page.locator('[data-error-for="critical_illness_costs"]')
    assert "例如 15000、1.5万" in error.inner_text()  # the calculator's own words, with an example that fits
    assert page.input_value("#pp-sc-input-critical_illness_costs") == "八万多"
    page.fill("#pp-sc-input-critical_illness_costs", "1.5万")
    page.click("button.pp-sc-continue")
    page.wait_for_function("() => !document.querySelector('#pp-sc-input-critical_illness_costs')")
    assert '"critical_illness_costs":"15000"' in page.evaluate("() => decodeURIComponent(location.hash)")
    context.close()


def test_the_county_is_chosen_from_the_sites_areas(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    answers = {"registered_poor": True, "birth_date": "1968-03-01", "able_to_work": "yes", "hard_to_place": True}
    for prefix, lang in (("", "zh"), ("en/", "en")):
        page.goto("about:blank")
        page.goto(base_url + prefix + f"self-check/#answers={quote(json.dumps(answers))}&step=county")
        page.wait_for_selector("input[name=county]")
        values = page.eval_on_selector_all("input[name=county]", "els => els.map(e => e.value)")
        assert values == [a[lang] for a in AREAS] + [""]  # every area, then "not sure"
        assert page.locator("input.pp-sc-input[name=county]").count() == 0  # nothing to type
    context.close()


def test_on_a_day_in_force_the_result_says_how_much_how_to_apply_and_whom_to_call(browser: Browser, base_url: str) -> None:
    """A link that gives a day (a staff card's) within the notice: the answer is not history, and
    each measure the person can get says where to apply and the hotline."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = watch(page)
    answers = {k: v for k, v in RESIDENT.items() if k != "unemployed"}
    typed = {k: (v == "true" if v in ("true", "false") else v) for k, v in answers.items()}
    typed.update(critical_illness_costs="80000", date="2018-06-01", birth_date="1958-03-01")  # 60 then: past working age
    page.goto(base_url + f"self-check/#answers={quote(json.dumps(typed))}&step=summary")
    result(page)
    output = page.locator(".pp-sc-output")
    assert output.locator(".pp-sc-asof").count() == 0 and output.locator(".pp-sc-none").count() == 0
    first = output.locator(".pp-sc-group").first
    assert "pp-sc-group--eligible" in first.get_attribute("class")
    measure = output.locator('.pp-sc-group--eligible [data-measure="9"]')
    text = measure.inner_text()
    order = [text.index(SELFCHECK_STRINGS[k]["zh"]) for k in ("amount", "how_to_apply")]
    assert order == sorted(order)  # how much, then how to apply, then why
    assert "12333" in text
    assert "12333" in output.locator(".pp-sc-doc-hotline").inner_text()
    assert errors == []
    context.close()


# --- the real notice and the fixture documents -------------------------------------------------


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real notice with the fixture documents (tests/fixtures/), built for today and served;
    fixture-jobs-2024 (in force, no expiry) has a self-check calculator of its own."""
    searched = list(calculators.__path__)
    try:
        root = copy_project_with_fixtures(tmp_path_factory.mktemp("selfcheck-many"))
        with serve(build_site(root, quiet=True)) as url:
            yield url
    finally:
        calculators.__path__[:] = searched


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_self_check_explains_per_document_in_force_first(browser: Browser, many: str, lang: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = watch(page)
    page.goto(many + ("" if lang == "zh" else "en/") + "self-check/")
    young = {"birth_date": "2004-03-01", "college_graduate": "false", "unemployed": "true", "registered_poor": "false"}
    asked = [name for name, _, _ in walk(page, young, lang)]
    # The union of both documents' questions, each once: the shared ones (birth date, graduate) asked once.
    assert asked == ["birth_date", "college_graduate", "unemployed", "registered_poor"]
    result(page)
    output = page.locator(".pp-sc-output")
    docs = output.locator(".pp-sc-doc").evaluate_all("els => els.map(e => [e.dataset.document, e.className])")
    assert [d for d, _ in docs] == ["fixture-jobs-2024", "linyi-hrss-2016-12"]
    assert "pp-sc-doc--in_force" in docs[0][1] and "pp-sc-doc--history" in docs[1][1]
    jobs, linyi = output.locator('[data-document="fixture-jobs-2024"]'), output.locator('[data-document="linyi-hrss-2016-12"]')
    # 22 today: may be an intern; the subsidy goes to the host, an employer, and says so.
    employer = jobs.locator(".pp-sc-group--employer")
    assert employer.locator(".pp-sc-measure").count() == 2
    assert SELFCHECK_STRINGS["employer_tag"][lang] in employer.inner_text()
    assert "0000-2024-0101" in jobs.inner_text() and "12333" not in jobs.locator(".pp-sc-doc-hotline").inner_text()
    # Nothing in force for her own person: said first; the expired notice only as history.
    assert output.locator(":scope > *").first.inner_text() == SELFCHECK_STRINGS["none_for_you"][lang].format(
        date=page.evaluate(
            "() => new Date().toLocaleDateString(document.documentElement.lang.startsWith('en') ? 'en-GB' : 'zh-CN', {year: 'numeric', month: 'long', day: 'numeric'})"
        )
    )
    date = "2020年5月15日" if lang == "zh" else "15 May 2020"
    assert linyi.locator(".pp-sc-asof").inner_text() == SELFCHECK_STRINGS["as_of_last_day"][lang].format(date=date) + SELFCHECK_STRINGS[
        "age_then"
    ][lang].format(age=16)
    assert linyi.locator(".pp-history").count() == 1  # its own sentence: it has expired
    assert linyi.locator(".pp-sc-apply").count() == 0  # nothing to apply for under it now
    assert errors == []
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_document_not_in_force_is_said_on_the_first_screen_and_at_its_own_questions(browser: Browser, many: str, lang: str) -> None:
    """Nobody answers the expired notice's questions to learn only at the end that the result is
    history: the first question says so, and a question asked only for it says so briefly."""
    document = yaml.safe_load((ROOT / "policy" / "linyi-hrss-2016-12" / "document.yaml").read_text(encoding="utf-8"))
    last = "2020年5月15日" if lang == "zh" else "15 May 2020"
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = watch(page)
    page.goto(many + ("" if lang == "zh" else "en/") + "self-check/")
    page.wait_for_selector("#pp-sc-question")
    first = page.locator(".pp-sc-standing")
    assert first.count() == 1 and first.get_attribute("data-document") == "linyi-hrss-2016-12"
    assert first.inner_text() == SELFCHECK_STRINGS["questions_history"][lang].format(number=document["number"], date=last)
    assert page.evaluate(
        "() => document.querySelector('.pp-sc-standing').compareDocumentPosition(document.querySelector('.pp-sc-app form')) & 4"
    )
    briefs: dict[str, int] = {}
    young = {"birth_date": "2004-03-01", "college_graduate": "false", "unemployed": "true", "registered_poor": "false"}
    for _ in range(len(young)):
        page.wait_for_selector("#pp-sc-question")
        name = page.locator(".pp-sc-app form input[name]").first.get_attribute("name")
        brief = page.locator(".pp-sc-standing-brief")
        briefs[name] = brief.count()
        if brief.count():
            assert brief.inner_text() == SELFCHECK_STRINGS["question_history"][lang].format(numbers=document["number"])
        if page.locator(f'input[type=radio][name="{name}"]').count():
            page.click(f'label.pp-sc-radio:has(input[name="{name}"][value="{young[name]}"])')
        else:
            page.fill(f"#pp-sc-input-{name}", young[name])
        page.click("button.pp-sc-continue")
        page.wait_for_function("n => !document.querySelector('.pp-sc-app form input[name=\"' + n + '\"]')", arg=name)
    # Asked for both documents, or the one in force: no note; asked only for the expired notice: the note.
    assert briefs == {"birth_date": 0, "college_graduate": 0, "unemployed": 0, "registered_poor": 1}
    assert errors == []
    context.close()


def test_on_a_day_the_notice_is_in_force_the_first_screen_says_nothing_of_history(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(base_url + "self-check/#answers=" + quote(json.dumps({"date": "2018-06-10"})))
    page.wait_for_selector("#pp-sc-question")
    assert page.locator(".pp-sc-standing, .pp-sc-standing-brief").count() == 0
    page.goto(base_url + "self-check/")  # today: the notice has expired
    page.wait_for_selector(".pp-sc-standing")
    assert "2020年5月15日" in page.inner_text(".pp-sc-standing")
    context.close()
