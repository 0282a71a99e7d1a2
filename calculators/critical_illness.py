"""大病保险 — critical-illness insurance reimbursement (measure 9).

The base schedule (a reference: Shandong from 2014-04-01) pays the part of the year's eligible
out-of-pocket costs above the deductible in two segments, up to a cap. For registered poor
people, while the notice is in force, the deductible is halved, each segment's rate rises by
5 percentage points and the cap rises (二(五)9).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .core.calculator import DATE, REGISTERED_POOR, Calculator
from .core.explain import DateUsed, Explanation, finish, money
from .core.inputs import Field
from .core.parameters import Parameters
from .core.text import text

CLAUSE = "m09-pension-and-medical-insurance"

INPUTS = (
    Field(
        "eligible_costs",
        "money",
        text("全年合规自付医疗费用", "The year's eligible out-of-pocket costs"),
        help=text(
            "基本医疗保险报销之后，自己负担的、符合大病保险规定的医疗费用合计（元）。",
            "Medical costs you paid yourself after basic medical insurance, that critical-illness insurance covers, in yuan.",
        ),
        required=True,
        minimum=Decimal(0),
        maximum=Decimal(100_000_000),
        unit=text("元", "yuan"),
    ),
    REGISTERED_POOR,
    DATE,
)


def schedule(params: Parameters, used: DateUsed, poor_boost: bool) -> dict[str, Any]:
    """Deductible, segment bounds and rates (as fractions of 1), and the cap on the day."""
    day = used.day
    deductible = Decimal(params.require("critical_illness.base.deductible", day))
    upper = Decimal(params.require("critical_illness.base.segment_1_upper", day))
    rates = [Decimal(params.require(f"critical_illness.base.rate_{n}", day)) for n in (1, 2)]
    cap = Decimal(params.require("critical_illness.base.cap", day))
    if poor_boost:
        deductible *= Decimal(str(params.require("critical_illness.poor.deductible_factor", day)))
        rates = [rate + Decimal(params.require("critical_illness.poor.rate_increase", day)) for rate in rates]
        cap = Decimal(params.require("critical_illness.poor.cap", day))
    return {"deductible": deductible, "segments": [(deductible, upper, rates[0] / 100), (upper, None, rates[1] / 100)], "cap": cap}


def compute(values: dict[str, Any], params: Parameters, used: DateUsed) -> dict[str, Any]:
    costs: Decimal = values["eligible_costs"]
    poor: bool = values["registered_poor"]
    day = used.day
    why = Explanation()
    in_force = params.in_notice(day)
    boost = poor and in_force
    why.check(
        "registered_poor",
        poor,
        CLAUSE,
        "是建档立卡农村贫困人口。" if poor else "不是建档立卡农村贫困人口，按一般标准计算。",
        "Registered rural poor." if poor else "Not registered rural poor: the standard schedule applies.",
        decisive=False,
    )
    if poor:
        why.check(
            "notice_in_force",
            in_force,
            CLAUSE,
            f"{day.isoformat()} 通知有效，起付标准减半、各段支付比例提高、年度最高支付限额提高。"
            if in_force
            else f"{day.isoformat()} 通知不在有效期内，贫困人口的提高待遇不再适用，按一般标准计算。",
            f"The notice is in force on {day.isoformat()}: halved deductible, higher rates and a higher cap."
            if in_force
            else f"The notice is not in force on {day.isoformat()}: its boost for poor people no longer applies; the standard schedule is used.",
        )
        if not in_force:
            why.note(
                "通知规定的贫困人口大病保险倾斜政策仅在通知有效期内适用。",
                "The notice's critical-illness boost for poor people only applied while the notice was in force.",
            )
    rules = schedule(params, used, boost)
    deductible, cap = rules["deductible"], rules["cap"]
    segments, total = [], Decimal(0)
    for low, high, rate in rules["segments"]:
        top = costs if high is None else min(costs, high)
        base = max(top - low, Decimal(0))
        paid = base * rate
        total += paid
        segments.append(
            {
                "from": money(low),
                "to": None if high is None else money(high),
                "rate": float(rate),
                "eligible": money(base),
                "paid": money(paid),
            }
        )
    cap_applied = total > cap
    amount = min(total, cap)
    above = why.check(
        "above_deductible",
        costs > deductible,
        CLAUSE,
        f"合规自付费用 {money(costs):,.2f} 元{'超过' if costs > deductible else '未超过'}起付标准 {money(deductible):,.2f} 元。",
        f"Eligible costs of {money(costs):,.2f} yuan are {'above' if costs > deductible else 'not above'} the deductible of {money(deductible):,.2f} yuan.",
    )
    if cap_applied:
        why.note(
            f"按各段计算为 {money(total):,.2f} 元，超过年度最高支付限额，按限额 {money(cap):,.2f} 元支付。",
            f"The segments add up to {money(total):,.2f} yuan, above the annual cap: {money(cap):,.2f} yuan is paid.",
        )
    breakdown = [
        {
            "label": text(
                f"第{i}段（{s['from']:,.0f}元以上{'至' + format(s['to'], ',.0f') + '元' if s['to'] is not None else ''}，支付{s['rate'] * 100:g}%）",
                f"Segment {i} (above {s['from']:,.0f}{' up to ' + format(s['to'], ',.0f') if s['to'] is not None else ''} yuan, paid at {s['rate'] * 100:g}%)",
            ),
            "value": s["paid"],
            "unit": "yuan",
        }
        for i, s in enumerate(segments, start=1)
    ]
    if cap_applied:
        breakdown.append({"label": text("年度最高支付限额", "Annual cap"), "value": money(cap), "unit": "yuan"})
    return finish(
        CALCULATOR.name,
        "eligible" if above else "not_eligible",
        used,
        why,
        params,
        amount=money(amount),
        deductible=money(deductible),
        cap=money(cap),
        cap_applied=cap_applied,
        poor_boost_applied=boost,
        segments=segments,
        breakdown=breakdown,
    )


CALCULATOR = Calculator(
    name="critical-illness",
    title=text("大病保险报销测算", "Critical-illness insurance estimate"),
    clause=CLAUSE,
    inputs=INPUTS,
    compute=compute,
    summary=text("估算一年内大病保险能报销多少。", "Estimate how much critical-illness insurance pays for a year's costs."),
    outputs=(
        ("amount", text("大病保险支付（元）", "Insurance pays (yuan)")),
        ("deductible", text("起付标准（元）", "Deductible (yuan)")),
        ("cap", text("年度最高支付限额（元）", "Annual cap (yuan)")),
        ("cap_applied", text("是否达到限额", "Cap reached")),
    ),
)
