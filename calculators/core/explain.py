"""Results that explain themselves: every condition checked, met or not, with its clause."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .dates import day_words
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


def period_words(params: Parameters) -> Text:
    """The notice's period in force in words: 2016年5月16日至2020年5月15日 / 16 May 2016 to 15 May 2020."""
    start = day_words(params.effective)
    if params.expires is None:
        return text(f"{start['zh']}起", f"from {start['en']}")
    end = day_words(params.expires)
    return text(f"{start['zh']}至{end['zh']}", f"{start['en']} to {end['en']}")


def check_notice_in_force(why: Explanation, params: Parameters, day: dt.date, clause: str, measure: Text) -> bool:
    """The decisive condition every measure of the notice shares: is the notice in force on `day`?
    `measure` names what does not apply otherwise, e.g. text("一次性创业补贴", "its start-up subsidy")."""
    in_force = params.in_notice(day)
    period, when = period_words(params), day_words(day)
    why.check(
        "notice_in_force",
        in_force,
        clause,
        f"{when['zh']}在通知有效期（{period['zh']}）内。"
        if in_force
        else f"{when['zh']}不在通知有效期（{period['zh']}）内，通知规定的{measure['zh']}不适用。",
        f"{when['en']} is within the notice's period in force ({period['en']})."
        if in_force
        else f"{when['en']} is outside the notice's period in force ({period['en']}): {measure['en']} do not apply.",
    )
    return in_force


def history_first(why: Explanation, params: Parameters, used: DateUsed, clause: str) -> bool:
    """The first line of a result whose day is not the day asked about: when no date was given and
    the notice is not in force today, say first that nothing applies today, and that what follows
    is history (or, before the notice, what it will give). True when the notice is in force on the
    day asked about."""
    if used.reason not in (EXPIRED, NOT_YET):
        return params.in_notice(used.asked or used.day)
    today, day = day_words(used.asked or used.day), day_words(used.day)
    if used.reason == EXPIRED:
        zh = (
            f"本通知有效期至{day['zh']}，已经失效，今天（{today['zh']}）不适用。以下是按其最后有效日（{day['zh']}）"
            f"计算的历史结果，只说明通知当时的规定，不代表现在能享受；现行政策请咨询县区人社部门或拨打 {{hotline}}。"
        )
        en = (
            f"This notice was in force until {day['en']} and has expired: today, {today['en']}, it does not apply. What follows "
            f"is a historical result, calculated for its last day in force ({day['en']}): it shows what the notice gave then, "
            "not what you can get now. Ask the county HRSS bureau or call {hotline} about the rules that apply now."
        )
    else:
        zh = (
            f"本通知自{day['zh']}起施行，今天（{today['zh']}）尚未施行，现在不适用。以下按其施行首日（{day['zh']}）计算，"
            "只说明通知施行后的规定。"
        )
        en = (
            f"This notice takes effect on {day['en']}: today, {today['en']}, it does not apply yet. What follows is calculated "
            f"for its first day in force ({day['en']}) and shows what it will give from then."
        )
    why.check("in_force_on_date", False, clause, zh, en, decisive=False)
    return False


EXPIRED, NOT_YET = "notice_expired", "notice_not_yet_in_force"


@dataclass(frozen=True)
class DateUsed:
    day: dt.date  # the day whose rules apply
    reason: str
    words: Text
    asked: dt.date | None = None  # the day asked about (the date given, or today), when it differs in meaning

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"date_used": self.day.isoformat(), "date_reason": {"code": self.reason, **self.words}}
        if self.asked is not None:
            out["date_asked"] = self.asked.isoformat()
        return out


def resolve_date(given: dt.date | None, today: dt.date, params: Parameters) -> DateUsed:
    """The day whose rules apply: the one given; or today, kept within the notice's validity, so a
    reader of an expired notice still gets the answer the notice gave, labelled as history."""
    number = params.document.get("number", "")
    if given is not None:
        when = day_words(given)
        return DateUsed(
            given, "given", text(f"按您填写的日期（{when['zh']}）计算。", f"Calculated for the date you gave, {when['en']}."), given
        )
    now = day_words(today)
    if today < params.effective:
        day = day_words(params.effective)
        return DateUsed(
            params.effective,
            NOT_YET,
            text(
                f"{number}自{day['zh']}起施行，今天（{now['zh']}）尚未施行、现在不适用；以下按其施行首日计算。",
                f"The notice {number} takes effect on {day['en']}: today, {now['en']}, it does not apply yet. "
                "Calculated for its first day in force.",
            ),
            today,
        )
    if params.expires is not None and today > params.expires:
        day = day_words(params.expires)
        return DateUsed(
            params.expires,
            EXPIRED,
            text(
                f"{number}有效期至{day['zh']}，已经失效，今天（{now['zh']}）不适用。以下是按其最后有效日计算的历史结果，"
                "不代表现在能享受；现行政策请咨询经办机构。",
                f"The notice {number} was in force until {day['en']} and has expired: today, {now['en']}, it does not apply. "
                "This is a historical result, calculated for its last day in force, not what you can get now. Ask the office "
                "about the rules that apply now.",
            ),
            today,
        )
    return DateUsed(today, "today", text(f"按今天（{now['zh']}）的规定计算。", f"Calculated for today, {now['en']}."), today)


def outcome_words(outcome: str, why_possibly: Text) -> Text:
    """The outcome as a page line: yes, no, or "possibly" and why (never a bare yes when it may not be)."""
    if outcome == "eligible":
        return text("是", "Yes")
    if outcome == "not_eligible":
        return text("否", "No")
    return text(f"可能符合：{why_possibly['zh']}", f"Possibly: {why_possibly['en']}")


def finish(name: str, outcome: str, used: DateUsed, explanation: Explanation, params: Parameters, **fields: Any) -> dict[str, Any]:
    """The JSON-ready result every calculator returns."""
    result: dict[str, Any] = {"calculator": name, "outcome": outcome, **used.as_json()}
    result["in_force_on_date"] = params.in_notice(used.asked or used.day)  # on the day asked about: given, or today
    result.update(fields)
    result["explanation"] = explanation.conditions
    failed = explanation.failed()
    if failed:
        result["failed"] = [c["condition"] for c in failed]
    result["notes"] = explanation.notes
    result["parameters_used"] = [p.as_json() for p in params.used.values()]
    # The figures a result stands on that the notice does not give, by name: readings of its text
    # (shown as "测算口径") and figures from other documents, for a page to flag beside the result.
    result["readings"] = list(dict.fromkeys(p.name for p in params.used.values() if p.status == "interpretation"))
    result["references"] = list(dict.fromkeys(p.name for p in params.used.values() if p.status == "reference"))
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


__all__ = [
    "DISCLAIMER",
    "Explanation",
    "DateUsed",
    "finish",
    "history_first",
    "money",
    "outcome_words",
    "period_words",
    "resolve_date",
    "to_json_number",
]
