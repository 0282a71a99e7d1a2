"""The self-check: ten measures in order, non-poor people only ever measure 7, missing facts never
make a measure eligible, and every amount is what the measure's own calculator gives."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import calculate
from calculators.linyi_hrss_2016_12.eligibility import CLAUSES
from conftest import ROOT
from policypress.content import load_site
from policypress.export import export_parameters

SITE = load_site(ROOT)
PARAMETERS = export_parameters(SITE, SITE.documents[0])
DAY = "2018-01-01"
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
OPTIONAL = {
    "sex": st.sampled_from(["male", "female"]),
    "able_to_work": st.sampled_from(["yes", "partly", "no"]),
    "has_disability_certificate": st.booleans(),
    "disability_grade": st.integers(min_value=1, max_value=4),
    "hard_to_place": st.booleans(),
    "employment_wish": st.sampled_from(["none", "local", "outside_county", "self_employed", "public_welfare_job"]),
    "wants_training": st.booleans(),
    "business_registered_on": st.dates(min_value=dt.date(2014, 1, 1), max_value=dt.date(2017, 12, 31)).map(dt.date.isoformat),
    "college_graduate": st.booleans(),
    "technical_school": st.booleans(),
    "insured_pension": st.booleans(),
    "insured_medical": st.booleans(),
    "relocated": st.booleans(),
    "critical_illness_costs": st.integers(min_value=0, max_value=1_000_000),
    "county": st.sampled_from(["沂南县", "兰山区", "Lanling", "371328"]),
}


def people(poor: st.SearchStrategy[bool] | None = None) -> st.SearchStrategy[dict[str, Any]]:
    """A person of any age, with any of the optional facts given or left out."""
    parts: dict[str, st.SearchStrategy] = {
        "registered_poor": poor if poor is not None else st.booleans(),
        "age": st.integers(min_value=0, max_value=100),
        "date": st.dates(min_value=dt.date(2016, 5, 16), max_value=dt.date(2020, 5, 15)).map(dt.date.isoformat),
    }
    parts.update({name: st.one_of(st.none(), strategy) for name, strategy in OPTIONAL.items()})
    return st.fixed_dictionaries(parts).map(lambda d: {k: v for k, v in d.items() if v is not None}).map(consistent)


def consistent(person: dict[str, Any]) -> dict[str, Any]:
    """A grade is written on the certificate: no grade for someone who said they hold none
    (that contradiction is a field error, tested on its own below)."""
    if person.get("has_disability_certificate") is False:
        person.pop("disability_grade", None)
    return person


def check(inputs: dict[str, Any]) -> dict[str, Any]:
    result = calculate("eligibility", inputs, PARAMETERS)
    assert "errors" not in result, result.get("errors")
    return result


def statuses(result: dict[str, Any]) -> dict[int, str]:
    return {m["measure"]: m["status"] for m in result["measures"]}


@SETTINGS
@given(people())
def test_the_answer_always_has_the_ten_measures_in_order(inputs: dict[str, Any]) -> None:
    """Ten entries, measure 1 to 10 with their clauses, and the outcome and counts agree with them."""
    result = check(inputs)
    assert [(m["measure"], m["clause"], m["link"]) for m in result["measures"]] == [(n, c, c) for n, c in enumerate(CLAUSES, 1)]
    found = [m["status"] for m in result["measures"]]
    assert result["counts"] == {s: found.count(s) for s in ("eligible", "possibly", "not_eligible")}
    expected = "eligible" if "eligible" in found else "possibly" if "possibly" in found else "not_eligible"
    assert result["outcome"] == expected
    for measure in result["measures"]:
        assert measure["title"] == PARAMETERS["clauses"][measure["clause"]]["title"]
        assert measure["how_to_apply"]["zh"].strip() and measure["how_to_apply"]["en"].strip()
        assert (measure["status"] == "not_eligible") == bool(measure["unmet"])
        assert measure["status"] != "possibly" or measure["unknown"], "a 'possibly' says what is not known"
    for condition in result["explanation"]:
        if condition["condition"].startswith("m"):
            number = int(condition["condition"][1:3])
            assert condition["clause"] == CLAUSES[number - 1], condition


@SETTINGS
@given(people(poor=st.just(False)))
def test_a_household_not_registered_poor_gets_nothing_but_measure_7(inputs: dict[str, Any]) -> None:
    result = check(inputs)
    assert all(status == "not_eligible" for number, status in statuses(result).items() if number != 7)
    assert result["eligible_measures"] == []


@SETTINGS
@given(people(poor=st.just(True)), st.sampled_from(sorted(OPTIONAL)))
def test_leaving_a_fact_out_never_makes_a_measure_eligible(inputs: dict[str, Any], name: str) -> None:
    """A fact left out gives 'possibly' at most: never an eligible that the full answer did not give."""
    before = statuses(check(inputs))
    after = statuses(check({k: v for k, v in inputs.items() if k != name}))
    for number, status in after.items():
        assert status != "eligible" or before[number] == "eligible", (number, name)


@SETTINGS
@given(people(poor=st.just(True)), st.integers(min_value=1, max_value=4))
def test_a_grade_with_no_certificate_is_a_contradiction_to_correct(inputs: dict[str, Any], grade: int) -> None:
    result = calculate("eligibility", {**inputs, "has_disability_certificate": False, "disability_grade": grade}, PARAMETERS)
    assert set(result["errors"]) == {"disability_grade"}
    assert "残疾证" in result["errors"]["disability_grade"]["zh"] and "certificate" in result["errors"]["disability_grade"]["en"]


def measure(result: dict[str, Any], number: int) -> dict[str, Any]:
    return result["measures"][number - 1]


@SETTINGS
@given(st.decimals(min_value=0, max_value=2_000_000, places=2))
def test_the_critical_illness_amount_is_what_that_calculator_gives(costs: Decimal) -> None:
    result = check({"registered_poor": True, "age": 48, "critical_illness_costs": str(costs), "date": DAY})
    poor = calculate("critical-illness", {"eligible_costs": str(costs), "registered_poor": True, "date": DAY}, PARAMETERS)
    base = calculate("critical-illness", {"eligible_costs": str(costs), "registered_poor": False, "date": DAY}, PARAMETERS)
    amount = measure(result, 9)["amount"]
    assert amount["value"] == poor["amount"]
    assert amount["standard"] == base["amount"]
    assert amount["extra"] == pytest.approx(poor["amount"] - base["amount"])


def test_the_public_welfare_job_amount_is_what_that_calculator_gives() -> None:
    facts = {"registered_poor": True, "birth_date": "1960-06-01", "has_disability_certificate": False, "hard_to_place": True}
    result = check({**facts, "able_to_work": "yes", "county": "沂南县", "date": DAY})
    job = calculate("public-welfare-job", {**facts, "county": "沂南县", "start_date": DAY, "date": DAY}, PARAMETERS)
    assert measure(result, 2)["amount"]["value"] == job["total"] == 44550
    assert measure(result, 2)["amount"]["months"] == job["months"]


def test_the_loan_and_start_up_answers_are_what_those_calculators_give() -> None:
    facts = {"registered_poor": True, "birth_date": "1980-03-10", "business_registered_on": "2016-10-01", "county": "兰山区"}
    result = check({**facts, "employment_wish": "self_employed", "date": DAY})
    loan = calculate(
        "guaranteed-loan", {"applicant": "individual", "registered_poor": True, "self_employed": True, "date": DAY}, PARAMETERS
    )
    startup = calculate("startup-subsidy", {**facts, "operating_normally": True, "date": DAY}, PARAMETERS)
    assert measure(result, 4)["status"] == loan["outcome"] == "possibly", "the province sets the loan's conditions"
    assert loan["limit"] is None and measure(result, 4)["amount"] is None, "no individual limit without a findable source"
    assert measure(result, 5)["amount"]["value"] == startup["amount"]
    assert measure(result, 5)["amount"]["zh"] == startup["amount_words"]["zh"] and "不低于" in startup["amount_words"]["zh"]
    assert measure(result, 5)["status"] == startup["outcome"] == "possibly", "the county decides whether it pays the subsidy"


@SETTINGS
@given(
    st.dates(min_value=dt.date(2013, 1, 1), max_value=dt.date(2020, 5, 15)),
    st.dates(min_value=dt.date(2016, 5, 16), max_value=dt.date(2020, 5, 15)),
    st.sampled_from([None, "沂南县", "兰山区"]),
)
def test_the_self_check_and_the_start_up_calculator_agree(registered: dt.date, day: dt.date, county: str | None) -> None:
    """Measure 5 of the self-check is the start-up calculator's answer: the same status, the same
    figure in the same words, never a flat "eligible" where the county may not pay."""
    facts = {"registered_poor": True, "birth_date": "1980-03-10", "business_registered_on": registered.isoformat(), "date": day.isoformat()}
    if county:
        facts["county"] = county
    startup = calculate("startup-subsidy", {**facts, "operating_normally": True}, PARAMETERS)
    five = measure(check({**facts, "employment_wish": "self_employed"}), 5)
    assert five["status"] == startup["outcome"] != "eligible"
    if startup["outcome"] == "not_eligible":
        assert five["amount"] is None and startup["amount"] == 0
    else:
        assert five["amount"]["value"] == startup["amount"] and five["amount"]["kind"] == "at_least"


def test_a_birth_date_wins_over_an_age_and_neither_is_an_error() -> None:
    assert check({"registered_poor": True, "birth_date": "1958-03-01", "age": 30, "date": DAY})["age"] == 59
    assert set(calculate("eligibility", {"registered_poor": True, "date": DAY}, PARAMETERS)["errors"]) == {"birth_date"}


@SETTINGS
@given(people(poor=st.just(True)))
def test_only_questions_the_self_check_asks_are_said_to_be_left_unanswered(inputs: dict[str, Any]) -> None:
    """An input the page never asked (ask_if false on the other answers, or never) is not listed
    among "not given" assumptions: the resident was never put the question."""
    from calculators.core.parameters import Parameters
    from calculators.linyi_hrss_2016_12.eligibility import INPUTS, was_asked

    result = check(inputs)
    params, day = Parameters(PARAMETERS), dt.date.fromisoformat(result["date_used"])
    values = {f.name: inputs.get(f.name) for f in INPUTS}
    for name in {f.name for f in INPUTS} & {a["input"] for a in result["assumptions"]} - {"date"}:
        assert was_asked(name, values, result["age"], params, day), name
    assert "insured_pension" not in {a["input"] for a in result["assumptions"]}  # never asked


def test_the_estimate_note_names_only_the_fact_that_is_missing() -> None:
    """County given, only an age (no birth date): the note asks for the birth date, not the county."""
    base = {"registered_poor": True, "age": 57, "has_disability_certificate": False, "hard_to_place": True, "date": DAY}
    notes = measure(check({**base, "county": "兰山区"}), 2)["notes"]
    said = [n for n in notes if "公益性岗位补贴" in n["zh"]]
    assert said and all("出生日期" in n["zh"] and "县区" not in n["zh"] for n in said)
    assert all("date of birth" in n["en"] and "county" not in n["en"] for n in said)
    born = {**base, "birth_date": "1960-06-01"}
    born.pop("age")
    said = [n for n in measure(check(born), 2)["notes"] if "公益性岗位补贴" in n["zh"] and "还需要" in n["zh"]]
    assert said and all("县区" in n["zh"] and "出生日期" not in n["zh"] for n in said)


def test_a_benefit_is_a_note_not_a_condition_met() -> None:
    """Measure 9's met conditions are conditions (a registered poor household); what it gives is a note."""
    m9 = measure(check({"registered_poor": True, "age": 40, "date": DAY}), 9)
    assert m9["status"] == "eligible"
    assert not any("起付标准" in c["zh"] or "deductible" in c["en"] for c in m9["met"])
    assert any("起付标准减半" in n["zh"] and "deductible" in n["en"] for n in m9["notes"])
    moved = measure(check({"registered_poor": True, "age": 40, "relocated": True, "date": DAY}), 10)
    assert not any("转移接续" in c["zh"] for c in moved["met"]) and any("转移接续" in n["zh"] for n in moved["notes"])


@pytest.mark.parametrize(
    ("facts", "met", "zh", "en"),
    [
        ({"age": 57, "has_disability_certificate": False}, True, "不需要残疾证", "no certificate is needed"),
        ({"age": 40, "has_disability_certificate": True}, True, "持有残疾证：符合", "You hold a disability certificate: that meets"),
        ({"age": 40, "has_disability_certificate": False}, False, "两项都不符合", "neither part"),
    ],
)
def test_the_either_or_condition_of_measure_2_says_which_part_holds(facts: dict[str, Any], met: bool, zh: str, en: str) -> None:
    m2 = measure(check({"registered_poor": True, "hard_to_place": True, "date": DAY, **facts}), 2)
    lines = m2["met"] if met else m2["unmet"]
    line = next(c for c in lines if "残疾证" in c["zh"])
    assert zh in line["zh"] and en in line["en"]
    assert not any("未持有残疾证" in c["zh"] or "Holds no disability certificate" in c["en"] for c in m2["met"])


def test_the_wish_to_work_is_not_in_nested_brackets() -> None:
    m3 = measure(check({"registered_poor": True, "age": 40, "employment_wish": "local", "date": DAY}), 3)
    line = next(c for c in m3["met"] if "就业意愿" in c["zh"])
    assert "（（" not in line["zh"] and "））" not in line["zh"] and "((" not in line["en"] and "))" not in line["en"]
    assert line["en"] == "Wants to work: work close to home (in the county)."
