"""精准识别卡 — the identification card (Attachment 2), checked and classified.

Township and county staff fill one card per registered poor person. This calculator checks the
card the way a careful clerk would: the ID number (GB 11643-1999: length, birth date, check
character), that the sex agrees with it, the phone numbers, the address county and the card's
choices; then it derives the age and the card's category (劳动年龄内有劳动能力 / 无劳动能力 /
非劳动年龄, Attachment 1) and the recommended measures. The measures come from the self-check
(`eligibility`, run through core.calculator.run) on the card's facts, never from a second copy
of the rules. A valid card's outcome is always "eligible": this is a validation and
classification tool, not a decision on any measure.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..core.calculator import DATE, REGISTERED_POOR, Calculator, run
from ..core.dates import age_on
from ..core.explain import DateUsed, Explanation, finish
from ..core.inputs import Field, Option
from ..core.parameters import Parameters
from ..core.text import Text, text
from . import conventions, eligibility
from .classification import category

CLAUSE = "att2-identification-card"
FLOWCHART = "att1-flowchart"

# GB 11643-1999: weights of the first 17 digits, and the check character for each sum mod 11.
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"
ID_LENGTH = 18
OLD_LINYI_PREFIX = "3728"  # 临沂地区, before it became 临沂市 (codes 3713xx) in 1994
EARLIEST_BIRTH_YEAR = 1900  # an earlier year in an ID number is a typing error, not a person
DIGITS = "0123456789"
# Clerks often type with a Chinese input method: full-width digits, Ｘ and the ideographic space.
FULL_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘ　", "0123456789Xx ")

MOBILE = re.compile(r"1[3-9]\d{9}")
LANDLINE = re.compile(r"0\d{2,3}\d{7,8}")  # area code (e.g. 0539, Linyi) and number

SEXES = (Option("male", text("男", "Male")), Option("female", text("女", "Female")))
SEX_LABELS = {o.value: o.label for o in SEXES}
EDUCATION = (
    Option("junior_or_below", text("初中及以下", "Junior secondary or below")),
    Option("senior_high", text("高中", "Senior high school")),
    Option("vocational_graduate", text("大中专、技校、职校毕业生", "Graduate of a college, secondary or vocational school")),
    Option("college_or_above", text("大学及以上", "University or above")),
)
HEALTH = (
    Option("healthy", text("健康", "Healthy")),
    Option("fair", text("一般", "Fair")),
    Option("weak", text("体弱", "Frail")),
    Option("serious_illness", text("有重病", "Seriously ill")),
    Option("disabled", text("有残疾", "Disabled")),
    Option("lost_ability", text("丧失劳动能力", "Unable to work")),
)
HEALTH_LABELS = {o.value: o.label for o in HEALTH}
SKILLS = (
    Option("none", text("无", "None")),
    Option("junior", text("初级技工", "Junior skilled worker")),
    Option("intermediate", text("中级技工", "Intermediate skilled worker")),
    Option("senior", text("高级技工", "Senior skilled worker")),
    Option("technician", text("技师", "Technician")),
    Option("senior_technician", text("高级技师", "Senior technician")),
)
CAUSES = (
    Option("illness", text("因病", "Illness")),
    Option("disability", text("因残", "Disability")),
    Option("schooling", text("因学", "Schooling costs")),
    Option("disaster", text("因灾", "Disaster")),
    Option("no_land", text("缺土地", "Lack of land")),
    Option("no_water", text("缺水", "Lack of water")),
    Option("no_skills", text("缺技术", "Lack of skills")),
    Option("no_labour", text("缺劳力", "Lack of labour")),
    Option("no_funds", text("缺资金", "Lack of funds")),
    Option("poor_transport", text("交通条件落后", "Poor transport")),
    Option("no_motivation", text("自身发展动力不足", "Lack of motivation")),
    Option("other", text("其它", "Other")),
)
INSURANCE = (
    Option("residents_pension", text("居民基本养老保险", "Residents' basic pension insurance")),
    Option("residents_medical", text("居民基本医疗保险", "Residents' basic medical insurance")),
    Option(
        "employee_five",
        text(
            "职工基本养老、基本医疗、失业、工伤、生育保险", "Employees' pension, medical, unemployment, work-injury and maternity insurance"
        ),
    ),
)
ABILITY = (
    Option("yes", text("有劳动能力", "Yes")),
    Option("partly", text("部分丧失劳动能力", "Partly")),
    Option("no", text("无劳动能力", "No")),
)
ABILITY_LABELS = {o.value: o.label for o in ABILITY}
# The card's health answer read as ability to work when the clerk did not say (our reading).
ABILITY_FROM_HEALTH = {"lost_ability": "no", "disabled": "partly", "serious_illness": "partly"}

CATEGORIES = {
    "working_able": text("劳动年龄内有劳动能力人口", "Of working age and able to work"),
    "working_unable": text("劳动年龄内无劳动能力人口", "Of working age and unable to work"),
    "non_working_age": text("非劳动年龄人口", "Outside working age"),
}
# 三支一扶 is for college graduates: only the card's top education answer says so for certain
# (大中专 mixes college and secondary-school graduates, so it settles nothing).
GRADUATE_FROM_EDUCATION = {"junior_or_below": False, "senior_high": False, "college_or_above": True}


def _text_field(name: str, zh: str, en: str, max_length: int = 60, **more: Any) -> Field:
    return Field(name, "text", text(zh, en), max_length=max_length, **more)


INPUTS = (
    _text_field("code", "编码", "Card code", 40),
    _text_field("name", "姓名", "Name", 30, required=True),
    Field("sex", "choice", text("性别", "Sex"), options=SEXES, required=True),
    _text_field(
        "id_number",
        "身份证号码",
        "ID card number",
        40,
        required=True,
        help=text(
            "18 位公民身份号码，最后一位可以是 X（小写 x 也可以）；空格不影响。",
            "The 18-character citizen ID number; the last may be X (a lowercase x is fine); spaces are ignored.",
        ),
    ),
    _text_field("poverty_card_number", "扶贫卡编号", "Poverty card number", 40),
    _text_field(
        "phone",
        "联系电话",
        "Contact phone",
        30,
        required=True,
        help=text("11 位手机号码，可以带 +86。", "An 11-digit mobile number, +86 allowed."),
    ),
    _text_field("address_city", "户籍地址：市", "Registered address: city"),
    _text_field(
        "address_county",
        "户籍地址：县（区）",
        "Registered address: county (district)",
        help=text("临沂市的县、区或开发区，例如 沂南县、兰山、371302。", "A county, district or zone of Linyi, e.g. Yinan, 兰山, 371302."),
    ),
    _text_field("address_town", "户籍地址：街道（乡镇）", "Registered address: subdistrict (township)"),
    _text_field("address_village", "户籍地址：社区（村）", "Registered address: community (village)"),
    _text_field("household_book_number", "户口本编号", "Household register number", 40),
    Field("education", "choice", text("文化程度", "Education"), options=EDUCATION),
    Field("health", "choice", text("健康状况", "Health"), options=HEALTH),
    Field("skill_level", "choice", text("技能水平", "Skill level"), options=SKILLS),
    Field("poverty_causes", "multi", text("主要致贫原因（复选）", "Main causes of poverty (several)"), options=CAUSES),
    _text_field("poverty_cause_other", "其它致贫原因", "Other cause of poverty", 100),
    Field("employment_wish", "choice", text("就业情况", "Employment"), options=eligibility.WISHES),
    Field("training_wish", "bool", text("培训情况：有培训意愿", "Training: wants training")),
    _text_field("training_project", "培训项目", "Training course", 100),
    Field("insurance", "multi", text("社保状况", "Social insurance"), options=INSURANCE),
    Field("insured", "bool", text("已参保", "Insured")),
    Field(
        "able_to_work",
        "choice",
        text("劳动能力", "Able to work?"),
        options=ABILITY,
        help=text(
            "不填则按健康状况推定：丧失劳动能力为无，有残疾或有重病为部分丧失，其他为有。",
            "Left empty, it is read from health: unable to work → no; disabled or seriously ill → partly; otherwise yes.",
        ),
    ),
    Field("has_disability_certificate", "bool", text("是否持有残疾证", "Holds a disability certificate?")),
    Field("disability_grade", "int", text("残疾等级", "Disability grade"), minimum=1, maximum=4),
    Field("hard_to_place", "bool", text("是否通过市场渠道确实难以实现就业", "Has the job market failed to place them?")),
    dataclasses.replace(
        REGISTERED_POOR,
        required=False,
        default=True,
        help=text(
            "本卡为建档立卡农村贫困人口填写，默认为“是”。", "The card is for registered rural poor people: yes unless said otherwise."
        ),
    ),
    _text_field("helper_unit", "帮扶单位名称", "Helping unit", 100),
    _text_field("helper_person", "责任人", "Person responsible", 30),
    _text_field("helper_contact", "联系人", "Contact person", 30),
    _text_field("helper_phone", "帮扶责任：联系电话", "Helping unit: phone", 30),
    Field(
        "help_records",
        "rows",
        text("帮扶措施及效果", "Help given and its effect"),
        maximum=100,
        rows=(
            Field("date", "date", text("时间", "Date"), required=True),
            _text_field("measure", "措施", "Measure", 200, required=True),
            _text_field("effect", "效果", "Effect", 200),
            _text_field("executor", "执行人", "Carried out by", 30),
        ),
    ),
    _text_field("filled_by", "填表人", "Filled in by", 30),
    _text_field("filled_by_phone", "填表人联系电话", "Filled in by: phone", 30),
    Field("signed", "bool", text("贫困人口签字", "Signed by the person")),
    Field("card_date", "date", text("建卡时间", "Card date")),
    DATE,
)
LABELS: dict[str, Text] = {f.name: f.label for f in INPUTS}


class CardError(ValueError):
    """One field of the card is wrong; `message` says what, in both languages."""

    def __init__(self, message: Text):
        super().__init__(message["en"])
        self.message = message


def _field_error(name: str, zh: str, en: str) -> Text:
    """An error that names the field as the paper card does, so a clerk finds the box."""
    label = LABELS[name]
    return text(f"【{label['zh']}】{zh}", f"{label['en']} ({label['zh']}): {en}")


# --- the ID number (GB 11643-1999) ---------------------------------------------------------


@dataclass(frozen=True)
class IdNumber:
    """A valid 18-character ID number, taken apart."""

    number: str
    area_code: str
    birth: dt.date
    sequence: str
    check: str
    weighted_sum: int

    @property
    def sex(self) -> str:
        """The sequence's last digit: odd for men, even for women."""
        return "male" if int(self.sequence[-1]) % 2 else "female"


def normalise_id_number(raw: str) -> str:
    """Spaces dropped, full-width characters made ASCII, a lowercase x made X."""
    return "".join(raw.translate(FULL_WIDTH).split()).upper()


def weighted_sum(first17: str) -> int:
    return sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS, strict=True))


def check_character(first17: str) -> str:
    """The 18th character for these 17 digits: Σ digit × weight, mod 11, indexes "10X98765432"."""
    if len(first17) != ID_LENGTH - 1 or any(c not in DIGITS for c in first17):
        raise ValueError(f"17 digits expected, got {first17!r}")
    return CHECK_CHARACTERS[weighted_sum(first17) % 11]


def _birth_date(digits: str) -> dt.date | None:
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def _birth_problems(digits: str, not_after: dt.date, limit_label: Text) -> list[Text]:
    """What is wrong with the birth date in positions 7–14 (none when it is a real, past day)."""
    birth = _birth_date(digits)
    if birth is None:
        return [
            text(
                f"第 7–14 位的出生日期 {digits} 不是真实的日期（年 {digits[:4]}、月 {digits[4:6]}、日 {digits[6:8]}）。",
                f"the birth date in positions 7–14, {digits}, is not a real date (year {digits[:4]}, month {digits[4:6]}, "
                f"day {digits[6:8]}).",
            )
        ]
    if birth.year < EARLIEST_BIRTH_YEAR:
        return [
            text(
                f"第 7–14 位的出生日期 {birth.isoformat()} 早于 {EARLIEST_BIRTH_YEAR} 年，应是输入错误。",
                f"the birth date in positions 7–14, {birth.isoformat()}, is before {EARLIEST_BIRTH_YEAR}: a typing error.",
            )
        ]
    if birth > not_after:
        return [
            text(
                f"第 7–14 位的出生日期 {birth.isoformat()} 晚于{limit_label['zh']} {not_after.isoformat()}。",
                f"the birth date in positions 7–14, {birth.isoformat()}, is after the {limit_label['en']}, {not_after.isoformat()}.",
            )
        ]
    return []


def parse_id_number(raw: str, not_after: dt.date, limit_label: Text | None = None) -> IdNumber:
    """Take an ID number apart, or raise CardError saying precisely what is wrong: the length,
    which characters are not digits, an impossible or future birth date, the check character
    (with the one expected). `not_after` is the latest possible birth date."""
    limit_label = limit_label or text("计算日", "date used")
    number = normalise_id_number(raw)
    if len(number) != ID_LENGTH:
        old = (
            ("这是旧的 15 位号码，请填写现行的 18 位号码。", " This is an old 15-digit number: enter the current 18-character one.")
            if len(number) == 15 and all(c in DIGITS for c in number)
            else ("", "")
        )
        raise CardError(
            _field_error(
                "id_number",
                f"应为 18 位，现在是 {len(number)} 位。{old[0]}",
                f"must have 18 characters; this one has {len(number)}.{old[1]}",
            )
        )
    wrong = [(i + 1, c) for i, c in enumerate(number[:17]) if c not in DIGITS]
    if wrong:
        where = "、".join(f"第 {i} 位“{c}”" for i, c in wrong)
        where_en = ", ".join(f"position {i} ('{c}')" for i, c in wrong)
        raise CardError(
            _field_error("id_number", f"前 17 位只能是数字，{where}不是数字。", f"the first 17 must be digits; {where_en} is not.")
        )
    if number[17] not in DIGITS + "X":
        raise CardError(
            _field_error(
                "id_number",
                f"第 18 位（校验码）只能是数字或 X，现在是“{number[17]}”。",
                f"the 18th character (the check character) must be a digit or X, not '{number[17]}'.",
            )
        )
    problems = _birth_problems(number[6:14], not_after, limit_label)
    expected = check_character(number[:17])
    if number[17] != expected:
        problems.append(
            text(
                f"第 18 位校验码应为 {expected}，现在是 {number[17]}（可能有一位数字输错或两位数字颠倒）。",
                f"the check character (18th) should be {expected}, not {number[17]} (a digit may be mistyped or two swapped).",
            )
        )
    if problems:
        raise CardError(
            _field_error("id_number", "".join(p["zh"] for p in problems), "; ".join(p["en"].rstrip(".") for p in problems) + ".")
        )
    birth = _birth_date(number[6:14])
    assert birth is not None  # _birth_problems found none
    return IdNumber(number, number[:6], birth, number[14:17], number[17], weighted_sum(number[:17]))


def area_of_code(code: str, params: Parameters) -> dict[str, Any] | None:
    """The current Linyi county or district with this area code (policy/areas.yaml)."""
    return next((a for a in params.areas if a.get("code") == code), None)


def is_linyi_code(code: str, params: Parameters) -> bool:
    """A current Linyi county code, or any old 临沂地区 code (3728xx): people born before 1994
    keep the code of their first registration for life."""
    return area_of_code(code, params) is not None or code.startswith(OLD_LINYI_PREFIX)


# --- phone numbers ---------------------------------------------------------------------------


def validate_phone(raw: str, name: str, landline: bool = False) -> str:
    """The number as 11 digits (or a landline with its area code, where `landline`), or
    CardError. Spaces, hyphens and a +86 / 86 prefix are allowed."""
    cleaned = re.sub(r"[\s\-()（）]", "", raw.translate(FULL_WIDTH))
    if cleaned.startswith("+86"):
        cleaned = cleaned[3:]
    elif cleaned.startswith("86") and len(cleaned) == 13:
        cleaned = cleaned[2:]
    if MOBILE.fullmatch(cleaned) or (landline and LANDLINE.fullmatch(cleaned)):
        return cleaned
    if any(c not in DIGITS for c in cleaned):
        return _phone_error(
            name, "只能包含数字（可以带 +86、空格和连字符）", "may contain only digits (+86, spaces and hyphens are allowed)"
        )
    if len(cleaned) != 11:
        return _phone_error(
            name, f"手机号码应为 11 位，现在是 {len(cleaned)} 位", f"a mobile number has 11 digits; this one has {len(cleaned)}"
        )
    return _phone_error(name, "手机号码应以 13–19 开头", "a mobile number starts with 13 to 19")


def _phone_error(name: str, zh: str, en: str) -> str:
    raise CardError(_field_error(name, f"{zh}。", f"{en}."))


# --- the card's answers ------------------------------------------------------------------------


def derive_able_to_work(values: dict[str, Any]) -> tuple[str | None, str]:
    """(ability, where it came from): the clerk's answer; else read from the health answer
    (丧失劳动能力 → no; 有残疾, 有重病 → partly; 健康, 一般, 体弱 → yes); else not known."""
    given = values.get("able_to_work")
    if given is not None:
        return given, "input"
    health = values.get("health")
    if health is None:
        return None, "unknown"
    return ABILITY_FROM_HEALTH.get(health, "yes"), "health"


def insured_in(values: dict[str, Any]) -> tuple[bool | None, bool | None]:
    """(residents' pension, residents' medical) as the self-check asks them. The employees'
    five insurances cover pension and medical care, so the residents' advice does not apply."""
    chosen, insured = values.get("insurance") or [], values.get("insured")
    if insured is False:
        return False, False
    if not chosen:
        return None, None
    employee = "employee_five" in chosen
    return "residents_pension" in chosen or employee, "residents_medical" in chosen or employee


def _consistency_errors(values: dict[str, Any]) -> dict[str, Text]:
    """Answers the paper card would not allow together."""
    errors: dict[str, Text] = {}
    if values.get("insured") is False and values.get("insurance"):
        errors["insurance"] = _field_error(
            "insurance", "勾选了险种，但同时勾选了“未参保”。", "insurance schemes are ticked, but so is 'not insured'."
        )
    if values.get("training_project") and values.get("training_wish") is False:
        errors["training_project"] = _field_error(
            "training_project", "填写了培训项目，但勾选了“无培训意愿”。", "a course is given, but 'no wish for training' is ticked."
        )
    causes = values.get("poverty_causes") or []
    if "other" in causes and not values.get("poverty_cause_other"):
        errors["poverty_cause_other"] = _field_error(
            "poverty_cause_other", "勾选了“其它”，请写明原因。", "'other' is ticked: say what it is."
        )
    if values.get("poverty_cause_other") and "other" not in causes:
        errors["poverty_causes"] = _field_error(
            "poverty_causes", "填写了其它致贫原因，请同时勾选“其它”。", "another cause is written: tick 'other' as well."
        )
    if values.get("disability_grade") is not None and values.get("has_disability_certificate") is False:
        errors["disability_grade"] = _field_error(
            "disability_grade", "填写了残疾等级，但选择了未持有残疾证。", "a grade is given, but no disability certificate is held."
        )
    return errors


@dataclass
class Card:
    """What the checks established, for the derivations and the answer."""

    id: IdNumber
    phone: str
    county: dict[str, Any] | None
    phones: dict[str, str]


def _latest_birth(values: dict[str, Any], day: dt.date) -> tuple[dt.date, Text]:
    card_date = values.get("card_date")
    if card_date is not None and card_date < day:
        return card_date, text("建卡时间", "card date")
    return day, text("计算日", "date used")


def check_card(values: dict[str, Any], params: Parameters, day: dt.date) -> tuple[Card | None, dict[str, Text]]:
    """Every field check that needs more than its declaration; all errors at once, so a clerk
    fixes the card in one pass."""
    errors = _consistency_errors(values)
    id_number: IdNumber | None = None
    try:
        id_number = parse_id_number(values["id_number"], *_latest_birth(values, day))
    except CardError as error:
        errors["id_number"] = error.message
    if id_number is not None and id_number.sex != values["sex"]:
        given, implied = SEX_LABELS[values["sex"]], SEX_LABELS[id_number.sex]
        errors["sex"] = _field_error(
            "sex",
            f"填写为“{given['zh']}”，但身份证号码 {id_number.number} 第 17 位 {id_number.sequence[-1]} "
            f"为{'奇数' if id_number.sex == 'male' else '偶数'}，应为“{implied['zh']}”。请核对性别或身份证号码。",
            f"'{given['en']}' is given, but digit 17 of the ID number {id_number.number}, {id_number.sequence[-1]}, is "
            f"{'odd' if id_number.sex == 'male' else 'even'}, which means '{implied['en']}'. Check the sex or the ID number.",
        )
    phones: dict[str, str] = {}
    for name, landline in (("phone", False), ("helper_phone", True), ("filled_by_phone", True)):
        if values.get(name):
            try:
                phones[name] = validate_phone(values[name], name, landline)
            except CardError as error:
                errors[name] = error.message
    county = None
    if values.get("address_county"):
        county = conventions.find_area(values["address_county"], params)
        if county is None:
            zh, en = conventions.area_names(params)
            errors["address_county"] = _field_error(
                "address_county",
                f"“{values['address_county']}”不是临沂市的县区。请填写以下之一：{zh}。",
                f"'{values['address_county']}' is not a district or county of Linyi. Use one of: {en}.",
            )
    if errors or id_number is None:
        return None, errors
    return Card(id_number, phones["phone"], county, phones), {}


# --- explaining the checks -----------------------------------------------------------------------


def explain_id_number(why: Explanation, card: Card, params: Parameters, day: dt.date) -> None:
    number = card.id
    why.check(
        "id_format",
        True,
        CLAUSE,
        f"身份证号码 {number.number} 为 18 位，前 17 位均为数字。",
        f"The ID number {number.number} has 18 characters, the first 17 digits.",
    )
    why.check(
        "id_birth_date",
        True,
        CLAUSE,
        f"第 7–14 位的出生日期 {number.birth.isoformat()} 是真实的日期，不晚于 {day.isoformat()}。",
        f"The birth date in positions 7–14, {number.birth.isoformat()}, is a real date, not after {day.isoformat()}.",
    )
    remainder = number.weighted_sum % 11
    why.check(
        "id_check_character",
        True,
        CLAUSE,
        f"校验码（GB 11643-1999）：前 17 位加权和 {number.weighted_sum}，除以 11 余 {remainder}，对应 {number.check}，与第 18 位一致。",
        f"Check character (GB 11643-1999): the weighted sum of the first 17 digits is {number.weighted_sum}; "
        f"divided by 11 it leaves {remainder}, which gives {number.check}: it matches the 18th character.",
    )
    sex = SEX_LABELS[number.sex]
    why.check(
        "sex_matches_id",
        True,
        CLAUSE,
        f"第 17 位 {number.sequence[-1]} 为{'奇数' if number.sex == 'male' else '偶数'}，与性别“{sex['zh']}”一致。",
        f"Digit 17, {number.sequence[-1]}, is {'odd' if number.sex == 'male' else 'even'}: it agrees with the sex, {sex['en']}.",
    )
    explain_area_code(why, card, params)


def explain_area_code(why: Explanation, card: Card, params: Parameters) -> None:
    """A code from outside Linyi is not an error: people registered elsewhere who have moved to
    Linyi keep their number, and only the household register decides where they belong."""
    code = card.id.area_code
    area = area_of_code(code, params)
    if area is not None:
        why.check(
            "id_area_code",
            True,
            CLAUSE,
            f"地区码 {code} 是临沂市{area['zh']}的代码。",
            f"The area code {code} is Linyi's {area['en']}.",
            decisive=False,
        )
    elif code.startswith(OLD_LINYI_PREFIX):
        why.check(
            "id_area_code",
            True,
            CLAUSE,
            f"地区码 {code} 是原临沂地区（{OLD_LINYI_PREFIX}xx）的代码，有效：身份证号码不因区划调整而改变。",
            f"The area code {code} is one of the former Linyi Prefecture ({OLD_LINYI_PREFIX}xx): valid, as ID numbers do not "
            "change when areas are reorganised.",
            decisive=False,
        )
    else:
        why.check(
            "id_area_code",
            False,
            CLAUSE,
            f"地区码 {code} 不是临沂市的代码。",
            f"The area code {code} is not a Linyi code.",
            decisive=False,
        )
        why.note(
            f"身份证号码的地区码 {code} 不是临沂市现行代码，也不是原临沂地区（{OLD_LINYI_PREFIX}xx）的代码。户口从外地迁入的，身份证号码不变，"
            "这不是错误；否则请对照身份证核对号码。",
            f"The ID number's area code {code} is neither a current Linyi code nor a former Linyi Prefecture "
            f"({OLD_LINYI_PREFIX}xx) code. People whose household moved here from elsewhere keep their number, so this is "
            "not an error; otherwise check the number against the ID card.",
        )
    if area is not None and card.county is not None and card.county.get("code") and card.county["code"] != code:
        why.note(
            f"身份证号码的地区码是{area['zh']}，户籍地址是{card.county['zh']}：身份证号码按初次登记户口的地方编码，户口迁移后不变，一般不是错误。",
            f"The ID number's area code is {area['en']} and the registered address is in {card.county['en']}: the number "
            "records where the person was first registered and does not change when they move, so this is usually not an error.",
        )


def explain_contacts(why: Explanation, values: dict[str, Any], card: Card) -> None:
    for name, number in card.phones.items():
        label = LABELS[name]
        kind = ("手机号码", "a mobile number") if MOBILE.fullmatch(number) else ("固定电话号码", "a landline number")
        why.check(
            f"{name}_valid",
            True,
            CLAUSE,
            f"{label['zh']} {number} 是有效的{kind[0]}。",
            f"{label['en']}: {number} is {kind[1]}.",
        )
    if card.county is not None:
        why.check(
            "address_county",
            True,
            CLAUSE,
            f"户籍地址县（区）“{values['address_county']}”是临沂市{card.county['zh']}。",
            f"The registered county '{values['address_county']}' is Linyi's {card.county['en']}.",
        )
    city = values.get("address_city")
    if city and not any(word in city.casefold() for word in ("临沂", "linyi")):
        why.note(
            f"户籍地址的市填写为“{city}”，不是临沂市：本卡用于临沂市的建档立卡贫困人口，请核对。",
            f"The registered city is '{city}', not Linyi: the card is for Linyi's registered poor people; please check.",
        )


def explain_category(why: Explanation, values: dict[str, Any], age: int, cat: str, params: Parameters, day: dt.date) -> None:
    """The category by Attachment 1, and where the ability to work came from."""
    able, source = derive_able_to_work(values)
    low, limit = conventions.working_age_bounds(params, day)
    working = conventions.is_working_age(age, params, day)
    ability = ABILITY_LABELS[able] if able else text("未知", "not known")
    label = CATEGORIES[cat]
    within = ("在", "within") if working else ("不在", "outside")
    why.check(
        "category",
        True,
        FLOWCHART,
        f"{age} 周岁，{within[0]}劳动年龄（{low} 周岁以上、不满 {limit} 周岁）内"
        + (f"，劳动能力：{ability['zh']}" if working else "")
        + f"，人员类别为“{label['zh']}”。",
        f"Aged {age}, {within[1]} working age ({low} or over, under {limit})"
        + (f"; able to work: {ability['en']}" if working else "")
        + f": the category is '{label['en']}'.",
    )
    if source == "health":
        health = HEALTH_LABELS[values["health"]]
        why.note(
            f"没有填写劳动能力，按健康状况“{health['zh']}”推定为“{ability['zh']}”；如与实际不符，请填写劳动能力。",
            f"Ability to work not given: read from the health answer '{health['en']}' as '{ability['en']}'; "
            "if that is wrong, give the ability to work.",
        )
    elif source == "unknown":
        why.note(
            "没有填写劳动能力和健康状况：人员类别按有劳动能力处理，需要劳动能力的措施按“可能符合”显示。",
            "Neither the ability to work nor the health is given: the category assumes the person is able to work, and "
            "measures that need it are shown as 'possibly'.",
        )


def _ability_notes(why: Explanation, values: dict[str, Any]) -> None:
    health, able = values.get("health"), values.get("able_to_work")
    if health == "lost_ability" and able in ("yes", "partly"):
        why.note(
            f"健康状况为“丧失劳动能力”，但劳动能力填写为“{ABILITY_LABELS[able]['zh']}”：请核对。",
            f"Health says 'unable to work' but ability to work says '{ABILITY_LABELS[able]['en']}': please check.",
        )
    if not values["registered_poor"]:
        why.check(
            "registered_poor",
            False,
            CLAUSE,
            "不是建档立卡农村贫困人口：本卡为建档立卡贫困人口填写，措施按非贫困人口判断。",
            "Not registered rural poor: the card is for registered poor people; measures are judged for someone not registered.",
            decisive=False,
        )


# --- the recommended measures -------------------------------------------------------------------


def eligibility_facts(values: dict[str, Any], card: Card, able: str | None) -> dict[str, Any]:
    """The card's answers as the self-check's inputs (JSON, as a page would send them)."""
    pension, medical = insured_in(values)
    facts = {
        "registered_poor": values["registered_poor"],
        "birth_date": card.id.birth.isoformat(),
        "sex": values["sex"],
        "able_to_work": able,
        "has_disability_certificate": values.get("has_disability_certificate"),
        "disability_grade": values.get("disability_grade"),
        "hard_to_place": values.get("hard_to_place"),
        "employment_wish": values.get("employment_wish"),
        "wants_training": values.get("training_wish"),
        "insured_pension": pension,
        "insured_medical": medical,
        "college_graduate": GRADUATE_FROM_EDUCATION.get(values.get("education") or ""),
        "county": card.county["zh"] if card.county else None,
    }
    return {name: value for name, value in facts.items() if value is not None}


def recommend(facts: dict[str, Any], params: Parameters, used: DateUsed) -> dict[str, Any]:
    """The self-check on the card's facts: measures eligible, possibly, and each one's status."""
    result = run(eligibility.CALCULATOR, facts, params, used)
    if "errors" in result:
        return result
    measures = [{"measure": m["measure"], "status": m["status"], "title": m["title"]} for m in result["measures"]]
    return {
        "recommended": sorted(m["measure"] for m in measures if m["status"] == eligibility.ELIGIBLE),
        "possibly": sorted(m["measure"] for m in measures if m["status"] == eligibility.POSSIBLY),
        "measures": measures,
    }


def _recommendation_note(why: Explanation, advice: dict[str, Any]) -> None:
    eligible = "、".join(map(str, advice["recommended"])) or "无"
    eligible_en = ", ".join(map(str, advice["recommended"])) or "none"
    possibly = "、".join(map(str, advice["possibly"])) or "无"
    possibly_en = ", ".join(map(str, advice["possibly"])) or "none"
    why.note(
        f"按附件1分类施策和自查规则：符合的措施 {eligible}；可能符合（需要核实更多情况）的措施 {possibly}。",
        f"By the classification of Attachment 1 and the self-check's rules: measures that apply {eligible_en}; "
        f"measures that may apply (more facts needed) {possibly_en}.",
    )


def compute(values: dict[str, Any], params: Parameters, used: DateUsed) -> dict[str, Any]:
    """Check the card, then classify it and recommend measures."""
    day = used.day
    card, errors = check_card(values, params, day)
    if card is None:
        return {"errors": errors}
    why = Explanation()
    explain_id_number(why, card, params, _latest_birth(values, day)[0])
    explain_contacts(why, values, card)
    age = age_on(card.id.birth, day)
    able, source = derive_able_to_work(values)
    cat = category(age, able, params, day)
    explain_category(why, values, age, cat, params, day)
    _ability_notes(why, values)
    advice = recommend(eligibility_facts(values, card, able), params, used)
    if "errors" in advice:
        return advice
    _recommendation_note(why, advice)
    return finish(
        CALCULATOR.name,
        "eligible",
        used,
        why,
        params,
        id_number=card.id.number,
        phone=card.phone,
        birth_date=card.id.birth.isoformat(),
        age=age,
        sex_from_id=card.id.sex,
        id_area_code=card.id.area_code,
        id_area_in_linyi=is_linyi_code(card.id.area_code, params),
        county=text(card.county["zh"], card.county["en"]) if card.county else None,
        able_to_work=able,
        able_to_work_from=source,
        category=cat,
        category_label=CATEGORIES[cat],
        **advice,
    )


# What the card hands to the self-check (policypress-card.js), never the name or the ID number.
HANDOFF = (
    ("registered_poor", "registered_poor", "value"),
    ("birth_date", "id_number", "birth_from_id"),
    ("sex", "sex", "value"),
    ("able_to_work", "able_to_work", "value"),
    ("has_disability_certificate", "has_disability_certificate", "value"),
    ("disability_grade", "disability_grade", "text"),
    ("hard_to_place", "hard_to_place", "value"),
    ("employment_wish", "employment_wish", "value"),
    ("wants_training", "training_wish", "value"),
    ("insured_pension", "insurance", "includes:residents_pension:insured"),
    ("insured_medical", "insurance", "includes:residents_medical:insured"),
    ("county", "address_county", "value"),
)

# The paper card's boxes, front then back (the card page's layout); a declared input not named
# here goes in a last box.
LAYOUT = (
    ("front", "identity", ("code", "name", "sex", "id_number", "poverty_card_number", "phone")),
    ("front", "address", ("address_city", "address_county", "address_town", "address_village", "household_book_number")),
    ("front", "situation", ("education", "health", "skill_level", "able_to_work", "has_disability_certificate", "disability_grade")),
    ("front", "causes", ("poverty_causes", "poverty_cause_other")),
    ("front", "category", ("registered_poor",)),
    ("front", "employment", ("employment_wish", "hard_to_place")),
    ("front", "training", ("training_wish", "training_project")),
    ("front", "insurance", ("insured", "insurance")),
    ("back", "responsibility", ("helper_unit", "helper_person", "helper_contact", "helper_phone")),
    ("back", "records", ("help_records",)),
    ("back", "signature", ("filled_by", "filled_by_phone", "signed", "card_date", "date")),
)
# The card page's words, as the paper card (Attachment 2) has them.
WORDS = (
    ("page_title", text("精准识别卡（填写与核对）", "Identification card (fill in and check)")),
    ("page_nav", text("精准识别卡", "Identification card")),
    (
        "page_lead",
        text(
            "按纸质精准识别卡（附件2）逐项填写：正面为基本情况，反面为帮扶责任和帮扶措施及效果。"
            "填写内容随时保存在本机浏览器中，不会上传；身份证号码只保存在本设备上。",
            "Fill in the paper identification card (Attachment 2) field by field: the front is the person's situation, "
            "the back the helping unit and the help given. What you type is saved in this browser as you go and never uploaded; "
            "ID numbers stay on this device only.",
        ),
    ),
    (
        "page_noscript",
        text(
            "此页面需要 JavaScript。请打印附件2的纸质卡填写，或拨打{hotline}咨询。",
            "This page needs JavaScript. Print the paper card of Attachment 2 instead, or call {hotline}.",
        ),
    ),
    (
        "page_failed",
        text(
            "核对程序无法在此浏览器运行；卡片仍会保存在本机，可导出后用 policypress calc id-card 核对。",
            "The checker cannot run in this browser; the card is still saved here and can be exported and checked with "
            "policypress calc id-card.",
        ),
    ),
    ("page_link", text("精准识别卡：在线填写、核对、导出和打印", "Identification card: fill in, check, export and print")),
    ("sec_identity", text("基本信息", "Identity")),
    ("sec_address", text("户籍地址", "Registered address")),
    ("sec_situation", text("文化程度、健康状况和技能水平", "Education, health and skills")),
    ("sec_causes", text("主要致贫原因", "Causes of poverty")),
    ("sec_category", text("人员类别识别", "Category")),
    ("sec_employment", text("就业情况", "Employment")),
    ("sec_training", text("培训情况", "Training")),
    ("sec_insurance", text("社保状况", "Social insurance")),
    ("sec_responsibility", text("帮扶责任", "Helping unit")),
    ("sec_records", text("帮扶措施及效果", "Help given and its effect")),
    ("sec_signature", text("填表和签字", "Filled in and signed")),
    (
        "print_title",
        text(
            "临沂市建档立卡农村贫困人口就业与社会保障情况精准识别卡",
            "Identification card: employment and social insurance of registered rural poor people, Linyi",
        ),
    ),
    ("print_signature", text("贫困人口签字", "Signature of the person")),
)

CALCULATOR = Calculator(
    name="id-card",
    page="card",
    layout=LAYOUT,
    handoff=HANDOFF,
    words=WORDS,
    title=text("精准识别卡：核对与分类", "Identification card: check and classify"),
    clause=CLAUSE,
    inputs=INPUTS,
    compute=compute,
    summary=text(
        "核对精准识别卡的身份证号码、性别、电话和各项选择，算出年龄和人员类别，并按分类施策给出推荐措施。",
        "Check an identification card's ID number, sex, phone numbers and choices; derive the age and category, "
        "and the measures the classification recommends.",
    ),
    outputs=(
        ("birth_date", text("出生日期", "Date of birth")),
        ("age", text("年龄（周岁）", "Age (whole years)")),
        ("recommended", text("推荐措施（符合）", "Recommended measures (apply)")),
        ("possibly", text("可能符合的措施", "Measures that may apply")),
    ),
)
