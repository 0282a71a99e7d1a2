"""创业扶贫担保贷款 — poverty-alleviation start-up guaranteed loans (measure 4).

Self-employed registered poor people who meet the conditions (符合条件的, set by the provincial
rules, not by the notice) get a guaranteed loan with no counter-guarantee and no collateral,
interest subsidised; enterprises that actively hire registered poor people get a loan scaled by
the number of their hires who meet the conditions for applying for a start-up guaranteed loan, at
most the enterprise maximum (二(二)4). The notice gives only the enterprise maximum; the conditions,
the individual limit, the interest subsidy, the term and the amount per hire are the province's:
where no findable document gives them they are unset, and the result says they are not known.
Since the conditions themselves are not in the notice, a loan is at best "possibly".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction
from typing import Any

from ..core.calculator import DATE, REGISTERED_POOR, Calculator
from ..core.explain import DateUsed, Explanation, check_notice_in_force, finish, history_first, money, outcome_words
from ..core.inputs import Field, InputError, Option
from ..core.parameters import Number, Parameters
from ..core.text import text

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
        "self_employed",
        "bool",
        text("是否自主创业", "Starting or running your own business?"),
        help=text(
            "申请人为个人时填写：已经或正在自己创业（例如登记个体工商户）的选“是”。",
            "For an individual applicant: yes if you are starting or running your own business (e.g. a registered individual business).",
        ),
    ),
    Field(
        "poor_hires",
        "int",
        text("招用的建档立卡贫困人口人数", "Registered poor people hired"),
        help=text(
            "申请人为生产经营主体时填写：吸纳就业的建档立卡农村贫困人口人数。",
            "For an enterprise: how many registered rural poor people it employs.",
        ),
        minimum=0,
        maximum=1_000_000,
        unit=text("人", "people"),
    ),
    Field(
        "qualifying_hires",
        "int",
        text("招用人员中符合申请创业担保贷款条件的人数", "Hires who meet the conditions for a start-up guaranteed loan"),
        help=text(
            "申请人为生产经营主体时填写：通知按“招用符合申请创业担保贷款条件的人数”确定贷款，条件按省里规定，由经办机构认定。不清楚的可以不填。",
            "For an enterprise: the notice scales the loan by the number of hires who meet the conditions for applying for a "
            "start-up guaranteed loan; the conditions are the province's and the office checks them. Leave it empty if unsure.",
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


def compute(values: dict[str, Any], params: Parameters, used: DateUsed) -> dict[str, Any]:
    """Check who applies and on which day, then say what the notice fixes (the enterprise maximum)
    and what it leaves to the provincial rules (conditions, limits, subsidy, term)."""
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
    history_first(why, params, used, CLAUSE)
    check_notice_in_force(why, params, day, CLAUSE, text("创业扶贫担保贷款", "its guaranteed loans"))
    if applicant == "individual":
        fields = _individual(values["registered_poor"], values.get("self_employed"), params, day, why)
    else:
        fields = _enterprise(values["poor_hires"], values.get("qualifying_hires"), params, day, why)
    if not why.failed():
        why.check(
            "provincial_conditions",
            None,
            CLAUSE,
            "“符合条件的”：贷款条件、额度和贴息按省人力资源社会保障厅、省财政厅等部门制定的办法执行，本通知没有列出，由经办机构和银行审核。",
            "'Who meet the conditions': the conditions, limits and interest subsidy are set by the rules of the provincial HRSS "
            "and finance departments, not listed in this notice; the office and the bank check them.",
        )
    outcome = "not_eligible" if why.failed() else "possibly" if why.unsettled() else "eligible"
    if outcome == "not_eligible":
        fields.update(limit=money(0), limit_max=None, amount_kind=None, interest_subsidy=[], cap_applied=False)
        fields["limit_words"] = text("不符合条件", "Not eligible")
        _help(why, applicant, [c["condition"] for c in why.failed()])
    why.note(
        "对类似扶贫贷款，原则上省级财政不重复贴息；具体办法按省人力资源社会保障厅、省财政厅等部门制定的政策执行。",
        "As a rule the provincial finance does not subsidise interest twice on similar poverty-alleviation loans; the detailed rules are those of the provincial HRSS and finance departments.",
    )
    breakdown = []
    if fields["limit"] is not None:
        label = text("贷款额度（最高）", "Loan limit (at most)") if fields["amount_kind"] == "at_most" else text("贷款额度", "Loan limit")
        breakdown.append({"label": label, "value": fields["limit"], "unit": "yuan"})
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
        outcome,
        used,
        why,
        params,
        eligible={"eligible": True, "possibly": None, "not_eligible": False}[outcome],
        eligible_words=outcome_words(
            outcome, text("贷款条件按省里规定，由经办机构审核", "the province sets the conditions and the office checks them")
        ),
        applicant=applicant,
        **fields,
        breakdown=breakdown,
    )


def _not_known(why: Explanation, zh: str, en: str) -> None:
    why.note(
        f"{zh}本通知没有规定，本站也没有可以核实出处的省级文件数据，所以不给出数额；请向县区人社部门或经办银行咨询。",
        f"{en} this notice does not set, and the site holds no figure from a provincial document it can cite, so none is "
        "given; ask the county HRSS bureau or the lending bank.",
    )


def _individual(poor: bool, self_employed: bool | None, params: Parameters, day: dt.date, why: Explanation) -> dict[str, Any]:
    """A self-employed registered poor person: limit, subsidy by year and term where known."""
    why.check(
        "registered_poor",
        poor,
        CLAUSE,
        "是建档立卡农村贫困人口。" if poor else "不是建档立卡农村贫困人口，本通知的创业扶贫担保贷款只面向建档立卡农村贫困人口。",
        "Registered rural poor."
        if poor
        else "Not registered rural poor: this notice's guaranteed loans are for registered rural poor people.",
    )
    why.check(
        "self_employed",
        self_employed,
        CLAUSE,
        {
            True: "自主创业，可申请免反担保、免抵押的创业扶贫担保贷款。",
            False: "没有自主创业；本通知的个人创业扶贫担保贷款面向自主创业的农村贫困人口。",
            None: "没有说明是否自主创业；本通知的个人创业扶贫担保贷款面向自主创业的农村贫困人口。",
        }[self_employed],
        {
            True: "Starting or running their own business: may apply for a guaranteed loan with no counter-guarantee and no collateral.",
            False: "Not starting their own business: this notice's individual loans are for rural poor people who do.",
            None: "Not said whether they are starting their own business: this notice's individual loans are for rural poor people who do.",
        }[self_employed],
    )
    limit = params.value("guaranteed_loan.individual_max", day)
    term = params.value("guaranteed_loan.term_years", day)
    shares = [params.value(f"guaranteed_loan.interest_subsidy.year_{year}", day) for year in (1, 2, 3)]
    subsidy = [{"year": year, **_share(share)} for year, share in enumerate(shares, start=1) if share is not None]
    if not why.failed():
        if limit is None:
            _not_known(why, "个人贷款额度、贴息比例和期限", "The individual limit, the interest subsidy and the term:")
        else:
            why.note(
                f"个人贷款额度 {money(limit):,.0f} 元参考省级规定，本通知没有规定，请经办机构确认是否仍然适用。",
                f"The individual limit of {money(limit):,.0f} yuan is a reference to the provincial rules, not set by this notice: "
                "the office should confirm it still applies.",
            )
    words = (
        text(f"最高 {money(limit):,.0f} 元（参考省级规定）", f"Up to {money(limit):,.0f} yuan (a reference to the provincial rules)")
        if limit is not None
        else text("额度按省里规定，本通知没有规定个人额度", "Set by the provincial rules: this notice sets no individual limit")
    )
    return {
        "limit": money(limit) if limit is not None else None,
        "limit_max": money(limit) if limit is not None else None,
        "amount_kind": "at_most" if limit is not None else "not_known",
        "limit_words": words,
        "interest_subsidy": subsidy,
        "term_years": term,
        "cap_applied": False,
    }


def _enterprise(hires: int, qualifying: int | None, params: Parameters, day: dt.date, why: Explanation) -> dict[str, Any]:
    """An enterprise: scaled by its qualifying hires, at most the enterprise maximum; the amount per
    hire is the province's (unset unless a parameter gives it)."""
    why.check(
        "hires_registered_poor",
        hires >= 1,
        CLAUSE,
        f"吸纳建档立卡农村贫困人口 {hires} 人就业。"
        if hires >= 1
        else "没有吸纳建档立卡农村贫困人口就业；本通知的贷款面向积极吸纳农村贫困人口就业的生产经营主体。",
        f"Employs {hires} registered rural poor people."
        if hires >= 1
        else "Employs no registered rural poor people: this notice's loan is for businesses that actively employ them.",
    )
    why.check(
        "qualifying_hires",
        None if qualifying is None else qualifying >= 1,
        CLAUSE,
        "没有填写招用人员中符合申请创业担保贷款条件的人数：贷款按这一人数确定。"
        if qualifying is None
        else f"招用人员中符合申请创业担保贷款条件的 {qualifying} 人，贷款按这一人数确定。"
        if qualifying >= 1
        else "招用人员中没有符合申请创业担保贷款条件的人：贷款按这一人数确定，无法享受。",
        "The number of hires who meet the conditions for a start-up guaranteed loan is not given: the loan is scaled by it."
        if qualifying is None
        else f"{qualifying} hires meet the conditions for a start-up guaranteed loan: the loan is scaled by this number."
        if qualifying >= 1
        else "No hire meets the conditions for a start-up guaranteed loan: the loan is scaled by that number, so there is none.",
    )
    cap = params.value("guaranteed_loan.enterprise_max", day)
    per_hire = params.value("guaranteed_loan.per_hire", day)
    term = params.value("guaranteed_loan.term_years", day)
    fields: dict[str, Any] = {
        "limit": money(cap) if cap is not None else None,
        "limit_max": money(cap) if cap is not None else None,
        "amount_kind": "at_most",
        "interest_subsidy": [],
        "term_years": term,
        "cap_applied": False,
    }
    if cap is None or why.failed():
        fields["limit_words"] = text("不符合条件", "Not eligible")
        return fields
    yuan = f"{money(cap):,.0f}"
    if per_hire is None or not qualifying:
        fields["limit_words"] = text(
            f"最高不超过 {yuan} 元，按符合条件的招用人数确定",
            f"At most {yuan} yuan, scaled by the number of qualifying hires",
        )
        why.note(
            f"本通知规定最高额度不超过 {yuan} 元、按招用符合申请创业担保贷款条件的人数确定，但没有规定每人多少；"
            "每人额度按省里规定，本站没有可以核实出处的数据，所以只给出最高额度。",
            f"The notice sets the maximum, {yuan} yuan, scaled by the number of hires who meet the conditions for a start-up "
            "guaranteed loan, but no amount per hire; that is the province's, and the site holds no figure it can cite, so only "
            "the maximum is given.",
        )
        return fields
    scaled = qualifying * per_hire
    cap_applied = scaled > cap
    limit = min(scaled, cap)
    fields.update(limit=money(limit), cap_applied=cap_applied)
    fields["limit_words"] = text(f"最高 {money(limit):,.0f} 元", f"Up to {money(limit):,.0f} yuan")
    why.note(
        f"按符合条件的招用人数 {qualifying} 人 × 每人 {money(per_hire):,.0f} 元 = {money(scaled):,.0f} 元"
        + (f"，超过最高额度 {yuan} 元，按最高额度计算。" if cap_applied else f"，不超过最高额度 {yuan} 元。")
        + "每人份额是测算口径，以经办机构解释为准。",
        f"{qualifying} qualifying hires × {money(per_hire):,.0f} yuan each = {money(scaled):,.0f} yuan"
        + (f", above the maximum of {yuan} yuan: the maximum applies." if cap_applied else f", within the maximum of {yuan} yuan.")
        + " The amount per hire is our reading; the office decides.",
    )
    return fields


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
    if "self_employed" in failed:
        why.note(
            "准备自主创业时可以再申请；也可以了解免费的创业培训。",
            "Apply once you start your own business; free start-up training is also offered.",
        )
    if "hires_registered_poor" in failed or "qualifying_hires" in failed:
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
        "看看个人或招用贫困人口的企业能否申请创业扶贫担保贷款，以及通知规定的最高额度。",
        "Check whether a poor person starting a business, or a business hiring poor people, may get a guaranteed loan, and the notice's maximum.",
    ),
    outputs=(
        ("eligible_words", text("是否符合条件", "Eligible")),
        ("limit_words", text("贷款额度", "Loan limit")),
        ("cap_applied", text("是否按最高额度封顶", "Capped at the maximum")),
    ),
)
