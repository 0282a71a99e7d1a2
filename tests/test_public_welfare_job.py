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
        "disability_certificate",
        "near_pension",
        "disability_or_near_pension",
        "months_within_notice",
    }
    assert result["explanation"][0]["condition"] == "in_force_on_date"
    assert not conditions["disability_certificate"]["decisive"] and not conditions["near_pension"]["decisive"]
    assert all(c["clause"] == "m02-public-welfare-jobs" and c["zh"] and c["en"] for c in conditions.values())
