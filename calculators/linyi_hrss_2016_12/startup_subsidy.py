"""一次性创业补贴 — the one-off start-up subsidy (measure 5).

Counties that are able (有条件的县区) give registered poor people of working age who newly
register an individual business (个体工商户) and run it normally for 12 months or more a one-off
subsidy of at least the official minimum (二(二)5). Whether a county offers it is the county's
choice, so meeting every condition gives "possibly", the minimum a floor; a parameter
startup.county_amount.<area id> holds a county's own figure when known (then it offers it).
"New" is a reading: registered no earlier than startup.registration_months_before_notice
months before the notice took effect (an interpretation, said in the result).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from typing import Any

from ..core.calculator import BIRTH_DATE, DATE, REGISTERED_POOR, Calculator
from ..core.dates import age_on, day_words, months_between
from ..core.explain import DateUsed, Explanation, check_notice_in_force, finish, history_first, money, outcome_words
from ..core.inputs import Field, InputError
from ..core.parameters import Number, Parameters
from ..core.text import text
from . import conventions

CLAUSE = "m05-startup-support"

INPUTS = (
    REGISTERED_POOR,
    dataclasses.replace(BIRTH_DATE, required=True),
    Field(
        "business_registered_on",
        "date",
        text("新注册个体工商户的登记日期", "Date the new individual business was registered"),
        help=text(
            "营业执照上的成立（注册）日期，例如 2016-09-01。通知之前很早就登记的，不算新注册。",
            "The date of establishment (registration) on the business licence, e.g. 2016-09-01. A business registered long "
            "before the notice is not new.",
        ),
        required=True,
    ),
    Field(
        "operating_normally",
        "bool",
        text("是否一直正常经营", "Operating normally?"),
        help=text(
            "登记以来一直正常经营（未注销、未停业）的选“是”。",
            "Yes if the business has operated normally since registration (not closed or suspended).",
        ),
        required=True,
    ),
    Field(
        "county",
        "text",
        text("所在县区", "County or district"),
        help=text(
            "个体工商户登记所在的县区，例如 沂南县。是否发放、发放多少由县区确定；不填则只能给出通知规定的最低标准。",
            "Where the business is registered, e.g. Yinan County. Whether it pays and how much is the county's choice; "
            "left empty, only the notice's minimum can be given.",
        ),
        max_length=40,
    ),
    DATE,
)


def _months_after(start: dt.date, months: int) -> dt.date:
    """The day `months` whole months after `start` (the month's last day when the day does not
    exist), i.e. the first day on which core.dates.months_between reaches `months`."""
    index = start.year * 12 + start.month - 1 + months
    year, month = index // 12, index % 12 + 1
    if year > dt.MAXYEAR:  # a mistyped date near the calendar's end
        return dt.date.max
    return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _working_age(age: int, params: Parameters, day: dt.date) -> tuple[bool | None, tuple[int, int] | None]:
    """Whether `age` is working age, by the notice's reading (conventions reads it as on the
    nearest day the notice was in force)."""
    return conventions.is_working_age(age, params, day), conventions.working_age_bounds(params, day)


def _county_amount(area: dict[str, Any] | None, params: Parameters, day: dt.date) -> Number | None:
    """The county's own subsidy, when a parameter gives one on `day`."""
    if area is None:
        return None
    name = f"startup.county_amount.{area['id']}"
    return params.value(name, day) if name in params else None


NEW_WINDOW = "startup.registration_months_before_notice"


def _new_registration(registered: dt.date, params: Parameters, day: dt.date, why: Explanation) -> bool:
    """新注册, as this site reads it: registered no earlier than NEW_WINDOW months before the notice
    took effect (an interpretation: the notice does not say how new)."""
    months = int(params.rule(NEW_WINDOW, day))
    earliest = _months_after(params.effective, -months) if months else params.effective
    new = registered >= earliest
    when, first = day_words(registered), day_words(earliest)
    start = day_words(params.effective)
    window_zh = "通知施行日" if not months else f"通知施行日（{start['zh']}）前 {months} 个月"
    window_en = "the day the notice took effect" if not months else f"{months} months before the notice took effect ({start['en']})"
    why.check(
        "new_registration",
        new,
        CLAUSE,
        (
            f"登记日期{when['zh']}不早于{first['zh']}（{window_zh}），算作“新注册”"
            if new
            else f"登记日期{when['zh']}早于{first['zh']}（{window_zh}），不算“新注册”个体工商户"
        )
        + "（“新注册”的时间范围是测算口径，通知没有规定，以经办机构解释为准）。",
        (
            f"Registered on {when['en']}, not before {first['en']} ({window_en}): counted as newly registered"
            if new
            else f"Registered on {when['en']}, before {first['en']} ({window_en}): not a newly registered business"
        )
        + " (how new counts as new is our reading: the notice does not say; the office decides).",
    )
    return new


def _county_offers(area: dict[str, Any] | None, figure: Number | None, why: Explanation) -> bool | None:
    """有条件的县区: only a county that has set its own figure is known to pay; otherwise not known."""
    offers = True if figure is not None else None
    if figure is not None and area is not None:
        zh = f"{area['zh']}发放一次性创业补贴，标准 {money(figure):,.0f} 元。"
        en = f"{area['en']} pays the one-off start-up subsidy, at {money(figure):,.0f} yuan."
    else:
        where_zh, where_en = (area["zh"], area["en"]) if area is not None else ("您所在的县区", "your county or district")
        zh = f"一次性创业补贴由“有条件的县区”发放：{where_zh}是否发放、发放多少，由县区确定，请向县区人社部门确认。"
        en = (
            f"The subsidy is paid by counties and districts that are able to (有条件的县区): whether {where_en} pays it, "
            "and how much, is for the county to decide; ask the county HRSS bureau."
        )
    why.check("county_offers", offers, CLAUSE, zh, en)
    return offers


def compute(values: dict[str, Any], params: Parameters, used: DateUsed) -> dict[str, Any]:
    """Check each condition of 二(二)5 on the day used; whether the county pays stays unknown unless
    its own figure is known, so the notice's minimum is a floor ("at least"), never a promise."""
    day = used.day
    poor: bool = values["registered_poor"]
    birth: dt.date = values["birth_date"]
    registered: dt.date = values["business_registered_on"]
    operating: bool = values["operating_normally"]
    area = None
    if values.get("county"):
        area = conventions.find_area(values["county"], params)
        if area is None:
            zh_names, en_names = conventions.area_names(params)
            raise InputError(
                "county",
                text(
                    f"不认识县区“{values['county']}”。可填写：{zh_names}。",
                    f"Unknown county or district '{values['county']}'. Use one of: {en_names}.",
                ),
            )
    why = Explanation()
    history_first(why, params, used, CLAUSE)
    check_notice_in_force(why, params, day, CLAUSE, text("一次性创业补贴", "its start-up subsidy rules"))
    why.check(
        "registered_poor",
        poor,
        CLAUSE,
        "是建档立卡农村贫困人口。" if poor else "不是建档立卡农村贫困人口，本通知的一次性创业补贴只面向建档立卡农村贫困人口。",
        "Registered rural poor."
        if poor
        else "Not registered rural poor: this notice's start-up subsidy is for registered rural poor people only.",
    )
    age = age_on(birth, registered)
    working, bounds = _working_age(age, params, day)
    when_registered, when = day_words(registered), day_words(day)
    if bounds is None:
        zh, en = (
            f"登记时 {age} 周岁；{when['zh']}没有适用的劳动年龄标准。",
            f"Aged {age} at registration; no working-age reading applies on {when['en']}.",
        )
    else:
        low, limit = bounds
        zh = f"登记个体工商户时（{when_registered['zh']}）{age} 周岁，{'在' if working else '不在'}劳动年龄（{low} 周岁（含）至 {limit} 周岁（不含））内。"
        en = f"Aged {age} when the business was registered ({when_registered['en']}): {'within' if working else 'outside'} working age (from {low}, inclusive, to {limit}, exclusive)."
    why.check("working_age", working, CLAUSE, zh, en)
    _new_registration(registered, params, day, why)
    on_time = registered <= day
    why.check(
        "registered_by_date",
        on_time,
        CLAUSE,
        f"登记日期{when_registered['zh']}不晚于计算日{when['zh']}。"
        if on_time
        else f"登记日期{when_registered['zh']}晚于计算日{when['zh']}。",
        f"Registered on {when_registered['en']}, not after the date used, {when['en']}."
        if on_time
        else f"Registered on {when_registered['en']}, after the date used, {when['en']}.",
    )
    why.check(
        "operating_normally",
        operating,
        CLAUSE,
        "个体工商户正常经营。" if operating else "个体工商户未正常经营，不符合“正常经营”的条件。",
        "The business operates normally." if operating else "The business does not operate normally, as the subsidy requires.",
    )
    months = months_between(registered, day)
    required = params.value("startup.min_months_operating", day)
    if required is None:
        enough = None
        zh = f"从登记日到{when['zh']}经营 {months} 个月；该日没有适用的经营期限要求。"
        en = f"{months} months from registration to {when['en']}; no operating-period requirement applies on that day."
    else:
        enough = months >= required
        reached = day_words(_months_after(registered, int(required)))
        zh = (
            f"从登记日{when_registered['zh']}到{when['zh']}已满 {months} 个月，达到正常经营 {required} 个月以上的要求。"
            if enough
            else f"从登记日{when_registered['zh']}到{when['zh']}满 {months} 个月，不足 {required} 个月；{reached['zh']}满 {required} 个月。"
        )
        en = (
            f"{months} whole months from registration on {when_registered['en']} to {when['en']}: at least the {required} months required."
            if enough
            else f"{months} whole months from registration on {when_registered['en']} to {when['en']}: fewer than the {required} months required, reached on {reached['en']}."
        )
    why.check("months_operating", enough, CLAUSE, zh, en)

    minimum = params.value("startup.min_subsidy", day)
    county_figure = _county_amount(area, params, day)
    if not why.failed():  # the person's conditions hold (or are not known): then whether the county pays
        _county_offers(area, county_figure, why)
    outcome = "not_eligible" if why.failed() else "possibly" if why.unsettled() else "eligible"
    source = "county" if county_figure is not None else "minimum"
    figure = county_figure if county_figure is not None else minimum
    amount: Number = figure if outcome != "not_eligible" and figure is not None else 0
    kind = None if outcome == "not_eligible" else "county" if source == "county" else "at_least"

    if minimum is not None:
        why.note(
            f"一次性创业补贴由有条件的县区发放，所需资金从县区就业资金中安排，标准不低于 {money(minimum):,.0f} 元，具体以当地县区人社部门为准。",
            f"The subsidy is paid where the county or district offers it, from its employment funds, at no less than {money(minimum):,.0f} yuan; the county's HRSS bureau confirms the amount.",
        )
    else:
        why.note(
            "一次性创业补贴由有条件的县区发放，标准不低于通知规定的最低标准；该日通知规定的标准已不适用。",
            "The subsidy is paid where the county or district offers it, at no less than the notice's minimum; on this day the notice's figure no longer applies.",
        )
    if kind == "at_least" and area is not None:
        why.note(
            f"没有{area['zh']}自定的补贴标准，只能给出通知规定的最低标准，县区可以定得更高。",
            f"No figure of {area['en']}'s own is known: only the notice's minimum can be given, and the county may set more.",
        )
    if outcome == "not_eligible":
        _help(why, [c["condition"] for c in why.failed()])

    breakdown = [
        {"label": text("已正常经营月数", "Months operating"), "value": months, "unit": "months"},
    ]
    if required is not None:
        breakdown.append({"label": text("要求的正常经营月数", "Months required"), "value": int(required), "unit": "months"})
    if minimum is not None:
        breakdown.append({"label": text("补贴最低标准", "Minimum subsidy"), "value": money(minimum), "unit": "yuan"})
    if county_figure is not None:
        breakdown.append({"label": text(f"{area['zh']}补贴标准", f"{area['en']} subsidy"), "value": money(county_figure), "unit": "yuan"})
    label = text("一次性创业补贴（不低于，县区发放的）", "One-off start-up subsidy (at least, where the county pays it)")
    if kind != "at_least":
        label = text("一次性创业补贴", "One-off start-up subsidy")
    breakdown.append({"label": label, "value": money(amount), "unit": "yuan"})
    return finish(
        CALCULATOR.name,
        outcome,
        used,
        why,
        params,
        eligible={"eligible": True, "possibly": None, "not_eligible": False}[outcome],
        eligible_words=outcome_words(outcome, text("是否发放由县区确定", "whether it is paid is the county's choice")),
        amount=money(amount),
        amount_kind=kind,
        amount_words=_amount_words(outcome, kind, amount, area),
        amount_source=source if outcome != "not_eligible" else None,
        minimum=money(minimum) if minimum is not None else None,
        months_operating=months,
        age_at_registration=age,
        county=None if area is None else {"id": area["id"], "zh": area["zh"], "en": area["en"]},
        breakdown=breakdown,
    )


def _amount_words(outcome: str, kind: str | None, amount: Number, area: dict[str, Any] | None) -> dict[str, str]:
    """The figure as a resident should read it: a floor where the county may pay, never a flat promise."""
    if outcome == "not_eligible":
        return text("不符合条件，没有补贴", "Not eligible: no subsidy")
    yuan = f"{money(amount):,.0f}"
    if kind == "county" and area is not None:
        return text(f"{yuan} 元（{area['zh']}的标准）", f"{yuan} yuan ({area['en']}'s figure)")
    return text(f"不低于 {yuan} 元——如果您所在县区发放", f"At least {yuan} yuan — if your county or district pays it")


def _help(why: Explanation, failed: list[str]) -> None:
    """What else may help someone who does not get the subsidy."""
    if "notice_in_force" in failed:
        why.note(
            "该日本通知不在有效期内，现行创业扶持政策请咨询县区人社部门或拨打 {hotline}。",
            "The notice is not in force on that day: ask the county HRSS bureau or call {hotline} about the rules that apply now.",
        )
    if "registered_poor" in failed:
        why.note(
            "不是建档立卡贫困人口的，可向县区人社部门咨询一般性的创业补贴和创业担保贷款政策。",
            "People who are not registered poor can ask the county HRSS bureau about the general start-up subsidies and guaranteed loans.",
        )
    if "new_registration" in failed:
        why.note(
            "通知规定的是新注册个体工商户；登记较早的，可向县区人社部门咨询其他创业扶持政策。",
            "The notice's subsidy is for a newly registered business; for one registered earlier, ask the county HRSS bureau about other start-up support.",
        )
    if "months_operating" in failed or "registered_by_date" in failed:
        why.note(
            "正常经营满规定期限后可再申请；在此之前可了解创业扶贫担保贷款（免反担保、免抵押）。",
            "Apply again once the business has run the required time; meanwhile, see the start-up guaranteed loan (no counter-guarantee, no collateral).",
        )
    why.note(
        "创业孵化基地和创业园区优先为农村贫困人口提供创业场所，并在一定期限内减免场地租金；也可参加免费的创业培训。",
        "Business incubation bases and entrepreneurship parks give rural poor people priority for premises and cut or waive the rent for a time; free start-up training is also offered.",
    )


CALCULATOR = Calculator(
    name="startup-subsidy",
    title=text("一次性创业补贴测算", "One-off start-up subsidy check"),
    clause=CLAUSE,
    inputs=INPUTS,
    compute=compute,
    summary=text(
        "看看新注册的个体工商户能否领取一次性创业补贴、至少多少。",
        "Check whether a newly registered individual business qualifies for the one-off start-up subsidy, and how much at least.",
    ),
    outputs=(
        ("eligible_words", text("是否符合条件", "Eligible")),
        ("amount_words", text("一次性创业补贴", "Start-up subsidy")),
        ("months_operating", text("已正常经营月数", "Months operating")),
    ),
)
