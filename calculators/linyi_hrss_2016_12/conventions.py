"""The readings RULES.md fixes once for every measure: working age, pension age, areas.

Each is one named function over parameters, so the bureau can change a reading (a parameter)
without touching the calculators that use it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..core.dates import age_on, birthday, first_of_month
from ..core.parameters import Parameters


def whole_rule(params: Parameters, name: str, day: dt.date) -> int:
    """A reading of the notice, as on the nearest day it was in force: a day outside the notice
    is still judged by its readings (whether the measure applies then is a separate condition)."""
    return int(params.rule(name, day))


def working_age_bounds(params: Parameters, day: dt.date) -> tuple[int, int]:
    """(lowest age, first age past working age): 16 ≤ age < 60 as the site reads it."""
    return whole_rule(params, "conventions.working_age_min", day), whole_rule(params, "conventions.working_age_limit", day)


def is_working_age(age: int, params: Parameters, day: dt.date) -> bool:
    low, limit = working_age_bounds(params, day)
    return low <= age < limit


def pension_age(params: Parameters, day: dt.date) -> int:
    return whole_rule(params, "pension.age", day)


def near_pension(birth: dt.date, day: dt.date, params: Parameters) -> bool:
    """'不足5年' to the social pension: strictly after the birthday that is 5 years before the
    pension age, and before the pension age (on that birthday exactly 5 years remain)."""
    age = pension_age(params, day)
    years = whole_rule(params, "public_welfare_job.near_pension_years", day)
    return birthday(birth, age - years) < day < birthday(birth, age)


def pension_month(birth: dt.date, params: Parameters, day: dt.date) -> dt.date:
    """The first day of the month in which the person reaches the pension age."""
    return first_of_month(birthday(birth, pension_age(params, day)))


def find_area(name: str, params: Parameters) -> dict[str, Any] | None:
    """An area by its id, code, Chinese or English name, or an alias (case-insensitive)."""
    wanted = name.strip().casefold()
    for area in params.areas:
        names = [area["id"], area["zh"], area["en"], area.get("code", ""), *area.get("aliases", [])]
        if wanted in (n.casefold() for n in names if n):
            return area
    return None


def area_names(params: Parameters) -> tuple[str, str]:
    return "、".join(a["zh"] for a in params.areas), ", ".join(a["en"] for a in params.areas)


__all__ = ["whole_rule", "age_on", "find_area", "is_working_age", "near_pension", "pension_age", "pension_month", "working_age_bounds"]
