"""Results that explain themselves: every condition checked, met or not, with its clause."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .parameters import Number, Parameters, to_json_number
from .text import Text, text

DISCLAIMER = text(
    "测算结果仅供参考，以经办机构审核为准。", "An estimate, not a decision: the office that handles your application decides."
)


def money(value: Number) -> float:
    """Yuan, rounded half up to 2 decimals, as a JSON number."""
    return float(Decimal(str(value) if not isinstance(value, Decimal) else value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@dataclass
class Explanation:
    """Collects the conditions a calculation checked and the notes it wants to add."""

    conditions: list[dict[str, Any]] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)

    def check(self, condition: str, met: bool | None, clause: str, zh: str, en: str, decisive: bool = True) -> bool | None:
        """Record one condition (met: True, False, or None when the answers do not settle it).
        A condition that is not `decisive` changes how much, not whether."""
        self.conditions.append({"condition": condition, "met": met, "decisive": decisive, "clause": clause, "zh": zh, "en": en})
        return met

    def note(self, zh: str, en: str) -> None:
        self.notes.append(text(zh, en))

    def failed(self) -> list[dict[str, Any]]:
        return [c for c in self.conditions if c["met"] is False and c["decisive"]]

    def unsettled(self) -> list[dict[str, Any]]:
        return [c for c in self.conditions if c["met"] is None]


def check_notice_in_force(why: Explanation, params: Parameters, day: dt.date, clause: str, measure: Text) -> bool:
    """The decisive condition every measure of the notice shares: is the notice in force on `day`?
    `measure` names what does not apply otherwise, e.g. text("一次性创业补贴", "its start-up subsidy")."""
    in_force = params.in_notice(day)
    period = f"{params.effective.isoformat()} – {params.expires.isoformat() if params.expires else '…'}"
    why.check(
        "notice_in_force",
        in_force,
        clause,
        f"{day.isoformat()} 在通知有效期（{period}）内。"
        if in_force
        else f"{day.isoformat()} 不在通知有效期（{period}）内，通知规定的{measure['zh']}不适用。",
        f"{day.isoformat()} is within the notice's period in force ({period})."
        if in_force
        else f"{day.isoformat()} is outside the notice's period in force ({period}): {measure['en']} do not apply.",
    )
    return in_force


@dataclass(frozen=True)
class DateUsed:
    day: dt.date
    reason: str
    words: Text

    def as_json(self) -> dict[str, Any]:
        return {"date_used": self.day.isoformat(), "date_reason": {"code": self.reason, **self.words}}


def resolve_date(given: dt.date | None, today: dt.date, params: Parameters) -> DateUsed:
    """The day whose rules apply: the one given; or today, kept within the notice's validity, so a
    reader of an expired notice still gets the answer the notice gave, labelled as such."""
    number = params.document.get("number", "")
    if given is not None:
        return DateUsed(
            given, "given", text(f"按您填写的日期 {given.isoformat()} 计算。", f"Calculated for the date you gave, {given.isoformat()}.")
        )
    if today < params.effective:
        day = params.effective
        return DateUsed(
            day,
            "notice_not_yet_in_force",
            text(
                f"{number}尚未施行，按其施行首日 {day.isoformat()} 计算。",
                f"The notice {number} is not yet in force; calculated for its first day, {day.isoformat()}.",
            ),
        )
    if params.expires is not None and today > params.expires:
        day = params.expires
        return DateUsed(
            day,
            "notice_expired",
            text(
                f"{number}已于 {day.isoformat()} 到期失效，按其有效期最后一天计算，结果是该通知当时的规定，现行政策请咨询经办机构。",
                f"The notice {number} expired after {day.isoformat()}; calculated for its last day in force, so this is the answer the notice gave then. Ask the office for the rules today.",
            ),
        )
    return DateUsed(today, "today", text(f"按今天（{today.isoformat()}）的规定计算。", f"Calculated for today, {today.isoformat()}."))


def finish(name: str, outcome: str, used: DateUsed, explanation: Explanation, params: Parameters, **fields: Any) -> dict[str, Any]:
    """The JSON-ready result every calculator returns."""
    result: dict[str, Any] = {"calculator": name, "outcome": outcome, **used.as_json()}
    result.update(fields)
    result["explanation"] = explanation.conditions
    failed = explanation.failed()
    if failed:
        result["failed"] = [c["condition"] for c in failed]
    result["notes"] = explanation.notes
    result["parameters_used"] = [p.as_json() for p in params.used.values()]
    result["disclaimer"] = DISCLAIMER
    return _fill(result, {"{hotline}": params.hotline})


def _fill(value: Any, tokens: dict[str, str]) -> Any:
    """Texts name site settings by token ("call {hotline}"); put in their values."""
    if isinstance(value, str):
        for token, replacement in tokens.items():
            value = value.replace(token, replacement)
        return value
    if isinstance(value, dict):
        return {k: _fill(v, tokens) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, tokens) for v in value]
    return value


__all__ = ["DISCLAIMER", "Explanation", "DateUsed", "finish", "money", "resolve_date", "to_json_number"]
