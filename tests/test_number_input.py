"""Numbers as people write them (issue 14): "8万元", "8万", "五十八", "58岁", "1.5万" are read where a
count or an amount is asked, in calculators/core/inputs.py, so the self-check, the calculator
pages and `policypress calc` all accept them; what cannot be read gets an error that says how to
write it, with an example that fits the field."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest

from calculators.core.inputs import Field, parse_number, validate
from calculators.core.text import text
from conftest import ROOT

AGE = Field("age", "int", text("年龄（周岁）", "Age (whole years)"), minimum=0, maximum=120, unit=text("周岁", "years"))
COSTS = Field("costs", "money", text("医疗费用", "Medical costs"), minimum=0)


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("80000", 80000),
        ("80,000", 80000),
        ("８００００", 80000),  # full-width digits, as a Chinese IME types them
        ("8万", 80000),
        ("8万元", 80000),
        ("8 万 元", 80000),
        ("1.5万", 15000),
        ("3万5000", 35000),
        ("三万五", 35000),  # 五 after 万 counts in thousands, as said aloud
        ("一千五", 1500),
        ("一万零五百", 10500),
        ("两千元", 2000),
        ("¥1500", 1500),
        ("1500.50", Decimal("1500.50")),
        ("1500.5元", Decimal("1500.5")),
    ],
)
def test_amounts_as_people_write_them(written: str, read: int | Decimal) -> None:
    assert parse_number(written, whole=False) == read
    values, errors = validate((COSTS,), {"costs": written})
    assert errors == {} and values["costs"] == read


@pytest.mark.parametrize(
    ("written", "read"),
    [("58", 58), ("五十八", 58), ("58岁", 58), ("58 周岁", 58), ("十五", 15), ("一百零五", 105), ("58 years", 58)],
)
def test_counts_and_ages_as_people_write_them(written: str, read: int) -> None:
    assert parse_number(written, whole=True, unit=AGE.unit) == read


@pytest.mark.parametrize("written", ["五八", "abc", "1.5", "十百", "3百5千", "万", "58元", "1500.505", "5八"])
def test_what_is_not_a_number_is_refused(written: str) -> None:
    whole = written != "1500.505"
    assert parse_number(written, whole=whole, unit=AGE.unit if whole else None) is None


def test_a_number_that_cannot_be_read_is_answered_with_how_to_write_it() -> None:
    _, errors = validate((AGE,), {"age": "五八"})
    assert errors["age"]["zh"] == "“年龄（周岁）”请填写整数，例如 10周岁（也可以写“十”）。"
    assert errors["age"]["en"] == "'Age (whole years)' must be a whole number, e.g. 10 years."
    assert parse_number("十", whole=True) == 10  # the example given is one the field reads
    _, errors = validate((COSTS,), {"costs": "八万块多"})
    assert "1.5万" in errors["costs"]["zh"] and "15000" in errors["costs"]["en"]
    assert parse_number("1.5万", whole=False) == 15000


def test_bounds_and_size_still_apply_to_words() -> None:
    _, errors = validate((AGE,), {"age": "一百五十"})
    assert errors["age"]["zh"] == "“年龄（周岁）”不能大于 120。"
    _, errors = validate((COSTS,), {"costs": "99999999亿"})
    assert "太长" in errors["costs"]["zh"]


def test_the_command_line_reads_8_wan_yuan() -> None:
    """`policypress calc` goes through the same declaration: 8万元 is 80,000 yuan of costs."""
    inputs = {"eligible_costs": "8万元", "registered_poor": True, "insured_medical": True, "date": "2018-01-01"}
    figures = {}
    for costs in ("8万元", "80000"):
        done = subprocess.run(
            [sys.executable, "-m", "policypress", "--root", str(ROOT), "calc", "critical-illness", "--input", "-"],
            input=json.dumps({**inputs, "eligible_costs": costs}),
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        figures[costs] = json.loads(done.stdout)["amount"]
    assert figures["8万元"] == figures["80000"] > 0


def test_the_example_is_a_typical_round_number_not_the_middle_of_a_wide_range() -> None:
    """1–744 hours a month: a round number near the low end (100), never the midpoint (373); a
    declared default within the bounds is the example itself."""
    from calculators.linyi_hrss_2016_12.public_welfare_job import INPUTS as JOB_INPUTS

    hours = next(f for f in JOB_INPUTS if f.name == "monthly_hours")
    _, errors = validate((hours,), {"monthly_hours": "abc"})
    assert "e.g. 100 hours" in errors["monthly_hours"]["en"] and "例如 100小时" in errors["monthly_hours"]["zh"]
    assert "373" not in errors["monthly_hours"]["en"]
    declared = Field("days", "int", text("天数", "Days"), minimum=1, maximum=365, default=30)
    assert "e.g. 30." in validate((declared,), {"days": "abc"})[1]["days"]["en"]
