"""The Chinese clause texts are the notice's own words, and together they leave nothing out."""

from __future__ import annotations

import re

import pytest

from conftest import SEED
from policypress.content import Site

HALF_TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"})


def normalise(text: str) -> str:
    """Undo what the PDF extraction did: broken lines, spaces, half-width punctuation."""
    text = re.sub(r"\s+", "", text)
    text = text.translate(HALF_TO_FULL)
    return re.sub(r'"([^"]*)"', r"“\1”", text)


def notice_body() -> str:
    """The notice up to its attachments (the attachments are forms, checked separately)."""
    seed = SEED.read_text(encoding="utf-8")
    return normalise(seed.split("附件 1", 1)[0])


@pytest.fixture(scope="module")
def body() -> str:
    return notice_body()


PROSE_PARTS = ("preamble", "one", "two", "three", "closing")


def test_each_clause_is_verbatim_from_the_notice(site: Site, body: str) -> None:
    """Every paragraph of every prose clause appears word for word in the notice."""
    doc = site.documents[0]
    for clause in doc.clauses:
        if clause.meta.part not in PROSE_PARTS:
            continue
        for paragraph in clause.body["zh"].split("\n\n"):
            assert normalise(paragraph) in body, f"{clause.id}: {paragraph[:40]}…"


def test_the_clauses_leave_nothing_of_the_notice_out(site: Site, body: str) -> None:
    """Remove every clause text and every heading the site shows from the notice: what is left
    holds no Chinese character, so no sentence of the notice is missing from the site."""
    doc = site.documents[0]
    rest = body
    pieces = [doc.meta.title.zh, doc.meta.number, *(i.zh for i in doc.meta.issuers)]
    pieces += [a.title.zh for a in doc.meta.attachments]
    pieces += [f"{p.number}、{p.title.zh}" for p in doc.meta.parts] + [f"{a.number}{a.title.zh}" for a in doc.meta.actions]
    for clause in doc.clauses:
        if clause.meta.part in PROSE_PARTS:
            pieces.append(clause.meta.title + "。")
            pieces.extend(clause.body["zh"].split("\n\n"))
    for piece in sorted(pieces, key=len, reverse=True):
        rest = rest.replace(normalise(piece), "", 1)
    rest = re.sub(r"（[一二三四五六七八九十]）", "", rest).replace("附件：", "")  # numbering, shown as clause numbers
    rest = rest.replace(f"{doc.meta.signed.year}年{doc.meta.signed.month}月{doc.meta.signed.day}日", "")
    assert not re.search(r"[\u4e00-\u9fff]", rest), f"left out of the clauses: {rest}"


def test_the_card_keeps_every_label_and_option_of_the_paper_card(site: Site) -> None:
    card = site.documents[0].clause("att2-identification-card").body["zh"]
    for label in [
        "编码",
        "姓名",
        "性别",
        "身份证号码",
        "扶贫卡编号",
        "联系电话",
        "户籍地址",
        "户口本编号",
        "文化程度",
        "初中及以下",
        "高中",
        "大中专、技校、职校毕业生",
        "大学及以上",
        "健康状况",
        "健康",
        "一般",
        "体弱",
        "有重病",
        "有残疾",
        "丧失劳动能力",
        "技能水平",
        "初级技工",
        "中级技工",
        "高级技工",
        "技师",
        "高级技师",
        "主要致贫原因",
        "因病",
        "因残",
        "因学",
        "因灾",
        "缺土地",
        "缺水",
        "缺技术",
        "缺劳力",
        "缺资金",
        "交通条件落后",
        "自身发展动力不足",
        "其它",
        "人员类别识别",
        "劳动年龄内有劳动能力人口",
        "劳动年龄内无劳动能力人口",
        "非劳动年龄人口",
        "就业情况",
        "无就业意愿",
        "有就业意愿",
        "就地就近就业（县内）",
        "外出务工（县外）",
        "自主创业",
        "公益性岗位",
        "培训情况",
        "无培训意愿",
        "有培训意愿",
        "培训项目",
        "社保状况",
        "已参保",
        "居民基本养老保险",
        "居民基本医疗保险",
        "未参保",
        "帮扶责任",
        "帮扶单位名称",
        "责任人",
        "联系人",
        "帮扶措施及效果",
        "时间",
        "措施",
        "效果",
        "执行人",
        "填表人",
        "贫困人口签字",
        "建卡时间",
    ]:
        assert label in card, label


def test_the_statistics_table_keeps_its_21_columns_relations_and_notes(site: Site) -> None:
    table = site.documents[0].clause("att3-statistics-table").body["zh"]
    for number in range(1, 22):
        assert f"({number})" in table
    seed = normalise(SEED.read_text(encoding="utf-8"))
    relations = seed.split("栏目关系：", 1)[1].split("。", 1)[0]
    assert relations.replace("（", "(").replace("）", ")") in normalise(table).replace("（", "(").replace("）", ")")
    for note in ("2015年底各县区扶贫部门的摸底数", "遇节假日顺延", "不得手工书写填报", "单位负责人签章", "填表人签章", "填报日期"):
        assert note in table, note
