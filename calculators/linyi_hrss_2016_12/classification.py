"""分类施策 — the classification of Attachment 1, as data, and the one decision it rests on.

The attachment's picture was lost (RULES.md, "Attachment 1"). Rather than redraw it by hand, the
site draws it from this tree (policypress.flowchart), so the diagram, the identification card's
category and the tests all read the same classification. Each node says which measures (1–10) it
leads to and which clause page it links to; a node links to at most one clause, so every box in
the drawing is one link.

No ages are written here: the working-age bounds and the pension age are parameters, read
through `conventions`. Labels say them in words; `detail` texts carry placeholders such as
{working_age_min} that the drawing fills from the parameters named in FIGURES.
"""

from __future__ import annotations

import datetime as dt

from ..core.flowchart import Node
from ..core.parameters import Parameters
from ..core.text import Text, text
from . import conventions

WORKING_ABLE = "working_able"
WORKING_UNABLE = "working_unable"
NON_WORKING_AGE = "non_working_age"
CATEGORY_IDS = (WORKING_ABLE, WORKING_UNABLE, NON_WORKING_AGE)

# Placeholder in a `detail` text → the parameter whose value fills it.
FIGURES = {
    "working_age_min": "conventions.working_age_min",
    "working_age_limit": "conventions.working_age_limit",
    "pension_age": "pension.age",
}


def _measure(node_id: str, number: int, clause: str, zh: str, en: str, detail: Text | None = None) -> Node:
    return Node(node_id, text(zh, en), "measure", (number,), clause, detail)


M01 = "m01-poverty-alleviation-workshops"
M02 = "m02-public-welfare-jobs"
M03 = "m03-employment-partners"
M04 = "m04-guaranteed-loans"
M05 = "m05-startup-support"
M06 = "m06-vocational-training"
M07 = "m07-college-graduates"
M08 = "m08-talent-for-poor-areas"
M09 = "m09-pension-and-medical-insurance"
M10 = "m10-relocated-households"
ID_CARD = "att2-identification-card"

WORKING_ABLE_NODE = Node(
    WORKING_ABLE,
    text("劳动年龄内有劳动能力", "Working age, able to work"),
    "category",
    detail=text(
        "{working_age_min} 周岁以上、不满 {working_age_limit} 周岁，有（或部分有）劳动能力；按本人意愿",
        "Aged {working_age_min} to under {working_age_limit}, fully or partly able to work; by the person's wish",
    ),
    children=(
        Node(
            "local",
            text("就地就近就业", "Work near home"),
            children=(
                _measure("local_workshop", 1, M01, "扶贫车间", "Poverty-alleviation workshops"),
                _measure(
                    "local_jobs", 3, M03, "岗位信息推送、《就业创业证》", "Job notifications, Employment and Entrepreneurship Certificate"
                ),
            ),
        ),
        Node(
            "outside",
            text("到县外转移就业", "Work outside the home county"),
            children=(
                _measure(
                    "outside_transfer",
                    3,
                    M03,
                    "有组织输出、交通补助（有条件的县区）",
                    "Organised transfer, transport subsidy (where offered)",
                ),
            ),
        ),
        Node(
            "self_employed",
            text("自主创业", "Self-employment"),
            children=(
                _measure("loan", 4, M04, "创业扶贫担保贷款", "Poverty-alleviation start-up guaranteed loan"),
                _measure("startup", 5, M05, "一次性创业补贴、创业孵化", "One-off start-up subsidy, business incubation"),
            ),
        ),
        _measure(
            "public_welfare",
            2,
            M02,
            "符合条件的：公益性岗位托底安置",
            "Where the conditions are met: a public-welfare job",
        ),
        _measure("training", 6, M06, "有培训意愿：免费职业技能培训", "Wants training: free vocational training"),
        _measure("graduates", 7, M07, "高校毕业生：“三支一扶”等基层岗位", "College graduates: grassroots service posts"),
        Node("no_wish", text("无就业意愿：动员和政策宣传", "No wish to work: mobilisation and policy publicity")),
        _measure("able_insurance", 9, M09, "所有人：参加养老、医疗保险", "Everyone: pension and medical insurance"),
    ),
)

WORKING_UNABLE_NODE = Node(
    WORKING_UNABLE,
    text("劳动年龄内无劳动能力", "Working age, unable to work"),
    "category",
    detail=text(
        "{working_age_min} 周岁以上、不满 {working_age_limit} 周岁，无劳动能力；兜底保障",
        "Aged {working_age_min} to under {working_age_limit}, unable to work; safety net",
    ),
    children=(
        _measure(
            "severe_disability", 9, M09, "重度残疾的：政府代缴养老保险费", "Severely disabled: pension contribution paid by the government"
        ),
        _measure(
            "medical_subsidy",
            9,
            M09,
            "医疗保险个人缴费补贴、大病保险倾斜",
            "Medical-insurance contribution subsidy, critical-illness boost",
        ),
        _measure(
            "some_work",
            2,
            M02,
            "符合条件且能从事一定工作的：公益性岗位",
            "Conditions met and some work possible: a public-welfare job",
        ),
    ),
)

NON_WORKING_AGE_NODE = Node(
    NON_WORKING_AGE,
    text("非劳动年龄", "Outside working age"),
    "category",
    detail=text(
        "不满 {working_age_min} 周岁，或年满 {working_age_limit} 周岁",
        "Under {working_age_min}, or {working_age_limit} and over",
    ),
    children=(
        _measure(
            "young",
            8,
            M08,
            "未到劳动年龄的：到适龄时享受技工院校支持",
            "Below working age: technical school support once of age",
            text("不满 {working_age_min} 周岁", "Under {working_age_min}"),
        ),
        _measure(
            "pensioner",
            9,
            M09,
            "达到养老金领取年龄的：基础养老金按时足额发放",
            "Of pension age: basic pension paid in full and on time",
            text("年满 {pension_age} 周岁", "{pension_age} and over"),
        ),
        _measure(
            "old_young_insurance",
            9,
            M09,
            "所有人：居民医疗保险和大病保险倾斜",
            "Everyone: residents' medical insurance and the critical-illness boost",
        ),
    ),
)

TREE = Node(
    "start",
    text("建档立卡农村贫困人口", "Registered rural poor person"),
    "start",
    children=(
        Node(
            "id_card",
            text("填写精准识别卡，按年龄和劳动能力分类", "Fill in the identification card; sort by age and ability to work"),
            "start",
            clause=ID_CARD,
            children=(
                WORKING_ABLE_NODE,
                WORKING_UNABLE_NODE,
                NON_WORKING_AGE_NODE,
                _measure(
                    "relocated",
                    10,
                    M10,
                    "各类中易地扶贫搬迁的：养老、医疗保险关系随人转移接续",
                    "Any category, if relocated: pension and medical insurance move with the person",
                ),
            ),
        ),
    ),
)


def category(age: int, able_to_work: bool | str | None, params: Parameters, day: dt.date) -> str:
    """The category of Attachment 1 for a person of `age` on `day`.

    Outside working age comes first (ability does not matter there). Within it, only a clear
    "no" (False or "no") is 'unable': a partly able person, or one whose ability is not known,
    can still do some work, so the 'able' branch with its wishes applies.
    """
    if not conventions.is_working_age(age, params, day):
        return NON_WORKING_AGE
    return WORKING_UNABLE if able_to_work in (False, "no") else WORKING_ABLE


__all__ = ["CATEGORY_IDS", "FIGURES", "NON_WORKING_AGE", "TREE", "WORKING_ABLE", "WORKING_UNABLE", "Node", "category"]
