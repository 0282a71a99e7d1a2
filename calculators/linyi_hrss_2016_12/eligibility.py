"""自查 — the resident's self-check across the notice's ten measures.

One answer to "what help can I get": each measure's conditions (RULES.md, "The measures as
rules", and the classification of Attachment 1) checked against what the person says, and, where
a measure has an amount, an estimate from that measure's own calculator (core.calculator.run),
never a second copy of its rules. A fact left out makes a measure "possibly", never eligible, and
the answer lists what it assumed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..core.calculator import BIRTH_DATE, DATE, REGISTERED_POOR, Calculator, run
from ..core.dates import age_on, day_words
from ..core.explain import DateUsed, Explanation, finish, history_first, money, period_words
from ..core.inputs import Field, InputError, Option
from ..core.parameters import Number, Parameters
from ..core.text import Text, text
from . import conventions
from .critical_illness import INPUTS as CRITICAL_ILLNESS_INPUTS

CLAUSE = "p1-goals"
CLAUSES = (
    "m01-poverty-alleviation-workshops",
    "m02-public-welfare-jobs",
    "m03-employment-partners",
    "m04-guaranteed-loans",
    "m05-startup-support",
    "m06-vocational-training",
    "m07-college-graduates",
    "m08-talent-for-poor-areas",
    "m09-pension-and-medical-insurance",
    "m10-relocated-households",
)
ELIGIBLE, POSSIBLY, NOT_ELIGIBLE = "eligible", "possibly", "not_eligible"
HOTLINE = "{hotline}"  # filled in from the site settings by core.explain.finish
# 重度残疾 is read as disability grades up to pension.severe_disability_max_grade (RULES.md,
# measure 9): a reading, not a figure of the notice.

WISHES = (
    Option("none", text("无就业意愿", "No wish to work")),
    Option("local", text("就地就近就业（县内）", "Work close to home (in the county)")),
    Option("outside_county", text("外出务工（县外）", "Work outside the county")),
    Option("self_employed", text("自主创业", "Start own business")),
    Option("public_welfare_job", text("公益性岗位", "A public-welfare job")),
)
WISH_LABELS = {o.value: o.label for o in WISHES}

INPUTS = (
    REGISTERED_POOR,
    dataclasses.replace(
        BIRTH_DATE,
        help=text(
            "按身份证填写，例如 1961-03-15。不知道出生日期的，可以只填年龄。",
            "As on the ID card, e.g. 1961-03-15. If you do not know it, give your age instead.",
        ),
    ),
    Field(
        "age",
        "int",
        text("年龄（周岁）", "Age (whole years)"),
        help=text(
            "不知道出生日期时填写。两项都填的，以出生日期为准。",
            "Give it when you do not know the date of birth. When both are given, the date of birth is used.",
        ),
        minimum=0,
        maximum=120,
        unit=text("周岁", "years"),
    ),
    Field(
        "sex",
        "choice",
        text("性别", "Sex"),
        options=(Option("male", text("男", "Male")), Option("female", text("女", "Female"))),
    ),
    Field(
        "able_to_work",
        "choice",
        text("劳动能力", "Able to work?"),
        options=(
            Option("yes", text("有劳动能力", "Yes")),
            Option("partly", text("部分丧失劳动能力", "Partly")),
            Option("no", text("无劳动能力", "No")),
        ),
    ),
    Field(
        "has_disability_certificate",
        "bool",
        text("是否持有残疾证", "Holds a disability certificate?"),
        help=text("持有《中华人民共和国残疾人证》的选“是”。", "Yes if you hold the national disability certificate (残疾人证)."),
    ),
    Field(
        "disability_grade",
        "int",
        text("残疾等级", "Disability grade"),
        help=text("残疾证上写的等级，一级最重。", "The grade on the disability certificate; grade 1 is the most severe."),
        minimum=1,
        maximum=4,
    ),
    Field(
        "hard_to_place",
        "bool",
        text("是否通过市场渠道确实难以实现就业", "Has the job market failed to place you?"),
        help=text(
            "经过求职登记、职业介绍等市场渠道，确实找不到工作的选“是”。",
            "Yes if job registration, referrals and other market channels have really not found you work.",
        ),
    ),
    Field("employment_wish", "choice", text("就业意愿", "What work do you want?"), options=WISHES),
    Field("wants_training", "bool", text("是否希望参加职业技能培训", "Want vocational training?")),
    Field(
        "business_registered_on",
        "date",
        text("个体工商户登记日期", "Date your individual business was registered"),
        help=text(
            "已经新注册个体工商户的，填营业执照上的成立日期；还没有注册的不填。",
            "If you have newly registered an individual business, the date on its licence; leave empty if not registered.",
        ),
    ),
    Field("college_graduate", "bool", text("是否高校毕业生", "College graduate?")),
    Field(
        "technical_school",
        "bool",
        text("是否技工院校学生或准备报考", "Studying at, or applying to, a technical school?"),
    ),
    Field("insured_pension", "bool", text("是否已参加居民基本养老保险", "Insured in the residents' basic pension?")),
    dataclasses.replace(
        next(f for f in CRITICAL_ILLNESS_INPUTS if f.name == "eligible_costs"), name="critical_illness_costs", required=False
    ),
    Field("insured_medical", "bool", text("是否已参加居民基本医疗保险", "Insured in the residents' basic medical insurance?")),
    Field("relocated", "bool", text("是否易地扶贫搬迁人口", "Relocated for poverty alleviation?")),
    Field(
        "county",
        "text",
        text("所在县区", "County or district"),
        help=text(
            "户籍所在的县区，例如 沂南县。用于估算公益性岗位补贴和一次性创业补贴，可以不填。",
            "Your home county or district, e.g. Yinan County. Used for the public-welfare job and start-up estimates; optional.",
        ),
        max_length=60,
    ),
    DATE,
)

# When the self-check asks each input (core.inputs.ASK_IF): only what can still change a measure's
# status or amount. Sex and the pension insurance change a note only, so they are not asked; the
# medical insurance matters once there are costs to estimate.
_POOR = {"is": {"registered_poor": True}}
_WORKING_AGE = [{"age_at_least": "conventions.working_age_min"}, {"age_below": "conventions.working_age_limit"}]
_MAY_WORK = {"all": [_POOR, *_WORKING_AGE, {"is_not": {"able_to_work": "no"}}]}
ASKED_WHEN: dict[str, Any] = {
    "age": {"with": "birth_date"},
    "sex": {"never": True},
    "able_to_work": {"all": [_POOR, *_WORKING_AGE]},
    "has_disability_certificate": _POOR,
    "disability_grade": {"all": [_POOR, {"is": {"has_disability_certificate": True}}]},
    "hard_to_place": _MAY_WORK,
    "employment_wish": _MAY_WORK,
    "wants_training": _MAY_WORK,
    "business_registered_on": {"all": [_MAY_WORK, {"is": {"employment_wish": "self_employed"}}]},
    "technical_school": {"all": [_POOR, {"age_below": "conventions.working_age_limit"}]},
    "insured_pension": {"never": True},
    "critical_illness_costs": _POOR,
    "insured_medical": {"all": [_POOR, {"given": "critical_illness_costs"}]},
    "relocated": _POOR,
    "county": {"all": [_MAY_WORK, {"any": [{"is_not": {"hard_to_place": False}}, {"is": {"employment_wish": "self_employed"}}]}]},
    "date": {"never": True},  # the page's day: today, or a document's last day for history
}
INPUTS = tuple(dataclasses.replace(f, ask_if=ASKED_WHEN[f.name]) if f.name in ASKED_WHEN else f for f in INPUTS)


def _holds(condition: Any, values: dict[str, Any], age: int, params: Parameters, day: dt.date) -> bool:
    """An ask_if form (core.inputs.ASK_IF) on the answers, as the self-check page evaluates it."""
    if not isinstance(condition, dict):
        return True
    for key, value in condition.items():
        if key in ("never", "with"):
            return False
        if key == "all" and not all(_holds(c, values, age, params, day) for c in value):
            return False
        if key == "any" and not any(_holds(c, values, age, params, day) for c in value):
            return False
        if key == "is" and not all(values.get(n) == v for n, v in value.items()):
            return False
        if key == "is_not" and not all(values.get(n) != v for n, v in value.items()):
            return False
        if key == "given" and values.get(value) in (None, ""):
            return False
        if key == "age_at_least" and not age >= params.rule(value, day):
            return False
        if key == "age_below" and not age < params.rule(value, day):
            return False
        if key == "age_at_most" and not age <= params.rule(value, day):
            return False
    return True


def was_asked(name: str, values: dict[str, Any], age: int, params: Parameters, day: dt.date) -> bool:
    """Whether the self-check asks input `name`, given the other answers: an input it does not ask
    is never said to be "not given" (the page never put the question)."""
    return _holds(ASKED_WHEN.get(name), values, age, params, day)


# What the answer assumes when an input is left out, in the order the answer lists them.
ASSUMED: dict[str, Text] = {
    "able_to_work": text(
        "没有填写劳动能力：需要劳动能力的措施按“可能符合”显示。",
        "Ability to work not given: measures that need it are shown as 'possibly'.",
    ),
    "has_disability_certificate": text(
        "没有填写是否持有残疾证：按“不确定”处理。", "Disability certificate not given: treated as not known."
    ),
    "disability_grade": text(
        "没有填写残疾等级：无法判断是否属于重度残疾。", "Disability grade not given: whether the disability is severe is not known."
    ),
    "hard_to_place": text(
        "没有填写是否通过市场渠道难以就业：公益性岗位按“可能符合”显示。",
        "Not said whether the job market has failed to place you: the public-welfare job is shown as 'possibly'.",
    ),
    "employment_wish": text(
        "没有填写就业意愿：取决于意愿的措施按“可能符合”显示。",
        "What work you want is not given: measures that depend on it are shown as 'possibly'.",
    ),
    "wants_training": text(
        "没有填写是否希望参加培训：免费培训按“可能符合”显示。", "Not said whether you want training: free training is shown as 'possibly'."
    ),
    "business_registered_on": text(
        "没有填写个体工商户登记日期：按尚未登记处理，不测算一次性创业补贴。",
        "No business registration date: treated as not registered yet; the start-up subsidy is not estimated.",
    ),
    "operating_normally": text(
        "按个体工商户登记以来一直正常经营测算一次性创业补贴。",
        "The start-up subsidy is estimated assuming the business has operated normally since it was registered.",
    ),
    "college_graduate": text(
        "没有填写是否高校毕业生：“三支一扶”按“可能符合”显示。",
        "Not said whether you are a college graduate: the 'Three Supports and One Assistance' programme is shown as 'possibly'.",
    ),
    "technical_school": text(
        "没有填写是否就读或报考技工院校：未超过劳动年龄上限的按“可能符合”显示。",
        "Not said whether you study at or apply to a technical school: shown as 'possibly' below the upper working-age limit.",
    ),
    "insured_pension": text(
        "没有填写是否已参加居民基本养老保险：还没有参保的，请到乡镇人社所办理。",
        "Whether you are insured in the residents' pension is not given: if you are not, enrol at the township HRSS office.",
    ),
    "insured_medical": text(
        "没有填写是否已参加居民基本医疗保险：还没有参保的，请到乡镇人社所办理，参保后才能享受大病保险倾斜。",
        "Whether you are insured in the residents' medical insurance is not given: if you are not, enrol at the township "
        "HRSS office; the higher critical-illness payments for poor people need that insurance.",
    ),
    "relocated": text(
        "没有填写是否易地扶贫搬迁：按“可能符合”显示。", "Not said whether you were relocated for poverty alleviation: shown as 'possibly'."
    ),
    "critical_illness_costs": text(
        "没有填写医疗费用：不测算大病保险报销。", "No medical costs given: the critical-illness payment is not estimated."
    ),
    "county": text(
        "没有填写县区：不估算公益性岗位补贴；一次性创业补贴只能给出通知规定的最低标准（不低于），县区是否发放不知道。",
        "No county given: the public-welfare job subsidy is not estimated; for the start-up subsidy only the notice's minimum "
        "(a floor) can be given, and whether the county pays it is not known.",
    ),
}


@dataclass
class Person:
    """What the person said, with their age on the day used; remembers which missing facts mattered."""

    values: dict[str, Any]
    age: int
    birth: dt.date | None
    assumed: set[str] = field(default_factory=set)

    @property
    def poor(self) -> bool:
        return self.values["registered_poor"]

    def fact(self, name: str) -> Any:
        """The value of input `name`; a missing one is listed among the assumptions."""
        value = self.values.get(name)
        if value is None and name in ASSUMED:
            self.assumed.add(name)
        return value

    def certificate(self) -> bool | None:
        """A disability grade is written on the certificate, so a grade alone means one is held."""
        held = self.fact("has_disability_certificate")
        if held is None and self.values.get("disability_grade") is not None:
            return True
        return held


@dataclass
class Context:
    person: Person
    params: Parameters
    used: DateUsed
    why: Explanation

    @property
    def day(self) -> dt.date:
        return self.used.day

    def measure(self, number: int) -> Measure:
        return Measure(number, CLAUSES[number - 1], self.why)

    def working_age(self) -> bool:
        return conventions.is_working_age(self.person.age, self.params, self.day)


@dataclass
class Measure:
    """One measure's answer: its conditions met, not met and not known, notes and an estimate."""

    number: int
    clause: str
    why: Explanation
    met: list[Text] = field(default_factory=list)
    unmet: list[Text] = field(default_factory=list)
    unknown: list[Text] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)
    amount: dict[str, Any] | None = None
    recipient: str = "person"  # who is paid or served: "person", or "employer" (the person benefits through one)

    def check(self, name: str, met: bool | None, zh: str, en: str) -> bool | None:
        """Record a condition in the measure and in the explanation, citing the measure's clause."""
        self.why.check(f"m{self.number:02d}.{name}", met, self.clause, zh, en)
        {True: self.met, False: self.unmet, None: self.unknown}[met].append(text(zh, en))
        return met

    def note(self, zh: str, en: str) -> None:
        self.notes.append(text(zh, en))

    @property
    def status(self) -> str:
        if self.unmet:
            return NOT_ELIGIBLE
        return POSSIBLY if self.unknown else ELIGIBLE

    def as_json(self, params: Parameters) -> dict[str, Any]:
        info = params.clauses.get(self.clause, {})
        return {
            "measure": self.number,
            "clause": self.clause,
            "title": info.get("title", text(self.clause, self.clause)),
            "status": self.status,
            "met": self.met,
            "unmet": self.unmet,
            "unknown": self.unknown,
            "notes": self.notes,
            "amount": self.amount,
            "how_to_apply": how_to_apply(info.get("apply") or {}),
            "link": self.clause,
            "recipient": self.recipient,
        }


def how_to_apply(apply: dict[str, Any]) -> Text:
    """The clause's own how-to-apply when it has one; where it names no office, point to the
    township HRSS office, the county bureau and the hotline, as the clause pages do."""
    labels = {
        "zh": ("到哪里办：", "需要带的材料：", "谁来审核：", "、", "。"),
        "en": ("Where: ", "What to bring: ", "Who reviews it: ", "; ", ". "),
    }
    pointer = text(
        f"请向户籍所在地的乡镇人社所或县区人社部门咨询如何申请，或拨打 {HOTLINE}。",
        f"Ask the HRSS office of your township or the county HRSS bureau how to apply, or call {HOTLINE}.",
    )
    out: dict[str, str] = {}
    for lang, (where, documents, reviewed, joiner, stop) in labels.items():
        given = apply.get(lang) or {}
        parts = []
        if given.get("where"):
            parts.append(where + given["where"])
        if given.get("documents"):
            parts.append(documents + joiner.join(given["documents"]))
        if given.get("reviewed_by"):
            parts.append(reviewed + given["reviewed_by"])
        if not given.get("where"):
            parts.append(pointer[lang].rstrip("。."))
        out[lang] = stop.join(parts) + stop.strip()
    return text(out["zh"], out["en"])


def _yuan(value: Number | float) -> str:
    """1,390 or 1,209.30: whole yuan without decimals."""
    amount = Decimal(str(money(value)))
    return f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"


def _estimator(name: str) -> Calculator | None:
    from .. import calculators  # the package registry; imported here because it imports this module

    return calculators().get(name)


def _estimate(ctx: Context, name: str, inputs: dict[str, Any]) -> dict[str, Any] | None:
    """Run another calculator on the same day and parameters; None when it is not available."""
    calculator = _estimator(name)
    if calculator is None:
        return None
    declared = {f.name for f in calculator.inputs}
    return run(calculator, {k: v for k, v in inputs.items() if k in declared and v is not None}, ctx.params, ctx.used)


def _amount(value: Number | float, unit: str, zh: str, en: str, calculator: str | None = None) -> dict[str, Any]:
    """An estimate as the page shows it; `calculator` names the one that computed it, for a link."""
    amount = {"value": money(value), "unit": unit, "zh": zh, "en": en}
    if calculator:
        amount["calculator"] = calculator
    return amount


def _no_estimate(m: Measure, result: dict[str, Any] | None, zh: str, en: str) -> None:
    """Say why an estimate is missing instead of showing a figure that was not computed."""
    if result is None:
        m.note(f"{zh}的测算暂不可用。", f"The {en} estimate is not available yet.")
    elif "errors" in result:
        reasons = text("；".join(e["zh"] for e in result["errors"].values()), " ".join(e["en"] for e in result["errors"].values()))
        m.note(f"{zh}无法测算：{reasons['zh']}", f"The {en} could not be estimated: {reasons['en']}")


# --- conditions several measures share --------------------------------------------------------


def _prelude(m: Measure, ctx: Context, poor_required: bool = True) -> bool:
    """The notice in force on the day, and (for all but measure 7) a registered poor household."""
    if not ctx.params.in_notice(ctx.day):
        when = day_words(ctx.day)
        m.check(
            "notice_in_force",
            False,
            f"{when['zh']}不在通知有效期内，本措施不适用。",
            f"{when['en']} is outside the notice's period in force: this measure does not apply.",
        )
        return False
    if poor_required:
        poor = ctx.person.poor
        m.check(
            "registered_poor",
            poor,
            "是建档立卡贫困户的成员。" if poor else "不是建档立卡贫困户的成员；本措施只面向建档立卡农村贫困人口。",
            "A member of a registered poor household."
            if poor
            else "Not a member of a registered poor household: this measure is for registered rural poor people only.",
        )
        return poor
    return True


def _on_day(ctx: Context) -> Text:
    """'On 15 May 2020 you were 52': the day an age is counted on, in words."""
    when = day_words(ctx.day)
    return text(f"{when['zh']}时", f"On {when['en']}")


def _working_age(m: Measure, ctx: Context) -> bool:
    low, limit = conventions.working_age_bounds(ctx.params, ctx.day)
    age, working = ctx.person.age, ctx.working_age()
    on = _on_day(ctx)
    m.check(
        "working_age",
        working,
        f"{on['zh']} {age} 周岁，{'在' if working else '不在'}劳动年龄（{low} 周岁以上、不满 {limit} 周岁）内。",
        f"{on['en']}, aged {age}: {'within' if working else 'outside'} working age ({low} or over, under {limit}).",
    )
    return working


def _able(m: Measure, ctx: Context, partly: bool | None) -> bool | None:
    """Able to work: 'partly' counts as `partly` (True, or None when it depends on the work)."""
    able = ctx.person.fact("able_to_work")
    if able == "yes":
        return m.check("able_to_work", True, "有劳动能力。", "Able to work.")
    if able == "no":
        return m.check("able_to_work", False, "无劳动能力。", "Not able to work.")
    if able == "partly":
        if partly:
            return m.check("able_to_work", True, "部分丧失劳动能力，仍可参加。", "Partly able to work: this still applies.")
        return m.check(
            "able_to_work",
            None,
            "部分丧失劳动能力：能否胜任要看具体岗位。",
            "Partly able to work: whether the work suits you depends on the job.",
        )
    return m.check("able_to_work", None, "没有填写劳动能力。", "Ability to work not given.")


def _not_poor_note(why: Explanation) -> None:
    why.note(
        f"本通知除“三支一扶”外的措施只面向建档立卡农村贫困人口。如果认为家庭应当建档立卡，请咨询村委会或乡镇扶贫办，或拨打 {HOTLINE}。",
        "Except for the 'Three Supports and One Assistance' programme, this notice's measures are for registered rural poor "
        f"people only. If you think your household should be registered, ask the village committee or the township poverty "
        f"alleviation office, or call {HOTLINE}.",
    )


# --- the ten measures ---------------------------------------------------------------------


def workshop(ctx: Context) -> Measure:
    """1 扶贫车间: working age, able to work, wants work close to home. The award goes to the workshop."""
    m = ctx.measure(1)
    m.recipient = "employer"  # the award is paid to the workshop; the person may work there
    if not _prelude(m, ctx):
        return m
    _working_age(m, ctx)
    _able(m, ctx, partly=None)
    wish = ctx.person.fact("employment_wish")
    if wish == "local":
        m.check("wants_local_work", True, "希望就地就近（县内）就业。", "Wants work close to home, in the county.")
    elif wish is None:
        m.check(
            "wants_local_work",
            None,
            "没有填写就业意愿；扶贫车间面向希望就地就近就业的人。",
            "What work you want is not given; workshops are for people who want work close to home.",
        )
    else:
        label = WISH_LABELS[wish]
        m.check(
            "wants_local_work",
            False,
            f"就业意愿是“{label['zh']}”；扶贫车间面向希望就地就近就业的人。",
            f"The work you want is '{label['en']}'; workshops are for people who want work close to home.",
        )
    award = ctx.params.value("workshop.award_per_person", ctx.day)
    months = ctx.params.value("workshop.pay_period_months", ctx.day)
    m.note(
        f"扶贫车间的一次性奖补（每人 {_yuan(award)} 元，{months} 个月内报酬达到当年省定贫困线）发给经认定的车间，不发给个人；"
        "当地有扶贫车间的，可以在家门口就业、取得报酬，是否有合适的岗位要看当地车间。",
        f"The one-off award ({_yuan(award)} yuan a person whose pay within {months} months reaches the year's provincial poverty "
        "line) goes to a recognised workshop, not to you; where there is a workshop nearby you may find paid work close to "
        "home, depending on the jobs it has.",
    )
    return m


def _near_pension(ctx: Context) -> bool | None:
    """'不足5年' to the pension: from the birth date when known; from the age alone only when it
    settles it (on the 5-years-before age it depends on whether the birthday has passed)."""
    person = ctx.person
    if person.birth is not None:
        return conventions.near_pension(person.birth, ctx.day, ctx.params)
    pension = conventions.pension_age(ctx.params, ctx.day)
    years = int(ctx.params.require("public_welfare_job.near_pension_years", ctx.day))
    if pension - years < person.age < pension:
        return True
    return None if person.age == pension - years else False


def _either(a: bool | None, b: bool | None) -> bool | None:
    if a or b:
        return True
    return None if a is None or b is None else False


def public_welfare_job(ctx: Context) -> Measure:
    """2 公益性岗位: working age, hard to place, and a disability certificate or near the pension."""
    m = ctx.measure(2)
    if not _prelude(m, ctx):
        return m
    _working_age(m, ctx)
    if ctx.person.values.get("able_to_work") in ("no", "partly"):  # not a condition the text states: a note only
        m.note(
            "通知没有把劳动能力列为公益性岗位安置的条件；岗位是公用设施维护、保洁保绿等工作，能否胜任由县区根据岗位确定"
            "（附件1流程图中“有劳动能力”的分类是本站的重构，不是通知原文）。",
            "The notice does not make the ability to work a condition of the placement; the posts are upkeep, cleaning and "
            "greening work, and the county decides whether you can do one (the 'able to work' branch of the Attachment 1 "
            "flowchart is this site's reconstruction, not the notice's text).",
        )
    hard = ctx.person.fact("hard_to_place")
    m.check(
        "hard_to_place",
        hard,
        {
            True: "通过市场渠道确实难以实现就业。",
            False: "能够通过市场渠道实现就业，不属于托底安置的对象。",
            None: "没有填写是否通过市场渠道难以就业。",
        }[hard],
        {
            True: "The job market has failed to place you.",
            False: "The job market can place you: safety-net placement is for those it cannot.",
            None: "Not said whether the job market has failed to place you.",
        }[hard],
    )
    certificate, near = ctx.person.certificate(), _near_pension(ctx)
    m.check("disability_or_near_pension", _either(certificate, near), *_certificate_or_near_words(ctx, certificate, near))
    if ctx.person.values.get("employment_wish") == "public_welfare_job" and m.status == NOT_ELIGIBLE:
        m.note(
            "希望到公益性岗位工作本身不构成安置条件；可以了解就业伙伴结对帮扶和免费培训。",
            "Wanting a public-welfare job is not itself a condition; see the paired employment support and free training.",
        )
    if m.status == ELIGIBLE:
        _public_welfare_estimate(m, ctx)
    return m


def _certificate_or_near_words(ctx: Context, certificate: bool | None, near: bool | None) -> tuple[str, str]:
    """Measure 2's either-or condition in words: the certificate, then the years to the pension."""
    pension = conventions.pension_age(ctx.params, ctx.day)
    years = int(ctx.params.require("public_welfare_job.near_pension_years", ctx.day))
    age = ctx.person.age
    rule_zh = f"持有残疾证或距领取养老金不足 {years} 年"
    rule_en = f"a disability certificate, or less than {years} years before the pension"
    if near:
        years_zh, years_en = (
            f"距 {pension} 周岁领取养老金不足 {years} 年",
            f"you are less than {years} years before the pension at {pension}",
        )
    elif near is None:
        years_zh = f"只知道年龄 {age} 周岁：过了 {pension - years} 周岁生日才算距领取养老金不足 {years} 年，请填写出生日期"
        years_en = (
            f"only your age, {age}, is known: 'less than {years} years before the pension' starts the day after turning "
            f"{pension - years}, so give your date of birth"
        )
    elif age >= pension:
        years_zh, years_en = f"已到 {pension} 周岁领取养老金的年龄", f"you are at or past the pension age of {pension}"
    else:
        years_zh, years_en = (
            f"距 {pension} 周岁领取养老金还有 {years} 年或以上",
            f"you are {years} years or more before the pension at {pension}",
        )
    # The condition is an OR: say which part holds, and never list a part that does not hold as a tick.
    if certificate and near:
        return (
            f"持有残疾证，而且{years_zh}：“{rule_zh}”两项都符合（符合一项即可）。",
            f"You hold a disability certificate, and {years_en}: both parts of '{rule_en}' hold (either one is enough).",
        )
    if certificate:
        return (
            f"持有残疾证：符合“{rule_zh}”这一条件（符合一项即可）。",
            f"You hold a disability certificate: that meets the condition of {rule_en} (either one is enough).",
        )
    if near:
        return (
            f"{years_zh}：符合“{rule_zh}”这一条件（符合一项即可，不需要残疾证）。",
            f"{years_en[0].upper()}{years_en[1:]}: that meets the condition of {rule_en} (either one is enough; no certificate is needed).",
        )
    cert_zh, cert_en = {
        False: ("没有残疾证", "You hold no disability certificate"),
        None: ("没有填写是否持有残疾证", "Whether you hold a disability certificate is not given"),
    }[certificate]
    if certificate is False and near is False:
        return (
            f"{cert_zh}，{years_zh}：“{rule_zh}”两项都不符合。",
            f"{cert_en}, and {years_en}: neither part of '{rule_en}' holds.",
        )
    return (
        f"{cert_zh}；{years_zh}。“{rule_zh}”符合一项即可，现在还不能确定。",
        f"{cert_en}; {years_en}. Either part of '{rule_en}' is enough; it cannot be settled yet.",
    )


def _public_welfare_estimate(m: Measure, ctx: Context) -> None:
    """The subsidy from the public-welfare-job calculator, for a post starting on the day used."""
    county, birth = ctx.person.fact("county"), ctx.person.birth
    if county is None or birth is None:
        missing = [
            w
            for w, gone in ((("所在县区", "your county or district"), county is None), (("出生日期", "your date of birth"), birth is None))
            if gone
        ]
        zh, en = "和".join(w[0] for w in missing), " and ".join(w[1] for w in missing)
        why_zh = "（只填了年龄，无法按日判断劳动年龄和距领取养老金的年限）" if birth is None else ""
        why_en = " (an age alone does not give the day you reach working age or the pension age)" if birth is None else ""
        m.note(
            f"没有估算公益性岗位补贴：还需要{zh}{why_zh}。补贴按当地最低工资标准估算。",
            f"The public-welfare job subsidy is not estimated: it needs {en}{why_en}. It is estimated at the local minimum wage.",
        )
        return
    facts = {
        "registered_poor": True,
        "birth_date": birth.isoformat(),
        "has_disability_certificate": ctx.person.certificate(),
        "hard_to_place": True,
        "county": county,
        "start_date": ctx.day.isoformat(),
        "date": ctx.day.isoformat(),
    }
    result = _estimate(ctx, "public-welfare-job", facts)
    if result is None or "errors" in result or not result.get("eligible"):
        _no_estimate(m, result, "公益性岗位补贴", "public-welfare job subsidy")
        return
    total, months, area = result["total"], result["months"], result["area"]
    when = day_words(ctx.day)
    m.amount = _amount(
        total,
        "yuan",
        f"若{when['zh']}安置上岗，通知有效期内 {months} 个月，岗位补贴合计约 {_yuan(total)} 元：按{area['zh']}最低工资标准、"
        "全日制估算，实际补贴标准由县区确定。",
        f"If placed on {when['en']}: {months} months within the notice, about {_yuan(total)} yuan in all, estimated at the "
        f"{area['en']} minimum wage, full time; the county sets the actual subsidy.",
        "public-welfare-job",
    )
    m.amount["months"] = months
    m.amount["kind"] = "estimate"


def employment_partners(ctx: Context) -> Measure:
    """3 结对帮扶: working age and wants work; a transport subsidy where the county offers one."""
    m = ctx.measure(3)
    if not _prelude(m, ctx):
        return m
    _working_age(m, ctx)
    wish = ctx.person.fact("employment_wish")
    if wish is None:
        m.check("wants_work", None, "没有填写就业意愿。", "What work you want is not given.")
    elif wish == "none":
        m.check(
            "wants_work",
            False,
            "没有就业意愿；村和乡镇会上门宣传政策，有意愿时随时可以申请。",
            "No wish to work: the village and township will explain the policies; apply whenever you wish to work.",
        )
    else:
        label = WISH_LABELS[wish]
        m.check("wants_work", True, f"有就业意愿：{label['zh']}。", f"Wants to work: {label['en'][0].lower()}{label['en'][1:]}.")
    if m.status == NOT_ELIGIBLE:
        return m
    m.note(
        "可以参加定户动员、定向输出、定岗接收、定期跟踪的组织化转移就业和专场招聘会；需要时可认定为就业困难人员、领取《就业创业证》。",
        "Organised transfer into work (households mobilised, people sent to fixed jobs and followed up) and special job fairs; "
        "on request you can be recognised as a person with employment difficulties and get the Employment and Entrepreneurship "
        "Certificate.",
    )
    if wish == "outside_county":
        subsidy = ctx.params.value("employment_partners.transport_subsidy", ctx.day)
        figure = (
            (f"，标准 {_yuan(subsidy)} 元", f" of {_yuan(subsidy)} yuan")
            if subsidy is not None
            else ("，标准由县区确定", ", set by the county")
        )
        m.note(
            f"到县外就业的，有条件的县区可以给予交通补助{figure[0]}：您所在县区是否发放不知道，只是可能，请向县区人社部门确认。",
            f"For work outside the county, counties that are able may pay a transport subsidy{figure[1]}: whether yours does is "
            "not known, so it is only a possibility; ask the county HRSS bureau.",
        )
    if ctx.person.values.get("relocated"):
        m.note(
            "易地扶贫搬迁的，可以优先、平等享受迁入地的就业创业政策和服务。",
            "Relocated people get priority and equal access to the employment policies and services where they now live.",
        )
    return m


def _from_calculator(m: Measure, result: dict[str, Any], skip: tuple[str, ...]) -> None:
    """The measure's own calculator's decisive conditions, as this measure's (so both agree)."""
    for condition in result["explanation"]:
        if condition["decisive"] and condition["condition"] not in ("notice_in_force", *skip):
            m.check(condition["condition"], condition["met"], condition["zh"], condition["en"])


def guaranteed_loan(ctx: Context) -> Measure:
    """4 创业担保贷款: starting or running one's own business; conditions and limit from guaranteed-loan."""
    m = ctx.measure(4)
    if not _prelude(m, ctx):
        return m
    wish = ctx.person.fact("employment_wish")
    registered = ctx.person.values.get("business_registered_on")
    self_employed = wish == "self_employed" or registered is not None
    if self_employed:
        m.check("self_employed", True, "自主创业。", "Starting or running your own business.")
    elif wish is None:
        m.check(
            "self_employed",
            None,
            "没有填写就业意愿或个体工商户登记日期；担保贷款面向自主创业的人。",
            "Neither the work you want nor a business registration is given; the loan is for people starting their own business.",
        )
    else:
        m.check(
            "self_employed",
            False,
            "没有自主创业的打算；担保贷款面向自主创业的人。",
            "No plan to start your own business; the loan is for people who do.",
        )
    if m.status == NOT_ELIGIBLE:
        return m
    facts = {
        "applicant": "individual",
        "registered_poor": True,
        "self_employed": True if self_employed else None,
        "date": ctx.day.isoformat(),
    }
    result = _estimate(ctx, "guaranteed-loan", facts)
    if result is None or "errors" in result:
        _no_estimate(m, result, "创业担保贷款额度", "guaranteed loan limit")
        m.check("loan_conditions", None, "创业担保贷款的条件无法核对。", "The guaranteed loan's conditions could not be checked.")
        return m
    _from_calculator(m, result, ("registered_poor", "self_employed"))
    if result["outcome"] == NOT_ELIGIBLE:
        return m
    limit = result["limit"]
    if limit is None:
        m.note(
            "免反担保、免抵押，按规定贴息；个人额度、贴息和期限按省里规定，本通知没有规定，请向县区人社部门或经办银行咨询。",
            "No counter-guarantee and no collateral, with an interest subsidy as provided; the individual limit, subsidy and "
            "term are set by the provincial rules, not by this notice: ask the county HRSS bureau or the lending bank.",
        )
        return m
    m.amount = _amount(
        limit,
        "yuan",
        f"免反担保、免抵押的创业担保贷款，个人最高 {_yuan(limit)} 元（参考省级规定，不是本通知规定），按规定贴息。",
        f"A guaranteed loan with no counter-guarantee and no collateral, up to {_yuan(limit)} yuan for an individual "
        "(a reference to the provincial rules, not a figure of this notice), with an interest subsidy.",
        "guaranteed-loan",
    )
    m.amount["kind"] = "at_most"
    return m


def startup_subsidy(ctx: Context) -> Measure:
    """5 一次性创业补贴: a new individual business run normally long enough, where the county offers it."""
    m = ctx.measure(5)
    if not _prelude(m, ctx):
        return m
    registered = ctx.person.fact("business_registered_on")
    wish = ctx.person.values.get("employment_wish")
    if registered is None:
        months = ctx.params.value("startup.min_months_operating", ctx.day)
        if wish is not None and wish != "self_employed":
            m.check(
                "new_business",
                False,
                "没有新注册的个体工商户。",
                "No newly registered individual business.",
            )
            return m
        _working_age(m, ctx)
        m.check(
            "new_business",
            None,
            f"还没有填写个体工商户登记日期：新注册个体工商户并正常经营 {months} 个月以上的，才能申请。",
            f"No business registration date given: the subsidy is for a newly registered individual business run normally "
            f"for {months} months or more.",
        )
        return m
    if ctx.person.birth is None:
        _working_age(m, ctx)
        m.check(
            "birth_date_for_startup",
            None,
            "要判断登记个体工商户时是否在劳动年龄内，需要填写出生日期。",
            "To tell whether you were of working age when the business was registered, give your date of birth.",
        )
        return m
    ctx.person.assumed.add("operating_normally")
    facts = {
        "registered_poor": True,
        "birth_date": ctx.person.birth.isoformat(),
        "business_registered_on": registered.isoformat(),
        "operating_normally": True,
        "county": ctx.person.fact("county"),
        "date": ctx.day.isoformat(),
    }
    result = _estimate(ctx, "startup-subsidy", facts)
    if result is None or "errors" in result:
        _no_estimate(m, result, "一次性创业补贴", "start-up subsidy")
        m.check("startup_conditions", None, "一次性创业补贴的条件无法核对。", "The start-up subsidy's conditions could not be checked.")
        return m
    _from_calculator(m, result, ("registered_poor", "operating_normally"))  # its county_offers among them
    if result["outcome"] == NOT_ELIGIBLE:
        return m
    m.amount = _amount(result["amount"], "yuan", result["amount_words"]["zh"], result["amount_words"]["en"], "startup-subsidy")
    m.amount["kind"] = result["amount_kind"]
    return m


def training(ctx: Context) -> Measure:
    """6 免费培训: working age, able to work (fully or partly), wants training."""
    m = ctx.measure(6)
    if not _prelude(m, ctx):
        return m
    _working_age(m, ctx)
    _able(m, ctx, partly=True)
    wants = ctx.person.fact("wants_training")
    m.check(
        "wants_training",
        wants,
        {True: "希望参加职业技能培训。", False: "不想参加培训。", None: "没有填写是否希望参加培训。"}[wants],
        {True: "Wants vocational training.", False: "Does not want training.", None: "Not said whether you want training."}[wants],
    )
    if m.status == NOT_ELIGIBLE:
        return m
    days = ctx.params.value("training.flexible_max_days", ctx.day)
    m.note(
        f"培训免费，按本人意愿签订培训计划（田间课堂、培训大篷车等）；{days} 天以内的实用技能培训，有条件的县区可以执行灵活的"
        "培训补贴标准（是否执行、标准多少由县区确定），凭培训合格证书申请。",
        f"Training is free and planned around your wishes (classes in the fields, training caravans); for practical courses of "
        f"{days} days or less, counties that are able may use flexible subsidy rates (whether they do, and how much, is the "
        "county's choice), claimed with the training certificate.",
    )
    if ctx.person.values.get("sex") == "female":
        m.note(
            "“沂蒙红嫂”“沂蒙巧妹”等家政服务品牌培训尤其面向农村妇女。",
            "Training for the 'Yimeng Hongsao' and 'Yimeng Qiaomei' household-service brands is aimed at rural women in particular.",
        )
    return m


def college_graduates(ctx: Context) -> Measure:
    """7 三支一扶: college graduates, poor or not; staying on depends on years rated excellent."""
    m = ctx.measure(7)
    if not _prelude(m, ctx, poor_required=False):
        return m
    graduate = ctx.person.fact("college_graduate")
    m.check(
        "college_graduate",
        graduate,
        {True: "是高校毕业生，可报名“三支一扶”（不限于贫困家庭）。", False: "不是高校毕业生。", None: "没有填写是否高校毕业生。"}[graduate],
        {
            True: "A college graduate: may apply to the programme (not limited to poor households).",
            False: "Not a college graduate.",
            None: "Not said whether you are a college graduate.",
        }[graduate],
    )
    if graduate:
        years = ctx.params.value("talent.sanzhi_excellent_years", ctx.day)
        m.check(
            "excellent_service",
            None,
            f"服务期间连续 {years} 年考核优秀、原单位需要且本人愿意的，经考核可免笔试聘用：取决于服务表现。",
            f"Hired by assessment without a written exam after {years} consecutive years rated excellent, if the unit needs you "
            "and you wish: it depends on your service.",
        )
    return m


def technical_school(ctx: Context) -> Measure:
    """8 技工院校: students of suitable age from registered poor families."""
    m = ctx.measure(8)
    if not _prelude(m, ctx):
        return m
    student = ctx.person.fact("technical_school")
    if student:
        m.check("technical_school", True, "就读或报考技工院校。", "Studying at or applying to a technical school.")
        m.note(
            "技工院校定向招收的贫困家庭适龄学生，按国家规定享受免学费和国家助学金，由承担院校免除住宿费和教材费，并提供勤工俭学岗位；"
            "是否定向招收以学校为准。",
            "Students of suitable age from poor families whom technical schools recruit under this measure get free tuition and "
            "the national grant as the national rules provide, free accommodation and textbooks from the school, and work-study "
            "posts; the school says whether you are recruited so.",
        )
    elif student is False:
        m.check("technical_school", False, "不就读、不报考技工院校。", "Not studying at or applying to a technical school.")
    else:
        _, limit = conventions.working_age_bounds(ctx.params, ctx.day)
        past = ctx.person.age >= limit
        on = _on_day(ctx)
        m.check(
            "technical_school",
            False if past else None,
            f"没有填写是否就读或报考技工院校；{on['zh']} {ctx.person.age} 周岁，已不在适龄范围。"
            if past
            else "没有填写是否就读或报考技工院校。",
            f"Not said whether you study at or apply to a technical school; {on['en']}, aged {ctx.person.age}, this is no longer "
            "the age for it."
            if past
            else "Not said whether you study at or apply to a technical school.",
        )
    return m


def _severe_disability(person: Person, params: Parameters, day: dt.date) -> bool | None:
    """重度残疾: grades 1 to pension.severe_disability_max_grade (a reading); no certificate means no grade."""
    if person.certificate() is False:
        return False
    grade = person.fact("disability_grade")
    return None if grade is None else grade <= int(params.rule("pension.severe_disability_max_grade", day))


def pension_and_medical(ctx: Context) -> Measure:
    """9 养老、医疗: every registered poor person; the pension contribution for the severely disabled,
    the critical-illness boost estimated by critical-illness."""
    m = ctx.measure(9)
    if not _prelude(m, ctx):
        if ctx.params.in_notice(ctx.day) and ctx.person.values.get("critical_illness_costs") is not None:
            base = _estimate(ctx, "critical-illness", _illness_facts(ctx, poor=False))
            if base is not None and "errors" not in base and base["insured_medical"] is not False:
                known = base["insured_medical"] is True
                if_zh = "" if known else "如已参加居民基本医疗保险，"
                if_en = "C" if known else "If you are insured in the residents' medical insurance, c"
                m.note(
                    f"{if_zh}大病保险按一般标准约支付 {_yuan(base['amount'])} 元（不享受贫困人口的倾斜）。",
                    f"{if_en}ritical-illness insurance pays about {_yuan(base['amount'])} yuan under the standard schedule "
                    "(without the higher payments for poor people).",
                )
        return m
    # The registered poor household is the condition (checked above); what the measure gives is a note.
    m.note(
        "建档立卡贫困人口实施全民参保登记；符合条件的参加居民基本医疗保险，个人缴费部分由各级财政补贴（具体条件按当地规定）；"
        "参保居民的大病保险起付标准减半、各段支付比例提高、年度最高支付限额提高。",
        "Registered poor people are all to be enrolled; for those who meet the local conditions, the individual contribution "
        "to the residents' medical insurance is subsidised; for insured residents, critical-illness insurance halves the "
        "deductible, raises each payment rate and raises the yearly cap.",
    )
    pension = conventions.pension_age(ctx.params, ctx.day)
    low, _ = conventions.working_age_bounds(ctx.params, ctx.day)
    age = ctx.person.age
    tier = None
    if age >= pension:
        on = _on_day(ctx)
        m.check(
            "pension_paid",
            True,
            f"{on['zh']} {age} 周岁，已到 {pension} 周岁领取年龄。",
            f"{on['en']}, aged {age}: at or past the pension age of {pension}.",
        )
        m.note(
            "居民基本养老保险基础养老金按时足额发放。", "The basic pension of the residents' pension insurance is paid in full and on time."
        )
    else:
        severe = _severe_disability(ctx.person, ctx.params, ctx.day)
        contributes = age >= low  # residents contribute from the lower working-age bound (our reading)
        if severe and contributes:
            tier = ctx.params.value("pension.lowest_tier", ctx.day)
            figure = (
                (
                    f"（参考 {_yuan(tier)} 元/年，不是本通知规定的数额）",
                    f" (for reference {_yuan(tier)} yuan a year, not a figure of this notice)",
                )
                if tier is not None
                else ("（档次数额按省里规定）", " (the tier's amount is the province's)")
            )
            worst = int(ctx.params.rule("pension.severe_disability_max_grade", ctx.day))
            m.check(
                "severe_disability",
                True,
                f"重度残疾（残疾等级在 {worst} 级以内，本站的测算口径）。",
                f"Severely disabled (a disability grade of {worst} or more severe: this site's reading).",
            )
            m.note(
                f"政府全额代缴居民基本养老保险最低标准的养老保险费{figure[0]}。",
                f"The government pays the lowest tier of the residents' pension contribution in full{figure[1]}.",
            )
        elif severe is None:
            worst = int(ctx.params.rule("pension.severe_disability_max_grade", ctx.day))
            m.note(
                f"残疾等级在 {worst} 级以内的（本站对“重度残疾”的测算口径），政府全额代缴最低标准的养老保险费；请填写残疾等级。",
                f"With a disability grade of {worst} or more severe (this site's reading of 'severe disability'), the government "
                "pays the lowest pension tier in full; give the grade.",
            )
    insured_pension, insured_medical = ctx.person.fact("insured_pension"), ctx.person.fact("insured_medical")
    if insured_pension is not True and age < pension:
        m.note(
            "还没有参加居民基本养老保险：请到乡镇人社所办理参保。"
            if insured_pension is False
            else "还没有参加居民基本养老保险的，请到乡镇人社所办理参保。",
            "Not insured in the residents' pension: enrol at the township HRSS office."
            if insured_pension is False
            else "If you are not yet insured in the residents' pension, enrol at the township HRSS office.",
        )
    # Left unanswered when asked (there are costs), the assumptions say it; never asked, it is advice.
    if insured_medical is False or (insured_medical is None and ctx.person.values.get("critical_illness_costs") is None):
        m.note(
            ("还没有参加居民基本医疗保险：" if insured_medical is False else "还没有参加居民基本医疗保险的，")
            + "请到乡镇人社所办理参保，个人缴费由财政补贴；参保后才能享受大病保险对贫困人口的倾斜。",
            (
                "Not insured in the residents' medical insurance: "
                if insured_medical is False
                else "If you are not yet insured in the residents' medical insurance, "
            )
            + "enrol at the township HRSS office; your contribution is subsidised, and the higher critical-illness payments "
            "for poor people need that insurance.",
        )
    if ctx.person.fact("critical_illness_costs") is not None:
        _illness_estimate(m, ctx)
    if m.amount is None and tier is not None:
        m.amount = _amount(
            tier,
            "yuan-per-year",
            f"政府代缴最低档次养老保险费，参考 {_yuan(tier)} 元/年（参考省级规定，不是本通知规定的数额）。",
            f"The government pays the lowest pension tier, for reference {_yuan(tier)} yuan a year (a provincial figure, not "
            "one of this notice).",
        )
        m.amount["kind"] = "reference"
    return m


def _illness_facts(ctx: Context, poor: bool) -> dict[str, Any]:
    costs = ctx.person.values["critical_illness_costs"]
    return {
        "eligible_costs": str(costs),
        "registered_poor": poor,
        "insured_medical": ctx.person.values.get("insured_medical"),
        "date": ctx.day.isoformat(),
    }


def _illness_estimate(m: Measure, ctx: Context) -> None:
    """The critical-illness payment for a registered poor person, and what the boost adds."""
    poor = _estimate(ctx, "critical-illness", _illness_facts(ctx, poor=True))
    base = _estimate(ctx, "critical-illness", _illness_facts(ctx, poor=False))
    if poor is None or "errors" in poor or base is None or "errors" in base:
        _no_estimate(m, poor if poor is None or "errors" in poor else base, "大病保险报销", "critical-illness payment")
        return
    if poor["insured_medical"] is False:
        m.note(
            "没有参加居民基本医疗保险的，居民大病保险不支付，也没有贫困人口的倾斜；参保后才能享受。",
            "Without the residents' medical insurance, critical-illness insurance pays nothing, nor the higher payments for "
            "poor people; they apply once you are insured.",
        )
        return
    extra = Decimal(str(poor["amount"])) - Decimal(str(base["amount"]))
    if poor["insured_medical"] is None:
        zh = (
            f"如已参加居民基本医疗保险：大病保险约支付 {_yuan(poor['amount'])} 元，比一般标准（{_yuan(base['amount'])} 元）多 "
            f"{_yuan(extra)} 元；没有参保的不支付。"
        )
        en = (
            f"If you are insured in the residents' medical insurance: critical-illness insurance pays about {_yuan(poor['amount'])} "
            f"yuan, {_yuan(extra)} yuan more than the standard schedule ({_yuan(base['amount'])} yuan); if not insured, nothing."
        )
    else:
        zh = f"大病保险约支付 {_yuan(poor['amount'])} 元，比一般标准（{_yuan(base['amount'])} 元）多 {_yuan(extra)} 元。"
        en = (
            f"Critical-illness insurance pays about {_yuan(poor['amount'])} yuan, {_yuan(extra)} yuan more than the standard "
            f"schedule ({_yuan(base['amount'])} yuan)."
        )
    m.amount = _amount(poor["amount"], "yuan", zh, en, "critical-illness")
    m.amount["extra"] = money(extra)
    m.amount["standard"] = money(base["amount"])
    m.amount["kind"] = poor["amount_kind"]


def relocated(ctx: Context) -> Measure:
    """10 易地搬迁: relocated poor households keep their insurance and its years."""
    m = ctx.measure(10)
    if not _prelude(m, ctx):
        return m
    moved = ctx.person.fact("relocated")
    m.check(
        "relocated",
        moved,
        {
            True: "是易地扶贫搬迁人口。",
            False: "不是易地扶贫搬迁人口。",
            None: "没有填写是否易地扶贫搬迁。",
        }[moved],
        {
            True: "Relocated for poverty alleviation.",
            False: "Not relocated for poverty alleviation.",
            None: "Not said whether you were relocated for poverty alleviation.",
        }[moved],
    )
    if moved:
        m.note(
            "养老、医疗保险关系随迁转移接续，原参保地的缴费年限累计计算。",
            "Your pension and medical insurance move with you, and the years paid at the old place all count.",
        )
    return m


MEASURES = (
    workshop,
    public_welfare_job,
    employment_partners,
    guaranteed_loan,
    startup_subsidy,
    training,
    college_graduates,
    technical_school,
    pension_and_medical,
    relocated,
)


# --- the answer ---------------------------------------------------------------------------


def _person(values: dict[str, Any], day: dt.date, why: Explanation) -> Person:
    """Age on the day: from the birth date when given (it wins over an age), else the age."""
    birth, age = values.get("birth_date"), values.get("age")
    if birth is None and age is None:
        raise InputError(
            "birth_date",
            text("请填写出生日期或年龄（周岁），两者填一项即可。", "Please give a date of birth or an age in whole years (either one)."),
        )
    if values.get("has_disability_certificate") is False and values.get("disability_grade") is not None:
        raise InputError(
            "disability_grade",
            text(
                "填写了残疾等级，但又选择了没有残疾证：等级写在残疾证上，请改正其中一项。",
                "A disability grade was given, but no disability certificate: the grade is on the certificate, so please correct one of the two.",
            ),
        )
    if birth is None:
        return Person(values, age, None)
    if birth > day:
        raise InputError(
            "birth_date",
            text(
                f"出生日期{day_words(birth)['zh']}晚于计算日{day_words(day)['zh']}，请检查。",
                f"The date of birth, {day_words(birth)['en']}, is after the date used, {day_words(day)['en']}: please check it.",
            ),
        )
    years = age_on(birth, day)
    if age is not None:
        when = day_words(day)
        why.note(
            f"同时填写了出生日期和年龄，按出生日期计算：{when['zh']}时 {years} 周岁"
            + ("。" if years == age else f"（填写的年龄是 {age} 周岁）。"),
            f"Both a date of birth and an age were given; the date of birth is used: aged {years} on {when['en']}"
            + ("." if years == age else f" (the age given was {age})."),
        )
    return Person(values, years, birth)


def _check_county(values: dict[str, Any], params: Parameters) -> None:
    """An unknown county is an input error here, not a silent 'no estimate' later."""
    if values.get("county") and conventions.find_area(values["county"], params) is None:
        zh, en = conventions.area_names(params)
        raise InputError(
            "county",
            text(
                f"“{values['county']}”不是临沂市的县区。请填写以下之一：{zh}。",
                f"'{values['county']}' is not a district or county of Linyi. Use one of: {en}.",
            ),
        )


def _assumptions(person: Person, values: dict[str, Any], used: DateUsed, params: Parameters) -> list[dict[str, Any]]:
    """What the answer assumed for a question asked and left unanswered (not for one never asked)."""
    inputs = {f.name for f in INPUTS}
    listed = [
        {"input": name, **words}
        for name, words in ASSUMED.items()
        if name in person.assumed and (name not in inputs or was_asked(name, values, person.age, params, used.day))
    ]
    if values.get("date") is None:
        listed.insert(0, {"input": "date", **used.words})
    return listed


def compute(values: dict[str, Any], params: Parameters, used: DateUsed) -> dict[str, Any]:
    """Check the ten measures in order, then sum up: eligible if any is, else possibly if any is."""
    why = Explanation()
    person = _person(values, used.day, why)
    _check_county(values, params)
    ctx = Context(person, params, used, why)
    if not history_first(why, params, used, CLAUSE) and why.conditions:
        first = why.conditions[0]
        why.notes.insert(0, text(first["zh"], first["en"]))  # the self-check page shows the notes, not the conditions
    in_force = params.in_notice(used.day)
    period, when = period_words(params), day_words(used.day)
    why.check(
        "notice_in_force",
        in_force,
        CLAUSE,
        f"{when['zh']}在通知有效期（{period['zh']}）内。"
        if in_force
        else f"{when['zh']}不在通知有效期（{period['zh']}）内，通知的各项措施都不适用。",
        f"{when['en']} is within the notice's period in force ({period['en']})."
        if in_force
        else f"{when['en']} is outside the notice's period in force ({period['en']}): none of its measures applies.",
    )
    if not in_force:
        why.note(
            f"现行政策请咨询县区人社部门或拨打 {HOTLINE}。", f"Ask the county HRSS bureau or call {HOTLINE} about the rules that apply now."
        )
    elif not person.poor:
        _not_poor_note(why)
    measures = [measure(ctx) for measure in MEASURES]
    counts = {status: sum(m.status == status for m in measures) for status in (ELIGIBLE, POSSIBLY, NOT_ELIGIBLE)}
    outcome = ELIGIBLE if counts[ELIGIBLE] else POSSIBLY if counts[POSSIBLY] else NOT_ELIGIBLE
    return finish(
        CALCULATOR.name,
        outcome,
        used,
        why,
        params,
        age=person.age,
        age_from="birth_date" if person.birth is not None else "age",
        measures=[m.as_json(params) for m in measures],
        counts=counts,
        eligible_measures=[m.number for m in measures if m.status == ELIGIBLE],
        possibly_measures=[m.number for m in measures if m.status == POSSIBLY],
        assumptions=_assumptions(person, values, used, params),
    )


CALCULATOR = Calculator(
    page="self-check",
    name="eligibility",
    title=text("我能享受哪些政策：自查", "What help can I get? A self-check"),
    clause=CLAUSE,
    inputs=INPUTS,
    compute=compute,
    summary=text(
        "回答几个问题，看看通知的十项措施中哪些符合、哪些可能符合，能估算的给出金额，并说明到哪里申请。",
        "Answer a few questions to see which of the notice's ten measures apply or may apply, with amounts where they can be "
        "estimated and where to apply.",
    ),
    outputs=(
        ("eligible_measures", text("符合条件的措施", "Measures that apply")),
        ("possibly_measures", text("可能符合的措施", "Measures that may apply")),
    ),
)
