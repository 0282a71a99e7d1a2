"""统计表 — the monthly statistics report (attachment 3).

Each county reports one table a month: a row per reporting unit (a township, say), columns of
people counted and one of money (万元), and a 合计 row that sums the rows. The notice fixes the
relations between columns, (1)≥(2) and so on, which must hold on every row and on 合计, and has
the table reported within statistics.report_due_days after the month ends, 遇节假日顺延. The
columns and relations come from the document's statistics-table.yaml and the holidays from
policy/holidays.yaml, so an editor corrects them without touching this code.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..core.calculator import Calculator
from ..core.explain import DateUsed, Explanation, finish
from ..core.inputs import Field, InputError
from ..core.parameters import Parameters, to_json_number
from ..core.statistics_table import MAX_UNITS, Number, Row, broken_relations, column_totals, read_rows, relation_name
from ..core.text import Text, text
from .conventions import area_names, find_area

CLAUSE = "att3-statistics-table"
DUE_DAYS = "statistics.report_due_days"
YEARS = range(1900, 2200)  # a plausible reporting month; keeps the date arithmetic in range
INPUTS = (
    Field(
        "county",
        "text",
        text("县（区）", "County or district"),
        help=text("填报本表的县区，例如 沂南县、兰山区。", "The county or district the table is for, e.g. Yinan County."),
        required=True,
        max_length=60,
    ),
    Field(
        "month",
        "text",
        text("报告期（年-月）", "Reporting month (YYYY-MM)"),
        help=text("本表报告的月份，例如 2016-10。", "The month the table reports on, e.g. 2016-10."),
        required=True,
        max_length=20,
    ),
    Field(
        "rows",
        "rows",
        text("各填报单位", "Reporting units"),
        help=text(
            "每行一个填报单位（如乡镇、街道），依次填写第 (1) 栏至最后一栏的数值。空白格按 0 计算。",
            "One row per reporting unit (a township, say), with its values from column (1) to the last column. Empty cells count as 0.",
        ),
        required=True,
        maximum=MAX_UNITS,
        rows=(
            Field("unit", "text", text("填报单位", "Reporting unit"), required=True, max_length=60),
            Field(
                "columns",
                "list",
                text("各栏数值", "Values by column"),
                help=text(
                    "从第 (1) 栏起依次填写，可从表格软件整行粘贴。", "From column (1) on, in order; a row pasted from a spreadsheet works."
                ),
                required=True,
                maximum=100,
            ),
        ),
    ),
)


# --- the table and the calendar, as data ----------------------------------------------------


def statistics_table(params: Parameters) -> dict[str, Any]:
    """The columns and relations of the document's statistics table (statistics-table.yaml)."""
    table = params.statistics_table
    if table is None:
        raise InputError(
            "_",
            text(
                f"{params.document.get('number', '')}没有月度统计表，无法检查。",
                f"The notice {params.document.get('number', '')} has no monthly statistics table to check.",
            ),
        )
    return table


@dataclass(frozen=True)
class Calendar:
    """Which days are working days: Monday to Friday, except the listed days off, plus the
    weekend days listed as adjusted working days (调休上班)."""

    days_off: dict[dt.date, Text]  # day → the holiday's name
    working_days: frozenset[dt.date]
    years: frozenset[int]  # the years whose arrangements are listed

    @classmethod
    def from_export(cls, holidays: dict[str, Any] | None) -> Calendar:
        days_off: dict[dt.date, Text] = {}
        working: set[dt.date] = set()
        years: set[int] = set()
        for year in (holidays or {}).get("years", []):
            years.add(int(year["year"]))
            for holiday in year["holidays"]:
                first = dt.date.fromisoformat(holiday["days_off"]["from"])
                last = dt.date.fromisoformat(holiday["days_off"]["to"])
                for offset in range((last - first).days + 1):
                    days_off[first + dt.timedelta(days=offset)] = holiday["name"]
                working.update(dt.date.fromisoformat(day) for day in holiday.get("working_days", []))
        return cls(days_off, frozenset(working), frozenset(years))

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.working_days:
            return True
        return day not in self.days_off and day.weekday() < 5

    def lists(self, day: dt.date) -> bool:
        """Are the holidays of `day`'s year listed? (Without them only weekends are known.)"""
        return day.year in self.years


# --- inputs the declaration cannot check ------------------------------------------------------


def county_of(name: str, params: Parameters) -> dict[str, Any]:
    area = find_area(name, params)
    if area is None:
        zh, en = area_names(params)
        raise InputError(
            "county", text(f"没有找到“{name}”。请填写临沂市的县区：{zh}。", f"'{name}' is not a Linyi area. Use one of: {en}.")
        )
    return area


def reporting_period(month: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a month written YYYY-MM."""
    match = re.fullmatch(r"(\d{4})-(\d{2})", month.strip())
    if match is None or int(match.group(1)) not in YEARS or not 1 <= int(match.group(2)) <= 12:
        raise InputError(
            "month",
            text(
                f"“{month}”不是一个真实的月份。请按 年-月 填写，例如 2016-10。",
                f"'{month}' is not a real month. Write it as YYYY-MM, e.g. 2016-10.",
            ),
        )
    first = dt.date(int(match.group(1)), int(match.group(2)), 1)
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def due_date(period_end: dt.date, days: int, calendar: Calendar) -> tuple[dt.date, dt.date, list[dt.date]]:
    """(the day `days` after the period ends, the due date, the days off skipped): a due day
    that is not a working day moves to the next working day (遇节假日顺延)."""
    nominal = period_end + dt.timedelta(days=days)
    day, skipped = nominal, []
    while not calendar.is_working_day(day):
        skipped.append(day)
        day += dt.timedelta(days=1)
    return nominal, day, skipped


# --- the result ------------------------------------------------------------------------------


def _label(columns: list[dict[str, Any]], number: int) -> Text:
    return columns[number - 1]["label"]


def violation(row: Row | None, relation: dict[str, int], values: list[Number], columns: list[dict[str, Any]]) -> dict[str, Any]:
    """One broken relation on a row (None: the 合计 row), with a sentence in zh and en."""
    left, right = relation["left"], relation["right"]
    a, b = to_json_number(values[left - 1]), to_json_number(values[right - 1])
    where_zh = f"第 {row.index} 行（{row.unit}）" if row else "合计行"
    where_en = f"Row {row.index} ({row.unit})" if row else "The total row"
    name = relation_name(relation)
    return {
        "row": row.index if row else "total",
        "unit": row.unit if row else "合计",
        "relation": name,
        "left": a,
        "right": b,
        "zh": f"{where_zh}：第 ({left}) 栏“{_label(columns, left)['zh']}”为 {a}，小于第 ({right}) 栏“{_label(columns, right)['zh']}”的 {b}，不符合 {name}。",
        "en": f"{where_en}: column ({left}) '{_label(columns, left)['en']}' is {a}, less than column ({right}) '{_label(columns, right)['en']}' at {b}; the table requires {name}.",
    }


def _and(items: list[str]) -> str:
    return " and ".join(items) if len(items) < 3 else ", ".join(items[:-1]) + " and " + items[-1]


def check_relations(why: Explanation, violations: list[dict[str, Any]], relations: list[dict[str, int]]) -> None:
    """One condition per relation, met when no row and not the 合计 row breaks it."""
    for relation in relations:
        name = relation_name(relation)
        where = [v for v in violations if v["relation"] == name]
        zh_rows = "、".join(f"第 {v['row']} 行" if v["row"] != "total" else "合计行" for v in where)
        en_rows = _and([f"row {v['row']}" if v["row"] != "total" else "the total row" for v in where])
        why.check(
            f"relation_{relation['left']}_{relation['right']}",
            not where,
            CLAUSE,
            f"栏目关系 {name}：各行和合计行均满足。" if not where else f"栏目关系 {name}：{zh_rows}不满足。",
            f"Column relation {name}: every row and the total row satisfy it."
            if not where
            else f"Column relation {name}: not satisfied on {en_rows}.",
        )


def check_period(why: Explanation, params: Parameters, first: dt.date, last: dt.date, month: str) -> None:
    """Was the notice in force in the reporting month? It changes whether the table was due,
    not whether its figures are consistent, so it does not decide the outcome."""
    in_force = first <= (params.expires or last) and params.effective <= last
    period = f"{params.effective.isoformat()} – {params.expires.isoformat() if params.expires else '…'}"
    why.check(
        "notice_in_force",
        in_force,
        CLAUSE,
        f"报告期 {month} 在通知有效期（{period}）内，按月报送本表。"
        if in_force
        else f"报告期 {month} 不在通知有效期（{period}）内，通知未要求报送该月的表；以下仍按其规定检查。",
        f"The reporting month {month} is within the notice's period in force ({period}): the table is reported monthly."
        if in_force
        else f"The reporting month {month} is outside the notice's period in force ({period}): the notice did not ask for that month's table; it is still checked by its rules.",
        decisive=False,
    )


def due_date_notes(why: Explanation, days: int, nominal: dt.date, due: dt.date, skipped: list[dt.date], calendar: Calendar) -> None:
    why.note(
        f"通知规定本表“于报告期终了{days}日内报出，遇节假日顺延”。截止日落在法定节假日时顺延到下一个工作日；落在周末时也顺延，是本站的理解。"
        "调休上班的周末算作工作日。节假日按国务院办公厅当年的放假安排，请以市人社局的通知为准。",
        f"The notice has the table reported within {days} days after the reporting period ends, postponed over public holidays. "
        "A due day on a public holiday moves to the next working day; moving past weekends too is this site's reading. "
        "A weekend day that is an adjusted working day counts as a working day. Holidays follow the State Council's arrangement for the year; "
        "the bureau's notices decide.",
    )
    if due != nominal:
        reasons_zh = "、".join(
            f"{d.isoformat()}（{'周末' if d not in calendar.days_off else calendar.days_off[d]['zh']}）" for d in skipped
        )
        reasons_en = ", ".join(
            f"{d.isoformat()} ({'weekend' if d not in calendar.days_off else calendar.days_off[d]['en']})" for d in skipped
        )
        why.note(
            f"报告期终了后第 {days} 天是 {nominal.isoformat()}，不是工作日，顺延至 {due.isoformat()}。跳过：{reasons_zh}。",
            f"Day {days} after the period ends is {nominal.isoformat()}, not a working day: the table is due on {due.isoformat()}. Skipped: {reasons_en}.",
        )
    unlisted = sorted({d.year for d in [nominal, *skipped, due] if not calendar.lists(d)})
    if unlisted:
        years = "、".join(map(str, unlisted))
        why.note(
            f"没有 {years} 年的节假日安排数据，只按周末顺延；该年的法定节假日请自行核对。",
            f"The holidays of {', '.join(map(str, unlisted))} are not listed: only weekends were skipped. Check that year's public holidays.",
        )


def compute(values: dict[str, Any], params: Parameters, used: DateUsed) -> dict[str, Any]:
    """Check the rows, the relations on each row and on 合计, and work out the due date. The
    reporting month, not today, decides which rules apply, so the result's date is the month's
    last day (`used`, today's date, is not what this table is about)."""
    table = statistics_table(params)
    columns, relations = table["columns"], table["relations"]
    area = county_of(values["county"], params)
    first, last = reporting_period(values["month"])
    month = f"{first.year:04d}-{first.month:02d}"
    rows = read_rows(values["rows"], table)
    totals = column_totals(rows, len(columns))

    violations = [violation(row, r, row.values, columns) for row in rows for r in broken_relations(row.values, relations)]
    violations += [violation(None, r, totals, columns) for r in broken_relations(totals, relations)]

    why = Explanation()
    check_period(why, params, first, last, month)
    check_relations(why, violations, relations)
    days = int(params.rule(DUE_DAYS, last))
    calendar = Calendar.from_export(params.holidays)
    nominal, due, skipped = due_date(last, days, calendar)
    due_date_notes(why, days, nominal, due, skipped, calendar)
    blanks = sum(row.blanks for row in rows)
    if blanks:
        why.note(f"有 {blanks} 个空白格，按 0 计算。", f"{blanks} empty cell(s) were counted as 0.")
    if any(column["reconstructed"] for column in columns):
        why.note(
            "标为重构的栏目名称，因原表表头在文字提取中受损，系根据表的结构和栏目关系推定，仅供参考。",
            "Column labels marked as reconstructed were inferred from the table's structure and relations, because the original header was damaged; they are for reference only.",
        )

    period = DateUsed(
        last,
        "reporting_period",
        text(
            f"报告期：{month}（{first.isoformat()} 至 {last.isoformat()}）。",
            f"Reporting period: {month} ({first.isoformat()} to {last.isoformat()}).",
        ),
    )
    units = table["units"]
    return finish(
        CALCULATOR.name,
        "not_eligible" if violations else "eligible",
        period,
        why,
        params,
        county={"id": area["id"], "zh": area["zh"], "en": area["en"]},
        month=month,
        columns=columns,
        totals=[to_json_number(v) for v in totals],
        violations=violations,
        violation_count=len(violations),
        due_date=due.isoformat(),
        due_date_nominal=nominal.isoformat(),
        due_date_skipped=[d.isoformat() for d in skipped],
        holidays_listed=all(calendar.lists(d) for d in [nominal, *skipped, due]),
        breakdown=[
            {
                "label": text(f"合计 ({c['number']}) {c['label']['zh']}", f"Total ({c['number']}) {c['label']['en']}"),
                "value": to_json_number(v),
                "unit": units[c["kind"]]["en"],
            }
            for c, v in zip(columns, totals, strict=True)
        ],
    )


CALCULATOR = Calculator(
    page="report",
    name="stats-report",
    title=text("月度统计表检查", "Monthly statistics table check"),
    clause=CLAUSE,
    inputs=INPUTS,
    compute=compute,
    summary=text(
        "检查一个县区的月度统计表：各栏数值、栏目关系和合计行，并算出报送截止日。",
        "Check a county's monthly statistics table: the values, the column relations and the total row, and work out when it is due.",
    ),
    outputs=(
        ("due_date", text("报送截止日", "Due date")),
        ("violation_count", text("不符合栏目关系的处数", "Broken column relations")),
    ),
)
