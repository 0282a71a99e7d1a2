"""The public-welfare job estimate (measure 2): invariants of its monthly schedule, beyond the
worked examples in policy/linyi-hrss-2016-12/examples/public-welfare-job.yaml."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from calculators import calculate
from calculators.core.parameters import Parameters
from conftest import ROOT
from policypress.content import load_site
from policypress.export import export_parameters

SITE = load_site(ROOT)
PARAMETERS = export_parameters(SITE, SITE.documents[0])
TODAY = dt.date(2026, 11, 27)
MAX_MONTHS = int(Parameters(PARAMETERS).value("public_welfare_job.max_years", dt.date(2018, 1, 1))) * 12

# (birth, certificate, county, start, hours): a spread of ages, areas, hours and start dates
# around the notice's first and last days and the minimum-wage changes.
CASES = [
    ("1980-06-10", True, "兰陵县", "2016-03-01", None),
    ("1975-01-01", True, "371302", "2016-05-16", None),
    ("1970-03-03", True, "沂南", "2017-06-01", 87),
    ("1961-09-01", False, "苍山", "2016-09-02", None),
    ("1962-01-15", True, "罗庄区", "2017-02-20", 150),
    ("1963-05-31", False, "高新区", "2019-01-31", 40),
    ("1980-01-01", True, "费县", "2020-05-15", 200),
    ("1990-12-31", True, "Linshu", "2018-05-31", 173),
]


def run(birth: str, certificate: bool, county: str, start: str, hours: int | None, **extra: Any) -> dict[str, Any]:
    inputs = {
        "registered_poor": True,
        "birth_date": birth,
        "has_disability_certificate": certificate,
        "hard_to_place": True,
        "county": county,
        "start_date": start,
        **extra,
    }
    if hours is not None:
        inputs["monthly_hours"] = hours
    return calculate("public-welfare-job", inputs, PARAMETERS, today=TODAY)


@pytest.mark.parametrize("case", CASES, ids=[f"{c[2]} {c[3]}" for c in CASES])
def test_schedule_holds_together(case: tuple) -> None:
    """Each month is paid at most its monthly minimum wage; counted months add up to the total
    and the counts; only the until-pension rule may run past max_years × 12 months."""
    result = run(*case)
    assert result["eligible"] is True
    schedule = result["schedule"]
    assert all(row["amount"] <= row["monthly_minimum_wage"] for row in schedule)
    counted = [row for row in schedule if row["counted"]]
    assert result["months"] == len(counted)
    assert result["months"] + result["months_before_notice"] + result["months_beyond_notice"] == len(schedule)
    assert Decimal(str(result["total"])) == sum((Decimal(str(row["amount"])) for row in counted), Decimal(0))
    assert result["breakdown"][-1]["value"] == result["total"]
    if result["duration_rule"] != "until_pension":
        assert len(schedule) == MAX_MONTHS
    assert result["end_month"] == schedule[-1]["month"]


def test_months_are_consecutive_from_the_start_month() -> None:
    """One entry per calendar month, from the month of the start date, without gaps."""
    months = [row["month"] for row in run("1980-06-10", True, "兰陵县", "2016-11-30", None)["schedule"]]
    assert months[0] == "2016-11" and months[1] == "2016-12" and months[2] == "2017-01"
    assert len(set(months)) == len(months) == MAX_MONTHS


def test_part_time_is_hourly_wage_times_hours_and_full_time_is_the_monthly_wage() -> None:
    """Hours below full time are paid by the hour; at or above full time, the monthly wage."""
    part = run("1980-06-10", True, "兰陵县", "2017-01-01", 100)["schedule"][0]
    assert part["amount"] == pytest.approx(part["hourly_minimum_wage"] * 100)
    for hours in (174, 744):
        full = run("1980-06-10", True, "兰陵县", "2017-01-01", hours)["schedule"][0]
        assert full["amount"] == full["monthly_minimum_wage"]


def test_starting_in_the_pension_month_leaves_no_month_to_pay() -> None:
    """Near the pension, the month of the 60th birthday is not paid: a start in that month, on
    the day before the birthday, is eligible but has an empty schedule."""
    result = run("1957-03-10", False, "兰山区", "2017-03-09", None)
    assert (result["eligible"], result["duration_rule"], result["schedule"], result["end_month"]) == (True, "until_pension", [], None)
    assert result["total"] == 0


def test_ineligible_results_say_what_else_may_help() -> None:
    """A not-eligible result has no schedule and points to other measures, in both languages."""
    result = run("1975-01-01", False, "兰山区", "2017-01-01", None)
    assert result["failed"] == ["disability_or_near_pension"]
    assert result["schedule"] == [] and result["total"] == 0
    assert any("measure 3" in note["en"] and "二(一)3" in note["zh"] for note in result["notes"])


def test_every_condition_cites_the_clause_in_both_languages() -> None:
    result = run("1961-09-01", False, "苍山", "2016-09-02", None)
    conditions = {c["condition"]: c for c in result["explanation"]}
    assert set(conditions) == {
        "in_force_on_date",  # no date given, and on TODAY the notice has expired: said first
        "registered_poor",
        "working_age",
        "hard_to_place",
        "disability_or_near_pension",  # one condition (an OR), saying which part holds
        "months_within_notice",
    }
    assert result["explanation"][0]["condition"] == "in_force_on_date"
    assert all(c["clause"] == "m02-public-welfare-jobs" and c["zh"] and c["en"] for c in conditions.values())


@pytest.mark.parametrize(
    ("birth", "certificate", "start", "part_zh", "part_en"),
    [
        ("1980-01-01", True, "2017-01-01", "持有残疾证：符合", "You hold a disability certificate: that meets"),
        ("1961-09-01", False, "2016-09-02", "不需要残疾证", "no certificate is needed"),
        ("1961-09-01", True, "2016-09-02", "两项都符合", "Both parts"),
    ],
)
def test_the_either_or_condition_says_which_part_holds(birth: str, certificate: bool, start: str, part_zh: str, part_en: str) -> None:
    """Met through one part of 'certificate OR near the pension': no line reads a missing
    certificate as a met (or failed) condition of an eligible result."""
    result = run(birth, certificate, "兰陵县", start, None)
    either = [c for c in result["explanation"] if c["condition"] == "disability_or_near_pension"]
    assert len(either) == 1 and either[0]["met"] is True and result["outcome"] == "eligible"
    assert part_zh in either[0]["zh"] and part_en in either[0]["en"]
    assert not any(c["met"] is False for c in result["explanation"] if c["condition"] != "in_force_on_date")
    assert not any("未持有残疾证" in c["zh"] or "Holds no disability certificate" in c["en"] for c in result["explanation"])


def test_neither_part_is_said_as_neither() -> None:
    result = run("1961-09-01", False, "兰陵县", "2016-09-01", None)
    either = next(c for c in result["explanation"] if c["condition"] == "disability_or_near_pension")
    assert either["met"] is False and "两项都不符合" in either["zh"] and "Neither part" in either["en"]


@pytest.mark.parametrize(("start", "month"), [("2016-05-16", "2016-05"), ("2016-05-31", "2016-05"), ("2020-05-15", "2020-05")])
def test_a_month_begun_in_the_post_within_the_notice_counts_at_either_end(start: str, month: str) -> None:
    """One month rule at both ends of the notice (our reading, said as such): a month is judged on
    its first day in the post, so a start on the first or the last day in force counts alike."""
    result = run("1980-01-01", True, "兰陵县", start, None, date="2018-01-01")
    first = result["schedule"][0]
    assert first["month"] == month and first["counted"] is True
    assert result["months_before_notice"] == 0
    rule = [n for n in result["notes"] if "在岗的第一天" in n["zh"]]
    assert len(rule) == 1 and "测算口径" in rule[0]["zh"] and "our reading" in rule[0]["en"]


def test_a_month_whose_first_day_in_the_post_is_before_the_notice_is_listed_only() -> None:
    """In the post since before the notice: May 2016 began (1 May) before it took effect."""
    result = run("1980-01-01", True, "兰陵县", "2016-04-20", None, date="2018-01-01")
    by_month = {r["month"]: r for r in result["schedule"]}
    assert by_month["2016-04"]["counted"] is False and by_month["2016-05"]["counted"] is False
    assert by_month["2016-06"]["counted"] is True and result["months_before_notice"] == 2
    assert any("测算口径" in n["zh"] and "在岗的第一天" in n["zh"] for n in result["notes"])


def test_results_speak_to_the_reader_and_point_to_amounts_shown_before() -> None:
    result = run("1980-01-01", True, "兰陵县", "2017-01-01", None, date="2018-01-01")
    texts = [c["en"] for c in result["explanation"]] + [n["en"] for n in result["notes"]]
    assert "The job market has failed to place you." in texts
    assert not any(" them." in t or "below" in t or ", the county HRSS bureau decides" in t for t in texts)
    assert not any("以下金额" in n["zh"] for n in result["notes"])
