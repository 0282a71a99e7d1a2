"""公益性岗位 — safety-net placement in a village public-welfare job, and its subsidy (measure 2).

Registered poor people of working age whom the market cannot place, and who hold a disability
certificate or are less than 5 years from the social pension, may be placed in a public-welfare
job. The subsidy is the local minimum wage for the time worked, for at most 3 years, or until
the pension for those near it (二(一)2). Each county sets the subsidy "with reference to"
(参照) the local minimum wage: the minimum wage is an estimate of it, never the notice's figure,
and the result says so. RULES.md fixes the readings: whole calendar months from the start month.
Each month is judged on its first day in the post (the start date in the start month, the 1st
after): it is paid at the minimum wage in force that day, and it counts toward the total when that
day falls within the notice; the rest are listed apart. This month rule is our reading (the notice
says only "根据实际工作时间"), and every result that lists a month apart says so. Whether a person is near the pension is
judged on the start date (a reading): someone who comes within 5 years of it during the placement
is told that the extension is the county's to decide, and it is not counted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from typing import Any

from ..core.calculator import BIRTH_DATE, DATE, REGISTERED_POOR, Calculator
from ..core.dates import add_months, age_on, birthday, day_words, first_of_month, month_label, month_words
from ..core.explain import DateUsed, Explanation, finish, history_first, money, period_words
from ..core.inputs import Field, InputError
from ..core.parameters import Number, Parameters
from ..core.text import text
from . import conventions

CLAUSE = "m02-public-welfare-jobs"
MONTHS_PER_YEAR = 12
FULL_TIME_HOURS = "public_welfare_job.full_time_hours"

INPUTS = (
    REGISTERED_POOR,
    replace(BIRTH_DATE, required=True),
    Field(
        "has_disability_certificate",
        "bool",
        text("是否持有残疾证", "Holds a disability certificate?"),
        help=text("持有《中华人民共和国残疾人证》的选“是”。", "Yes if you hold the national disability certificate (残疾人证)."),
        default=False,
    ),
    Field(
        "hard_to_place",
        "bool",
        text("是否通过市场渠道确实难以实现就业", "Has the job market failed to place you?"),
        help=text(
            "经过求职登记、职业介绍等市场渠道，确实找不到工作的选“是”。由乡镇人社所根据实际情况认定。",
            "Yes if job registration, referrals and other market channels have really not found you work. The township HRSS office decides.",
        ),
        required=True,
    ),
    Field(
        "county",
        "text",
        text("所在县区", "County or district"),
        help=text(
            "临沂市的县、区或开发区，可填名称、简称或行政区划代码，例如 兰陵县、苍山、371324。最低工资标准按所在地区类别确定。",
            "A district, county or development zone of Linyi: its name, short name or area code, e.g. Lanling, 苍山, 371324. "
            "The minimum wage depends on its class.",
        ),
        required=True,
        max_length=60,
    ),
    Field(
        "start_date",
        "date",
        text("上岗日期", "Start date in the post"),
        help=text("安置到公益性岗位、开始工作的日期，例如 2016-09-01。", "The day the placement starts, e.g. 2016-09-01."),
        required=True,
    ),
    Field(
        "monthly_hours",
        "int",
        text("每月工作小时数", "Hours worked per month"),
        help=text(
            "每月实际工作的小时数。不填则按全日制计算（按月最低工资标准补贴）。",
            "Hours actually worked each month. Leave empty for full time (paid the monthly minimum wage).",
        ),
        minimum=1,
        maximum=744,  # 31 days × 24 hours: any more is a typing error
        unit=text("小时", "hours"),
        default_from=FULL_TIME_HOURS,
    ),
    DATE,
)


def _yuan(amount: Decimal) -> str:
    """1,390 or 1,209.30: whole yuan without decimals, as the notices write them."""
    return f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"


def _area(name: str, params: Parameters) -> dict[str, Any]:
    area = conventions.find_area(name, params)
    if area is None:
        zh, en = conventions.area_names(params)
        raise InputError(
            "county",
            text(f"“{name}”不是临沂市的县区。请填写以下之一：{zh}。", f"'{name}' is not a district or county of Linyi. Use one of: {en}."),
        )
    return area


def eligibility(values: dict[str, Any], params: Parameters, why: Explanation) -> tuple[bool, bool]:
    """Check measure 2's conditions on the start date: (eligible, near pension)."""
    birth: dt.date = values["birth_date"]
    start: dt.date = values["start_date"]
    poor: bool = values["registered_poor"]
    why.check(
        "registered_poor",
        poor,
        CLAUSE,
        "是建档立卡农村贫困人口。" if poor else "不是建档立卡农村贫困人口；公益性岗位托底安置只面向建档立卡农村贫困人口。",
        "Registered rural poor." if poor else "Not registered rural poor: safety-net placement is only for registered rural poor people.",
    )
    age = age_on(birth, start)
    low, limit = conventions.working_age_bounds(params, start)
    working = conventions.is_working_age(age, params, start)
    when = day_words(start)
    why.check(
        "working_age",
        working,
        CLAUSE,
        f"上岗日期{when['zh']}时 {age} 周岁，{'在' if working else '不在'}劳动年龄（{low}周岁以上、不满{limit}周岁）内。",
        f"Aged {age} on the start date, {when['en']}: {'within' if working else 'outside'} working age ({low} or over, under {limit}).",
    )
    hard: bool = values["hard_to_place"]
    why.check(
        "hard_to_place",
        hard,
        CLAUSE,
        "通过市场渠道确实难以实现就业。" if hard else "能够通过市场渠道实现就业，不属于托底安置的对象。",
        "The job market has failed to place you." if hard else "The job market can place you: safety-net placement is for those it cannot.",
    )
    certificate: bool = values["has_disability_certificate"]
    near = conventions.near_pension(birth, start, params)
    why.check("disability_or_near_pension", certificate or near, CLAUSE, *either_words(certificate, near, birth, start, params))
    return not why.failed(), near


def either_words(certificate: bool, near: bool, birth: dt.date, start: dt.date, params: Parameters) -> tuple[str, str]:
    """The either-or condition (a disability certificate, or less than the years to the pension) in
    words that say which branch holds: a branch that does not hold is not a condition that failed."""
    years = conventions.whole_rule(params, "public_welfare_job.near_pension_years", start)
    rule_zh, rule_en = (
        f"持有残疾证或距享受社会养老保险待遇不足{years}年",
        f"a disability certificate, or less than {years} years to the social pension",
    )
    near_zh, near_en = _near_pension_words(birth, start, near, params)
    lower = near_en[0].lower() + near_en[1:]
    if certificate and near:
        return (
            f"持有残疾证，而且{near_zh}“{rule_zh}”两项都符合（符合一项即可）。",
            f"You hold a disability certificate, and {lower} Both parts of the condition ({rule_en}) hold; either one is enough.",
        )
    if certificate:
        return (
            f"持有残疾证：符合“{rule_zh}”这一条件（符合一项即可）。",
            f"You hold a disability certificate: that meets the condition of {rule_en} (either one is enough).",
        )
    if near:
        return (
            f"{near_zh}符合“{rule_zh}”这一条件（符合一项即可，不需要残疾证）。",
            f"{near_en} That meets the condition of {rule_en} (either one is enough; no certificate is needed).",
        )
    return (
        f"没有残疾证，{near_zh}“{rule_zh}”两项都不符合。",
        f"No disability certificate, and {lower} Neither part of the condition ({rule_en}) holds.",
    )


def _near_pension_words(birth: dt.date, start: dt.date, near: bool, params: Parameters) -> tuple[str, str]:
    pension = conventions.pension_age(params, start)
    years = conventions.whole_rule(params, "public_welfare_job.near_pension_years", start)
    pension_day, from_day = day_words(birthday(birth, pension)), day_words(birthday(birth, pension - years))
    when = day_words(start)
    if near:
        return (
            f"上岗日期{when['zh']}距 {pension} 周岁领取社会养老保险待遇（{pension_day['zh']}）不足 {years} 年。",
            f"On the start date, {when['en']}, less than {years} years remain before the social pension at {pension} ({pension_day['en']}).",
        )
    if start >= birthday(birth, pension):
        return (
            f"上岗日期{when['zh']}已到 {pension} 周岁领取社会养老保险待遇的年龄（{pension_day['zh']}）。",
            f"On the start date, {when['en']}, the pension age of {pension} has been reached ({pension_day['en']}).",
        )
    return (
        f"上岗日期{when['zh']}距 {pension} 周岁领取社会养老保险待遇（{pension_day['zh']}）还有 {years} 年或以上；"
        f"{pension - years} 周岁生日（{from_day['zh']}）当天正好 {years} 年，之后才算“不足{years}年”。",
        f"On the start date, {when['en']}, {years} years or more remain before the social pension at {pension} ({pension_day['en']}); "
        f"on turning {pension - years} ({from_day['en']}) exactly {years} years remain, so 'less than {years} years' starts the day after.",
    )


def duration(values: dict[str, Any], near: bool, params: Parameters, why: Explanation) -> tuple[str, int]:
    """(rule, number of months): until the pension month for those near it, otherwise max_years."""
    birth: dt.date = values["birth_date"]
    start: dt.date = values["start_date"]
    if near:
        pension_month = conventions.pension_month(birth, params, start)
        months = (pension_month.year - start.year) * MONTHS_PER_YEAR + pension_month.month - start.month
        pension = conventions.pension_age(params, start)
        if values["has_disability_certificate"]:
            why.note(
                "既持有残疾证、又距领取社会养老保险待遇不足规定年限，补贴期限按延长至领取养老保险待遇的规定计算。",
                "Holds a disability certificate and is also near the pension: the subsidy runs until the pension, the longer rule.",
            )
        month = month_words(pension_month)
        why.note(
            f"补贴发放到年满 {pension} 周岁的当月之前（不含{month['zh']}），共 {months} 个月（测算口径，以经办机构解释为准）。",
            f"The subsidy runs up to, not including, the month of turning {pension} ({month['en']}): {months} months "
            "(our reading; the office decides).",
        )
        _extension_words(months, params, start, why)
        if months == 0:
            why.note(
                "上岗当月即年满领取养老保险待遇年龄，按上述口径没有可补贴的月份。",
                "The post starts in the month the pension age is reached: under this reading no month is subsidised.",
            )
        return "until_pension", months
    years = conventions.whole_rule(params, "public_welfare_job.max_years", start)
    return "max_years", years * MONTHS_PER_YEAR


def _extension_words(months: int, params: Parameters, start: dt.date, why: Explanation) -> None:
    """The months past max_years come from "可延长至领取社会养老保险待遇": say that it is "may"."""
    years = conventions.whole_rule(params, "public_welfare_job.max_years", start)
    extra = months - years * MONTHS_PER_YEAR
    if extra > 0:
        why.note(
            f"其中超过 {years} 年的 {extra} 个月，依据的是通知“可延长至领取社会养老保险待遇”的规定：是否延长由县区确定，本测算按延长计算。",
            f"{extra} of these months go past {years} years under the notice's 'may be extended until the social pension': "
            "whether it is extended is for the county to decide; this estimate counts the extension.",
        )


def near_during_placement(values: dict[str, Any], params: Parameters, why: Explanation) -> dt.date | None:
    """Someone not yet near the pension on the start date who comes within the years of it before the
    placement's maximum ends: the day that happens. Near-pension is judged on the start date (our
    reading), so the extension is not counted; the result says so and that the county decides."""
    birth: dt.date = values["birth_date"]
    start: dt.date = values["start_date"]
    years = conventions.whole_rule(params, "public_welfare_job.max_years", start)
    pension = conventions.pension_age(params, start)
    near_years = conventions.whole_rule(params, "public_welfare_job.near_pension_years", start)
    becomes_near = birthday(birth, pension - near_years) + dt.timedelta(days=1)
    ends = add_months(first_of_month(start), years * MONTHS_PER_YEAR)
    if not (start < becomes_near < ends and becomes_near < birthday(birth, pension)):
        return None
    when = day_words(becomes_near)
    why.note(
        f"您在{when['zh']}起距领取社会养老保险待遇不足 {near_years} 年，那时仍在岗。是否属于“距享受社会养老保险待遇不足"
        f"{near_years}年”的人员，本测算按上岗日期判断（测算口径，以经办机构解释为准）：补贴期限按最长 {years} 年计算，"
        "到期后能否延长至领取养老保险待遇，请向县区人社部门咨询。",
        f"From {when['en']} you will be less than {near_years} years from the social pension, while still in the post. "
        f"This estimate judges 'less than {near_years} years from the pension' on the start date (our reading; the office "
        f"decides): the subsidy is counted for at most {years} years, and whether it is then extended until the pension is "
        "for the county HRSS bureau to say.",
    )
    return becomes_near


def _wage(params: Parameters, name: str, day: dt.date) -> Number:
    value = params.value(name, day)
    if value is None:
        raise InputError(
            "start_date",
            text(
                f"没有 {month_label(day)} 的最低工资标准数据（{name}），请填写更晚的上岗日期或请管理员补充数据。",
                f"No minimum wage is recorded for {month_label(day)} ({name}); use a later start date or ask the site to add it.",
            ),
        )
    return value


def first_day_in_post(month: dt.date, start: dt.date) -> dt.date:
    """The day a month is judged on (our reading): the start date in the start month, else the 1st."""
    return max(first_of_month(month), start)


def _first_day(row: dict[str, Any], start: dt.date) -> dt.date:
    return first_day_in_post(dt.date.fromisoformat(f"{row['month']}-01"), start)


def monthly_schedule(values: dict[str, Any], area: dict[str, Any], months: int, params: Parameters) -> list[dict[str, Any]]:
    """One entry per month from the start month, judged on its first day in the post: the minimum
    wage in force that day, and counted when that day is within the notice (our reading)."""
    start: dt.date = values["start_date"]
    rows = []
    for index in range(months):
        first = first_day_in_post(add_months(first_of_month(start), index), start)
        wage_class = int(_wage(params, f"minimum_wage.area_class.{area['id']}", first))
        monthly = Decimal(_wage(params, f"minimum_wage.class_{wage_class}.monthly", first))
        hourly = Decimal(_wage(params, f"minimum_wage.class_{wage_class}.hourly", first))
        full_time = conventions.whole_rule(params, FULL_TIME_HOURS, first)
        hours = values["monthly_hours"] if values["monthly_hours"] is not None else full_time
        amount = monthly if hours >= full_time else min(monthly, hourly * hours)
        rows.append(
            {
                "month": month_label(first),
                "wage_class": wage_class,
                "monthly_minimum_wage": money(monthly),
                "hourly_minimum_wage": money(hourly),
                "hours": hours,
                "amount": money(amount),
                "counted": params.in_notice(first),
            }
        )
    return rows


def _runs(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Consecutive months with the same amount and the same counted status."""
    runs: list[list[dict[str, Any]]] = []
    for row in rows:
        if runs and (runs[-1][-1]["amount"], runs[-1][-1]["counted"]) == (row["amount"], row["counted"]):
            runs[-1].append(row)
        else:
            runs.append([row])
    return runs


def _month(label: str) -> dict[str, str]:
    return month_words(dt.date.fromisoformat(f"{label}-01"))


def _span(run: list[dict[str, Any]]) -> tuple[str, str]:
    first, last, n = _month(run[0]["month"]), _month(run[-1]["month"]), len(run)
    if n == 1:
        return first["zh"], first["en"]
    return f"{first['zh']}至{last['zh']}", f"{first['en']} to {last['en']}"


def breakdown(rows: list[dict[str, Any]], total: Decimal) -> list[dict[str, Any]]:
    """One line per run of counted months at the same amount, then the total."""
    lines = []
    for run in _runs([r for r in rows if r["counted"]]):
        amount = Decimal(str(run[0]["amount"]))
        zh, en = _span(run)
        n = len(run)
        lines.append(
            {
                "label": text(f"{zh}：{n} 个月 × {_yuan(amount)} 元", f"{en}: {n} month{'s' if n != 1 else ''} × {_yuan(amount)} yuan"),
                "value": money(amount * n),
                "unit": "yuan",
            }
        )
    lines.append(
        {
            "label": text(
                "合计（通知有效期内的月份，按最低工资标准估算）", "Total (months within the notice, estimated at the minimum wage)"
            ),
            "value": money(total),
            "unit": "yuan",
        }
    )
    return lines


def _before_notice(row: dict[str, Any], params: Parameters, start: dt.date) -> bool:
    return _first_day(row, start) < params.effective


MONTH_RULE = text(
    "每个月按本人当月在岗的第一天判断（上岗当月为上岗日期，之后为每月1日）：这一天在通知有效期内的，该月按整月计入合计，"
    "否则只列在表中（测算口径：通知只写“根据实际工作时间”，以经办机构解释为准）。",
    "Each month is judged on your first day in the post that month (the start date in the start month, the 1st after): "
    "if that day is within the notice, the whole month counts toward the total; if not, it is only listed (our reading: "
    "the notice says only 'according to the actual working time'; the office decides).",
)


def _schedule_notes(rows: list[dict[str, Any]], params: Parameters, start: dt.date, why: Explanation) -> None:
    effective_words = day_words(params.effective)
    expires_words = day_words(params.expires) if params.expires else {"zh": "", "en": ""}
    before = [r for r in rows if _before_notice(r, params, start)]
    beyond = [r for r in rows if not r["counted"] and not _before_notice(r, params, start)]
    boundary = {month_label(params.effective), month_label(params.expires) if params.expires else ""}
    if before or beyond or boundary & {r["month"] for r in rows}:
        why.note(MONTH_RULE["zh"], MONTH_RULE["en"])
    if before:
        zh, en = _span(before)
        n = len(before)
        why.note(
            f"{zh}（{n} 个月）在岗的第一天早于通知施行日（{effective_words['zh']}），列在表中但不计入合计。",
            f"{en} ({n} month{'s' if n != 1 else ''}): the first day in the post is before the notice took effect on "
            f"{effective_words['en']}, so they are listed but not counted.",
        )
    if beyond:
        zh, en = _span(beyond)
        why.note(
            f"{zh}（{len(beyond)} 个月）在通知有效期（至{expires_words['zh']}）之后，列为“超出本通知有效期”，不计入合计；这些月份的补贴请咨询县区人社部门。",
            f"{en} ({len(beyond)} month{'s' if len(beyond) != 1 else ''}) fall after the notice's last day in force, {expires_words['en']}: "
            "listed as beyond this notice and not counted. Ask the county HRSS bureau about these months.",
        )


def _clause_name(params: Parameters, clause: str) -> tuple[str, str]:
    info = params.clauses.get(clause, {})
    number, title = info.get("number", ""), info.get("title", {"zh": clause, "en": clause})
    measure = number.lstrip("一二三四五六七八九十()")  # 二(一)3 → measure 3, as RULES.md numbers them
    return f"{title['zh']}（{number}）", f"measure {measure}, “{title['en']}”"


def _other_help(values: dict[str, Any], params: Parameters, why: Explanation) -> None:
    """Say what else may help someone this measure does not place."""
    start: dt.date = values["start_date"]
    if not values["registered_poor"]:
        why.note(
            "本通知的各项措施面向建档立卡农村贫困人口。其他就业援助请咨询县区人社部门或拨打 {hotline}。",
            "This notice's measures are for registered rural poor people. For other employment help, ask the county HRSS bureau or call {hotline}.",
        )
        return
    age = age_on(values["birth_date"], start)
    low, _ = conventions.working_age_bounds(params, start)
    if age < low:
        zh, en = _clause_name(params, "m08-talent-for-poor-areas")
        why.note(
            f"未到劳动年龄的，到适龄时可以了解{zh}中技工院校免学费、国家助学金等政策。",
            f"Under working age: when old enough, free tuition and grants at technical schools are in {en}.",
        )
        return
    if not conventions.is_working_age(age, params, start):
        zh, en = _clause_name(params, "m09-pension-and-medical-insurance")
        why.note(
            f"已超过劳动年龄的，可以了解{zh}中的养老、医疗保障政策。",
            f"Past working age: pension and medical insurance are in {en}.",
        )
        return
    partners_zh, partners_en = _clause_name(params, "m03-employment-partners")
    training_zh, training_en = _clause_name(params, "m06-vocational-training")
    why.note(
        f"还可以了解：{partners_zh}，提供组织转移就业、专场招聘和就业创业证；{training_zh}，提供免费职业技能培训。",
        f"Other measures may help: {partners_en}, with organised transfer, job fairs and the Employment and Entrepreneurship "
        f"Certificate; and {training_en}, with free vocational training.",
    )


def _estimate_note(why: Explanation) -> None:
    why.note(
        "岗位补贴标准由各县区根据实际工作时间、参照当地最低工资标准确定，通知没有规定数额：本测算的金额按当地最低工资标准估算，"
        "不是通知规定的数额，实际补贴以县区人社部门确定的为准。",
        "Each county sets the subsidy by the actual working time, with reference to the local minimum wage; the notice gives "
        "no figure. The amounts in this estimate are worked out at the local minimum wage and are not figures of the notice: "
        "the county HRSS bureau sets the actual subsidy.",
    )


def compute(values: dict[str, Any], params: Parameters, used: DateUsed) -> dict[str, Any]:
    area = _area(values["county"], params)
    why = Explanation()
    history_first(why, params, used, CLAUSE)
    eligible, near = eligibility(values, params, why)
    area_json = {"id": area["id"], "zh": area["zh"], "en": area["en"]}
    empty = {
        "eligible": False,
        "months": 0,
        "months_beyond_notice": 0,
        "months_before_notice": 0,
        "total": money(0),
        "amount_kind": None,
        "schedule": [],
        "area": area_json,
        "duration_rule": None,
        "end_month": None,
        "breakdown": [],
    }
    if not eligible:
        _other_help(values, params, why)
        return finish(CALCULATOR.name, "not_eligible", used, why, params, **empty)
    rule, count = duration(values, near, params, why)
    near_from = None if near else near_during_placement(values, params, why)
    rows = monthly_schedule(values, area, count, params)
    counted = [r for r in rows if r["counted"]]
    start: dt.date = values["start_date"]
    before = [r for r in rows if _before_notice(r, params, start)]
    total = sum((Decimal(str(r["amount"])) for r in counted), Decimal(0))
    _schedule_notes(rows, params, start, why)
    beyond = len(rows) - len(counted) - len(before)
    if rows:
        period = period_words(params)
        within = why.check(
            "months_within_notice",
            bool(counted),
            CLAUSE,
            f"补贴月份中有 {len(counted)} 个月在通知有效期（{period['zh']}）内。"
            if counted
            else f"补贴的月份都不在通知有效期（{period['zh']}）内：本通知规定的安置和补贴不适用，这些月份请咨询县区人社部门。",
            f"{len(counted)} of the subsidised months fall within the notice's period in force ({period['en']})."
            if counted
            else f"None of the subsidised months falls within the notice's period in force ({period['en']}): the notice's placement "
            "and subsidy do not apply; ask the county HRSS bureau about these months.",
        )
        if not within:
            return finish(
                CALCULATOR.name,
                "not_eligible",
                used,
                why,
                params,
                **{
                    **empty,
                    "months_beyond_notice": beyond,
                    "months_before_notice": len(before),
                    "schedule": rows,
                    "duration_rule": rule,
                    "end_month": rows[-1]["month"],
                },
            )
    _estimate_note(why)
    if values["monthly_hours"] is None and rows:
        hours = rows[0]["hours"]
        why.note(
            f"未填写每月工作小时数，按全日制（每月 {hours} 小时及以上）计算，即按月最低工资标准补贴（测算口径，以经办机构解释为准）。",
            f"No hours given: full time ({hours} hours a month or more) is assumed, paid the monthly minimum wage "
            "(our reading; the office decides).",
        )
    posts = params.rule("public_welfare_job.max_posts_per_village", start)
    why.note(
        f"公益性岗位由县区开发，原则上每个贫困村不超过 {posts} 人；本测算说明条件和补贴，是否安置以县区人社部门确定为准。",
        f"Counties create the posts, as a rule at most {posts} per poor village: this estimate shows the conditions and the "
        "subsidy; the county HRSS bureau decides on a placement.",
    )
    return finish(
        CALCULATOR.name,
        "eligible",
        used,
        why,
        params,
        eligible=True,
        months=len(counted),
        months_beyond_notice=beyond,
        months_before_notice=len(before),
        total=money(total),
        amount_kind="estimate",
        total_words=text(
            f"约 {_yuan(total)} 元（按当地最低工资标准估算，实际标准由县区确定）",
            f"About {_yuan(total)} yuan (estimated at the local minimum wage; the county sets the actual subsidy)",
        ),
        schedule=rows,
        area=area_json,
        duration_rule=rule,
        end_month=rows[-1]["month"] if rows else None,
        near_pension_from=near_from.isoformat() if near_from else None,
        breakdown=breakdown(rows, total) if rows else [],
    )


CALCULATOR = Calculator(
    name="public-welfare-job",
    title=text("公益性岗位安置和补贴测算", "Public-welfare job placement and subsidy estimate"),
    clause=CLAUSE,
    inputs=INPUTS,
    compute=compute,
    summary=text(
        "判断是否符合农村公益性岗位托底安置的条件，并按当地最低工资标准估算每月岗位补贴和补贴期限（实际标准由县区确定）。",
        "Check whether the conditions for a placement in a village public-welfare job hold, and estimate the monthly subsidy at "
        "the local minimum wage and how long it runs (the county sets the actual subsidy).",
    ),
    outputs=(
        ("eligible", text("是否符合安置条件", "Eligible for a placement")),
        ("months", text("通知有效期内的补贴月数", "Subsidised months within the notice")),
        ("months_beyond_notice", text("超出通知有效期的月数", "Months beyond this notice")),
        ("total_words", text("通知有效期内补贴合计（估算）", "Subsidy within the notice (estimate)")),
    ),
)
