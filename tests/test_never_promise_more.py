"""Issue 12, "Never promise more than the notice": what the calculators and the self-check may say.

A day outside the notice is said first, as not today; a county's choice is "possibly", its figure a
floor; a reading is labelled as one; an official figure is one its quote states."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from calculators import calculate
from conftest import ROOT
from policypress.content import _quote_states, load_site
from policypress.export import export_parameters

SITE = load_site(ROOT)
DOC = SITE.documents[0]
PARAMETERS = export_parameters(SITE, DOC)
AFTER, BEFORE = dt.date(2026, 11, 27), dt.date(2016, 1, 4)  # today after the notice, today before it
RESIDENT = {
    "critical-illness": {"eligible_costs": 170000, "registered_poor": True, "insured_medical": True},
    "public-welfare-job": {
        "registered_poor": True,
        "birth_date": "1975-01-01",
        "has_disability_certificate": True,
        "hard_to_place": True,
        "county": "兰山区",
        "start_date": "2016-06-01",
    },
    "startup-subsidy": {
        "registered_poor": True,
        "birth_date": "1980-03-15",
        "business_registered_on": "2016-09-01",
        "operating_normally": True,
    },
    "guaranteed-loan": {"applicant": "individual", "registered_poor": True, "self_employed": True},
    "workshop-award": {
        "recognised_workshop": True,
        "contracts_signed": True,
        "poverty_line": 3000,
        "workers": [{"id": "王芳", "pay_12_months": 4200}],
    },
    "eligibility": {"registered_poor": True, "birth_date": "1968-03-10", "able_to_work": "yes", "employment_wish": "local"},
}
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def texts(result: dict[str, Any]) -> list[dict[str, str]]:
    """Every sentence a resident reads: conditions, notes, the day's reason, the self-check's measures."""
    found = [*result["explanation"], *result["notes"], result["date_reason"]]
    for m in result.get("measures", []):
        found += [*m["met"], *m["unmet"], *m["unknown"], *m["notes"], *([m["amount"]] if m["amount"] else [])]
    return found


@pytest.mark.parametrize("name", sorted(RESIDENT))
def test_after_the_notice_a_result_says_first_that_nothing_applies_today(name: str) -> None:
    result = calculate(name, RESIDENT[name], PARAMETERS, today=AFTER)
    assert result["in_force_on_date"] is False and result["date_asked"] == AFTER.isoformat()
    assert result["date_used"] == DOC.meta.expires.isoformat()
    first = result["explanation"][0]
    assert first["condition"] == "in_force_on_date" and first["met"] is False and not first["decisive"]
    assert "2020年5月15日" in first["zh"] and "今天（2026年11月27日）不适用" in first["zh"] and "历史结果" in first["zh"]
    assert "15 May 2020" in first["en"] and "27 November 2026" in first["en"] and "historical" in first["en"]
    assert "历史结果" in result["date_reason"]["zh"] and "historical" in result["date_reason"]["en"]
    if name == "eligibility":  # the self-check page shows the notes, not the conditions
        assert result["notes"][0] == {"zh": first["zh"], "en": first["en"]}


@pytest.mark.parametrize("name", sorted(RESIDENT))
def test_before_the_notice_a_result_says_it_does_not_apply_yet(name: str) -> None:
    result = calculate(name, RESIDENT[name], PARAMETERS, today=BEFORE)
    first = result["explanation"][0]
    assert result["in_force_on_date"] is False and first["condition"] == "in_force_on_date"
    assert "尚未施行" in first["zh"] and "2016年5月16日" in first["zh"] and "16 May 2016" in first["en"]


@pytest.mark.parametrize("name", sorted(RESIDENT))
def test_on_a_day_in_force_nothing_is_said_about_history(name: str) -> None:
    result = calculate(name, {**RESIDENT[name], "date": "2018-01-01"}, PARAMETERS, today=AFTER)
    assert result["in_force_on_date"] is True
    assert all(c["condition"] != "in_force_on_date" for c in result["explanation"])


@pytest.mark.parametrize("name", sorted(RESIDENT))
def test_dates_are_written_as_a_resident_reads_them(name: str) -> None:
    """2020年5月15日 / 15 May 2020 in every sentence, never 2020-05-15 (a month label such as a
    schedule's "2017-03" is data, not a sentence)."""
    for words in texts(calculate(name, RESIDENT[name], PARAMETERS, today=AFTER)):
        assert not ISO_DAY.search(words["zh"]) and not ISO_DAY.search(words["en"]), words


def test_the_self_check_says_on_which_day_an_age_was_counted() -> None:
    """On 15 May 2020 you were 52: an age read as history says its day."""
    result = calculate("eligibility", RESIDENT["eligibility"], PARAMETERS, today=AFTER)
    working_age = next(c for c in result["explanation"] if c["condition"] == "m01.working_age")
    assert working_age["zh"].startswith("2020年5月15日时 52 周岁") and working_age["en"].startswith("On 15 May 2020, aged 52")


def test_a_county_choice_is_possibly_with_the_figure_as_a_floor() -> None:
    result = calculate("startup-subsidy", {**RESIDENT["startup-subsidy"], "date": "2018-01-01"}, PARAMETERS)
    assert (result["outcome"], result["eligible"], result["amount_kind"]) == ("possibly", None, "at_least")
    assert "不低于" in result["amount_words"]["zh"] and "At least" in result["amount_words"]["en"]
    county = next(c for c in result["explanation"] if c["condition"] == "county_offers")
    assert county["met"] is None and "有条件的县区" in county["zh"]


def test_the_new_registration_window_is_a_labelled_reading() -> None:
    parameter = PARAMETERS["parameters"]["startup.registration_months_before_notice"]
    assert parameter["status"] == "interpretation" and parameter["reference"]["note"]
    result = calculate("startup-subsidy", {**RESIDENT["startup-subsidy"], "date": "2018-01-01"}, PARAMETERS)
    new = next(c for c in result["explanation"] if c["condition"] == "new_registration")
    assert "测算口径" in new["zh"] and "our reading" in new["en"]
    assert "startup.registration_months_before_notice" in result["readings"]


def test_the_5_percent_rise_is_a_reading_and_its_quote_keeps_5_percent() -> None:
    parameter = PARAMETERS["parameters"]["critical_illness.poor.rate_increase"]
    assert parameter["status"] == "interpretation" and parameter["reference"]["quote"] == "提高5%"
    result = calculate("critical-illness", {**RESIDENT["critical-illness"], "date": "2018-01-01"}, PARAMETERS)
    assert "critical_illness.poor.rate_increase" in result["readings"]
    assert any("提高5%" in n["zh"] and "测算口径" in n["zh"] and "our reading" in n["en"] for n in result["notes"])


def test_no_boost_without_the_residents_medical_insurance() -> None:
    facts = {"eligible_costs": 170000, "registered_poor": True, "date": "2018-01-01"}
    uninsured = calculate("critical-illness", {**facts, "insured_medical": False}, PARAMETERS)
    assert (uninsured["outcome"], uninsured["amount"], uninsured["poor_boost_applied"]) == ("not_eligible", 0, False)
    unknown = calculate("critical-illness", facts, PARAMETERS)
    assert unknown["outcome"] == "possibly" and unknown["amount"] > unknown["standard_amount"] > 0
    assert any(f"{unknown['amount']:,.2f}" in n["zh"] and f"{unknown['standard_amount']:,.2f}" in n["zh"] for n in unknown["notes"])


def test_the_public_welfare_subsidy_is_an_estimate_the_county_sets() -> None:
    result = calculate("public-welfare-job", {**RESIDENT["public-welfare-job"], "date": "2018-01-01"}, PARAMETERS)
    assert result["amount_kind"] == "estimate" and "估算" in result["total_words"]["zh"]
    assert any("参照当地最低工资标准" in n["zh"] and "county HRSS bureau sets the actual subsidy" in n["en"] for n in result["notes"])
    wages = [p for p in result["parameters_used"] if p["name"].startswith("minimum_wage.")]
    assert wages and all(p["status"] == "reference" for p in wages)


def test_measure_2_does_not_make_the_ability_to_work_a_condition() -> None:
    facts = {"registered_poor": True, "age": 45, "has_disability_certificate": True, "hard_to_place": True, "date": "2018-01-01"}
    for able in ("yes", "partly", "no"):
        two = calculate("eligibility", {**facts, "able_to_work": able}, PARAMETERS)["measures"][1]
        assert two["status"] == "eligible", able
        assert all("劳动能力" not in reason["zh"] for reason in two["met"] + two["unmet"] + two["unknown"])


def test_no_reference_cites_an_unfindable_2014_loan_policy() -> None:
    for name, spec in PARAMETERS["parameters"].items():
        reference = spec.get("reference") or {}
        assert "创业担保贷款政策（2014年）" not in str(reference.get("document", "")), name


@pytest.mark.parametrize(
    ("value", "unit", "quote", "states"),
    [
        (500000, "yuan-per-year", "50万元", True),
        (50, "yuan-per-year", "50万元", False),
        (500000000, "yuan", "5亿元左右", True),
        (Decimal("0.5"), "ratio", "起付标准减半", True),
        (2, "years", "连续两年", True),
        (3, "years", "连续两年", False),
        (3, "times-per-year", "2-3次", True),
        (Fraction(1, 2), "ratio", "50%", True),
        (50, "ten-thousand-yuan", "50万元", True),
        (1000, "yuan-per-person", "每人1000元", True),
        (1500, "yuan-per-person", "每人1000元", False),
    ],
)
def test_an_official_value_must_be_a_number_its_quote_states(value: Any, unit: str, quote: str, states: bool) -> None:
    assert _quote_states(value, unit, quote) is states


def test_every_official_parameter_states_its_value_in_its_quote() -> None:
    for parameter in DOC.parameters.values():
        for entry in parameter.entries:
            if entry.status == "official" and entry.value is not None:
                assert _quote_states(entry.value, parameter.unit, entry.reference.quote), parameter.name


def test_a_result_line_on_a_page_is_never_a_bare_yes_when_it_is_only_possibly() -> None:
    """The outputs a page shows (the form's result and the clause pages' examples): no empty value,
    and a "possibly" result says it in words, never a plain 是 / Yes or a bare figure."""
    from calculators import calculators

    registry = calculators()
    for example in DOC.examples:
        if "errors" in example.expect:
            continue
        result = calculate(example.calculator, example.inputs, PARAMETERS, today=example.today)
        shown = [result[name] for name, _ in registry[example.calculator].outputs if name in result]
        assert all(value is not None for value in shown), example.name["en"]
        if result["outcome"] == "possibly" and example.calculator != "eligibility":
            words = [value for value in shown if isinstance(value, dict)]
            assert words and not any(value.get("zh") == "是" for value in words), example.name["en"]


@pytest.mark.parametrize("start", ["2016-04-20", "2016-05-15", "2016-05-16", "2017-02-20", "2020-05-01", "2020-05-15", "2020-05-16"])
def test_a_counted_month_is_one_the_person_began_in_the_post_within_the_notice(start: str) -> None:
    """The month rule (a reading, said in the result): a month counts only when its first day in the
    post is within the notice, so no counted month was worked wholly outside it, and the rule is the
    same at both ends."""
    inputs = {**RESIDENT["public-welfare-job"], "start_date": start, "date": "2018-01-01"}
    result = calculate("public-welfare-job", inputs, PARAMETERS, today=AFTER)
    begun = dt.date.fromisoformat(start)
    for row in result["schedule"]:
        first = max(dt.date.fromisoformat(row["month"] + "-01"), begun)
        assert row["counted"] == (DOC.meta.effective <= first <= DOC.meta.expires), row
    if any(not row["counted"] for row in result["schedule"]):
        assert any("测算口径" in n["zh"] and "our reading" in n["en"] and "在岗的第一天" in n["zh"] for n in result["notes"])
