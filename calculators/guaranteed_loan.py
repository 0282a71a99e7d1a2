"""创业扶贫担保贷款 — poverty-alleviation start-up guaranteed loans (measure 4).

Self-employed registered poor people get a guaranteed loan with no counter-guarantee and no
collateral, interest subsidised; enterprises that hire registered poor people get a loan scaled
by the number hired, at most the enterprise maximum (二(二)4). The notice gives only the
enterprise maximum: the individual limit, the interest subsidy and the term are references to
Shandong's rules, and the per-hire amount is our reading.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction
from typing import Any

from .core.calculator import DATE, REGISTERED_POOR, Calculator
from .core.explain import DateUsed, Explanation, check_notice_in_force, finish, money
from .core.inputs import Field, InputError, Option
from .core.parameters import Number, Parameters
from .core.text import text

CLAUSE = "m04-guaranteed-loans"

INPUTS = (
    Field(
        "applicant",
        "choice",
        text("申请人", "Applicant"),
        help=text(
            "自己创业的贫困人口选“个人”；招用贫困人口的企业等选“生产经营主体”。",
            "A poor person starting their own business: individual. A business that hires poor people: enterprise.",
        ),
        required=True,
        options=(
            Option("individual", text("个人（自主创业）", "Individual (self-employed)")),
            Option("enterprise", text("生产经营主体", "Enterprise (business that hires)")),
        ),
    ),
    dataclasses.replace(
        REGISTERED_POOR,
        required=False,
        help=text("申请人为个人时填写。", "For an individual applicant."),
    ),
    Field(
        "poor_hires",
        "int",
        text("招用的建档立卡贫困人口人数", "Registered poor people hired"),
        help=text(
            "申请人为生产经营主体时填写：招用的、符合申请创业担保贷款条件的建档立卡农村贫困人口人数。",
            "For an enterprise: how many registered rural poor people it hires who meet the conditions for a start-up guaranteed loan.",
        ),
        minimum=0,
        maximum=1_000_000,
        unit=text("人", "people"),
    ),
    DATE,
)


def _share(value: Number) -> dict[str, Any]:
    fraction = Fraction(value)
    return {"share": round(float(fraction), 4), "share_text": str(fraction)}


def _share_words(value: Number) -> str:
    """'100%' for whole shares, '2/3' for the others (the same in both languages)."""
    fraction = Fraction(value)
    return f"{fraction * 100}%" if fraction.denominator == 1 else str(fraction)


def compute(values: dict[str, Any], params: Parameters, used: DateUsed) -> dict[str, Any]:
    """Check who applies and on which day, then give the limit (and, for individuals, the subsidy)."""
    applicant: str = values["applicant"]
    if applicant == "individual" and values.get("registered_poor") is None:
        raise InputError(
            "registered_poor",
            text(
                "申请人为个人时，请填写“是否建档立卡农村贫困人口”。",
                "For an individual applicant, please say whether they are registered rural poor.",
            ),
        )
    if applicant == "enterprise" and values.get("poor_hires") is None:
        raise InputError(
            "poor_hires",
            text(
                "申请人为生产经营主体时，请填写招用的建档立卡贫困人口人数。",
                "For an enterprise, please enter how many registered poor people it hires.",
            ),
        )
    day = used.day
    why = Explanation()
    check_notice_in_force(why, params, day, CLAUSE, text("创业扶贫担保贷款", "its guaranteed loans"))
    if applicant == "individual":
        fields = _individual(values["registered_poor"], params, day, why)
    else:
        fields = _enterprise(values["poor_hires"], params, day, why)
    eligible = not why.failed() and not why.unsettled()
    if not eligible:
        fields.update(limit=money(0), interest_subsidy=[], term_years=None, cap_applied=False)
        _help(why, applicant, [c["condition"] for c in why.failed()])
    why.note(
        "对类似扶贫贷款，原则上省级财政不重复贴息；具体办法按省人力资源社会保障厅、省财政厅等部门制定的政策执行。",
        "As a rule the provincial finance does not subsidise interest twice on similar poverty-alleviation loans; the detailed rules are those of the provincial HRSS and finance departments.",
    )
    breakdown = [{"label": text("贷款额度", "Loan limit"), "value": fields["limit"], "unit": "yuan"}]
    for row in fields["interest_subsidy"]:
        breakdown.append(
            {
                "label": text(f"第{row['year']}年贴息比例", f"Interest subsidised in year {row['year']}"),
                "value": row["share"],
                "unit": "ratio",
            }
        )
    if fields["term_years"] is not None:
        breakdown.append({"label": text("最长期限", "Longest term"), "value": fields["term_years"], "unit": "years"})
    return finish(
        CALCULATOR.name,
        "eligible" if eligible else "not_eligible",
        used,
        why,
        params,
        eligible=eligible,
        applicant=applicant,
        **fields,
        breakdown=breakdown,
    )


def _individual(poor: bool, params: Parameters, day: dt.date, why: Explanation) -> dict[str, Any]:
    """A self-employed registered poor person: the reference limit, subsidy by year and term."""
    why.check(
        "registered_poor",
        poor,
        CLAUSE,
        "是自主创业的建档立卡农村贫困人口，可申请免反担保、免抵押的创业扶贫担保贷款。"
        if poor
        else "不是建档立卡农村贫困人口，本通知的创业扶贫担保贷款只面向建档立卡农村贫困人口。",
        "Self-employed registered rural poor: may apply for a guaranteed loan with no counter-guarantee and no collateral."
        if poor
        else "Not registered rural poor: this notice's guaranteed loans are for registered rural poor people.",
    )
    limit = params.value("guaranteed_loan.individual_max", day)
    term = params.value("guaranteed_loan.term_years", day)
    shares = [params.value(f"guaranteed_loan.interest_subsidy.year_{year}", day) for year in (1, 2, 3)]
    subsidy = [{"year": year, **_share(share)} for year, share in enumerate(shares, start=1) if share is not None]
    if limit is not None and not why.failed():
        why.note(
            f"个人贷款最高 {money(limit):,.0f} 元、贴息比例（{'、'.join(_share_words(s) for s in shares if s is not None)}）"
            f"和最长 {term} 年期限参考山东省创业担保贷款政策，本通知没有规定，请经办机构确认是否仍然适用。",
            f"The individual limit of {money(limit):,.0f} yuan, the interest subsidy by year ({', '.join(_share_words(s) for s in shares if s is not None)})"
            f" and the {term}-year term are references to Shandong's start-up guaranteed loan rules, not set by this notice: the bureau should confirm they still apply.",
        )
    return {
        "limit": money(limit) if limit is not None else money(0),
        "interest_subsidy": subsidy,
        "term_years": term,
        "cap_applied": False,
    }


def _enterprise(hires: int, params: Parameters, day: dt.date, why: Explanation) -> dict[str, Any]:
    """An enterprise: hires × per-hire amount, at most the enterprise maximum (our reading)."""
    hired = why.check(
        "hires_registered_poor",
        hires >= 1,
        CLAUSE,
        f"招用符合条件的建档立卡贫困人口 {hires} 人。"
        if hires >= 1
        else "没有招用符合条件的建档立卡贫困人口，贷款额度按招用人数确定，无法享受。",
        f"Hires {hires} registered poor people who meet the loan conditions."
        if hires >= 1
        else "Hires no registered poor people who meet the loan conditions: the loan is scaled by the number hired.",
    )
    cap = params.value("guaranteed_loan.enterprise_max", day)
    per_hire = params.value("guaranteed_loan.per_hire", day)
    term = params.value("guaranteed_loan.term_years", day)
    if not hired or cap is None or per_hire is None:
        return {"limit": money(0), "interest_subsidy": [], "term_years": term, "cap_applied": False}
    scaled = hires * per_hire
    cap_applied = scaled > cap
    limit = min(scaled, cap)
    why.note(
        f"按招用人数 {hires} 人 × 每人 {money(per_hire):,.0f} 元 = {money(scaled):,.0f} 元"
        + (f"，超过最高额度 {money(cap):,.0f} 元，按最高额度计算。" if cap_applied else f"，不超过最高额度 {money(cap):,.0f} 元。")
        + "每人份额是测算口径，以经办机构解释为准。",
        f"{hires} hired × {money(per_hire):,.0f} yuan each = {money(scaled):,.0f} yuan"
        + (
            f", above the maximum of {money(cap):,.0f} yuan: the maximum applies."
            if cap_applied
            else f", within the maximum of {money(cap):,.0f} yuan."
        )
        + " The amount per hire is our reading; the office decides.",
    )
    why.note(
        f"贷款期限最长 {term} 年，参考山东省创业担保贷款政策；贴息按规定执行。",
        f"The longest term, {term} years, is a reference to Shandong's rules; interest is subsidised as the rules provide.",
    )
    return {"limit": money(limit), "interest_subsidy": [], "term_years": term, "cap_applied": cap_applied}


def _help(why: Explanation, applicant: str, failed: list[str]) -> None:
    """What else may help an applicant who does not get the loan under this notice."""
    if "notice_in_force" in failed:
        why.note(
            "该日本通知不在有效期内，现行创业担保贷款政策请咨询县区人社部门或拨打 {hotline}。",
            "The notice is not in force on that day: ask the county HRSS bureau or call {hotline} about the guaranteed loans that apply now.",
        )
    if "registered_poor" in failed:
        why.note(
            "不是建档立卡贫困人口的，可咨询一般性的创业担保贷款，其条件和额度按省里规定。",
            "People who are not registered poor can ask about the general start-up guaranteed loan, under the provincial rules.",
        )
    if "hires_registered_poor" in failed:
        why.note(
            "招用建档立卡贫困人口后即可按人数申请；设立“扶贫车间”的还可申请一次性奖补。",
            "Once it hires registered poor people it can apply by the number hired; a business that sets up a poverty-alleviation workshop can also claim the one-off award.",
        )
    if applicant == "individual":
        why.note(
            "自主创业的还可了解一次性创业补贴和免费创业培训。",
            "People starting a business can also look at the one-off start-up subsidy and free start-up training.",
        )


CALCULATOR = Calculator(
    name="guaranteed-loan",
    title=text("创业扶贫担保贷款测算", "Start-up guaranteed loan check"),
    clause=CLAUSE,
    inputs=INPUTS,
    compute=compute,
    summary=text(
        "看看个人或招用贫困人口的企业可申请多少创业扶贫担保贷款。",
        "Check how much a poor person starting a business, or a business hiring poor people, can borrow.",
    ),
    outputs=(
        ("eligible", text("是否符合条件", "Eligible")),
        ("limit", text("贷款额度（元）", "Loan limit (yuan)")),
        ("cap_applied", text("是否按最高额度封顶", "Capped at the maximum")),
    ),
)
