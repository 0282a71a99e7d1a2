"""Properties that must hold for every input a declaration allows, not just the examples."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import calculate, calculators
from conftest import ROOT
from policypress.content import load_site
from policypress.export import export_parameters

SITE = load_site(ROOT)
PARAMETERS = export_parameters(SITE, SITE.documents[0])
CLAUSES = set(PARAMETERS["clauses"])
AREA_NAMES = [name for area in PARAMETERS["areas"] for name in (area["zh"], area["en"], area.get("code", ""), *area["aliases"]) if name]
TODAY = dt.date(2026, 11, 27)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def value_for(field: dict[str, Any]) -> st.SearchStrategy:
    """Any value of the field's declared type, in bounds or not."""
    kind = field["type"]
    if kind == "bool":
        return st.booleans()
    if kind == "int":
        return st.integers(min_value=-5, max_value=2000)
    if kind == "money":
        return st.one_of(st.integers(min_value=-10, max_value=2_000_000), st.decimals(min_value=0, max_value=2_000_000, places=2).map(str))
    if kind == "date":
        return st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2035, 12, 31)).map(dt.date.isoformat)
    if kind == "choice":
        return st.sampled_from([o["value"] for o in field["options"]])
    if kind == "multi":
        return st.lists(st.sampled_from([o["value"] for o in field["options"]]), max_size=4)
    if kind == "text":
        return st.one_of(st.sampled_from(AREA_NAMES), st.text(max_size=12))
    if kind == "rows":
        return st.lists(inputs_for(field["rows"]), max_size=6)
    if kind == "list":
        cell = st.one_of(st.none(), st.integers(min_value=-5, max_value=5000), st.decimals(min_value=0, max_value=5000, places=3).map(str))
        return st.lists(cell, max_size=24)
    raise AssertionError(f"no strategy for {kind}")


def inputs_for(fields: list[dict[str, Any]]) -> st.SearchStrategy:
    """An input object: required fields always, optional ones sometimes."""
    parts = {}
    for field in fields:
        strategy = value_for(field)
        parts[field["name"]] = strategy if field["required"] else st.one_of(st.none(), strategy)
    return st.fixed_dictionaries(parts).map(lambda d: {k: v for k, v in d.items() if v is not None})


NAMES = sorted(calculators())


@pytest.mark.parametrize("name", NAMES)
def test_no_declared_input_raises_and_every_explanation_cites_a_clause(name: str) -> None:
    declaration = calculators()[name].as_json()

    @SETTINGS
    @given(inputs_for(declaration["inputs"]))
    def check(inputs: dict[str, Any]) -> None:
        result = calculate(name, inputs, PARAMETERS, today=TODAY)
        if "errors" in result:
            assert result["errors"] and all(set(message) == {"zh", "en"} for message in result["errors"].values())
            return
        assert result["outcome"] in ("eligible", "not_eligible", "possibly")
        assert result["explanation"], "a result explains itself"
        for condition in result["explanation"]:
            assert condition["clause"] in CLAUSES, condition
            assert condition["zh"].strip() and condition["en"].strip()
        if result["outcome"] == "not_eligible" and name != "eligibility":
            assert result.get("failed") or any(c["met"] is False for c in result["explanation"])

    check()


def illness(costs: Decimal, poor: bool, day: str) -> dict[str, Any]:
    return calculate("critical-illness", {"eligible_costs": str(costs), "registered_poor": poor, "date": day}, PARAMETERS)


COSTS = st.decimals(min_value=0, max_value=3_000_000, places=2)
DAYS = st.dates(min_value=dt.date(2014, 4, 1), max_value=dt.date(2030, 12, 31)).map(dt.date.isoformat)


@SETTINGS
@given(COSTS, st.booleans(), DAYS)
def test_reimbursement_never_exceeds_the_costs_or_the_cap(costs: Decimal, poor: bool, day: str) -> None:
    result = illness(costs, poor, day)
    assert 0 <= result["amount"] <= float(costs) + 0.005
    assert result["amount"] <= result["cap"]


@SETTINGS
@given(COSTS, COSTS, st.booleans(), DAYS)
def test_reimbursement_never_decreases_as_costs_rise(a: Decimal, b: Decimal, poor: bool, day: str) -> None:
    low, high = sorted((a, b))
    assert illness(low, poor, day)["amount"] <= illness(high, poor, day)["amount"]


@SETTINGS
@given(COSTS, DAYS)
def test_a_registered_poor_amount_is_never_below_the_base_amount(costs: Decimal, day: str) -> None:
    assert illness(costs, True, day)["amount"] >= illness(costs, False, day)["amount"]


PWJ = calculators()["public-welfare-job"].as_json()["inputs"]


@SETTINGS
@given(inputs_for(PWJ))
def test_subsidy_months_never_exceed_the_maximum_unless_the_near_pension_rule_applies(inputs: dict[str, Any]) -> None:
    result = calculate("public-welfare-job", inputs, PARAMETERS, today=TODAY)
    if "errors" in result or not result["eligible"]:
        return
    months = len(result["schedule"])
    if result["duration_rule"] != "until_pension":
        max_years = PARAMETERS["parameters"]["public_welfare_job.max_years"]["values"][0]["value"]
        assert months <= int(max_years) * 12
    assert result["months"] + result["months_beyond_notice"] + result["months_before_notice"] == months
