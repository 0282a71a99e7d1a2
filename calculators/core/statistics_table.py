"""A statistics table's cells, rows and column relations, read the same way for every document.

A document's `statistics-table.yaml` (policypress/schema.py, StatisticsTable) declares the
columns (people or money), the money decimals and the relations (left) ≥ (right); a document's
report calculator and `reports/` (the XLSX writer, the CSV reader) read tables with these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .inputs import InputError
from .text import Text, text

# A spreadsheet keeps 15 significant digits: a value with more would not be the one typed (and a
# 5000-digit one is no number Excel or the XLSX writer can hold at all).
MAX_DIGITS = 15
SHOWN_CHARS = 30  # a bad cell is quoted in the message up to this length
MAX_UNITS = 1_000  # reporting units in one table: a county has tens of townships, not thousands

Number = int | Decimal


class BadCell(ValueError):
    def __init__(self, message: Text):
        super().__init__(message["en"])
        self.message = message


def cell_value(raw: Any, column: dict[str, Any], table: dict[str, Any]) -> Number:
    """One cell: a whole number of people ≥ 0, or money (万元) ≥ 0 with at most the table's
    money_decimals. Numbers and numeric text are accepted, thousands separators dropped; an
    empty cell is 0 (the caller notes it)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return 0
    number, shown, decimals, unit = column["number"], str(raw).strip(), table["money_decimals"], table["units"]["money"]
    written = None if isinstance(raw, bool) else repr(raw) if isinstance(raw, float) else shown.replace(",", "").replace("，", "")
    match = re.fullmatch(r"\d+(\.\d*)?", written) if written is not None else None  # no sign: below 0 is wrong
    value = Decimal(match.group(0)) if match else None
    if len(shown) > SHOWN_CHARS:
        shown = shown[: SHOWN_CHARS - 1] + "…"
    whole = MAX_DIGITS - (decimals if column["kind"] == "money" else 0)
    if value is not None and value >= 10**whole:
        raise BadCell(
            text(
                f"第 ({number}) 栏的数值太大（整数部分最多 {whole} 位），填的是“{shown}”",
                f"column ({number}) is too large (at most {whole} digits before the decimal point), not '{shown}'",
            )
        )
    if column["kind"] == "money":
        if value is None or -value.normalize().as_tuple().exponent > decimals:
            raise BadCell(
                text(
                    f"第 ({number}) 栏是金额（{unit['zh']}），应不小于 0、最多 {decimals} 位小数，填的是“{shown}”",
                    f"column ({number}) is money ({unit['en']}) of 0 or more with at most {decimals} decimals, not '{shown}'",
                )
            )
        return value
    if value is None or value != value.to_integral_value():
        raise BadCell(
            text(
                f"第 ({number}) 栏应为不小于 0 的整数，填的是“{shown}”",
                f"column ({number}) must be a whole number of 0 or more, not '{shown}'",
            )
        )
    return int(value)


@dataclass(frozen=True)
class Row:
    index: int  # 1-based, as a clerk counts rows
    unit: str
    values: list[Number]
    blanks: int


def read_row(index: int, row: dict[str, Any], table: dict[str, Any]) -> tuple[Row | None, list[Text]]:
    """The row's values by column, or what is wrong with them."""
    columns, cells = table["columns"], row["columns"]
    if len(cells) != len(columns):
        return None, [
            text(
                f"应有 {len(columns)} 栏数值（第 (1) 栏至第 ({len(columns)}) 栏），填了 {len(cells)} 栏",
                f"needs {len(columns)} values, columns (1) to ({len(columns)}); it has {len(cells)}",
            )
        ]
    values: list[Number] = []
    problems: list[Text] = []
    for raw, column in zip(cells, columns, strict=True):
        try:
            values.append(cell_value(raw, column, table))
        except BadCell as bad:
            problems.append(bad.message)
    blanks = sum(1 for raw in cells if raw is None or (isinstance(raw, str) and not raw.strip()))
    return (Row(index, row["unit"], values, blanks) if not problems else None), problems


def read_rows(rows: list[dict[str, Any]], table: dict[str, Any]) -> list[Row]:
    """Every row, checked; the first row with problems is reported with all of its problems."""
    if not rows:
        raise InputError("rows", text("请至少填写一个填报单位。", "Enter at least one reporting unit."))
    read, bad = [], []
    for index, row in enumerate(rows):
        value, problems = read_row(index + 1, row, table)
        if value is not None:
            read.append(value)
        else:
            bad.append((index, row["unit"], problems))
    if bad:
        index, unit, problems = bad[0]
        more_zh = f"另有 {len(bad) - 1} 行也有错误。" if len(bad) > 1 else ""
        more_en = f" {len(bad) - 1} more row(s) have errors too." if len(bad) > 1 else ""
        raise InputError(
            f"rows[{index}].columns",
            text(
                f"第 {index + 1} 行（{unit}）：{'；'.join(p['zh'] for p in problems)}。{more_zh}",
                f"Row {index + 1} ({unit}): {'; '.join(p['en'] for p in problems)}.{more_en}",
            ),
        )
    return read


def column_totals(rows: list[Row], width: int) -> list[Number]:
    """The 合计 row: each column summed exactly (money as Decimal)."""
    return [sum((row.values[i] for row in rows), start=0) for i in range(width)]


def broken_relations(values: list[Number], relations: list[dict[str, int]]) -> list[dict[str, int]]:
    """The relations (left) ≥ (right) that `values` (column 1 first) do not satisfy."""
    return [r for r in relations if values[r["left"] - 1] < values[r["right"] - 1]]


def relation_name(relation: dict[str, int]) -> str:
    return f"({relation['left']})≥({relation['right']})"
