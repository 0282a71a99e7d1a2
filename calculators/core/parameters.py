"""Dated parameters, as exported by the site build: the value in force on a day, never a literal.

The export is plain JSON (see policypress/export.py): values are strings ("1000", "17.1",
"2/3") so they stay exact, each with the date it takes effect, a status and a reference.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

Number = int | Decimal | Fraction


class ParameterMissing(KeyError):
    """A calculator asked for a parameter the export does not have: a content or code bug."""


class NoValue(LookupError):
    """A figure the calculation needs has no value on the day (before its first value, or ended):
    the reader asked about a day the rules do not cover. Reported as an error on `date`."""

    def __init__(self, name: str, day: dt.date, label: dict[str, str], first: dt.date | None):
        super().__init__(name)
        self.name, self.day, self.label, self.first = name, day, label, first


@dataclass(frozen=True)
class InForce:
    """A parameter's value on a day, with what the reader needs to judge it."""

    name: str
    value: Number | None  # None: unset, ended, or not yet in force
    unit: str
    status: str
    since: dt.date | None
    reference: dict[str, Any] | None

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "value": to_json_number(self.value),
            "unit": self.unit,
            "status": self.status,
            "since": self.since.isoformat() if self.since else None,
            "reference": self.reference,
        }


def parse_exact(raw: str | int | float | None) -> Number | None:
    if raw is None:
        return None
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    text = str(raw)
    if "/" in text:
        return Fraction(text)
    number = Decimal(text)
    return int(number) if number == number.to_integral_value() and "." not in text else number


def to_json_number(value: Number | None) -> int | float | str | None:
    """JSON-ready: whole numbers as int, decimals as float, fractions as 'a/b'."""
    if value is None:
        return None
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


class Parameters:
    """Lookup over the exported parameters of one document; records what a calculation used."""

    def __init__(self, export: dict[str, Any]):
        self.document = export["document"]
        self.hotline: str = export["site"]["hotline"]  # written "{hotline}" in texts; see explain.finish
        self.effective = dt.date.fromisoformat(self.document["effective"])
        expires = self.document.get("expires")
        self.expires = dt.date.fromisoformat(expires) if expires else None
        self.clauses: dict[str, Any] = export.get("clauses", {})
        self.areas: list[dict[str, Any]] = export.get("areas", [])
        self.holidays: dict[str, Any] | None = export.get("holidays")  # policy/holidays.yaml
        self.statistics_table: dict[str, Any] | None = export.get("statistics_table")  # attachment 3, if any
        self._parameters: dict[str, Any] = export["parameters"]
        self.used: dict[tuple[str, dt.date | None], InForce] = {}  # every value used, e.g. each wage level

    def __contains__(self, name: str) -> bool:
        return name in self._parameters

    def names(self, prefix: str) -> list[str]:
        return [name for name in self._parameters if name.startswith(prefix)]

    def in_force(self, name: str, day: dt.date) -> InForce:
        """The value of `name` on `day`, with its status and source; remembered as used."""
        try:
            spec = self._parameters[name]
        except KeyError:
            raise ParameterMissing(name) from None
        current = None
        for entry in spec["values"]:
            if dt.date.fromisoformat(entry["since"]) <= day:
                current = entry
        if current is None or current["value"] is None:
            result = InForce(
                name, None, spec["unit"], "unset" if current is None and not spec["values"] else spec["status"], None, spec.get("reference")
            )
        else:
            result = InForce(
                name,
                parse_exact(current["value"]),
                spec["unit"],
                current.get("status", spec["status"]),
                dt.date.fromisoformat(current["since"]),
                current.get("reference") or spec.get("reference"),
            )
        self.used[(name, result.since)] = result
        return result

    def value(self, name: str, day: dt.date) -> Number | None:
        return self.in_force(name, day).value

    def require(self, name: str, day: dt.date) -> Number:
        """The value of `name` on `day`; NoValue when it has none that day."""
        value = self.in_force(name, day).value
        if value is None:
            spec = self._parameters[name]
            firsts = [dt.date.fromisoformat(e["since"]) for e in spec["values"] if e["value"] is not None]
            raise NoValue(name, day, spec.get("label", {"zh": name, "en": name}), min(firsts) if firsts else None)
        return value

    def notice_day(self, day: dt.date) -> dt.date:
        """The nearest day the notice was in force: the day to read the notice's own readings
        (ages, durations) on, when judging a day outside the notice by its rules."""
        day = max(day, self.effective)
        return min(day, self.expires) if self.expires is not None else day

    def rule(self, name: str, day: dt.date) -> Number:
        """A figure of the notice's rules (an age, a duration) as on `notice_day(day)`."""
        return self.require(name, self.notice_day(day))

    def in_notice(self, day: dt.date) -> bool:
        """Is the notice in force on `day`? (`expires` is its last day in force.)"""
        return self.effective <= day and (self.expires is None or day <= self.expires)
