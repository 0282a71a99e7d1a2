"""The start-up subsidy, guaranteed loan and workshop award: promises beyond the worked examples."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import calculate
from conftest import ROOT
from policypress.content import load_site
from policypress.export import export_parameters

SITE = load_site(ROOT)
PARAMETERS = export_parameters(SITE, SITE.documents[0])
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
IN_FORCE = "2018-01-01"


def value(name: str) -> int:
    """A parameter's first value, as the tests' yardstick (so no figure is written here either)."""
    return int(PARAMETERS["parameters"][name]["values"][0]["value"])


def with_value(name: str, raw: str) -> dict[str, Any]:
    """The export with `name` given `raw` from the notice's first day (adding it when absent)."""
    export = copy.deepcopy(PARAMETERS)
    spec = export["parameters"].setdefault(
        name, {"label": {"zh": name, "en": name}, "unit": "yuan", "status": "reference", "reference": None}
    )
    spec["values"] = [{"since": PARAMETERS["document"]["effective"], "value": raw, "status": None, "reference": None}]
    return export


# 扶贫车间 -------------------------------------------------------------------------------------

IDS = st.sampled_from(["王芳", " 王 芳", "Wang Fang", "wang fang ", "WANGFANG", "李强", "371321198001011234", "371321198001011234 "])


@SETTINGS
@given(st.lists(st.fixed_dictionaries({"id": IDS, "pay_12_months": st.integers(min_value=0, max_value=9000)}), max_size=8))
def test_the_workshop_award_never_counts_a_person_twice(rows: list[dict[str, Any]]) -> None:
    result = calculate("workshop-award", {"workers": rows, "poverty_line": 3000, "date": IN_FORCE}, PARAMETERS)
    keys = ["".join(i.split()).casefold() for i in result["qualifying"]]
    assert len(keys) == len(set(keys))
    people = {"".join(r["id"].split()).casefold() for r in rows}
    assert len(result["per_worker"]) == len(people)
    assert result["count"] == len(result["qualifying"]) <= len(people)
    assert result["amount"] == result["count"] * value("workshop.award_per_person")
    assert sum(w["pay_12_months"] for w in result["per_worker"]) == sum(r["pay_12_months"] for r in rows)


def test_a_poverty_line_set_as_a_parameter_is_used_when_none_is_entered() -> None:
    export = with_value("workshop.poverty_line", "3000")
    rows = [{"id": "王芳", "pay_12_months": 3000}]
    result = calculate("workshop-award", {"workers": rows, "date": IN_FORCE}, export)
    assert (result["poverty_line"], result["poverty_line_source"], result["count"]) == (3000, "parameter", 1)
    entered = calculate("workshop-award", {"workers": rows, "poverty_line": 3500, "date": IN_FORCE}, export)
    assert (entered["poverty_line"], entered["poverty_line_source"], entered["count"]) == (3500, "input", 0)


def test_without_a_poverty_line_the_error_says_the_notice_gives_no_figure() -> None:
    result = calculate("workshop-award", {"workers": [{"id": "王芳", "pay_12_months": 1}], "date": IN_FORCE}, PARAMETERS)
    message = result["errors"]["poverty_line"]
    assert "没有给出数额" in message["zh"] and "gives no figure" in message["en"]


# 创业扶贫担保贷款 ------------------------------------------------------------------------------


@SETTINGS
@given(st.integers(min_value=0, max_value=10_000), st.one_of(st.none(), st.integers(min_value=0, max_value=10_000)))
def test_an_enterprise_limit_never_exceeds_the_enterprise_maximum(hires: int, qualifying: int | None) -> None:
    inputs = {"applicant": "enterprise", "poor_hires": hires, "date": IN_FORCE}
    if qualifying is not None:
        inputs["qualifying_hires"] = qualifying
    result = calculate("guaranteed-loan", inputs, PARAMETERS)
    maximum = value("guaranteed_loan.enterprise_max")
    assert 0 <= result["limit"] <= maximum
    assert result["outcome"] != "eligible", "the conditions are the province's: never more than possibly"
    if hires >= 1 and qualifying != 0:
        assert (result["outcome"], result["limit"], result["amount_kind"]) == ("possibly", maximum, "at_most")
    else:
        assert result["outcome"] == "not_eligible" and result["limit"] == 0


@SETTINGS
@given(st.integers(min_value=1, max_value=100))
def test_with_an_amount_per_hire_the_limit_is_qualifying_hires_times_it_capped(qualifying: int) -> None:
    export = with_value("guaranteed_loan.per_hire", "100000")
    inputs = {"applicant": "enterprise", "poor_hires": 1, "qualifying_hires": qualifying, "date": IN_FORCE}
    result = calculate("guaranteed-loan", inputs, export)
    maximum = value("guaranteed_loan.enterprise_max")
    assert result["limit"] == min(maximum, qualifying * 100000)
    assert result["cap_applied"] == (qualifying * 100000 > maximum)
    assert result["outcome"] == "possibly"


def test_an_enterprise_limit_says_the_amount_per_hire_is_not_known() -> None:
    result = calculate("guaranteed-loan", {"applicant": "enterprise", "poor_hires": 3, "date": IN_FORCE}, PARAMETERS)
    assert any("没有规定每人多少" in note["zh"] and "no amount per hire" in note["en"] for note in result["notes"])
    assert {"name": "guaranteed_loan.per_hire", "status": "unset"}.items() <= next(
        p for p in result["parameters_used"] if p["name"] == "guaranteed_loan.per_hire"
    ).items()


def test_the_individual_limit_subsidy_and_term_are_not_known_and_the_result_says_so() -> None:
    """The figure once cited to an unfindable provincial policy is unset: no number is offered."""
    result = calculate(
        "guaranteed-loan", {"applicant": "individual", "registered_poor": True, "self_employed": True, "date": IN_FORCE}, PARAMETERS
    )
    assert result["outcome"] == "possibly" and result["eligible"] is None
    assert (result["limit"], result["interest_subsidy"], result["term_years"]) == (None, [], None)
    assert any("本通知没有规定" in note["zh"] for note in result["notes"])
    assert any(c["condition"] == "provincial_conditions" and c["met"] is None for c in result["explanation"])
    for name in ("individual_max", "term_years", "interest_subsidy.year_1"):
        assert PARAMETERS["parameters"][f"guaranteed_loan.{name}"]["status"] == "unset"
        assert "2014" not in str(PARAMETERS["parameters"][f"guaranteed_loan.{name}"]["reference"]["document"])


# 一次性创业补贴 --------------------------------------------------------------------------------

DAYS = st.dates(min_value=dt.date(2014, 1, 1), max_value=dt.date(2022, 12, 31))


@SETTINGS
@given(DAYS, DAYS, st.booleans(), st.booleans())
def test_a_startup_subsidy_result_always_states_months_operating(registered: dt.date, day: dt.date, poor: bool, operating: bool) -> None:
    inputs = {
        "registered_poor": poor,
        "birth_date": "1980-03-15",
        "business_registered_on": registered.isoformat(),
        "operating_normally": operating,
        "date": day.isoformat(),
    }
    result = calculate("startup-subsidy", inputs, PARAMETERS)
    assert isinstance(result["months_operating"], int) and result["months_operating"] >= 0
    assert any(c["condition"] == "months_operating" and str(result["months_operating"]) in c["zh"] for c in result["explanation"])
    assert result["outcome"] != "eligible", "no county figure is known: whether the county pays stays open"
    if result["outcome"] == "possibly":
        assert result["amount"] >= value("startup.min_subsidy") and result["amount_kind"] == "at_least"
        assert any(c["condition"] == "county_offers" and c["met"] is None for c in result["explanation"])
    else:
        assert result["amount"] == 0 and result["failed"]


def test_a_county_figure_is_used_where_the_county_has_one() -> None:
    export = with_value("startup.county_amount.yinan", "3000")
    inputs = {
        "registered_poor": True,
        "birth_date": "1980-03-15",
        "business_registered_on": "2016-09-01",
        "operating_normally": True,
        "date": "2017-09-01",
    }
    yinan = calculate("startup-subsidy", {**inputs, "county": "沂南县"}, export)
    assert (yinan["amount"], yinan["amount_source"], yinan["minimum"]) == (3000, "county", value("startup.min_subsidy"))
    assert yinan["outcome"] == "eligible", "a county with its own figure is known to pay"
    fei = calculate("startup-subsidy", {**inputs, "county": "费县"}, export)
    assert (fei["amount"], fei["amount_source"], fei["outcome"], fei["amount_kind"]) == (
        value("startup.min_subsidy"),
        "minimum",
        "possibly",
        "at_least",
    )


# All three --------------------------------------------------------------------------------------

BEFORE, AFTER = "2016-05-15", "2020-05-16"
CASES = {
    "startup-subsidy": {
        "registered_poor": True,
        "birth_date": "1980-03-15",
        "business_registered_on": "2014-01-01",
        "operating_normally": True,
    },
    "guaranteed-loan": {"applicant": "enterprise", "poor_hires": 4},
    "workshop-award": {"workers": [{"id": "王芳", "pay_12_months": 4000}], "poverty_line": 3000},
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("day", [BEFORE, AFTER])
def test_outside_the_notice_the_notice_in_force_condition_fails_with_help(name: str, day: str) -> None:
    result = calculate(name, {**CASES[name], "date": day}, PARAMETERS)
    assert result["outcome"] == "not_eligible" and "notice_in_force" in result["failed"]
    assert any("12333" in note["zh"] for note in result["notes"])


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_condition_cites_its_clause_in_both_languages(name: str) -> None:
    result = calculate(name, {**CASES[name], "date": IN_FORCE}, PARAMETERS)
    clause = {"startup-subsidy": "m05-startup-support", "guaranteed-loan": "m04-guaranteed-loans"}.get(
        name, "m01-poverty-alleviation-workshops"
    )
    assert result["explanation"] and all(c["clause"] == clause and c["zh"] and c["en"] for c in result["explanation"])
    assert result["explanation"][0]["condition"] == "notice_in_force"
