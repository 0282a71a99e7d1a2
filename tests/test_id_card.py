"""The identification card: GB 11643-1999 check characters, every single mistake caught, and
recommended measures that are exactly the self-check's eligible ones for the same facts."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest

from calculators import calculate
from calculators.core.parameters import Parameters
from calculators.linyi_hrss_2016_12.id_card import CardError, check_character, normalise_id_number, parse_id_number, validate_phone
from conftest import ROOT
from policypress.content import load_site
from policypress.export import export_parameters

SITE = load_site(ROOT)
PARAMETERS = export_parameters(SITE, SITE.documents[0])
DAY = dt.date(2018, 1, 1)

# Fictitious numbers, the check character worked by hand (see examples/id-card.yaml):
# S = Σ digit × weight (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2), check = "10X98765432"[S mod 11].
KNOWN_GOOD = {
    "371321196006010008": 235,  # 235 mod 11 = 4 → 8
    "37132119850101008X": 233,  # 233 mod 11 = 2 → X
    "372824196301010008": 246,  # 246 mod 11 = 4 → 8
    "37132120020601001X": 200,  # 200 mod 11 = 2 → X
    "371321197201010016": 204,  # 204 mod 11 = 6 → 6
    "371321195706010004": 250,  # 250 mod 11 = 8 → 4
    "110101198001010002": 98,  # 98 mod 11 = 10 → 2
}
BASE = {"name": "王某某", "sex": "female", "id_number": "371321196006010008", "phone": "13800000000", "date": DAY.isoformat()}


def card(**changes: Any) -> dict[str, Any]:
    inputs = {**BASE, **changes}
    return calculate("id-card", {k: v for k, v in inputs.items() if v is not None}, PARAMETERS)


@pytest.mark.parametrize(("number", "total"), KNOWN_GOOD.items())
def test_check_character_of_known_good_numbers(number: str, total: int) -> None:
    assert check_character(number[:17]) == number[17]
    assert "10X98765432"[total % 11] == number[17]
    assert parse_id_number(number, DAY).number == number


def test_check_character_refuses_anything_but_17_digits() -> None:
    for bad in ("", "1" * 16, "1" * 18, "3713211960060100a"):
        with pytest.raises(ValueError):
            check_character(bad)


@pytest.mark.parametrize("number", KNOWN_GOOD)
def test_every_single_digit_change_is_detected(number: str) -> None:
    """GB 11643's weights are all non-zero mod 11, so changing any one character breaks the check
    (or the birth date)."""
    for position, replacement in itertools.product(range(18), "0123456789X"):
        if replacement == number[position] or (replacement == "X" and position < 17):
            continue
        changed = number[:position] + replacement + number[position + 1 :]
        with pytest.raises(CardError):
            parse_id_number(changed, DAY)


@pytest.mark.parametrize("number", KNOWN_GOOD)
def test_every_swap_of_two_adjacent_different_digits_is_detected(number: str) -> None:
    for position in range(17):
        a, b = number[position], number[position + 1]
        if a == b:
            continue
        swapped = number[:position] + b + a + number[position + 2 :]
        with pytest.raises(CardError):
            parse_id_number(swapped, DAY)


def test_the_error_names_the_expected_check_character() -> None:
    with pytest.raises(CardError) as caught:
        parse_id_number("371321196006010009", DAY)
    assert "8" in caught.value.message["zh"] and "should be 8, not 9" in caught.value.message["en"]
    assert caught.value.message["zh"].startswith("【身份证号码】")


@pytest.mark.parametrize(
    ("number", "words"),
    [
        ("37132119600601000", "has 17"),
        ("371321600601000", "old 15-digit"),
        ("3713211960O601000 8", "position 11 ('O')"),
        ("37132119600601000Y", "not 'Y'"),
        ("371321196302310005", "not a real date"),
        ("371321180001010005", "before 1900"),
        ("371321201806010008", "after the date used"),
    ],
)
def test_each_kind_of_mistake_is_said_precisely(number: str, words: str) -> None:
    with pytest.raises(CardError) as caught:
        parse_id_number(number, DAY)
    assert words in caught.value.message["en"]


def test_spaces_full_width_characters_and_lowercase_x_are_normalised() -> None:
    assert normalise_id_number(" 371321 19850101 008x ") == "37132119850101008X"
    assert normalise_id_number("３７１３２１１９８５０１０１００８ｘ") == "37132119850101008X"


def test_the_sex_comes_from_the_parity_of_digit_17() -> None:
    assert parse_id_number("371321196006010008", DAY).sex == "female"
    assert parse_id_number("37132120020601001X", DAY).sex == "male"
    assert sorted(card(sex="male")["errors"]) == ["sex"]
    assert "371321196006010008" in card(sex="male")["errors"]["sex"]["zh"]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("13800000000", "13800000000"),
        ("+86 138 0000 0000", "13800000000"),
        ("86-199-0000-0000", "19900000000"),
        ("+8613800000000", "13800000000"),
    ],
)
def test_valid_mobile_numbers(raw: str, clean: str) -> None:
    assert validate_phone(raw, "phone") == clean


@pytest.mark.parametrize("raw", ["1380000000", "138000000000", "12800000000", "23800000000", "138-0000-000a", "0539-3000000", ""])
def test_invalid_mobile_numbers(raw: str) -> None:
    with pytest.raises(CardError):
        validate_phone(raw, "phone")


def test_back_side_phones_may_be_landlines_but_the_person_s_phone_may_not() -> None:
    assert validate_phone("0539-3000000", "helper_phone", landline=True) == "05393000000"
    assert "helper_phone" not in card(helper_phone="0539-3000000").get("errors", {})
    assert sorted(card(phone="0539-3000000")["errors"]) == ["phone"]


def test_all_card_errors_come_at_once() -> None:
    errors = card(id_number="371321196006010009", phone="123", helper_phone="1", address_county="历城区")["errors"]
    assert sorted(errors) == ["address_county", "helper_phone", "id_number", "phone"]
    assert all(set(message) == {"zh", "en"} for message in errors.values())


def test_area_codes_of_linyi_old_and_new_are_valid_and_others_only_noted() -> None:
    params = Parameters(PARAMETERS)
    codes = [area["code"] for area in params.areas if area.get("code")]
    for code in [*codes, "372801", "372830"]:
        first17 = code + "19600601000"
        result = card(id_number=first17 + check_character(first17))
        assert result["id_area_in_linyi"] is True, code
        assert not any("area code" in note["en"] for note in result["notes"]), code
    first17 = "110101" + "19600601000"
    outside = card(id_number=first17 + check_character(first17))
    assert outside["outcome"] == "eligible" and outside["id_area_in_linyi"] is False
    assert any("area code 110101" in note["en"] for note in outside["notes"])


@pytest.mark.parametrize(
    ("health", "able"),
    [("healthy", "yes"), ("fair", "yes"), ("weak", "yes"), ("serious_illness", "partly"), ("disabled", "partly"), ("lost_ability", "no")],
)
def test_ability_to_work_is_read_from_health_only_when_not_given(health: str, able: str) -> None:
    derived = card(health=health)
    assert (derived["able_to_work"], derived["able_to_work_from"]) == (able, "health")
    given = card(health=health, able_to_work="yes")
    assert (given["able_to_work"], given["able_to_work_from"]) == ("yes", "input")


@pytest.mark.parametrize(
    ("birth", "able", "category"),
    [
        ("20020102", "yes", "non_working_age"),  # 15 on 2018-01-01
        ("20020101", "yes", "working_able"),  # 16 that day
        ("19580102", "no", "working_unable"),  # 59
        ("19580101", "no", "non_working_age"),  # 60 that day
        ("19800101", "partly", "working_able"),
        ("19800101", None, "working_able"),
    ],
)
def test_category_follows_working_age_then_ability(birth: str, able: str | None, category: str) -> None:
    first17 = "371321" + birth + "000"
    assert card(id_number=first17 + check_character(first17), able_to_work=able)["category"] == category


def _self_check_facts(birth: dt.date, able: str | None, wish: str | None, hard: bool | None, training: bool | None) -> dict[str, Any]:
    facts = {
        "registered_poor": True,
        "birth_date": birth.isoformat(),
        "sex": "female",
        "able_to_work": able,
        "has_disability_certificate": False,
        "hard_to_place": hard,
        "employment_wish": wish,
        "wants_training": training,
        "insured_pension": True,
        "insured_medical": True,
        "county": "沂南县",
        "date": DAY.isoformat(),
    }
    return {k: v for k, v in facts.items() if v is not None}


BIRTHS = [dt.date(2002, 6, 1), dt.date(1985, 1, 1), dt.date(1960, 6, 1), dt.date(1957, 6, 1)]


@pytest.mark.parametrize("birth", BIRTHS)
def test_recommended_is_exactly_what_the_self_check_finds_eligible(birth: dt.date) -> None:
    first17 = "371321" + birth.strftime("%Y%m%d") + "000"
    id_number = first17 + check_character(first17)
    for able, wish, hard, training in itertools.product(
        ("yes", "partly", "no", None),
        ("none", "local", "outside_county", "self_employed", "public_welfare_job", None),
        (True, False),
        (True, None),
    ):
        result = card(
            id_number=id_number,
            able_to_work=able,
            employment_wish=wish,
            hard_to_place=hard,
            training_wish=training,
            has_disability_certificate=False,
            insurance=["residents_pension", "residents_medical"],
            address_county="沂南",
        )
        reference = calculate("eligibility", _self_check_facts(birth, able, wish, hard, training), PARAMETERS)
        assert result["recommended"] == reference["eligible_measures"], (able, wish, hard, training)
        assert result["possibly"] == reference["possibly_measures"]
        assert [m["status"] for m in result["measures"]] == [m["status"] for m in reference["measures"]]


def test_the_57_year_old_woman_gets_a_public_welfare_job() -> None:
    result = card(has_disability_certificate=False, hard_to_place=True, employment_wish="local", health="healthy", training_wish=True)
    assert (result["age"], result["category"]) == (57, "working_able")
    assert 2 in result["recommended"] and {1, 3, 6} <= set(result["recommended"])
    conditions = {c["condition"]: c for c in result["explanation"]}
    assert conditions["id_check_character"]["clause"] == "att2-identification-card"
    assert conditions["category"]["clause"] == "att1-flowchart"


def test_contradicting_ticks_are_field_errors() -> None:
    errors = card(
        insured=False,
        insurance=["residents_medical"],
        training_wish=False,
        training_project="焊工",
        poverty_causes=["other"],
        disability_grade=2,
        has_disability_certificate=False,
    )["errors"]
    assert sorted(errors) == ["disability_grade", "insurance", "poverty_cause_other", "training_project"]
    assert sorted(card(poverty_cause_other="缺劳力以外的原因")["errors"]) == ["poverty_causes"]


def test_help_record_rows_are_validated_per_row() -> None:
    good = card(help_records=[{"date": "2017-12-01", "measure": "推荐公益性岗位", "effect": "已上岗", "executor": "李某"}])
    assert good["outcome"] == "eligible"
    bad = card(help_records=[{"date": "2017-02-30", "measure": "推荐公益性岗位"}, {"date": "2017-12-01"}])
    assert sorted(bad["errors"]) == ["help_records[0].date", "help_records[1].measure"]
