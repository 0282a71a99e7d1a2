"""The words of the generated pages, in both languages. Content words live in policy/."""

from __future__ import annotations

import datetime as dt
import re

STRINGS: dict[str, dict[str, str]] = {
    "home": {"zh": "首页", "en": "Home"},
    "for_residents": {"zh": "我能享受哪些政策？", "en": "What help can I get?"},
    "for_residents_lead": {
        "zh": "按您的情况找到能享受的政策：谁能申请、能得到什么、多少钱、到哪里办。",
        "en": "Find the help that fits your situation: who can apply, what you get, how much and where to go.",
    },
    "for_staff": {"zh": "工作人员入口", "en": "For staff"},
    "for_staff_lead": {
        "zh": "县区、乡镇经办人员：通知全文、全部标准和数值、附件（精准识别卡、统计表）和工作机制。",
        "en": "County and township staff: the full notice, every figure and standard, the attachments (identification card, statistics table) and how the work is organised.",
    },
    "documents": {"zh": "政策文件", "en": "Policy documents"},
    "document": {"zh": "文件", "en": "Document"},
    "full_text": {"zh": "通知全文", "en": "The full notice"},
    "by_group": {"zh": "按对象浏览", "en": "Browse by who it is for"},
    "by_benefit": {"zh": "按类型浏览", "en": "Browse by type of help"},
    "parameters": {"zh": "全部标准和数值", "en": "All figures"},
    "parameters_lead": {
        "zh": "页面上的每一个金额、比例、期限都来自这里：数值、生效日期、状态和出处。",
        "en": "Every amount, rate and limit on this site comes from here: its value, since when, its status and its source.",
    },
    "glossary": {"zh": "术语对照", "en": "Glossary"},
    "glossary_lead": {
        "zh": "本站使用的中英文术语对照和解释。",
        "en": "The Chinese and English terms used on this site, with plain explanations.",
    },
    "number": {"zh": "发文字号", "en": "Document number"},
    "issuers": {"zh": "发文机关", "en": "Issued by"},
    "signed": {"zh": "成文日期", "en": "Date signed"},
    "effective": {"zh": "施行日期", "en": "In force from"},
    "validity": {"zh": "有效期", "en": "Valid"},
    "status": {"zh": "状态", "en": "Status"},
    "basis": {"zh": "依据", "en": "Based on"},
    "addressees": {"zh": "主送", "en": "To"},
    "attachments": {"zh": "附件", "en": "Attachments"},
    "supersedes": {"zh": "本文件替代", "en": "Replaces"},
    "superseded_by": {"zh": "已被替代", "en": "Replaced by"},
    "until": {"zh": "至", "en": "to"},
    "open_ended": {"zh": "长期有效", "en": "no end date"},
    "status_in_force": {"zh": "现行有效", "en": "In force"},
    "status_expired": {"zh": "已失效", "en": "Expired"},
    "status_not_yet": {"zh": "尚未施行", "en": "Not yet in force"},
    "banner_in_force": {
        "zh": "本文件自{start}起施行，有效期至{end}。",
        "en": "This document is in force from {start} to {end}.",
    },
    "banner_in_force_open": {"zh": "本文件自{start}起施行。", "en": "This document is in force from {start}."},
    "banner_expired": {
        "zh": "本文件有效期至{end}，已经失效，仅供查阅参考。页面上的金额和标准是文件有效期内的规定；现行政策请咨询当地人社部门或拨打{hotline}。",
        "en": "This document was valid until {end} and is no longer in force; it is shown for reference. The amounts and standards on these pages are those that applied while it was in force. For the current rules, ask your local HRSS office or call {hotline}.",
    },
    "banner_not_yet": {
        "zh": "本文件将于{start}起施行，在此之前不适用。",
        "en": "This document comes into force on {start}; it does not apply before then.",
    },
    "banner_superseded": {"zh": "本文件已被{by}替代。", "en": "This document has been replaced by {by}."},
    "summary": {"zh": "简明解读", "en": "In plain words"},
    "who": {"zh": "适用对象", "en": "Who it is for"},
    "benefits": {"zh": "帮扶类型", "en": "Type of help"},
    "amounts": {"zh": "金额和标准", "en": "Amounts and standards"},
    "item": {"zh": "项目", "en": "Item"},
    "value": {"zh": "数值", "en": "Value"},
    "since": {"zh": "生效日期", "en": "From"},
    "source": {"zh": "出处", "en": "Source"},
    "how_to_apply": {"zh": "怎么申请", "en": "How to apply"},
    "apply_where": {"zh": "到哪里办", "en": "Where"},
    "apply_documents": {"zh": "需要带的材料", "en": "What to bring"},
    "apply_reviewed_by": {"zh": "谁来审核", "en": "Who reviews it"},
    "apply_silent": {
        "zh": "通知没有规定具体的申请办法。请咨询户籍所在地的乡镇人社所或县区人社部门，或拨打{hotline}。",
        "en": "The notice does not say how to apply. Ask the HRSS office of your township or county, or call {hotline}.",
    },
    "ask_hotline": {"zh": "咨询电话：{hotline}（{label}）", "en": "Questions: call {hotline} ({label})"},
    "official_text": {"zh": "通知原文", "en": "Text of the notice (translation)"},
    "official_note_en": {
        "zh": "",
        "en": "This is a translation. The Chinese text is the official wording:",
    },
    "chinese_original": {"zh": "中文原文", "en": "Chinese original"},
    "related": {"zh": "相关条款", "en": "Related clauses"},
    "clauses": {"zh": "条款", "en": "Clauses"},
    "no_clauses": {"zh": "暂无相关条款。", "en": "No clauses yet."},
    "ended": {"zh": "停止执行", "en": "ends"},
    "not_set": {"zh": "未设定", "en": "not set"},
    "status_legend": {"zh": "数值状态说明", "en": "What the status means"},
    "about": {"zh": "关于本站", "en": "About"},
    "document_of": {"zh": "所属文件", "en": "Document"},
    "part": {"zh": "部分", "en": "Part"},
    "reconstructed": {"zh": "重构", "en": "reconstructed"},
    "flowchart_heading": {"zh": "流程图（重构）", "en": "Flowchart (reconstruction)"},
    "term_zh": {"zh": "中文", "en": "Chinese"},
    "term_en": {"zh": "英文", "en": "English"},
    "definition": {"zh": "解释", "en": "Meaning"},
    "language_name": {"zh": "中文", "en": "English"},
    "see_measures": {"zh": "查看相关政策", "en": "See the measures"},
    "measures": {"zh": "十项措施", "en": "The ten measures"},
    "browse": {"zh": "浏览", "en": "Browse"},
    "area_code": {"zh": "区划代码", "en": "area code"},
    "residents_first_title": {"zh": "先确认一件事", "en": "First, one question"},
    "residents_first": {
        "zh": "这些政策大多只面向建档立卡农村贫困人口。不清楚自己家是不是建档立卡贫困户的，请问村委会、第一书记或乡镇扶贫办。",
        "en": "Most of this help is only for registered rural poor people. If you are not sure whether your household is a registered poor household, ask your village committee, the village first secretary or the township poverty-alleviation office.",
    },
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
    "rows": {"zh": "{count}行", "en": "{count} rows"},
    "examples": {"zh": "例", "en": "Worked examples"},
    "examples_lead": {
        "zh": "以下结果由本站的计算程序按上面的标准算出，与测试使用的是同一套程序。测算结果仅供参考，以经办机构审核为准。",
        "en": "These results were computed from the figures above by the site's calculator, the same code its tests check. An estimate, not a decision.",
    },
    "example_inputs": {"zh": "情况", "en": "Situation"},
    "example_result": {"zh": "结果", "en": "Result"},
    "calculators": {"zh": "测算工具", "en": "Calculators"},
    "calc_based_on": {"zh": "依据条款：", "en": "Based on "},
    "calc_noscript": {
        "zh": "测算需要浏览器启用 JavaScript。您可以阅读依据条款的原文和例子，或拨打{hotline}咨询。",
        "en": "The calculator needs JavaScript. You can read the clause it is based on and its worked examples, or call {hotline}.",
    },
    "calc_failed": {
        "zh": "此浏览器无法运行测算程序（需要 WebAssembly），或程序没有加载成功。请阅读依据条款的原文和例子（可打印），或拨打{hotline}咨询。",
        "en": "This browser cannot run the calculator (it needs WebAssembly), or it failed to load. Read the clause it is based on and its worked examples (printable), or call {hotline}.",
    },
    "calc_privacy_title": {"zh": "您的信息不会离开本设备", "en": "Nothing you type leaves this device"},
    "calc_privacy": {
        "zh": "测算在您的浏览器里完成，填写的内容不会发送到任何服务器；为便于收藏和分享，答案只保存在网址“#”后面的部分，这部分不会发给服务器。",
        "en": "The calculation runs in your browser and nothing you type is sent to any server. To let you bookmark or share a result, the answers are kept only in the part of the address after '#', which browsers never send to a server.",
    },
    "print_title": {"zh": "明白纸", "en": "Summary"},
    "print_qr": {"zh": "用手机扫码，打开这次测算（含您的回答）。", "en": "Scan with a phone to open this calculation with your answers."},
    "required": {"zh": "（必填）", "en": "(required)"},
    "unknown": {"zh": "不清楚", "en": "not sure"},
    "choose": {"zh": "请选择", "en": "Choose"},
    "calculate": {"zh": "开始测算", "en": "Calculate"},
    "add_row": {"zh": "添加一行", "en": "Add a row"},
    "remove_row": {"zh": "删除", "en": "Remove"},
    "other_figures": {"zh": "其他参考数值", "en": "Other figures"},
    "in_force_on": {"zh": "{date}适用的数值", "en": "value on {date}"},
}


def t(key: str, lang: str, **values: str) -> str:
    text = STRINGS[key][lang]
    return text.format(**values) if values else text


def format_date(day: dt.date, lang: str) -> str:
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day.strftime('%B')} {day.year}"


_CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’]"


def join_cjk_lines(text: str) -> str:
    """YAML folds a multi-line summary with spaces; Chinese text takes none between lines."""
    return re.sub(rf"(?<={_CJK}) (?={_CJK})", "", text)


_NUMERALS = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9", "十": "10"}
_NAMED_NUMBERS = {"序": "Preamble", "附则": "Final provision"}


def clause_number(number: str, lang: str) -> str:
    """A clause's number as the reader's language writes it: 二(五)9 → 2(5)9, 附件3 → Attachment 3."""
    if lang == "zh":
        return number
    if number in _NAMED_NUMBERS:
        return _NAMED_NUMBERS[number]
    if number.startswith("附件"):
        return "Attachment " + number.removeprefix("附件")
    return "".join(_NUMERALS.get(char, char) for char in number)


# Words the page script shows (passed to it as JSON by the page, in the page's language).
SCRIPT_STRINGS: dict[str, dict[str, str]] = {
    "stage_idle": {"zh": "", "en": ""},
    "stage_starting": {"zh": "正在准备测算程序……", "en": "Getting the calculator ready…"},
    "stage_runtime": {
        "zh": "正在加载测算程序（首次约需下载 13 MB，之后可离线使用）……",
        "en": "Loading the calculator (about 13 MB the first time, then it works offline)…",
    },
    "stage_calculators": {"zh": "正在加载政策规则……", "en": "Loading the rules…"},
    "stage_parameters": {"zh": "正在加载标准和数值……", "en": "Loading the figures…"},
    "stage_ready": {"zh": "测算程序已就绪。", "en": "The calculator is ready."},
    "stage_failed": {
        "zh": "测算程序无法运行。请阅读条款原文和例子，或拨打{hotline}咨询。",
        "en": "The calculator cannot run here. Read the clause and its worked examples, or call {hotline}.",
    },
    "outcome_eligible": {"zh": "符合条件", "en": "You qualify"},
    "outcome_possibly": {"zh": "可能符合条件", "en": "You may qualify"},
    "outcome_not_eligible": {"zh": "不符合条件", "en": "You do not qualify"},
    "breakdown": {"zh": "计算明细", "en": "How it adds up"},
    "why": {"zh": "逐条说明", "en": "Why, condition by condition"},
    "condition_met": {"zh": "符合", "en": "met"},
    "condition_unmet": {"zh": "不符合", "en": "not met"},
    "condition_unknown": {"zh": "无法确定", "en": "not settled"},
    "see_clause": {"zh": "查看条款", "en": "see the clause"},
    "other_help": {
        "zh": "不符合这一项，也可能享受其他政策：请看“我能享受哪些政策？”，或咨询乡镇人社所、拨打{hotline}。",
        "en": "Other help may still apply: see 'What help can I get?', ask your township HRSS office or call {hotline}.",
    },
    "disclaimer": {"zh": "测算结果仅供参考，以经办机构审核为准。", "en": "An estimate, not a decision."},
    "print": {"zh": "打印明白纸", "en": "Print a one-page summary"},
    "yes": STRINGS["yes"],
    "no": STRINGS["no"],
}


# --- the self-check (self-check.md, policypress-selfcheck.js) ---------------------------------
# Words of the page itself; the questions, their help and options come from the `eligibility`
# calculator's declaration, never from here.
STRINGS.update(
    {
        "selfcheck_title": {"zh": "我能享受哪些政策？", "en": "What help can I get?"},
        "selfcheck_nav": {"zh": "政策自测", "en": "Self-check"},
        "selfcheck_lead": {
            "zh": "回答几个简单的问题（一次一个），看看通知的十项措施中哪些您能享受、到哪里申请。不问身份证号，答案只保存在本设备上。",
            "en": "Answer a few short questions, one at a time, to see which of the notice's ten measures you can get and "
            "where to apply. No ID number is asked and your answers stay on this device.",
        },
        "selfcheck_start": {"zh": "开始自测", "en": "Start the self-check"},
        "selfcheck_noscript": {
            "zh": "自测需要浏览器启用 JavaScript。您也可以打开{groups}，选择与您情况相符的人群（例如建档立卡农村贫困人口、残疾人、高校毕业生），查看每项政策的条件和申请办法，或拨打{hotline}咨询。",
            "en": "The self-check needs JavaScript. You can also open {groups}, choose the group that fits you (for example "
            "registered rural poor people, people with disabilities, college graduates) and read each measure's conditions and how to "
            "apply, or call {hotline}.",
        },
        "selfcheck_failed": {
            "zh": "此浏览器无法运行自测程序（需要 WebAssembly），或程序没有加载成功。请查看“按对象浏览”页面，或拨打{hotline}咨询。",
            "en": "This browser cannot run the self-check (it needs WebAssembly), or it failed to load. See the "
            "'Browse by who it is for' pages, or call {hotline}.",
        },
    }
)

# Words the self-check script shows (the page embeds them as JSON, in its own language).
SELFCHECK_STRINGS: dict[str, dict[str, str]] = {
    "question_n": {"zh": "第 {n} 题", "en": "Question {n}"},
    "continue": {"zh": "继续", "en": "Continue"},
    "back": {"zh": "返回上一步", "en": "Back"},
    "not_sure": {"zh": "不清楚", "en": "Not sure"},
    "optional": {"zh": "可以不填。", "en": "You can leave this empty."},
    "optional_said": {"zh": "可以不填", "en": "optional"},  # a help that says so needs no second hint
    "date_format": {"zh": "写法：年-月-日，例如 2017-06-01", "en": "Write it as year-month-day, e.g. 2017-06-01"},
    "or_age": {"zh": "或者：填写年龄（周岁）", "en": "Or give your age (whole years)"},
    "age_answer": {"zh": "{age} 周岁", "en": "aged {age}"},
    "check_answers": {"zh": "检查您的回答", "en": "Check your answers"},
    "check_answers_lead": {
        "zh": "请核对下面的回答。哪一项不对，点“修改”改过来。",
        "en": "Check the answers below. If one is wrong, use 'Change' to correct it.",
    },
    "question": {"zh": "问题", "en": "Question"},
    "answer": {"zh": "回答", "en": "Answer"},
    "change": {"zh": "修改", "en": "Change"},
    "no_answer": {"zh": "未填写", "en": "Not given"},
    "see_result": {"zh": "查看结果", "en": "See the result"},
    "working": {"zh": "正在测算……", "en": "Working it out…"},
    "result": {"zh": "测算结果", "en": "Your result"},
    "result_lead": {
        "zh": "能享受 {eligible} 项，可能享受 {possibly} 项。",
        "en": "You can get {eligible} and may be able to get {possibly} of the ten measures.",
    },
    "group_eligible": {"zh": "能享受", "en": "You can get"},
    "group_possibly": {"zh": "可能享受", "en": "You may be able to get"},
    "group_not_eligible": {"zh": "不符合", "en": "Not for you"},
    "group_count": {"zh": "{group}（{count} 项）", "en": "{group} ({count})"},
    "measure_n": {"zh": "第{n}项措施", "en": "Measure {n}"},
    "met": {"zh": "符合", "en": "met"},
    "unmet": {"zh": "不符合", "en": "not met"},
    "unknown": {"zh": "尚不确定", "en": "not settled"},
    "amount": {"zh": "估算金额：", "en": "Estimate: "},
    "how_to_apply": {"zh": "怎么申请：", "en": "How to apply: "},
    "see_clause": {"zh": "查看政策条款", "en": "Read the measure"},
    "see_calculator": {"zh": "详细测算", "en": "Work it out in detail"},
    "assumptions": {"zh": "测算时的假设", "en": "What this answer assumes"},
    "notes": {"zh": "说明", "en": "Notes"},
    "change_answers": {"zh": "修改回答", "en": "Change your answers"},
    "start_again": {"zh": "重新开始", "en": "Start again"},
    "failed": {
        "zh": "此浏览器无法运行自测程序（需要 WebAssembly），或程序没有加载成功。请查看{groups}页面，或拨打{hotline}咨询。",
        "en": "This browser cannot run the self-check (it needs WebAssembly), or it failed to load. See the {groups} "
        "pages, or call {hotline}.",
    },
    "groups": STRINGS["by_group"],
    "error_choose": {"zh": "请选择一项。", "en": "Choose one of the answers."},
    "error_required": {"zh": "请填写“{label}”。", "en": "Please enter '{label}'."},
    "error_birth": {
        "zh": "请填写出生日期或年龄（周岁），两者填一项即可。",
        "en": "Please give a date of birth or an age in whole years (either one).",
    },
    "error_date": {
        "zh": "“{label}”请填写一个真实的日期，格式为 年-月-日，例如 2016-09-01。",
        "en": "'{label}' must be a real date written YYYY-MM-DD, e.g. 2016-09-01.",
    },
    "error_int": {"zh": "“{label}”请填写整数，例如 3。", "en": "'{label}' must be a whole number, e.g. 3."},
    "error_money": {
        "zh": "“{label}”请填写金额（元），最多两位小数，例如 1500 或 1500.50。",
        "en": "'{label}' must be an amount in yuan with at most two decimals, e.g. 1500 or 1500.50.",
    },
    "error_min": {"zh": "“{label}”不能小于 {limit}。", "en": "'{label}' cannot be less than {limit}."},
    "error_max": {"zh": "“{label}”不能大于 {limit}。", "en": "'{label}' cannot be more than {limit}."},
    "yes": {"zh": "是", "en": "Yes"},
    "no": {"zh": "否", "en": "No"},
    **{key: value for key, value in SCRIPT_STRINGS.items() if key.startswith("stage_")},
}
