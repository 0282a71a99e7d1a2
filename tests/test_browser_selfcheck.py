"""The self-check page in real Chromium: one question at a time from the `eligibility` declaration,
completed with the keyboard alone on a phone and with a mouse in English; answers kept in the
URL fragment across a reload; errors next to the field; nothing from another host."""

from __future__ import annotations

import json
from urllib.parse import quote, urlparse

import pytest
import yaml
from playwright.sync_api import Browser, Page

from conftest import ROOT

pytestmark = pytest.mark.browser
DOC = "linyi-hrss-2016-12"
AREAS = [a["zh"] for a in yaml.safe_load((ROOT / "policy" / "areas.yaml").read_text(encoding="utf-8"))]
LOAD = 60_000  # ms: Pyodide's first load
PHONE = {"width": 390, "height": 844}


class Watched:
    """A page whose requests and console errors are recorded."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def assert_clean(self, base_url: str) -> None:
        assert self.errors == []
        assert {urlparse(u).netloc for u in self.requests if not u.startswith(("data:", "blob:"))} == {urlparse(base_url).netloc}


def open_page(browser: Browser, url: str, viewport: dict[str, int] = PHONE) -> Watched:
    page = browser.new_context(viewport=viewport).new_page()
    watched = Watched(page)
    page.goto(url)
    page.wait_for_selector("#pp-sc-question")
    return watched


def focused(page: Page, selector: str) -> bool:
    return page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)


def tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focus is on `selector`, as a keyboard user would."""
    for _ in range(limit):
        if focused(page, selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def question(page: Page) -> str:
    return page.inner_text("#pp-sc-question")


def step(page: Page, heading: str) -> None:
    """The next question is shown and the focus is on its heading."""
    page.wait_for_function("h => { const q = document.querySelector('#pp-sc-question'); return q && q.textContent === h; }", arg=heading)
    assert focused(page, "#pp-sc-question")


def pick(page: Page, heading: str, down: int = 0) -> None:
    """Answer a radio question by keyboard: Tab into the group, Space on the first option (or
    arrows to a later one, which selects it), Enter to continue."""
    step(page, heading)
    page.keyboard.press("Tab")
    assert focused(page, "input[type=radio]")
    if down:
        for _ in range(down):
            page.keyboard.press("ArrowDown")
    else:
        page.keyboard.press("Space")
    page.keyboard.press("Enter")


def type_answer(page: Page, heading: str, text: str) -> None:
    step(page, heading)
    page.keyboard.press("Tab")
    assert focused(page, "input.pp-sc-input")
    page.keyboard.press("Control+A")
    page.keyboard.type(text)
    page.keyboard.press("Enter")


def summary_rows(page: Page) -> dict[str, str]:
    page.wait_for_selector(".pp-sc-summary")
    return page.evaluate(
        "() => Object.fromEntries([...document.querySelectorAll('.pp-sc-row')].map(r => [r.dataset.question, r.querySelector('.pp-sc-answer').textContent]))"
    )


def test_a_57_year_old_poor_woman_completes_it_in_chinese_with_the_keyboard_alone(browser: Browser, base_url: str) -> None:
    """The notice expired on 2020-05-15, so the rules (by default) are those of that day: born
    1960-03-01 she was 60 then and no working-age question is asked. She corrects the date of
    birth to 1963-03-01 (57) through its Change link, is asked what now matters, and measure 2
    (public-welfare jobs, near the pension age and hard to place) applies."""
    watched = open_page(browser, base_url + "self-check/")
    page = watched.page
    assert question(page) == "是否建档立卡农村贫困人口"
    page.keyboard.press("Tab")  # the first Tab reaches the page's "skip to content" link
    assert focused(page, "a.md-skip")
    page.keyboard.press("Enter")  # ...which jumps past the header and the navigation
    tab_to(page, "input[name=registered_poor]")
    page.keyboard.press("Enter")  # nothing chosen: the error shows next to the question
    error = page.locator('[data-error-for="registered_poor"]')
    assert error.inner_text() == "请选择一项。" and error.is_visible()
    assert page.get_attribute("input[name=registered_poor] >> nth=0", "aria-invalid") == "true"
    page.keyboard.press("Space")
    page.keyboard.press("Enter")

    type_answer(page, "出生日期", "1960-03-01")
    pick(page, "是否持有残疾证", down=1)  # 否
    pick(page, "是否高校毕业生", down=1)
    type_answer(page, "全年合规自付医疗费用", "")  # optional: left empty, so the medical insurance is not asked
    pick(page, "是否易地扶贫搬迁人口", down=1)
    step(page, "检查您的回答")
    rows = summary_rows(page)
    assert rows["birth_date"] == "1960-03-01" and rows["critical_illness_costs"] == "未填写"
    # Only what can still change a result: sex and the pension insurance change a note only.
    assert (
        not {"able_to_work", "hard_to_place", "employment_wish", "disability_grade", "technical_school", "sex", "insured_pension"}
        & rows.keys()
    )

    tab_to(page, '.pp-sc-row[data-question="birth_date"] .pp-sc-change a')
    page.keyboard.press("Enter")
    assert page.input_value("#pp-sc-input-birth_date") == "1960-03-01"  # the answer given is kept
    type_answer(page, "出生日期", "1963-03-01")
    # Now 57 on the rules' day: the working-age questions that were skipped are asked, then the summary.
    pick(page, "劳动能力")  # 有劳动能力
    pick(page, "是否通过市场渠道确实难以实现就业")
    pick(page, "就业意愿", down=1)  # 就地就近就业（县内）
    pick(page, "是否希望参加职业技能培训", down=2)  # 不清楚
    pick(page, "是否技工院校学生或准备报考", down=1)
    pick(page, "所在县区", down=len(AREAS))  # the list of areas, then "not sure"
    step(page, "检查您的回答")
    rows = summary_rows(page)
    assert rows["birth_date"] == "1963-03-01" and rows["hard_to_place"] == "是"
    assert rows["employment_wish"] == "就地就近就业（县内）" and rows["wants_training"] == "不清楚"

    tab_to(page, "button.pp-sc-see")
    page.keyboard.press("Enter")
    step(page, "测算结果")
    page.wait_for_selector(".pp-sc-group--eligible", timeout=LOAD)
    eligible = page.locator(".pp-sc-group--eligible")
    measure_2 = eligible.locator('[data-measure="2"]')
    assert "强化农村公益岗位托底安置" in measure_2.inner_text()
    assert "通过市场渠道确实难以实现就业" in measure_2.inner_text()  # a reason met
    assert measure_2.locator("a", has_text="查看政策条款").get_attribute("href").endswith(f"documents/{DOC}/m02-public-welfare-jobs/")
    assert page.locator(".pp-sc-measure").count() == 10
    text = page.inner_text(".pp-sc-app")
    assert "测算结果仅供参考，以经办机构审核为准" in text
    assert "测算时的假设" in text and "2020年5月15日" in text  # the assumptions, the rules' day first
    watched.assert_clean(base_url)


def test_a_graduate_who_is_not_poor_uses_it_in_english_with_a_mouse(browser: Browser, base_url: str) -> None:
    watched = open_page(browser, base_url + "en/self-check/", {"width": 1280, "height": 900})
    page = watched.page
    assert question(page) == "Registered rural poor?"
    page.click("label.pp-sc-radio:has-text('No')")
    page.click("button.pp-sc-continue")
    step(page, "Date of birth")
    page.fill("#pp-sc-input-age", "24")  # or give your age
    page.click("button.pp-sc-continue")
    page.click("label.pp-sc-radio:has-text('Yes')")  # College graduate?
    page.click("button.pp-sc-continue")
    step(page, "Check your answers")
    assert summary_rows(page) == {"registered_poor": "No", "birth_date": "aged 24", "college_graduate": "Yes"}
    page.click("button.pp-sc-see")
    page.wait_for_selector(".pp-sc-group--possibly", timeout=LOAD)
    possibly = page.eval_on_selector_all(".pp-sc-group--possibly .pp-sc-measure", "els => els.map(e => e.dataset.measure)")
    not_eligible = page.eval_on_selector_all(".pp-sc-group--not_eligible .pp-sc-measure", "els => els.map(e => e.dataset.measure)")
    assert possibly == ["7"]
    assert sorted(map(int, not_eligible)) == [1, 2, 3, 4, 5, 6, 8, 9, 10]
    assert page.locator(".pp-sc-group--eligible").count() == 0
    assert "An estimate, not a decision" in page.inner_text(".pp-sc-app")
    page.click("details.pp-sc-group--not_eligible > summary")
    link = page.locator('[data-measure="9"] a', has_text="Read the measure")
    assert link.get_attribute("href").endswith(f"/en/documents/{DOC}/m09-pension-and-medical-insurance/")
    watched.assert_clean(base_url)


def test_a_reload_in_the_middle_restores_the_step_and_the_answers(browser: Browser, base_url: str) -> None:
    watched = open_page(browser, base_url + "self-check/")
    page = watched.page
    page.click("label.pp-sc-radio >> nth=0")
    page.click("button.pp-sc-continue")
    page.fill("#pp-sc-input-birth_date", "1963-03-01")
    page.click("button.pp-sc-continue")
    page.click("label.pp-sc-radio:has-text('部分丧失劳动能力')")
    page.click("button.pp-sc-continue")
    step(page, "是否持有残疾证")
    assert "step=has_disability_certificate" in page.url and "answers=" in page.url
    page.reload()
    page.wait_for_selector("#pp-sc-question")
    assert question(page) == "是否持有残疾证"
    page.click(".pp-sc-back a")
    step(page, "劳动能力")
    assert page.is_checked("input[name=able_to_work][value=partly]")
    page.go_back()  # the browser's own Back button works too
    step(page, "是否持有残疾证")
    assert watched.errors == []


def test_answers_in_the_fragment_stay_on_the_device_and_skip_what_does_not_matter(browser: Browser, base_url: str) -> None:
    answers = quote(json.dumps({"registered_poor": True, "birth_date": "1990-01-01", "sex": "male", "able_to_work": "no"}))
    watched = open_page(browser, base_url + f"self-check/#answers={answers}&step=has_disability_certificate")
    page = watched.page
    assert question(page) == "是否持有残疾证"
    page.click("label.pp-sc-radio:has-text('否')")
    page.click("button.pp-sc-continue")
    step(page, "是否高校毕业生")  # unable to work: no job, training or business questions
    assert all("answers=" not in u and "%7B" not in u for u in watched.requests)  # the fragment never reaches the server
    assert watched.errors == []


def test_an_empty_or_malformed_answer_shows_an_error_next_to_the_field_and_keeps_what_was_typed(browser: Browser, base_url: str) -> None:
    watched = open_page(browser, base_url + f"self-check/#answers={quote(json.dumps({'registered_poor': False}))}&step=birth_date")
    page = watched.page
    page.click("button.pp-sc-continue")
    error = page.locator('[data-error-for="birth_date"]')
    assert error.inner_text() == "请填写出生日期或年龄（周岁），两者填一项即可。"
    assert page.get_attribute("#pp-sc-input-birth_date", "aria-invalid") == "true"
    assert focused(page, "#pp-sc-input-birth_date")
    page.fill("#pp-sc-input-birth_date", "1963-02-30")
    page.fill("#pp-sc-input-age", "abc")
    page.click("button.pp-sc-continue")
    assert "真实的日期" in error.inner_text()
    assert "整数" in page.inner_text('[data-error-for="age"]')
    assert page.input_value("#pp-sc-input-birth_date") == "1963-02-30" and page.input_value("#pp-sc-input-age") == "abc"
    assert question(page) == "出生日期"
    assert watched.errors == []


def test_without_javascript_the_page_points_to_the_browse_pages_and_the_hotline(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "self-check/")
    text = page.inner_text("article")
    assert "按对象浏览" in text and "12333" in text
    assert page.get_attribute(".pp-noscript a", "href") == "../groups/"
    context.close()


def test_the_residents_entry_points_link_to_it(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    # On a day no document is in force the home page offers it as history (看看以往的政策), not as help to get.
    for path, label in (("", "看看以往的政策"), ("for-residents/", "看看以往的政策"), ("en/", "See what they gave")):
        page.goto(base_url + path)
        button = page.locator("a.pp-sc-start", has_text=label)
        assert button.get_attribute("href").endswith("self-check/")
    context.close()
