"""The words of the generated pages, in both languages. Content words live in policy/."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

STRINGS: dict[str, dict[str, str]] = {
    "home": {"zh": "首页", "en": "Home"},
    "for_residents": {"zh": "我能享受哪些政策？", "en": "What help can I get?"},
    "for_residents_lead": {
        "zh": "按您的情况找到能享受的政策：谁能申请、能得到什么、多少钱、到哪里办。",
        "en": "Find the help that fits your situation: who can apply, what you get, how much and where to go.",
    },
    # The home page's residents' card on a day no document of the site is in force.
    "for_residents_lead_none": {
        "zh": "本站的文件目前都不在有效期内，今天没有可以按这些文件申请的政策。自测可以告诉您这些文件当年能给您什么（仅供了解）；现行政策请拨打{hotline}咨询。",
        "en": "None of the documents on this site is in force today: there is nothing to apply for under them now. The self-check can show what they gave, for reference only; for the help that applies now, call {hotline}.",
    },
    "selfcheck_start_history": {"zh": "看看以往的政策", "en": "See what they gave"},
    "page_moved_title": {"zh": "此页已移动", "en": "This page has moved"},
    # A clause whose help is paid to someone other than the people it is for (clause paid_to).
    "paid_to": {"zh": "补助发给：{group}（不发给个人）", "en": "Paid to: {group}, not to a person"},
    # A page read after its standing changed (policypress-stale.js): the page was built before.
    "stale_document": {
        "zh": "本页是{built}生成的。按文件的日期，本文件自{day}起状态已经改变（开始施行、失效或被替代），本页所写的“现行有效”“尚未施行”和可以申请的内容可能已不准确。请以重新发布的网站为准，或拨打{hotline}咨询。",
        "en": "This page was made on {built}. By the document's dates its standing changed on {day} (it took effect, expired or was replaced), so what this page says about it being in force and what can be applied for may no longer be right. Rely on a newer edition of this site, or call {hotline}.",
    },
    "stale_site": {
        "zh": "本页是{built}生成的。此后，自{day}起，本站至少有一份文件的状态已经改变（开始施行、失效或被替代），本页列出的现行措施可能已不准确。请以重新发布的网站为准，或拨打{hotline}咨询。",
        "en": "This page was made on {built}. Since {day} at least one document of this site has changed standing (taken effect, expired or been replaced), so the measures this page lists as in force may no longer be right. Rely on a newer edition of this site, or call {hotline}.",
    },
    # After a figure that changed after its document took effect (a later value of the parameter).
    "figure_since": {"zh": "（{date}起）", "en": " (from {date})"},
    "page_moved": {
        "zh": "这个页面换了地址，请打开下面的链接，并更新书签：",
        "en": "This page has a new address: open the link below, and update your bookmark.",
    },
    # Beside a source that names no document number, address or publication (schema.Reference.findable).
    "source_unnumbered": {"zh": "（未注明文号）", "en": " (no document number given)"},
    "for_staff": {"zh": "工作人员入口", "en": "For staff"},
    "for_staff_lead": {
        "zh": "县区、乡镇经办人员：文件全文、全部标准和数值、附件和表格，以及工作机制。",
        "en": "County and township staff: the full texts, every figure and standard, the attachments and forms, and how the work is organised.",
    },
    "documents": {"zh": "政策文件", "en": "Policy documents"},
    "document": {"zh": "文件", "en": "Document"},
    "full_text": {"zh": "文件全文", "en": "The full text"},
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
    "forwards": {"zh": "转发文件", "en": "Forwards"},
    "number_editorial": {
        "zh": "方括号中的编号是本站为方便查阅所加，文件原文没有这个编号。",
        "en": "A number in brackets was given by this site for reference: the document itself does not number this part.",
    },
    "list_separator": {"zh": "、", "en": "; "},
    "effective": {"zh": "施行日期", "en": "In force from"},
    "validity": {"zh": "有效期", "en": "Valid"},
    "status": {"zh": "状态", "en": "Status"},
    "basis": {"zh": "依据", "en": "Based on"},
    "addressees": {"zh": "主送", "en": "To"},
    "attachments": {"zh": "附件", "en": "Attachments"},
    "attachment": {"zh": "附件", "en": "Attachment"},
    # A label's colon: full-width on Chinese pages, a Latin colon on English ones (a space
    # follows it in the template where the language wants one).
    "colon": {"zh": "：", "en": ":"},
    "supersedes": {"zh": "本文件替代", "en": "Replaces"},
    "superseded_by": {"zh": "已被替代", "en": "Replaced by"},
    "until": {"zh": "至", "en": "to"},
    # How long a document applies (document.yaml `expires`): a date, open-ended as the text
    # says (长期有效), or not stated — never shown as open-ended when the text does not say so.
    "validity_date": {"zh": "{start} 至 {end}", "en": "{start} to {end}"},
    "validity_open-ended": {"zh": "自{start}起长期有效", "en": "from {start}, with no end date (as the document states)"},
    "validity_not-stated": {"zh": "自{start}起施行；文件未规定有效期", "en": "from {start}; no expiry stated"},
    "status_in_force": {"zh": "现行有效", "en": "In force"},
    "status_expired": {"zh": "已失效", "en": "Expired"},
    "status_not_yet": {"zh": "尚未施行", "en": "Not yet in force"},
    "status_replaced": {"zh": "已被替代", "en": "Replaced"},
    "banner_in_force": {
        "zh": "本文件自{start}起施行，有效期至{end}。",
        "en": "This document is in force from {start} to {end}.",
    },
    "banner_in_force_open-ended": {
        "zh": "本文件自{start}起施行，长期有效。",
        "en": "This document is in force from {start}, with no end date.",
    },
    "banner_in_force_not-stated": {
        "zh": "本文件自{start}起施行，文件未规定有效期。",
        "en": "This document is in force from {start}; it states no expiry.",
    },
    "calculators_history": {
        "zh": "以下计算按文件有效期最后一天的规定，只说明当时的规定，不代表现在可以享受。",
        "en": "these work out what the document gave on its last day in force: history, not what can be had today.",
    },
    "banner_replaced": {
        "zh": "本文件自{start}起施行，自{since}起已被替代，仅供查阅参考。页面上的金额和标准是被替代之前的规定；现行政策请看替代它的文件，或拨打{hotline}。",
        "en": "This document applied from {start} and has been replaced since {since}; it is shown for reference. The amounts and standards on these pages are those that applied before it was replaced. For the current rules, see the document that replaces it, or call {hotline}.",
    },
    "banner_expired": {
        "zh": "本文件有效期至{end}，已经失效，仅供查阅参考。页面上的金额和标准是文件有效期内的规定；现行政策请咨询当地人社部门或拨打{hotline}。",
        "en": "This document was valid until {end} and is no longer in force; it is shown for reference. The amounts and standards on these pages are those that applied while it was in force. For the current rules, ask your local HRSS office or call {hotline}.",
    },
    "banner_not_yet": {
        "zh": "本文件将于{start}起施行，在此之前不适用。",
        "en": "This document comes into force on {start}; it does not apply before then.",
    },
    "banner_superseded": {"zh": "本文件已被{by}替代。", "en": "This document has been replaced by {by}."},
    "banner_to_be_superseded": {"zh": "本文件将自{start}起被{by}替代。", "en": "This document will be replaced by {by} from {start}."},
    "banner_supersedes": {"zh": "本文件替代{what}。", "en": "This document replaces {what}."},
    "starts_on": {"zh": "{start}起施行", "en": "from {start}"},
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
        "zh": "文件没有规定具体的申请办法。请咨询发文机关或当地经办机构，或拨打{hotline}。",
        "en": "The document does not say how to apply. Ask the issuing office or your local service office, or call {hotline}.",
    },
    "ask_hotline": {"zh": "咨询电话：{hotline}（{label}）", "en": "Questions: call {hotline} ({label})"},
    "official_text": {"zh": "文件原文", "en": "Text of the document (translation)"},
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
    # A date field (calculator.md.j2): typed as text in the page's language, its pattern said.
    # One example per field: the field's help gives it where it has one (then date_hint), else the
    # hint does (date_hint_example) — a second, different date confused readers.
    "date_hint": {"zh": "写法：年-月-日，用数字填写", "en": "Write it as year-month-day, in figures"},
    "date_hint_example": {"zh": "写法：年-月-日，例如 2020-05-10", "en": "Write it as year-month-day, e.g. 2020-05-10"},
    "date_placeholder": {"zh": "年-月-日", "en": "YYYY-MM-DD"},
    # Below a page with figures (pages.badge_legend): {items} is "<tag> meaning; …", {link} the figures' page.
    "badge_legend": {
        "zh": "数字旁的小标签说明数值的来源：{items}。详见{link}。",
        "en": "The small tag beside a figure says where it comes from: {items}. See {link}.",
    },
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
    "measures_in_force": {"zh": "现行措施（{n}项）", "en": "Measures in force ({n})"},
    "no_measures_in_force": {
        "zh": "本站的文件目前都不在有效期内，没有可以申请的措施。下面的文件已失效或被替代，仅供查阅；现行政策请拨打{hotline}咨询。",
        "en": "None of the documents on this site is in force today, so there is nothing here to apply for. The documents below have expired or been replaced and are kept for reference; for the rules that apply now, call {hotline}.",
    },
    "documents_in_force": {"zh": "现行文件", "en": "In force"},
    "documents_not_yet": {"zh": "尚未施行的文件", "en": "Not yet in force"},
    "documents_history": {"zh": "已失效或被替代的文件（仅供查阅）", "en": "Expired or replaced (for reference)"},
    "history_clauses": {
        "zh": "已失效或被替代的文件中的条款（仅供查阅）",
        "en": "In documents that have expired or been replaced (for reference)",
    },
    "browse": {"zh": "浏览", "en": "Browse"},
    "area_code": {"zh": "区划代码", "en": "area code"},
    "yes": {"zh": "是", "en": "Yes"},
    "no": {"zh": "否", "en": "No"},
    "rows": {"zh": "{count}行", "en": "{count} rows"},
    "rows_one": {"zh": "{count}行", "en": "{count} row"},
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
    "unknown": {"zh": "不清楚", "en": "Not sure"},
    "choose": {"zh": "请选择", "en": "Choose"},
    "calculate": {"zh": "开始测算", "en": "Calculate"},
    "add_row": {"zh": "添加一行", "en": "Add a row"},
    "remove_row": {"zh": "删除", "en": "Remove"},
    "other_figures": {"zh": "其他参考数值", "en": "Other figures"},
    "in_force_on": {"zh": "{date}适用的数值", "en": "value on {date}"},
    # Change history (history.py, changes.md.j2)
    "last_changed": {"zh": "最后修改：{date}", "en": "Last changed: {date}"},
    "changes": {"zh": "内容变更", "en": "What changed"},
    "changes_lead": {
        "zh": "本页列出本次发布与上一次发布相比，哪些条款和标准数值有新增、删除或修改。",
        "en": "This page lists the clauses and figures added, removed or changed since the previous published build.",
    },
    "changes_dates": {"zh": "本次发布：{current}；上一次发布：{previous}。", "en": "This build: {current}. Previous build: {previous}."},
    "changes_first": {
        "zh": "这是第一次发布（{current}），还没有可以比较的上一次发布。以后每次发布，本页都会列出与上一次相比有变化的条款和数值。",
        "en": "This is the first published build ({current}): there is no previous build to compare it with. From the next build on, this page lists the clauses and figures that changed.",
    },
    "changes_none": {
        "zh": "与上一次发布相比，条款和标准数值都没有变化。",
        "en": "No clause and no figure changed since the previous build.",
    },
    "changes_legend": {
        "zh": "修改的地方：<ins>新增的文字</ins>，<del>删除的文字</del>；没有变化的段落以“…”略去。",
        "en": "In the changes: <ins>added text</ins>, <del>removed text</del>; unchanged paragraphs are left out (…).",
    },
    "changes_clauses": {"zh": "条款", "en": "Clauses"},
    "changes_parameters": {"zh": "标准和数值", "en": "Figures"},
    "changes_added": {"zh": "新增（{count}）", "en": "Added ({count})"},
    "changes_removed": {"zh": "删除（{count}）", "en": "Removed ({count})"},
    "changes_changed": {"zh": "修改（{count}）", "en": "Changed ({count})"},
    "changes_field_title": {"zh": "标题", "en": "Title"},
    "changes_ins_start": {"zh": "［新增：", "en": "[added: "},
    "changes_del_start": {"zh": "［删除：", "en": "[removed: "},
    "changes_mark_end": {"zh": "］", "en": "]"},
    "changes_clause_details": {
        "zh": "条款的其他信息（如编号、适用对象、帮扶类型、金额项目或相关条款）有修改。",
        "en": "Other details of the clause (such as its number, who it is for, the type of help, the amounts shown or related clauses) changed.",
    },
    "changes_clause_other_lang": {
        "zh": "中文内容没有变化，只修改了英文译文。",
        "en": "The English text is unchanged; only the Chinese original changed.",
    },
    "changes_clause_layout": {
        "zh": "只修改了文件的格式，文字没有变化。",
        "en": "Only the layout of the file changed; the words are the same.",
    },
    "changes_value_since": {"zh": "{date}起：{change}", "en": "From {date}: {change}"},
    "changes_value_added": {"zh": "新增 {value}", "en": "added, {value}"},
    "changes_value_removed": {"zh": "删除（原为{value}）", "en": "removed (was {value})"},
    "changes_value_source": {"zh": "{value}，出处有修改", "en": "{value}, source changed"},
    "changes_param_fields": {"zh": "修改了{fields}。", "en": "Changed: {fields}."},
    "changes_f_label": {"zh": "名称", "en": "name"},
    "changes_f_unit": {"zh": "单位", "en": "unit"},
    "changes_f_status": {"zh": "状态", "en": "status"},
    "changes_f_reference": {"zh": "出处", "en": "source"},
    "changes_f_code": {"zh": "区划代码", "en": "area code"},
    "changes_gone": {"zh": "（已删除）", "en": " (removed)"},
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


_ZH_NUMERAL_RUN = re.compile(r"[〇零一二两三四五六七八九十百]+")
_ZH_ORDINAL = re.compile(r"第([〇零一二两三四五六七八九十百\d]+)(条|章|节|款|项|部分)")
_ORDINAL_WORDS = {"条": "Article", "章": "Chapter", "节": "Section", "款": "Paragraph", "项": "Item", "部分": "Part"}
_DIGIT_VALUES = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def zh_integer(numeral: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105 (the numerals documents number their parts with)."""
    if numeral.isdigit():
        return int(numeral)
    total, digit = 0, 0
    for char in numeral:
        if char in _DIGIT_VALUES:
            digit = _DIGIT_VALUES[char]
        elif char == "十":
            total += (digit or 1) * 10
            digit = 0
        elif char == "百":
            total += (digit or 1) * 100
            digit = 0
    return total + digit


def clause_number(number: str, lang: str) -> str:
    """A clause's number as the reader's language writes it: 二(五)9 → 2(5)9, 第十二条 → Article 12,
    附件3 → Attachment 3."""
    if lang == "zh":
        return number
    if number in _NAMED_NUMBERS:
        return _NAMED_NUMBERS[number]
    if number.startswith("附件"):
        return "Attachment " + clause_number(number.removeprefix("附件"), lang)
    number = _ZH_ORDINAL.sub(lambda m: f" {_ORDINAL_WORDS[m.group(2)]} {zh_integer(m.group(1))} ", number)
    return " ".join(_ZH_NUMERAL_RUN.sub(lambda m: str(zh_integer(m.group(0))), number).split())


# Words the page script shows (passed to it as JSON by the page, in the page's language).
SCRIPT_STRINGS: dict[str, dict[str, str]] = {
    "stage_idle": {"zh": "", "en": ""},
    "stage_starting": {"zh": "正在准备测算程序……", "en": "Getting the calculator ready…"},
    "stage_runtime": {"zh": "正在下载测算程序……", "en": "Downloading the calculator…"},
    # While the runtime downloads (policypress-calc.js): MB on the network, one decimal; seconds at the speed so far.
    "stage_download": {
        "zh": "正在下载测算程序：已下载 {loaded} MB，共约 {total} MB，按目前网速约还需 {seconds} 秒。下载时可以继续阅读和填写。",
        "en": "Downloading the calculator: {loaded} of about {total} MB, about {seconds} s to go at this speed. You can go on reading and filling in meanwhile.",
    },
    "stage_download_estimating": {
        "zh": "正在下载测算程序：已下载 {loaded} MB，共约 {total} MB。下载时可以继续阅读和填写。",
        "en": "Downloading the calculator: {loaded} of about {total} MB. You can go on reading and filling in meanwhile.",
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
    # A result for a day outside the notice (in_force_on_date false): never in the present tense.
    # {date} is the day whose rules were used (date_used), in words; {outcome} one of the words below.
    "history_heading": {"zh": "历史结果（按{date}的规定）：{outcome}", "en": "History (the rules of {date}): {outcome}"},
    "history_outcome_eligible": {"zh": "符合条件", "en": "you qualified"},
    "history_outcome_possibly": {"zh": "可能符合条件", "en": "you may have qualified"},
    "history_outcome_not_eligible": {"zh": "不符合条件", "en": "you did not qualify"},
    "not_yet_heading": {"zh": "尚未施行（按{date}起的规定）：{outcome}", "en": "Not in force yet (the rules from {date}): {outcome}"},
    "not_yet_outcome_eligible": {"zh": "届时符合条件", "en": "you would qualify"},
    "not_yet_outcome_possibly": {"zh": "届时可能符合条件", "en": "you might qualify"},
    "not_yet_outcome_not_eligible": {"zh": "届时不符合条件", "en": "you would not qualify"},
    # How to read an amount (the result's amount_kind), shown beside the amount in words.
    "amount_kind_at_least": {"zh": "不低于", "en": "at least"},
    "amount_kind_at_most": {"zh": "最高", "en": "at most"},
    "amount_kind_estimate": {"zh": "约", "en": "about"},
    "amount_kind_if_insured": {"zh": "如已参保", "en": "if insured"},
    "amount_kind_if_confirmed": {"zh": "如经确认", "en": "if confirmed"},
    "amount_kind_not_known": {"zh": "未知", "en": "not known"},
    "amount_kind_county": {"zh": "县区标准", "en": "the county's figure"},
    # A result that used `interpretation` parameters; {readings}: their labels (or names).
    "readings": {"zh": "含测算口径：{readings}", "en": "Uses our reading of the text: {readings}"},
    "breakdown": {"zh": "计算明细", "en": "How it adds up"},
    "why": {"zh": "逐条说明", "en": "Why, condition by condition"},
    "condition_met": {"zh": "符合", "en": "met"},
    "condition_unmet": {"zh": "不符合", "en": "not met"},
    "condition_unknown": {"zh": "无法确定", "en": "not settled"},
    "see_clause": {"zh": "查看条款", "en": "See the clause"},
    "other_help": {
        "zh": "不符合这一项，也可能享受其他政策：请看“我能享受哪些政策？”，或咨询当地经办机构、拨打{hotline}。",
        "en": "Other help may still apply: see 'What help can I get?', ask your local service office or call {hotline}.",
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
            "zh": "回答几个简单的问题（一次一个），看看哪些政策措施适合您、到哪里申请。不问身份证号，答案只保存在本设备上。",
            "en": "Answer a few short questions, one at a time, to see which measures may be for you and "
            "where to apply. No ID number is asked and your answers stay on this device.",
        },
        "selfcheck_start": {"zh": "开始自测", "en": "Start the self-check"},
        "selfcheck_noscript": {
            "zh": "自测需要浏览器启用 JavaScript。您也可以打开{groups}，选择与您情况相符的人群，查看每项政策的条件和申请办法，或拨打{hotline}咨询。",
            "en": "The self-check needs JavaScript. You can also open {groups}, choose the group that fits you and read each "
            "measure's conditions and how to apply, or call {hotline}.",
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
    # The first question, for each document not in force on the day (policypress-selfcheck.js):
    # {number} its document number, {date} its last day in force, or its first day.
    "questions_history": {
        "zh": "{number}只适用到{date}，现在已不适用：为它提的问题，结果只说明它当时的规定（历史情况），现在不能据此申请。",
        "en": "{number} applied until {date} and no longer applies: for the questions asked for it, the result only shows "
        "what it gave then (history); you cannot apply under it now.",
    },
    "questions_not_yet": {
        "zh": "{number}自{date}起施行，现在尚未施行：为它提的问题，结果说明施行后的规定。",
        "en": "{number} takes effect on {date} and does not apply yet: for the questions asked for it, the result shows "
        "what it will give from then.",
    },
    # At a question asked only for documents not in force on the day; {numbers}: their numbers.
    "question_history": {
        "zh": "这一题只用于已不适用的{numbers}（历史情况）。",
        "en": "This question is only for {numbers}, which no longer applies (history).",
    },
    "question_not_yet": {"zh": "这一题只用于尚未施行的{numbers}。", "en": "This question is only for {numbers}, which does not apply yet."},
    # "about": a later answer may make a question needless, or needed (only what can still change a result is asked)
    "question_n_of": {"zh": "第 {n} 题，共约 {total} 题", "en": "Question {n} of about {total}"},
    "area_not_said": {"zh": "不清楚或不想说", "en": "Not sure, or rather not say"},
    "error_birth_future": {
        "zh": "出生日期{date}晚于今天，请检查。",
        "en": "The date of birth, {date}, is after today: please check it.",
    },
    "error_birth_old": {
        "zh": "按这个出生日期，您今天 {age} 周岁，超过了 {limit} 周岁，请检查年份。",
        "en": "With this date of birth you would be {age} today, more than {limit}: please check the year.",
    },
    # The result, per document: those in force on the day first, the others as history.
    # After the document's number and title in a heading: set apart, so it does not read as part of the title.
    "doc_in_force": {"zh": "（现行有效）", "en": "(in force)"},
    "doc_history": {"zh": "（已不再适用，仅供了解历史）", "en": "(no longer applies: history)"},
    "doc_not_yet": {"zh": "（尚未施行）", "en": "(not yet in force)"},
    "doc_hotline": {"zh": "咨询电话：{label} {number}", "en": "Questions: {label} {number}"},
    "none_in_force": {
        "zh": "{date}，本站收录的文件都不适用：下面是已失效文件当时的规定，只作为历史情况供参考，现在不能据此申请。",
        "en": "On {date} none of this site's documents applies: below is what the documents that have ended "
        "gave, as history only; you cannot apply under them now.",
    },
    "none_for_you": {
        "zh": "{date}有效的文件中，没有适合您情况的措施。已失效文件当时的规定只作为历史情况列在后面。",
        "en": "On {date} no document in force has a measure for your situation. What the documents that "
        "have ended gave is listed after, as history only.",
    },
    "as_of_last_day": {"zh": "按这份文件适用的最后一天（{date}）计算。", "en": "Worked out as of its last day in force, {date}."},
    "as_of_first_day": {"zh": "按这份文件施行的第一天（{date}）计算。", "en": "Worked out as of its first day in force, {date}."},
    "age_then": {"zh": "那天您 {age} 周岁。", "en": " You were {age} on that day."},
    "age_by_then": {"zh": "那天您 {age} 周岁。", "en": " You will be {age} on that day."},
    "group_employer": {"zh": "给用人单位的措施（不发给您本人）", "en": "Measures for employers (not paid to you)"},
    "employer_tag": {"zh": "面向用人单位：", "en": "For employers: "},
    "employer_note_eligible": {
        "zh": "补贴或奖励发给用人单位，不发给您本人；您符合条件，可以通过这样的单位就业或参加。",
        "en": "The subsidy or award is paid to the employer, not to you; you meet the conditions to work or take part there.",
    },
    "employer_note_possibly": {
        "zh": "补贴或奖励发给用人单位，不发给您本人；您可能符合条件，可以通过这样的单位就业或参加。",
        "en": "The subsidy or award is paid to the employer, not to you; you may meet the conditions to work or take part there.",
    },
    "employer_note_not_eligible": {
        "zh": "补贴或奖励发给用人单位，不发给您本人。",
        "en": "The subsidy or award is paid to the employer, not to you.",
    },
    "amount_employer": {"zh": "发给单位的金额：", "en": "Paid to the employer: "},
    "hotline": {"zh": "咨询电话：", "en": "Questions: "},
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
        "en": "You can get {eligible} of the measures, and may be able to get {possibly} more.",
    },
    "group_eligible": {"zh": "能享受", "en": "You can get"},
    "group_possibly": {"zh": "可能享受", "en": "You may be able to get"},
    "group_not_eligible": {"zh": "不符合", "en": "Not for you"},
    # The result for a day outside the notice (in_force_on_date false): notes[0] says so first,
    # then these, never in the present tense. {date}: the day whose rules were used, in words.
    "result_lead_history": {
        "zh": "按{date}的规定，当时能享受 {eligible} 项，可能享受 {possibly} 项。",
        "en": "Under the rules of {date}, you could have got {eligible} of the measures, and might have got {possibly} more.",
    },
    "group_history_eligible": {"zh": "当时能享受", "en": "You could have got"},
    "group_history_possibly": {"zh": "当时可能享受", "en": "You might have got"},
    "group_history_not_eligible": {"zh": "当时不符合", "en": "Not for you then"},
    "result_lead_not_yet": {
        "zh": "按{date}起施行的规定，届时能享受 {eligible} 项，可能享受 {possibly} 项。",
        "en": "Under the rules from {date}, you would get {eligible} of the measures, and might get {possibly} more.",
    },
    "group_not_yet_eligible": {"zh": "届时能享受", "en": "You would get"},
    "group_not_yet_possibly": {"zh": "届时可能享受", "en": "You might get"},
    "group_not_yet_not_eligible": {"zh": "届时不符合", "en": "Not for you then"},
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
    **{key: value for key, value in SCRIPT_STRINGS.items() if key.startswith(("stage_", "amount_kind_"))},
}


# --- the monthly statistics report page (staff/<report calculator>.md, policypress-report.js) -------------------

REPORT_STRINGS: dict[str, dict[str, str]] = {
    "title": {"zh": "月度统计表填报", "en": "Monthly statistics table"},
    "nav": {"zh": "统计表填报", "en": "Statistics table"},
    "lead": {
        "zh": "逐行填写各填报单位的数值，或从表格软件复制整块粘贴。栏目关系随填随查，合计行自动计算；草稿保存在本机浏览器中。",
        "en": "Enter each reporting unit's values row by row, or paste a block copied from a spreadsheet. The column relations are checked as you type and the total row is worked out; the draft is kept in this browser.",
    },
    "noscript": {
        "zh": "本页需要 JavaScript。也可用命令 policypress report xlsx 由 CSV 生成统计表，或拨打{hotline}咨询。",
        "en": "This page needs JavaScript. The table can also be made from a CSV with 'policypress report xlsx', or call {hotline}.",
    },
    "failed": {
        "zh": "检查程序无法在此浏览器运行。仍可填写并导出 CSV；如有疑问请拨打{hotline}。",
        "en": "The checker cannot run in this browser. You can still fill in the table and export a CSV; call {hotline} with questions.",
    },
    "county": {"zh": "县（区）", "en": "County or district"},
    "month": {"zh": "报告期（年-月）", "en": "Reporting month (YYYY-MM)"},
    "unit": {"zh": "填报单位", "en": "Reporting unit"},
    "total": {"zh": "合计", "en": "Total"},
    "add_row": {"zh": "添加一行", "en": "Add a row"},
    "remove_row": {"zh": "删除", "en": "Remove"},
    "remove_row_label": {"zh": "删除第 {n} 行", "en": "Remove row {n}"},
    "paste": {"zh": "从表格软件粘贴", "en": "Paste from a spreadsheet"},
    "paste_help": {
        "zh": "在 Excel/WPS 中选中若干行（单位名称在第一列，其后 21 栏；或只有 21 栏数值）复制，粘贴到下框或表格的任一格中。",
        "en": "Select rows in Excel or WPS (the unit's name first, then the 21 columns; or just the 21 values), copy, and paste into the box below or into any cell of the table.",
    },
    "paste_apply": {"zh": "粘贴到表格", "en": "Put into the table"},
    "export_xlsx": {"zh": "导出 XLSX", "en": "Export XLSX"},
    "export_csv": {"zh": "导出 CSV", "en": "Export CSV"},
    "import_csv": {"zh": "导入 CSV", "en": "Import CSV"},
    "print": {"zh": "打印", "en": "Print"},
    "clear": {"zh": "清空草稿", "en": "Clear the draft"},
    "clear_confirm": {"zh": "清空本表的全部内容？", "en": "Clear everything in this table?"},
    "file_prefix": {"zh": "统计表", "en": "statistics-table"},
    "checking": {"zh": "正在检查……", "en": "Checking…"},
    "loading": {"zh": "正在加载检查程序（首次约需下载 13 MB）……", "en": "Loading the checker (about 13 MB the first time)…"},
    "ok": {"zh": "各行和合计行均满足栏目关系。", "en": "Every row and the total row satisfy the column relations."},
    "broken": {"zh": "不符合栏目关系：", "en": "Broken column relations:"},
    "due": {"zh": "报送截止日：{date}", "en": "Due date: {date}"},
    "reconstructed": {
        "zh": "◇ 标记的栏目名称系根据表的结构推定，仅供参考。",
        "en": "◇ marks a column label inferred from the table's structure; for reference only.",
    },
    "saved": {"zh": "草稿已保存在本机。", "en": "Draft saved in this browser."},
    "restored": {"zh": "已恢复上次的草稿。", "en": "The last draft was restored."},
    "booth_no_draft": {
        "zh": "展台模式已开启：填写的内容不会保存在本机。请先下载或打印，再点“下一位居民”清空。",
        "en": "Booth mode is on: nothing typed here is saved on this device. Download or print first, then press “Next resident” to clear.",
    },
    "export_blocked": {
        "zh": "表中还有错误，修正后才能导出 XLSX：",
        "en": "Fix the table's errors before exporting the XLSX:",
    },
    "export_failed": {"zh": "导出失败：", "en": "The export failed: "},
    "import_failed": {"zh": "无法导入：", "en": "Could not import: "},
    "imported": {"zh": "已导入 {n} 行。", "en": "{n} row(s) imported."},
    "importing": {"zh": "正在导入 {n} 行……", "en": "Importing {n} rows…"},
    "import_too_big": {
        "zh": "文件 {file} 有 {size}，超过上限 {limit}；表中内容未改动。",
        "en": "{file} is {size}, over the limit of {limit}; the table is unchanged.",
    },
    "import_too_many_rows": {
        "zh": "文件有 {n} 个填报单位，最多 {limit} 个；表中内容未改动。",
        "en": "the file has {n} reporting units, more than the limit of {limit}; the table is unchanged.",
    },
    "import_quote": {
        "zh": '第 {n} 行的引号（"）没有闭合；表中内容未改动。',
        "en": 'the quote (") opened on line {n} is never closed; the table is unchanged.',
    },
    "paste_too_many": {
        "zh": "粘贴后将有 {n} 行，最多 {limit} 行；没有粘贴。",
        "en": "Pasting would make {n} rows, more than the limit of {limit}; nothing was pasted.",
    },
    "storage_failed": {
        "zh": "草稿没有保存：本机浏览器的存储空间已满或不可用。关闭页面前，请导出 CSV 或 XLSX 留存。",
        "en": "The draft was not saved: this browser's storage is full or unavailable. Export a CSV or XLSX before closing the page.",
    },
    "pasted": {"zh": "已粘贴 {n} 行。", "en": "{n} row(s) pasted."},
    "paste_bad": {
        "zh": "第 {n} 行有 {k} 栏，应为 21 栏（或单位名称加 21 栏）。",
        "en": "Line {n} has {k} cells; it needs 21 (or the unit's name and 21).",
    },
    "privacy": {
        "zh": "表中数据只保存在本机浏览器，检查和导出都在本机完成，不会上传。",
        "en": "The table stays in this browser: checking and exporting run on this device and nothing is uploaded.",
    },
}

# --- the identification card page (staff/<card calculator>.md, policypress-card.js) ------------------------
# Keys starting with "page_" are used by the template; every key is also embedded for the script.
CARD_STRINGS: dict[str, dict[str, str]] = {
    # The page's own words: a card calculator gives its paper form's (Calculator.words); these
    # neutral ones stand where it does not.
    "page_title": {"zh": "登记卡（填写与核对）", "en": "Registration card (fill in and check)"},
    "page_nav": {"zh": "登记卡", "en": "Card"},
    "page_lead": {
        "zh": "按纸质卡片逐项填写。填写内容随时保存在本机浏览器中，不会上传；身份证号码只保存在本设备上。",
        "en": "Fill in the paper card field by field. What you type is saved in this browser as you go and never uploaded; "
        "ID numbers stay on this device only.",
    },
    "page_noscript": {
        "zh": "此页面需要 JavaScript。请打印纸质卡片填写，或拨打{hotline}咨询。",
        "en": "This page needs JavaScript. Print the paper card instead, or call {hotline}.",
    },
    "page_failed": {
        "zh": "核对程序无法在此浏览器运行；卡片仍会保存在本机，可导出后用 policypress calc 核对。",
        "en": "The checker cannot run in this browser; the card is still saved here and can be exported and checked with policypress calc.",
    },
    "page_link": {"zh": "登记卡：在线填写、核对、导出和打印", "en": "Card: fill in, check, export and print"},
    "page_front": {"zh": "正面", "en": "Front"},
    "page_back": {"zh": "反面", "en": "Back"},
    "sec_other": {"zh": "其他", "en": "Other"},
    "category_derived": {
        "zh": "由出生日期和劳动能力推算，点“核对本卡”后显示。",
        "en": "Derived from the birth date and ability to work; shown after 'Check card'.",
    },
    "yes": {"zh": "是", "en": "Yes"},
    "no": {"zh": "否", "en": "No"},
    "unknown": {"zh": "不清楚", "en": "Not known"},
    "choose": {"zh": "请选择", "en": "Choose"},
    "required": {"zh": "（必填）", "en": "(required)"},
    "add_row": {"zh": "增加一行", "en": "Add a row"},
    "remove_row": {"zh": "删除此行", "en": "Remove row"},
    "check": {"zh": "核对本卡", "en": "Check card"},
    "new_card": {"zh": "新建一张卡", "en": "New card"},
    "export_json": {"zh": "导出 JSON", "en": "Export JSON"},
    "export_csv": {"zh": "导出 CSV（Excel 可打开）", "en": "Export CSV (opens in Excel)"},
    "import": {"zh": "导入 JSON 或 CSV 文件", "en": "Import a JSON or CSV file"},
    "print": {"zh": "打印本卡（A4）", "en": "Print the card (A4)"},
    "open_selfcheck": {"zh": "用本卡的情况打开自查", "en": "Open the self-check with these answers"},
    "selfcheck_note": {
        "zh": "链接中不含姓名和身份证号码。",
        "en": "The link carries neither the name nor the ID number.",
    },
    "saved_cards": {"zh": "本机保存的卡片", "en": "Cards saved on this device"},
    "saved_none": {"zh": "本机还没有保存的卡片。", "en": "No cards are saved on this device yet."},
    "booth_not_saved": {
        "zh": "展台模式已开启：卡片不会保存在本机。需要留存的，请先打印或导出，再点“下一位居民”清空。",
        "en": "Booth mode is on: cards are not saved on this device. Print or export what you need to keep, then press “Next resident” to clear.",
    },
    "col_name": {"zh": "姓名", "en": "Name"},
    "col_id": {"zh": "身份证后4位", "en": "ID, last 4"},
    "col_updated": {"zh": "更新时间", "en": "Updated"},
    "col_actions": {"zh": "操作", "en": "Actions"},
    "open": {"zh": "打开", "en": "Open"},
    "delete": {"zh": "删除", "en": "Delete"},
    "current": {"zh": "（正在编辑）", "en": "(open now)"},
    "no_name": {"zh": "（未填姓名）", "en": "(no name yet)"},
    "clear_all": {"zh": "全部清除", "en": "Clear all"},
    "clear_confirm": {"zh": "确定删除本机全部 {n} 张卡片", "en": "Yes, delete all {n} cards"},
    "cancel": {"zh": "取消", "en": "Cancel"},
    "saved_at": {"zh": "已保存在本机：{time}", "en": "Saved on this device: {time}"},
    "working": {"zh": "正在核对……（首次需要加载程序）", "en": "Checking… (the first time loads the checker)"},
    "result": {"zh": "核对结果", "en": "Result"},
    "result_ok": {"zh": "本卡各项填写无误。", "en": "The card is filled in correctly."},
    "result_errors": {
        "zh": "本卡有 {n} 处需要修改，见各项下方的说明。",
        "en": "{n} things on the card need correcting; see below each field.",
    },
    "birth_date": {"zh": "出生日期", "en": "Date of birth"},
    "age": {"zh": "年龄（周岁）", "en": "Age (whole years)"},
    "category": {"zh": "人员类别", "en": "Category"},
    "recommended": {"zh": "推荐措施（符合）", "en": "Recommended measures (apply)"},
    "possibly": {"zh": "可能符合的措施", "en": "Measures that may apply"},
    "none": {"zh": "无", "en": "None"},
    "measure_n": {"zh": "第{n}项", "en": "Measure {n}"},
    "failed": {"zh": "核对失败：{message}", "en": "The check failed: {message}"},
    "imported": {"zh": "已导入：{file}", "en": "Imported: {file}"},
    "import_failed": {"zh": "无法导入 {file}：{message}", "en": "Cannot import {file}: {message}"},
    "import_bad": {"zh": "文件不是导出的识别卡", "en": "the file is not an exported card"},
    "import_too_big": {
        "zh": "文件有 {size}，超过上限 {limit}；页面上的内容未改动",
        "en": "the file is {size}, over the limit of {limit}; nothing on the page was changed",
    },
    "import_too_many_rows": {
        "zh": "“{field}”有 {n} 行，最多 {limit} 行；页面上的内容未改动",
        "en": "'{field}' has {n} rows, at most {limit}; nothing on the page was changed",
    },
    "import_quote": {
        "zh": '第 {n} 行的引号（"）没有闭合；页面上的内容未改动',
        "en": 'the quote (") opened on line {n} is never closed; nothing on the page was changed',
    },
    "imported_unsaved": {
        "zh": "已把 {file} 填入表单，但没有保存在本机。",
        "en": "{file} was put into the form but not saved on this device.",
    },
    "storage_failed": {
        "zh": "没有保存：本机浏览器的存储空间已满或不可用。请导出 JSON 或 CSV 留存，或删除不用的卡片后再试。",
        "en": "Not saved: this browser's storage is full or unavailable. Export the card (JSON or CSV) to keep it, or delete cards you no longer need and try again.",
    },
    "print_title": {"zh": "登记卡", "en": "Registration card"},
    "print_signature": {"zh": "本人签字", "en": "Signature of the person"},
    # Dates are typed as text in the page's language (a browser's own date field follows the
    # browser's language, mm/dd/yyyy on a Chinese page): the pattern is said, 2020年5月10日 accepted.
    "date_placeholder": {"zh": "年-月-日", "en": "YYYY-MM-DD"},
    "date_hint": {"zh": "写法：年-月-日，例如 2020-05-10", "en": "Write it as year-month-day, e.g. 2020-05-10"},
    "date_bad": {
        "zh": "“{label}”请写成 年-月-日，例如 2020-05-10。",
        "en": "Write '{label}' as year-month-day, e.g. 2020-05-10.",
    },
    "errors_title": {"zh": "请修改以下各项：", "en": "Please correct these:"},
    "row_n": {"zh": "第 {n} 行", "en": "row {n}"},
    # The runtime's status while it loads (policypress-calc.js's showStatus, with these words).
    **{key: value for key, value in SCRIPT_STRINGS.items() if key.startswith("stage_")},
}

# The copy of the site on this device (theme/main.html's box on the calculator, self-check and
# staff pages; assets/policypress-offline.js). {size}: the copy's download size, from the build;
# {done} / {total}: how much of it has arrived.
OFFLINE_STRINGS: dict[str, dict[str, str]] = {
    "title": {"zh": "离线使用", "en": "Offline use"},
    "lead": {
        "zh": "保存一次，之后没有网络时也能打开本站的页面和计算器。建议连接 Wi-Fi 时保存。",
        "en": "Save once, and the site's pages and calculators open without a connection. Best done on Wi-Fi.",
    },
    "save": {"zh": "保存到本机，离线也能用（约 {size}）", "en": "Save on this device for offline use (about {size})"},
    "saving": {"zh": "正在保存到本机：{done} / {total}", "en": "Saving on this device: {done} of {total}"},
    "done": {
        "zh": "已保存到本机：没有网络时也能打开本站的页面和计算器。",
        "en": "Saved on this device: the site's pages and calculators open without a connection.",
    },
    "saved": {
        "zh": "本站已保存在本机：没有网络时也能用。",
        "en": "This site is saved on this device: it works without a connection.",
    },
    "failed": {
        "zh": "没有保存完：网络中断，或本机空间不够。已下载的部分会保留，再点一次可以接着保存。",
        "en": "Saving did not finish: the connection dropped, or this device is out of space. What arrived is kept: tap again to go on.",
    },
}


def offline_strings(lang: str) -> dict[str, str]:
    """The offline box's words in `lang`."""
    return {key: value[lang] for key, value in OFFLINE_STRINGS.items()}


# The modes bar at the top of every page (theme/main.html, assets/policypress-modes.js).
MODE_STRINGS: dict[str, dict[str, str]] = {
    "modes_label": {"zh": "显示方式", "en": "Display"},
    "elder_mode": {"zh": "长辈模式", "en": "Elder mode"},
    "elder_mode_hint": {
        "zh": "字更大、对比更强、按钮更大，结果可朗读",
        "en": "Larger text, stronger contrast, bigger buttons, results read aloud",
    },
    "booth_mode": {"zh": "展台模式", "en": "Booth mode"},
    "booth_mode_hint": {
        "zh": "供宣传周展台等共用电脑使用：不保存任何个人信息，闲置几分钟后自动清空",
        "en": "For a shared computer at a Publicity Week booth: nothing personal is kept, and it clears itself after a few idle minutes",
    },
    "new_resident": {"zh": "下一位居民（清空）", "en": "Next resident (clear all)"},
    "booth_on": {"zh": "展台模式已开启：本机不保存任何填写内容。", "en": "Booth mode is on: nothing typed is kept on this computer."},
    "booth_warning": {
        "zh": "长时间没有操作，页面即将清空。如还在使用，请点一下屏幕。",
        "en": "No one has used this page for a while: it will be cleared soon. Tap anywhere to keep it.",
    },
    "booth_cleared": {"zh": "已为下一位居民清空所有填写内容。", "en": "Everything typed has been cleared for the next resident."},
    "read_aloud": {"zh": "🔊 朗读结果", "en": "🔊 Read the result aloud"},
    # Switching booth mode on while staff work is kept on the device (policypress-modes.js).
    "booth_ask_title": {"zh": "开启展台模式之前", "en": "Before booth mode is switched on"},
    "booth_ask_text": {
        "zh": "这台设备上还保存着工作人员填写的内容（{what}）。展台模式会把它们从这台设备上清除。需要保留的，请先打印或导出。",
        "en": "This device still holds staff work ({what}). Booth mode clears it from this device. Print or export what you need to keep first.",
    },
    "booth_ask_cards": {"zh": "识别卡 {n} 张", "en": "identification cards: {n}"},
    "booth_ask_reports": {"zh": "统计表草稿 {n} 份", "en": "statistics table drafts: {n}"},
    "booth_ask_here_card": {
        "zh": "“打印”和“导出”针对本页打开的卡片；其他卡片请在“已保存的卡片”中打开后再打印或导出。",
        "en": "Print and Export act on the card open on this page; open the other cards from the saved cards to print or export them.",
    },
    "booth_ask_here_report": {
        "zh": "“打印”和“导出”针对本页的统计表（导出为 CSV，可以再导入）。",
        "en": "Print and Export act on this page's table (exported as CSV, which can be imported again).",
    },
    "booth_ask_elsewhere": {
        "zh": "点“打印”或“导出”会先打开保存这些内容的页面，在那里再选一次。",
        "en": "Print or Export first opens the page that holds the work; choose again there.",
    },
    "booth_ask_print": {"zh": "打印", "en": "Print"},
    "booth_ask_export": {"zh": "导出", "en": "Export"},
    "booth_ask_discard": {"zh": "不保留，清除后开启展台模式", "en": "Discard it and switch on booth mode"},
    "booth_ask_cancel": {"zh": "取消", "en": "Cancel"},
    "publicity_week_banner": {"zh": "政策宣传周：宣传资料、单页和海报", "en": "Publicity Week: leaflets and posters"},
}


def mode_strings(lang: str, config: Any = None) -> dict[str, str]:
    """The bar's words; the Publicity Week banner is the site's own when site.yaml names the week."""
    strings = {key: value[lang] for key, value in MODE_STRINGS.items()}
    week = getattr(config, "publicity_week", None)
    if week is not None:
        strings["publicity_week_banner"] = getattr(week.banner, lang)
    return strings


# The Publicity Week kit (policypress/publicity.py, templates leaflet/poster/publicity_week).
PUBLICITY_STRINGS: dict[str, dict[str, str]] = {
    "title": {"zh": "宣传资料", "en": "Booth kit"},
    "nav": {"zh": "宣传周资料", "en": "Publicity Week kit"},
    "lead": {
        "zh": "每年{month}举办政策宣传周。这里是展台用的资料：每项现行措施一张A4单页，一张A3海报，都可以直接打印；单页上的二维码打开本网站上的对应页面和计算器。",
        "en": "Every {month} the bureau holds a Publicity Week. Here is the booth kit: an A4 leaflet per measure in force and an A3 poster, ready to print; the QR codes on them open the measure's page and its calculator on this site.",
    },
    # When no document in force holds the week: no month is claimed.
    "lead_undated": {
        "zh": "这里是展台用的资料：每项现行措施一张A4单页，一张A3海报，都可以直接打印；单页上的二维码打开本网站上的对应页面和计算器。",
        "en": "Here is the booth kit: an A4 leaflet per measure in force and an A3 poster, ready to print; the QR codes on them open the measure's page and its calculator on this site.",
    },
    "now": {
        "zh": "本月是宣传周。",
        "en": "Publicity Week is this month.",
    },
    "at_booth": {"zh": "在展台", "en": "At the booth"},
    "booth_steps": {
        "zh": "在共用的电脑或平板上开启展台模式：字更大，每位居民用完点“下一位居民”清空，闲置几分钟也会自动清空，不保存任何个人信息。",
        "en": "Switch on booth mode on a shared computer or tablet: large type, a “Next resident” button that clears everything, an automatic clear after a few idle minutes, and nothing personal kept.",
    },
    "booth_button": {"zh": "在这台设备上开启展台模式", "en": "Switch on booth mode on this device"},
    "booth_offline": {
        "zh": "没有网络时：工作人员可以用网站的离线包（make dist 生成）在笔记本电脑上运行本网站，附近的手机连同一个无线网络即可访问，计算器照常使用。",
        "en": "Without internet: staff can run this site from its offline bundle (made by make dist) on a laptop; phones on the same wireless network can open it, calculators included.",
    },
    "print_kit": {"zh": "打印资料", "en": "Materials to print"},
    "poster": {"zh": "A3海报：现行措施一览", "en": "A3 poster: the measures in force at a glance"},
    "poster_title": {"zh": "现行政策措施（{n}项）", "en": "The measures in force ({n})"},
    "none_in_force_title": {"zh": "目前没有可以宣传的现行措施", "en": "No measure is in force to print"},
    "none_in_force": {
        "zh": "本站的文件在今天都不在有效期内，所以不提供单页和海报：已失效的措施不能再申请。下面的文件仅供查阅。",
        "en": "None of this site's documents is in force today, so there are no leaflets or poster: an expired measure can no longer be applied for. The documents below are kept for reference.",
    },
    "leaflet": {"zh": "单页", "en": "Leaflet"},
    "leaflets": {"zh": "每项措施的A4单页", "en": "An A4 leaflet per measure"},
    "print_leaflet": {"zh": "打印这张单页（A4）", "en": "Print this leaflet (A4)"},
    "print_poster": {"zh": "打印海报（A3）", "en": "Print the poster (A3)"},
    "print_hint": {
        "zh": "打印时选择对应的纸张大小，页边距选“默认”；也可以“另存为PDF”发给乡镇。",
        "en": "Choose the matching paper size when printing, with default margins; or save as PDF to send to the townships.",
    },
    "back_to_kit": {"zh": "返回宣传周资料", "en": "Back to the Publicity Week kit"},
    "in_brief": {"zh": "政策内容", "en": "In brief"},
    "who": {"zh": "哪些人可以享受", "en": "Who it is for"},
    "how_much": {"zh": "标准", "en": "How much"},
    "how_to_apply": {"zh": "怎么申请", "en": "How to apply"},
    "hotline": {"zh": "咨询电话", "en": "Questions? Call"},
    "qr_measure": {"zh": "扫码看政策详情", "en": "Scan for the details"},
    "qr_calculator": {"zh": "扫码算一算", "en": "Scan to work it out"},
    "qr_selfcheck": {"zh": "扫码查一查能享受哪些政策", "en": "Scan to check what you can get"},
    "source": {"zh": "依据", "en": "Source"},
    "made": {"zh": "资料生成日期", "en": "Printed from the site built on"},
    "measure_number": {"zh": "措施", "en": "Measure"},
    "valid": {"zh": "有效期", "en": "Valid"},
    "or": {"zh": "，或", "en": ", or "},
    "who_or": {"zh": "写在同一行、用“或”连接的条件，符合其中一项即可。", "en": "Where a line says 'or', one of its conditions is enough."},
    "also_for": {"zh": "也面向", "en": "Also for"},
    "class_areas": {"zh": "{cls}地区", "en": "{cls} areas"},
    # site_url is this computer or a private network (publicity.site_url_kind): on the kit's page
    # and on every sheet, on screen and in print.
    "qr_local_title": {
        "zh": "二维码指向本机地址，打印前请设置 site_url",
        "en": "The QR codes point to this computer: set site_url before printing",
    },
    "qr_local": {
        "zh": "这些资料按 site_url 生成，它指向 {host}，这是生成网站的这台电脑，居民用手机扫码打不开。请在 policy/site.yaml 中把 site_url 改为网站发布后的地址，重新生成网站后再打印。",
        "en": "These sheets were made with a site_url on {host}, the computer that built the site: a resident's phone cannot open it. Set site_url in policy/site.yaml to the address the site is published at, build the site again, then print.",
    },
    "qr_private_title": {
        "zh": "二维码指向局域网地址，打印前请设置 site_url",
        "en": "The QR codes point to a local network address: set site_url before printing",
    },
    "qr_private": {
        "zh": "这些资料按 site_url 生成，它指向 {host}，这是局域网内的地址，只有连着同一个网络的手机才能打开，居民带回家就打不开了。请在 policy/site.yaml 中把 site_url 改为网站发布后的地址，重新生成网站后再打印。",
        "en": "These sheets were made with a site_url on {host}, an address on one local network: only phones on that network can open it, not a resident's phone at home. Set site_url in policy/site.yaml to the address the site is published at, build the site again, then print.",
    },
}
