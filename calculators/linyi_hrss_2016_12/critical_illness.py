"""大病保险 — critical-illness insurance reimbursement (measure 9).

The base schedule (a reference: Shandong from 2014-04-01) pays insured residents the part of the
year's eligible out-of-pocket costs above the deductible in two segments, up to a cap. For
insured residents who are registered poor (符合农村贫困人口条件的参保居民), while the notice is in
force, the deductible is halved, each segment's rate rises ("提高5%", read as 5 percentage
points: an interpretation) and the cap rises (二(五)9). Without residents' medical insurance the
residents' critical-illness insurance pays nothing; not said, the result is "possibly".
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..core.calculator import DATE, REGISTERED_POOR, Calculator
from ..core.dates import day_words
from ..core.explain import DateUsed, Explanation, finish, history_first, money
from ..core.inputs import Field
from ..core.parameters import Parameters
from ..core.text import text

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
    Field(
        "insured_medical",
        "bool",
        text("是否已参加居民基本医疗保险", "Insured in the residents' basic medical insurance?"),
        help=text(
            "大病保险只为参加居民基本医疗保险的参保居民支付。不清楚的可以不填，或问乡镇人社所。",
            "Critical-illness insurance pays only residents insured in the residents' basic medical insurance. "
            "Leave it empty if unsure, or ask the township HRSS office.",
        ),
    ),
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


def _pay(costs: Decimal, rules: dict[str, Any]) -> tuple[list[dict[str, Any]], Decimal]:
    """Each segment's share of `costs` and what it pays, and the total before the cap."""
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
    return segments, total


def _yuan(value: Decimal | float) -> str:
    return f"{money(value):,.2f}"


def compute(values: dict[str, Any], params: Parameters, used: DateUsed) -> dict[str, Any]:
    costs: Decimal = values["eligible_costs"]
    poor: bool = values["registered_poor"]
    insured: bool | None = values.get("insured_medical")
    day = used.day
    why = Explanation()
    history_first(why, params, used, CLAUSE)
    in_force = params.in_notice(day)
    boost = poor and in_force and insured is not False
    why.check(
        "insured_residents",
        insured,
        CLAUSE,
        {
            True: "已参加居民基本医疗保险，是大病保险的参保居民。",
            False: "没有参加居民基本医疗保险：居民大病保险只为参保居民支付，不能报销；贫困人口可以到乡镇人社所参保。",
            None: "没有说明是否参加居民基本医疗保险：大病保险只为参保居民支付，以下金额是已参保时的测算。",
        }[insured],
        {
            True: "Insured in the residents' basic medical insurance: an insured resident for critical-illness insurance.",
            False: "Not insured in the residents' basic medical insurance: the residents' critical-illness insurance pays only "
            "insured residents, so it pays nothing; registered poor people can enrol at the township HRSS office.",
            None: "Not said whether you are insured in the residents' basic medical insurance: critical-illness insurance pays "
            "only insured residents, so the figures below are what it pays if you are.",
        }[insured],
    )
    why.check(
        "registered_poor",
        poor,
        CLAUSE,
        "是建档立卡农村贫困人口。" if poor else "不是建档立卡农村贫困人口，按一般标准计算。",
        "Registered rural poor." if poor else "Not registered rural poor: the standard schedule applies.",
        decisive=False,
    )
    when = day_words(day)
    if poor:
        why.check(
            "notice_in_force",
            in_force,
            CLAUSE,
            f"{when['zh']}通知有效：符合农村贫困人口条件的参保居民，起付标准减半、各段支付比例提高、年度最高支付限额提高。"
            if in_force
            else f"{when['zh']}通知不在有效期内，贫困人口的提高待遇不再适用，按一般标准计算。",
            f"The notice is in force on {when['en']}: insured residents who are registered poor get a halved deductible, "
            "higher rates and a higher cap."
            if in_force
            else f"The notice is not in force on {when['en']}: its boost for poor people no longer applies; the standard schedule is used.",
            decisive=False,
        )
        if not in_force:
            why.note(
                "通知规定的贫困人口大病保险倾斜政策仅在通知有效期内适用。",
                "The notice's critical-illness boost for poor people only applied while the notice was in force.",
            )
    rules = schedule(params, used, boost)
    deductible, cap = rules["deductible"], rules["cap"]
    segments, total = _pay(costs, rules)
    cap_applied = total > cap
    figure = min(total, cap)
    standard_rules = schedule(params, used, False) if boost else rules
    standard = min(_pay(costs, standard_rules)[1], standard_rules["cap"])
    above = why.check(
        "above_deductible",
        costs > deductible,
        CLAUSE,
        f"合规自付费用 {_yuan(costs)} 元{'超过' if costs > deductible else '未超过'}起付标准 {_yuan(deductible)} 元。",
        f"Eligible costs of {_yuan(costs)} yuan are {'above' if costs > deductible else 'not above'} the deductible of "
        f"{_yuan(deductible)} yuan.",
    )
    if boost:
        increase = params.require("critical_illness.poor.rate_increase", day)
        first = params.require("critical_illness.base.rate_1", day)
        why.note(
            f"通知写各段补偿比例“提高{increase}%”，本测算按提高 {increase} 个百分点计算（第一段 {first}% 提高到 {first + increase}%），"
            "这是测算口径，以经办机构解释为准。",
            f"The notice raises each segment's rate by “{increase}%”; this estimate reads it as {increase} percentage points "
            f"(the first segment's {first}% becomes {first + increase}%). That is our reading; the office decides.",
        )
    if cap_applied:
        why.note(
            f"按各段计算为 {_yuan(total)} 元，超过年度最高支付限额，按限额 {_yuan(cap)} 元支付。",
            f"The segments add up to {_yuan(total)} yuan, above the annual cap: {_yuan(cap)} yuan is paid.",
        )
    if insured is None and above:
        extra_zh = f"（含贫困人口倾斜；按一般标准为 {_yuan(standard)} 元）" if boost else ""
        extra_en = f" (with the boost for registered poor people; {_yuan(standard)} yuan under the standard schedule)" if boost else ""
        why.note(
            f"如已参加居民基本医疗保险，大病保险约支付 {_yuan(figure)} 元{extra_zh}；没有参保的，居民大病保险不支付。",
            f"If you are insured in the residents' basic medical insurance, critical-illness insurance pays about "
            f"{_yuan(figure)} yuan{extra_en}; if you are not insured, it pays nothing.",
        )
    elif boost and above:
        why.note(
            f"按一般标准为 {_yuan(standard)} 元，贫困人口倾斜多支付 {_yuan(figure - standard)} 元。",
            f"The standard schedule would pay {_yuan(standard)} yuan: the boost for poor people adds {_yuan(figure - standard)} yuan.",
        )
    amount = Decimal(0) if insured is False else figure
    outcome = "not_eligible" if not above or insured is False else "possibly" if insured is None else "eligible"
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
    if insured is False:
        breakdown = [{"label": text("未参保，大病保险不支付", "Not insured: nothing is paid"), "value": money(0), "unit": "yuan"}]
    return finish(
        CALCULATOR.name,
        outcome,
        used,
        why,
        params,
        amount=money(amount),
        amount_kind="if_insured" if insured is None else "estimate",
        amount_words=_amount_words(outcome, amount, insured),
        standard_amount=money(0) if insured is False else money(standard),
        deductible=money(deductible),
        cap=money(cap),
        cap_applied=cap_applied,
        poor_boost_applied=boost,
        insured_medical=insured,
        segments=segments,
        breakdown=breakdown,
    )


def _amount_words(outcome: str, amount: Decimal, insured: bool | None) -> dict[str, str]:
    """The payment as a page line: "if insured" when that is not known, never a bare promise."""
    value = money(amount)
    yuan = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    if insured is False:
        return text("不支付（没有参加居民基本医疗保险）", "Nothing (not insured in the residents' medical insurance)")
    if outcome == "not_eligible":
        return text("不支付（未超过起付标准）", "Nothing (not above the deductible)")
    if insured is None:
        return text(f"约 {yuan} 元（如已参加居民基本医疗保险）", f"About {yuan} yuan (if insured in the residents' medical insurance)")
    return text(f"约 {yuan} 元", f"About {yuan} yuan")


CALCULATOR = Calculator(
    name="critical-illness",
    title=text("大病保险报销测算", "Critical-illness insurance estimate"),
    clause=CLAUSE,
    inputs=INPUTS,
    compute=compute,
    summary=text("估算一年内大病保险能报销多少。", "Estimate how much critical-illness insurance pays for a year's costs."),
    outputs=(
        ("amount_words", text("大病保险支付", "Insurance pays")),
        ("deductible", text("起付标准（元）", "Deductible (yuan)")),
        ("cap", text("年度最高支付限额（元）", "Annual cap (yuan)")),
        ("cap_applied", text("是否达到限额", "Cap reached")),
    ),
)
