"""The monthly statistics table (attachment 3): due dates over weekends and holidays, the column
relations on every row and on the 合计 row, the 合计 row as exact sums, and the two data files
(statistics-table.yaml, holidays.yaml) that `policypress check` validates."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import calculate
from calculators.core.statistics_table import broken_relations, cell_value, column_totals
from calculators.linyi_hrss_2016_12.stats_report import Calendar, due_date, reporting_period
from conftest import ROOT, copy_project
from policypress.content import load_site
from policypress.errors import ContentErrors
from policypress.export import export_parameters

SITE = load_site(ROOT)
PARAMETERS = export_parameters(SITE, SITE.documents[0])
TABLE = PARAMETERS["statistics_table"]
CALENDAR = Calendar.from_export(PARAMETERS["holidays"])
MONEY = [c["number"] for c in TABLE["columns"] if c["kind"] == "money"]
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLEAN = [1200, 800, 600, 150, 300, 200, 40, 35, 120, 90, 60, 25, 30, 12, 20, 15, 10, 75.5, 1150, 60, 2]


def report(rows: list[list[Any]], month: str = "2016-11", parameters: dict[str, Any] = PARAMETERS) -> dict[str, Any]:
    inputs = {"county": "沂南县", "month": month, "rows": [{"unit": f"单位{i + 1}", "columns": r} for i, r in enumerate(rows)]}
    return calculate("stats-report", inputs, parameters, today=dt.date(2026, 11, 27))


# --- the data ---------------------------------------------------------------------------------


def test_the_table_has_the_notices_columns_and_relations() -> None:
    """21 columns numbered in order, column 18 the only money column, the ◇ labels flagged, and
    the nine relations exactly as the notice lists them."""
    numbers = [c["number"] for c in TABLE["columns"]]
    assert numbers == list(range(1, 22))
    assert MONEY == [18]
    assert [c["number"] for c in TABLE["columns"] if c["reconstructed"]] == [8, 11, 12, 14, 16, 17, 18]
    relations = [(r["left"], r["right"]) for r in TABLE["relations"]]
    assert relations == [(1, 2), (2, 3), (2, 4), (7, 8), (10, 11), (10, 12), (13, 14), (15, 16), (15, 17)]


def test_the_holidays_cover_2016_to_2021_and_every_adjusted_working_day_is_a_weekend_day() -> None:
    assert {year["year"] for year in PARAMETERS["holidays"]["years"]} == set(range(2016, 2022))
    assert CALENDAR.working_days and all(day.weekday() >= 5 for day in CALENDAR.working_days)
    assert not CALENDAR.working_days & CALENDAR.days_off.keys()


def test_a_document_without_a_statistics_table_gets_no_table_and_the_check_says_so() -> None:
    without = {k: v for k, v in PARAMETERS.items() if k != "statistics_table"}
    result = report([CLEAN], parameters=without)
    assert list(result["errors"]) == ["_"]


# --- due dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("month", "due"),
    [
        ("2016-11", "2016-12-05"),  # a Monday
        ("2016-10", "2016-11-07"),  # Saturday 5 November → Monday
        ("2016-09", "2016-10-08"),  # 5–7 October National Day; Saturday 8 October is a working day
        ("2017-01", "2017-02-06"),  # Sunday 5 February → Monday (Saturday 4 February worked, but is before)
        ("2017-09", "2017-10-09"),  # 1–8 October holiday → Monday 9 October
        ("2018-09", "2018-10-08"),  # 5–7 October National Day → Monday 8 October
        ("2019-01", "2019-02-11"),  # 4–10 February Spring Festival → Monday 11 February
        ("2019-04", "2019-05-05"),  # Sunday 5 May 2019 is an adjusted working day
        ("2019-12", "2020-01-06"),  # Sunday 5 January 2020 → Monday
        ("2020-04", "2020-05-06"),  # 1–5 May 2020 Labour Day → Wednesday 6 May
        ("2020-09", "2020-10-09"),  # 1–8 October 2020 → Friday 9 October
        ("2021-04", "2021-05-06"),  # 1–5 May 2021 Labour Day → Thursday 6 May
    ],
)
def test_the_due_date_moves_past_weekends_and_holidays_but_not_past_adjusted_working_days(month: str, due: str) -> None:
    assert report([CLEAN], month)["due_date"] == due


def test_a_due_day_on_a_working_weekday_does_not_move() -> None:
    calendar = Calendar({}, frozenset(), frozenset({2016}))
    assert due_date(dt.date(2016, 11, 30), 5, calendar) == (dt.date(2016, 12, 5), dt.date(2016, 12, 5), [])


def test_a_listed_working_sunday_is_a_working_day_and_a_holiday_weekday_is_not() -> None:
    sunday, wednesday = dt.date(2019, 5, 5), dt.date(2019, 5, 1)
    assert CALENDAR.is_working_day(sunday)
    assert not CALENDAR.is_working_day(wednesday)
    assert not Calendar({}, frozenset(), frozenset()).is_working_day(sunday)


def test_the_days_come_from_the_parameter() -> None:
    """statistics.report_due_days decides the nominal due day, not a figure in the code."""
    longer = copy.deepcopy(PARAMETERS)
    for entry in longer["parameters"]["statistics.report_due_days"]["values"]:
        if entry["value"] is not None:
            entry["value"] = "10"
    assert report([CLEAN], "2016-11", longer)["due_date_nominal"] == "2016-12-10"


@SETTINGS
@given(st.dates(min_value=dt.date(2016, 1, 1), max_value=dt.date(2021, 11, 30)))
def test_the_due_date_is_the_first_working_day_on_or_after_the_nominal_day(day: dt.date) -> None:
    first, last = reporting_period(f"{day.year:04d}-{day.month:02d}")
    nominal, due, skipped = due_date(last, 5, CALENDAR)
    assert nominal == last + dt.timedelta(days=5) and nominal.day == 5
    assert CALENDAR.is_working_day(due) and due >= nominal
    between = [nominal + dt.timedelta(days=i) for i in range((due - nominal).days)]
    assert between == skipped and not any(CALENDAR.is_working_day(d) for d in between)


def test_a_month_must_be_real() -> None:
    assert reporting_period("2016-02") == (dt.date(2016, 2, 1), dt.date(2016, 2, 29))
    for bad in ("2016-13", "2016-00", "2016-1", "16-10", "2016/10", ""):
        assert list(report([CLEAN], bad)["errors"]) == ["month"], bad


# --- cells -----------------------------------------------------------------------------------


COUNT = {"number": 5, "kind": "count", "label": {"zh": "", "en": ""}}
MONEY_COLUMN = {"number": 18, "kind": "money", "label": {"zh": "", "en": ""}}


@pytest.mark.parametrize(
    ("raw", "column", "value"),
    [
        (12, COUNT, 12),
        ("12", COUNT, 12),
        (" 1,200 ", COUNT, 1200),
        (12.0, COUNT, 12),
        (None, COUNT, 0),
        ("", COUNT, 0),
        (75.5, MONEY_COLUMN, Decimal("75.5")),
        ("75.50", MONEY_COLUMN, Decimal("75.50")),
        ("75.500", MONEY_COLUMN, Decimal("75.500")),  # three digits written, two decimals of value
        (0, MONEY_COLUMN, 0),
    ],
)
def test_a_cell_accepts_numbers_and_numeric_text(raw: Any, column: dict[str, Any], value: Any) -> None:
    assert cell_value(raw, column, TABLE) == value


@pytest.mark.parametrize(
    ("raw", "column"),
    [(12.5, COUNT), ("12.5", COUNT), (-3, COUNT), ("-3", COUNT), ("x", COUNT), (True, COUNT), (75.505, MONEY_COLUMN), ("-1", MONEY_COLUMN)],
)
def test_a_cell_rejects_what_is_not_a_count_or_an_amount(raw: Any, column: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        cell_value(raw, column, TABLE)


def test_a_bad_row_is_reported_on_its_own_key_in_both_languages() -> None:
    bad = list(CLEAN)
    bad[4] = "12.5"
    errors = report([CLEAN, bad, CLEAN[:20]])["errors"]
    assert list(errors) == ["rows[1].columns"]
    assert "第 2 行" in errors["rows[1].columns"]["zh"] and "(5)" in errors["rows[1].columns"]["en"]
    assert "1 more row" in errors["rows[1].columns"]["en"]


# --- relations and totals --------------------------------------------------------------------


def counts(maximum: int) -> st.SearchStrategy:
    return st.integers(min_value=0, max_value=maximum)


ROW = st.lists(counts(60), min_size=21, max_size=21).flatmap(
    lambda values: st.decimals(min_value=0, max_value=1000, places=2).map(lambda money: values[:17] + [str(money)] + values[18:])
)


def expected_violations(rows: list[list[Any]]) -> list[tuple[Any, str]]:
    """By brute force: every (row, relation) with left < right, rows first, then 合计."""
    numbers = [[Decimal(str(v)) for v in row] for row in rows]
    totals = [sum(column) for column in zip(*numbers, strict=True)]
    found = []
    for label, values in [*((i + 1, row) for i, row in enumerate(numbers)), ("total", totals)]:
        for r in TABLE["relations"]:
            if values[r["left"] - 1] < values[r["right"] - 1]:
                found.append((label, f"({r['left']})≥({r['right']})"))
    return found


@SETTINGS
@given(st.lists(ROW, min_size=1, max_size=6))
def test_every_broken_relation_is_found_on_every_row_and_on_the_total_row(rows: list[list[Any]]) -> None:
    result = report(rows)
    got = [(v["row"], v["relation"]) for v in result["violations"]]
    assert got == expected_violations(rows)
    assert result["outcome"] == ("eligible" if not got else "not_eligible")
    assert result["violation_count"] == len(got)
    if not any(row != "total" for row, _ in got):
        assert not got, "the 合计 row cannot break a relation that every row satisfies"


@SETTINGS
@given(st.lists(ROW, min_size=1, max_size=6))
def test_the_total_row_is_the_exact_sum_of_each_column(rows: list[list[Any]]) -> None:
    totals = report(rows)["totals"]
    for index, total in enumerate(totals):
        exact = sum(Decimal(str(row[index])) for row in rows)
        assert Decimal(str(total)) == exact
        assert isinstance(total, int) or index + 1 in MONEY


def test_money_sums_exactly() -> None:
    """0.1 + 0.2 is 0.3 in 万元, not 0.30000000000000004."""
    a, b = list(CLEAN), list(CLEAN)
    a[17], b[17] = "0.10", "0.20"
    assert report([a, b])["totals"][17] == 0.3


def test_relations_and_totals_helpers() -> None:
    relations = [{"left": 1, "right": 2}]
    assert broken_relations([1, 2], relations) == relations and broken_relations([2, 2], relations) == []
    assert column_totals([], 3) == [0, 0, 0]


def test_the_relations_come_from_the_data() -> None:
    """A relation added to the data is checked, with no change to the code."""
    more = copy.deepcopy(PARAMETERS)
    more["statistics_table"]["relations"].append({"left": 5, "right": 6})
    row = list(CLEAN)
    row[4], row[5] = 100, 200
    assert [v["relation"] for v in report([row], parameters=more)["violations"]] == ["(5)≥(6)", "(5)≥(6)"]


def test_every_relation_is_explained_citing_the_clause() -> None:
    result = report([CLEAN])
    relations = [c for c in result["explanation"] if c["condition"].startswith("relation_")]
    assert len(relations) == len(TABLE["relations"]) and all(c["met"] and c["clause"] == "att3-statistics-table" for c in relations)
    assert any("遇节假日顺延" in note["zh"] for note in result["notes"])


# --- broken data files -----------------------------------------------------------------------


def one_error(root: Path) -> str:
    with pytest.raises(ContentErrors) as caught:
        load_site(root)
    assert len(caught.value.errors) == 1, caught.value
    return str(caught.value.errors[0])


def edited(tmp_path: Path, file: str, old: str, new: str) -> Path:
    root = copy_project(tmp_path / "project")
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return root


def last_line_with(root: Path, file: str, needle: str) -> int:
    lines = (root / file).read_text(encoding="utf-8").splitlines()
    return max(i for i, line in enumerate(lines, start=1) if needle in line)


HOLIDAYS = "policy/holidays.yaml"
TABLE_FILE = "policy/linyi-hrss-2016-12/statistics-table.yaml"


@pytest.mark.parametrize(
    ("file", "old", "new", "words", "at"),
    [
        (HOLIDAYS, "working_days: [2016-06-12]", "working_days: [2016-06-13]", "2016-06-13 is a Monday", "[2016-06-13]"),
        (HOLIDAYS, "working_days: [2016-06-12]", "working_days: [2016-06-11]", "both a working day and a day off", "[2016-06-11]"),
        (
            HOLIDAYS,
            "days_off: {from: 2016-04-02, to: 2016-04-04}",
            "days_off: {from: 2016-05-01, to: 2016-05-01}",
            "2016-05-01 is already a day off of another holiday",
            "{from: 2016-05-01, to: 2016-05-02}",
        ),
        (HOLIDAYS, "{from: 2021-10-01, to: 2021-10-07}", "{from: 2012-10-01, to: 2021-10-07}", "not in the 2021 arrangement", "2012-10-01"),
        (TABLE_FILE, "  - {left: 7, right: 8}\n", "  - {left: 7, right: 7}\n", "compares a column with itself", "{left: 7, right: 7}"),
        (
            TABLE_FILE,
            "  - {left: 7, right: 8}\n",
            "  - {left: 7, right: 18}\n",
            "a count column with a money column",
            "{left: 7, right: 18}",
        ),
        (TABLE_FILE, "  - {left: 15, right: 17}\n", "  - {left: 15, right: 16}\n", "listed twice", "{left: 15, right: 16}"),
        (TABLE_FILE, "quote: 栏目关系：(1)≥(2)", "quote: 栏目关系：(1)≥(3)", "is not in the official text", "quote:"),
    ],
)
def test_a_broken_data_file_gives_one_error_on_the_line_to_fix(tmp_path: Path, file: str, old: str, new: str, words: str, at: str) -> None:
    root = edited(tmp_path, file, old, new)
    error = one_error(root)
    assert error.startswith(f"{file}:{last_line_with(root, file, at)}: "), error
    assert words in error


def test_each_data_file_has_a_broken_content_case() -> None:
    """tests/broken/ breaks each file at least once (run by test_broken_content.py)."""
    cases = [path.read_text(encoding="utf-8") for path in (ROOT / "tests" / "broken").glob("*.yaml")]
    for file in ("policy/holidays.yaml", "policy/linyi-hrss-2016-12/statistics-table.yaml"):
        assert any(f"file: {file}" in case for case in cases), file
