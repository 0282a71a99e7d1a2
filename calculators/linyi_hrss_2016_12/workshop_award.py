"""扶贫车间一次性奖补 — the one-off award to poverty-alleviation workshops (measure 1).

A workshop recognised by the poverty-alleviation and HRSS departments (经认定的扶贫车间) that signed
processing contracts (承揽合同) with registered poor people and, within 12 months, paid a person
remuneration reaching the year's provincial poverty line or more gets a one-off award per person,
each person counted once (二(一)1). Recognition and contracts are asked: not said, the award is
"possibly". The notice names the poverty line but gives no figure: staff enter the year's line
unless a parameter holds it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..core.calculator import DATE, Calculator
from ..core.explain import DateUsed, Explanation, check_notice_in_force, finish, history_first, money
from ..core.inputs import Field, InputError
from ..core.parameters import Parameters
from ..core.text import text

CLAUSE = "m01-poverty-alleviation-workshops"

INPUTS = (
    Field(
        "recognised_workshop",
        "bool",
        text("是否经扶贫开发、人社部门认定的“扶贫车间”", "Recognised as a workshop by the poverty-alleviation and HRSS departments?"),
        help=text(
            "申请一次性奖补的须是经扶贫开发、人社部门认定的“扶贫车间”。",
            "Only a workshop recognised by the poverty-alleviation and HRSS departments can claim the award.",
        ),
    ),
    Field(
        "contracts_signed",
        "bool",
        text("名单上的人员是否都与车间签订了承揽合同", "Has every person listed signed a processing contract with the workshop?"),
        help=text(
            "申请时要提供安置贫困人口的承揽合同。只有部分人员签订的，请只列出签订了承揽合同的人员。",
            "The claim needs the processing contracts (承揽合同) with the poor people placed. If only some have signed, list only them.",
        ),
    ),
    Field(
        "workers",
        "rows",
        text("车间安置的建档立卡贫困人员", "Registered poor people the workshop employs"),
        help=text(
            "每行一人：姓名或身份证号（与工资发放花名册一致），以及车间在通知规定的期限内付给他的报酬合计。同一人写了多行的，报酬合并计算、只计一次。",
            "One row a person: name or ID number (as on the payroll), and the pay the workshop gave them over the period the notice sets. Rows for the same person are added up and counted once.",
        ),
        required=True,
        maximum=10_000,
        rows=(
            Field(
                "id",
                "text",
                text("姓名或身份证号", "Name or ID number"),
                help=text("按车间工资发放花名册填写。", "As the workshop's payroll records it."),
                required=True,
                max_length=60,
            ),
            Field(
                "pay_12_months",
                "money",
                text("期内报酬合计（元）", "Pay over the period (yuan)"),
                help=text(
                    "车间在通知规定的期限内付给此人的报酬合计。", "The total the workshop paid this person over the period the notice sets."
                ),
                required=True,
                minimum=Decimal(0),
                maximum=Decimal(100_000_000),
                unit=text("元", "yuan"),
            ),
        ),
    ),
    Field(
        "poverty_line",
        "money",
        text("当年省定贫困线标准（元/年）", "The year's provincial poverty line (yuan a year)"),
        help=text(
            "通知只提到“当年省定贫困线标准”，没有给出数额，请按当年山东省定标准填写。",
            "The notice names the year's provincial poverty line but gives no figure: enter Shandong's line for the year.",
        ),
        minimum=Decimal("0.01"),
        maximum=Decimal(100_000_000),
        unit=text("元/年", "yuan a year"),
        default_from="workshop.poverty_line",
    ),
    DATE,
)


def _key(worker_id: str) -> str:
    """The same person however the row was typed: spaces dropped, case ignored."""
    return "".join(worker_id.split()).casefold()


def merge_workers(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    """One entry per person in first-appearance order, pay summed over their rows (不重复享受),
    and the ids that appeared in more than one row."""
    people: dict[str, dict[str, Any]] = {}
    for index, row in enumerate(rows, start=1):
        key = _key(row["id"])
        if key in people:
            people[key]["pay"] += row["pay_12_months"]
            people[key]["rows"].append(index)
        else:
            people[key] = {"id": row["id"].strip(), "pay": Decimal(row["pay_12_months"]), "rows": [index]}
    merged = list(people.values())
    return merged, [p["id"] for p in merged if len(p["rows"]) > 1]


def compute(values: dict[str, Any], params: Parameters, used: DateUsed) -> dict[str, Any]:
    """Merge rows by person, compare each person's pay with the poverty line, count the award."""
    day = used.day
    line: Decimal | None = values.get("poverty_line")
    source = "input"
    if line is None:
        fixed = params.value("workshop.poverty_line", day)
        if fixed is None:
            raise InputError(
                "poverty_line",
                text(
                    "请填写当年省定贫困线标准（元/年）。通知只提到“当年省定贫困线标准”，没有给出数额，本站也没有该年的标准，请经办人员按当年山东省定标准填写。",
                    "Please enter the year's provincial poverty line (yuan a year). The notice names the year's provincial poverty line but gives no figure, "
                    "and the site holds none for that day: staff enter Shandong's line for the year.",
                ),
            )
        line, source = Decimal(str(fixed)), "parameter"
    why = Explanation()
    history_first(why, params, used, CLAUSE)
    check_notice_in_force(why, params, day, CLAUSE, text("扶贫车间一次性奖补", "its workshop award rules"))
    recognised: bool | None = values.get("recognised_workshop")
    why.check(
        "recognised_workshop",
        recognised,
        CLAUSE,
        {
            True: "是经扶贫开发、人社部门认定的“扶贫车间”。",
            False: "不是经扶贫开发、人社部门认定的“扶贫车间”：一次性奖补由经认定的扶贫车间申请。",
            None: "没有说明是否经扶贫开发、人社部门认定：一次性奖补由经认定的扶贫车间申请。",
        }[recognised],
        {
            True: "Recognised as a poverty-alleviation workshop by the poverty-alleviation and HRSS departments.",
            False: "Not recognised by the poverty-alleviation and HRSS departments: only a recognised workshop can claim the award.",
            None: "Not said whether the workshop is recognised by the poverty-alleviation and HRSS departments: only a "
            "recognised workshop can claim the award.",
        }[recognised],
    )
    contracts: bool | None = values.get("contracts_signed")
    why.check(
        "processing_contracts",
        contracts,
        CLAUSE,
        {
            True: "名单上的人员都与车间签订了承揽合同。",
            False: "名单上有人没有签订承揽合同：奖补按签订承揽合同、安置的贫困人口计算，请只列出签订了承揽合同的人员。",
            None: "没有说明是否签订承揽合同：奖补按与车间签订承揽合同的贫困人口计算，申请时要提供承揽合同。",
        }[contracts],
        {
            True: "Everyone listed has signed a processing contract with the workshop.",
            False: "Someone listed has no processing contract: the award counts poor people placed under processing contracts, "
            "so list only those who signed one.",
            None: "Not said whether processing contracts were signed: the award counts poor people placed under processing "
            "contracts, and the claim must include them.",
        }[contracts],
    )
    months = params.value("workshop.pay_period_months", day)
    within_zh = f"{months}个月内" if months is not None else "计算期内"
    within_en = f"over {months} months" if months is not None else "over the period"
    line_zh = f"贫困线 {money(line):,.2f} 元（{'填写' if source == 'input' else '参数'}）"
    line_en = f"the poverty line of {money(line):,.2f} yuan ({'entered' if source == 'input' else 'parameter'})"

    people, duplicates = merge_workers(values["workers"])
    per_worker, qualifying = [], []
    for person in people:
        qualifies = person["pay"] >= line
        if qualifies:
            qualifying.append(person["id"])
        pay = f"{money(person['pay']):,.2f}"
        rows_zh = f"（第 {'、'.join(map(str, person['rows']))} 行合计）" if len(person["rows"]) > 1 else ""
        rows_en = f" (rows {', '.join(map(str, person['rows']))} added up)" if len(person["rows"]) > 1 else ""
        why.check(
            "pay_reached_line",
            qualifies,
            CLAUSE,
            f"{person['id']}：{within_zh}报酬 {pay} 元{rows_zh}，{'达到' if qualifies else '未达到'}{line_zh}。",
            f"{person['id']}: pay of {pay} yuan {within_en}{rows_en} {'reaches' if qualifies else 'is below'} {line_en}.",
            decisive=False,
        )
        per_worker.append({"id": person["id"], "pay_12_months": money(person["pay"]), "qualifies": qualifies, "rows": person["rows"]})
    count = len(qualifying)
    why.check(
        "qualifying_workers",
        count >= 1,
        CLAUSE,
        f"{len(people)} 人中有 {count} 人{within_zh}报酬达到{line_zh}。" if people else "没有填写车间安置的贫困人员。",
        f"{count} of {len(people)} {'person' if len(people) == 1 else 'people'} reached {line_en} {within_en}."
        if people
        else "No workers were listed.",
    )
    per_person = params.value("workshop.award_per_person", day)
    outcome = "not_eligible" if why.failed() or per_person is None else "possibly" if why.unsettled() else "eligible"
    eligible = outcome == "eligible"
    amount = count * per_person if outcome != "not_eligible" and per_person is not None else 0
    why.note(
        "一次性奖补按当年扶持脱贫人员计算，同一人不重复享受；所需资金从各县区创业带动就业扶持资金中安排。",
        "The award is counted by the people helped out of poverty that year, once per person; it is paid from the county's funds for employment through entrepreneurship.",
    )
    if duplicates:
        why.note(
            f"以下人员出现在多行，报酬已合并、只计一次：{'、'.join(duplicates)}。",
            f"These people appear in more than one row; their pay was added up and they count once: {', '.join(duplicates)}.",
        )
    if outcome == "possibly":
        why.note(
            f"如果车间经认定、并与这些人员签订了承揽合同：{count} 人 × 每人 {money(per_person):,.0f} 元 = {money(amount):,.0f} 元。",
            f"If the workshop is recognised and has processing contracts with these people: {count} "
            f"{'person' if count == 1 else 'people'} × {money(per_person):,.0f} yuan each = {money(amount):,.0f} yuan.",
        )
    elif eligible:
        why.note(
            f"{count} 人 × 每人 {money(per_person):,.0f} 元 = {money(amount):,.0f} 元。",
            f"{count} {'person' if count == 1 else 'people'} × {money(per_person):,.0f} yuan each = {money(amount):,.0f} yuan.",
        )
    else:
        _help(why, [c["condition"] for c in why.failed()], bool(people), within_zh, within_en)
    breakdown = [
        {"label": text("达到贫困线的人数", "People who reached the line"), "value": count, "unit": "people"},
        {"label": text("贫困线标准", "Poverty line"), "value": money(line), "unit": "yuan"},
    ]
    if per_person is not None:
        breakdown.append({"label": text("每人奖补标准", "Award per person"), "value": money(per_person), "unit": "yuan"})
    breakdown.append({"label": text("一次性奖补", "One-off award"), "value": money(amount), "unit": "yuan"})
    return finish(
        CALCULATOR.name,
        outcome,
        used,
        why,
        params,
        eligible={"eligible": True, "possibly": None, "not_eligible": False}[outcome],
        qualifying=qualifying,
        count=count,
        amount=money(amount),
        amount_kind={"eligible": "award", "possibly": "if_confirmed", "not_eligible": None}[outcome],
        amount_words=_amount_words(outcome, amount),
        per_worker=per_worker,
        duplicates=duplicates,
        poverty_line=money(line),
        poverty_line_source=source,
        breakdown=breakdown,
    )


def _amount_words(outcome: str, amount: Any) -> dict[str, str]:
    yuan = f"{money(amount):,.0f}"
    if outcome == "possibly":
        return text(
            f"{yuan} 元——如果车间经认定并签订了承揽合同", f"{yuan} yuan — if the workshop is recognised and has the processing contracts"
        )
    if outcome == "eligible":
        return text(f"{yuan} 元", f"{yuan} yuan")
    return text("不符合条件，没有奖补", "Not eligible: no award")


def _help(why: Explanation, failed: list[str], listed: bool, within_zh: str, within_en: str) -> None:
    """What else may help a workshop that gets no award under this notice."""
    if "notice_in_force" in failed:
        why.note(
            "该日本通知不在有效期内，现行扶贫车间扶持政策请咨询县区人社部门或拨打 {hotline}。",
            "The notice is not in force on that day: ask the county HRSS bureau or call {hotline} about the support that applies now.",
        )
    if "recognised_workshop" in failed:
        why.note(
            "“扶贫车间”由扶贫开发、人社部门认定，请先向乡镇人社所、扶贫办申请认定。",
            "Workshops are recognised by the poverty-alleviation and HRSS departments: apply to the township HRSS and poverty offices first.",
        )
    if "qualifying_workers" in failed and not listed:
        why.note(
            "请按工资发放花名册逐行填写车间安置的建档立卡贫困人员及其报酬。",
            "List the registered poor people the workshop employs and their pay, one row each, as on the payroll.",
        )
    elif "qualifying_workers" in failed:
        why.note(
            f"人员{within_zh}的报酬累计达到当年省定贫困线后即可申报。",
            f"A person counts once their pay {within_en} adds up to the year's provincial poverty line.",
        )
    why.note(
        "设立“扶贫车间”的企业可按规定享受创业扶贫担保贷款；吸纳就业困难人员并签订劳动合同的，可按规定享受社会保险补贴和岗位补贴。",
        "Enterprises that set up a workshop can use the start-up guaranteed loans; those that hire people with employment difficulties on labour contracts can get the social insurance and job subsidies.",
    )


CALCULATOR = Calculator(
    name="workshop-award",
    title=text("扶贫车间一次性奖补测算", "Poverty-alleviation workshop award check"),
    clause=CLAUSE,
    inputs=INPUTS,
    compute=compute,
    summary=text(
        "按人员名单和期内报酬，算出扶贫车间可得的一次性奖补。",
        "From the list of workers and their pay over the period, work out the workshop's one-off award.",
    ),
    outputs=(
        ("count", text("达到贫困线的人数", "People who reached the line")),
        ("amount_words", text("一次性奖补", "One-off award")),
        ("qualifying", text("达到贫困线的人员", "Who reached the line")),
        ("duplicates", text("重复填写的人员", "Listed more than once")),
    ),
)
