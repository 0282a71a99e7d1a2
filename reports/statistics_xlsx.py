"""统计表 as XLSX — the monthly statistics report (attachment 3) in the notice's official layout.

    write_workbook(result, stream, lang="zh", *, rows, parameters) -> None
    read_csv(text, table) -> TableCsv

`result` is what `calculate("stats-report", …)` returned (not errors), `rows` the input rows it
was given ([{"unit": …, "columns": [21 values]}]) and `parameters` the document's parameter
export (policypress/export.py). The column labels, the note on reconstructed labels, the units, the relations and
the title all come from that data (statistics-table.yaml, the clause's title), so an editor's
correction there reaches the workbook without touching this code. The workbook is written
in memory into a binary stream, so the same function runs under Pyodide in the browser.

Every text goes in with write_string (a merged cell too: see `merge_text`), every value with
write_number, and the workbook is made with strings_to_formulas off: a unit called
"=HYPERLINK(…)" is a string cell in the workbook, never a formula. The CSV is read by the rule
of reports.cells (the apostrophe in front of a formula-like cell is removed).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from calculators.core.statistics_table import cell_value, relation_name

from .cells import MAX_CELL_CHARS, REPORT_IMPORT_MAX_BYTES, REPORT_MAX_ROWS, size_text, unescape_cell

if TYPE_CHECKING:  # xlsxwriter is imported when a workbook is written, so the CLI starts fast
    import xlsxwriter
    from xlsxwriter.format import Format
    from xlsxwriter.worksheet import Worksheet

RECONSTRUCTED = "◇"
PAPER_A4 = 9
FIRST_COLUMN_WIDTH = 14
VALUE_COLUMN_WIDTH = 7.5
HEADER_ROW_HEIGHTS = (60, 150)
NOTE_LINE_CHARS, NOTE_LINE_HEIGHT = 120, 14

# The form's own words: its fixed furniture, not data an editor corrects.
WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "county": "县(区)：{county}",
        "month": "报告期：{year}年{month}月",
        "units": "单位：{units}",
        "units_sep": "、",
        "sheet": "统计表",
        "unit": "填报单位",
        "of_whom": "其中",
        "sub_prefix": "其中：",
        "total": "合计",
        "signature": "单位负责人签章：　　　　　　填表人签章：　　　　　　联系电话：　　　　　　填报日期：　　　年　　月　　日",
        "due": "注：本表应于 {due} 前报出（报告期终了后顺延节假日）。",
        "relations": "栏目关系：{relations}。",
        "relations_sep": "；",
        "violations": "不符合栏目关系（表中以红色标出）：",
        "reconstructed": "第{columns}栏的栏目名称是推定的：{note}",
        "columns_sep": "、",
    },
    "en": {
        "county": "County (district): {county}",
        "month": "Reporting period: {year}-{month}",
        "units": "Unit: {units}",
        "units_sep": "; ",
        "sheet": "Statistics table",
        "unit": "Reporting unit",
        "of_whom": "Of whom",
        "sub_prefix": "Of whom: ",
        "total": "Total",
        "signature": "Person in charge (signature, seal):          Filled in by:          Phone:          Date:",
        "due": "Note: this table is due on {due} (moved past holidays after the period ends).",
        "relations": "Column relations: {relations}.",
        "relations_sep": "; ",
        "violations": "Broken column relations (marked in red in the table):",
        "reconstructed": "The labels of columns {columns} are inferred: {note}",
        "columns_sep": ", ",
    },
}


@dataclass(frozen=True)
class Formats:
    """Cell formats, made once per workbook (xlsxwriter ties a format to its workbook)."""

    title: Format
    left: Format
    right: Format
    header: Format
    number: Format
    count: Format
    money: Format
    count_bad: Format
    money_bad: Format
    unit: Format
    total: Format
    note: Format
    bad_note: Format


def make_formats(book: xlsxwriter.Workbook, decimals: int) -> Formats:
    """Borders on the table, wrap in the header, 2 decimals for money: the paper form's look."""
    cell = {"border": 1, "valign": "vcenter", "font_size": 10}
    money = "0." + "0" * decimals if decimals else "0"
    bad = {"bg_color": "#FFC7CE", "font_color": "#9C0006"}
    return Formats(
        title=book.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"}),
        left=book.add_format({"font_size": 11, "align": "left"}),
        right=book.add_format({"font_size": 11, "align": "right"}),
        header=book.add_format({**cell, "align": "center", "text_wrap": True, "bold": True}),
        number=book.add_format({**cell, "align": "center"}),
        count=book.add_format({**cell, "num_format": "0"}),
        money=book.add_format({**cell, "num_format": money}),
        count_bad=book.add_format({**cell, **bad, "num_format": "0"}),
        money_bad=book.add_format({**cell, **bad, "num_format": money}),
        unit=book.add_format({**cell, "align": "left"}),
        total=book.add_format({**cell, "align": "center", "bold": True}),
        note=book.add_format({"font_size": 10, "text_wrap": True, "valign": "top"}),
        bad_note=book.add_format({"font_size": 10, "font_color": "#9C0006"}),
    )


def merge_text(sheet: Worksheet, first_row: int, first_col: int, last_row: int, last_col: int, text: str, style: Format) -> None:
    """A merged cell holding `text` as a string (merge_range alone writes with the generic write())."""
    sheet.merge_range(first_row, first_col, last_row, last_col, "", style)
    sheet.write_string(first_row, first_col, text, style)


def column_label(column: dict[str, Any], lang: str, strip: str = "") -> str:
    """A column's label in `lang` as the form has it, `strip` removed. A reconstructed label is
    not marked in the header (the form is the bureau's, not in doubt): the note below the table
    names those columns once (`reconstructed_note`)."""
    label = column["label"][lang]
    if strip and label.startswith(strip):
        label = label[len(strip) :]
    return label


def reconstructed_note(table: dict[str, Any], words: dict[str, str], lang: str) -> str | None:
    """The one line below the table naming the columns whose labels were reconstructed, and why
    (the table's source note); None when every label is the form's own."""
    numbers = [c["number"] for c in table["columns"] if c["reconstructed"]]
    if not numbers:
        return None
    columns = words["columns_sep"].join(f"({n})" for n in numbers)
    return words["reconstructed"].format(columns=columns, note=table["source"]["note"][lang])


def is_sub(column: dict[str, Any]) -> bool:
    """Is this a "其中：…" column, a part of the column before it? Read from the zh label, the
    authoritative one, so both languages get the same header shape."""
    return column["label"]["zh"].startswith(WORDS["zh"]["sub_prefix"])


def header_groups(columns: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Runs of columns for the header's upper level: a column on its own, or the consecutive
    "其中：…" columns that the form sets under one "其中" heading."""
    groups: list[list[dict[str, Any]]] = []
    for column in columns:
        if is_sub(column) and groups and is_sub(groups[-1][0]):
            groups[-1].append(column)
        else:
            groups.append([column])
    return groups


def write_header(sheet: Worksheet, top: int, columns: list[dict[str, Any]], words: dict[str, str], lang: str, f: Formats) -> int:
    """The two-level header and the row of column numbers; returns the first row after them."""
    merge_text(sheet, top, 0, top + 1, 0, words["unit"], f.header)
    for group in header_groups(columns):
        first, last = group[0]["number"], group[-1]["number"]
        if not is_sub(group[0]):
            merge_text(sheet, top, first, top + 1, first, column_label(group[0], lang), f.header)
            continue
        if first == last:
            sheet.write_string(top, first, words["of_whom"], f.header)
        else:
            merge_text(sheet, top, first, top, last, words["of_whom"], f.header)
        for column in group:
            sheet.write_string(top + 1, column["number"], column_label(column, lang, words["sub_prefix"]), f.header)
    sheet.write_blank(top + 2, 0, None, f.number)
    for column in columns:
        sheet.write_number(top + 2, column["number"], column["number"], f.number)
    for row, height in enumerate(HEADER_ROW_HEIGHTS):
        sheet.set_row(top + row, height)
    return top + 3


def relation_cells(result: dict[str, Any], relations: list[dict[str, int]]) -> dict[int | str, set[int]]:
    """For each row (1-based index, or "total"), the column numbers of the broken relations."""
    by_name = {relation_name(r): r for r in relations}
    marked: dict[int | str, set[int]] = {}
    for violation in result["violations"]:
        relation = by_name[violation["relation"]]
        marked.setdefault(violation["row"], set()).update((relation["left"], relation["right"]))
    return marked


def write_values(
    sheet: Worksheet, row: int, values: list[int | float], columns: list[dict[str, Any]], marked: set[int], f: Formats
) -> None:
    """One row's 21 values: money with its decimals, the cells of broken relations in red."""
    for column, value in zip(columns, values, strict=True):
        money, bad = column["kind"] == "money", column["number"] in marked
        style = (f.money_bad if bad else f.money) if money else (f.count_bad if bad else f.count)
        sheet.write_number(row, column["number"], value, style)


def row_values(row: dict[str, Any], table: dict[str, Any]) -> list[int | float]:
    """A unit's values as numbers, read by the calculator's own cell rule (blank = 0)."""
    values = [cell_value(raw, column, table) for raw, column in zip(row["columns"], table["columns"], strict=True)]
    return [float(v) if c["kind"] == "money" else int(v) for v, c in zip(values, table["columns"], strict=True)]


def write_notes(
    sheet: Worksheet, row: int, result: dict[str, Any], table: dict[str, Any], words: dict[str, str], lang: str, f: Formats
) -> None:
    """Below the table: signature and date line, due date, relations, the reconstructed-labels note, violations."""
    last = len(table["columns"])
    relations = words["relations_sep"].join(relation_name(r) for r in table["relations"])
    lines = [
        (words["signature"], f.left),
        (words["due"].format(due=result["due_date"]), f.note),
        (words["relations"].format(relations=relations), f.note),
    ]
    note = reconstructed_note(table, words, lang)
    if note:
        lines.append((note, f.note))
    if result["violations"]:
        lines.append((words["violations"], f.bad_note))
        lines += [(violation[lang], f.bad_note) for violation in result["violations"]]
    for offset, (line, style) in enumerate(lines):
        merge_text(sheet, row + 1 + offset, 0, row + 1 + offset, last, line, style)
        if len(line) > NOTE_LINE_CHARS:  # a merged cell does not grow to fit its wrapped text
            sheet.set_row(row + 1 + offset, NOTE_LINE_HEIGHT * (len(line) // NOTE_LINE_CHARS + 1))


def set_print(sheet: Worksheet, header_top: int, last_column: int) -> None:
    """Landscape A4, one page wide, the header repeated: the form is handed in on paper."""
    sheet.set_landscape()
    sheet.set_paper(PAPER_A4)
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    sheet.repeat_rows(header_top, header_top + 2)
    sheet.set_column(0, 0, FIRST_COLUMN_WIDTH)
    sheet.set_column(1, last_column, VALUE_COLUMN_WIDTH)


def write_workbook(
    result: dict[str, Any], stream: IO[bytes], lang: str = "zh", *, rows: list[dict[str, Any]], parameters: dict[str, Any]
) -> None:
    """Write the report for `result` (rows from `rows`) as an .xlsx into `stream`."""
    if "errors" in result:
        raise ValueError("the stats-report result has errors; there is no table to write")
    words = WORDS[lang]
    table = parameters["statistics_table"]
    columns = table["columns"]
    last = len(columns)
    title = parameters["clauses"][table["clause"]]["title"][lang]
    year, month = result["month"].split("-")
    units = words["units_sep"].join(u[lang] for u in table["units"].values())

    import xlsxwriter

    book = xlsxwriter.Workbook(stream, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    f = make_formats(book, table["money_decimals"])
    sheet = book.add_worksheet(words["sheet"])
    merge_text(sheet, 0, 0, 0, last, title, f.title)
    sheet.set_row(0, 30)
    merge_text(sheet, 1, 0, 1, 6, words["county"].format(county=result["county"][lang]), f.left)
    merge_text(sheet, 1, 7, 1, 13, words["month"].format(year=year, month=int(month)), f.left)
    merge_text(sheet, 1, last - 4, 1, last, words["units"].format(units=units), f.right)

    row = write_header(sheet, 2, columns, words, lang, f)
    marked = relation_cells(result, table["relations"])
    for index, unit in enumerate(rows, start=1):
        sheet.write_string(row, 0, unit["unit"], f.unit)
        write_values(sheet, row, row_values(unit, table), columns, marked.get(index, set()), f)
        row += 1
    sheet.write_string(row, 0, words["total"], f.total)
    write_values(sheet, row, result["totals"], columns, marked.get("total", set()), f)

    write_notes(sheet, row + 1, result, table, words, lang, f)
    set_print(sheet, 2, last)
    book.close()


# --- the CSV a clerk exports from a spreadsheet ---------------------------------------------

CSV_LAYOUT = f"""\
CSV layout (UTF-8, with or without BOM; blank lines are skipped):
  county,沂南县          optional, before the header (or give --county)
  month,2016-11          optional, before the header (or give --month)
  unit,1,2,…,21          the header: "unit" (or 填报单位), then the 21 columns, each as its
                         number (1 or (1)) or its label (zh or en, ◇ optional), in any order
  城关镇,1200,800,…      one row per reporting unit; empty cells count as 0
Leave out the 合计 row: it is computed. A cell written '=… (an apostrophe before = + - @, a tab
or a carriage return, as the site's CSV export writes it) is read without the apostrophe. At
most {size_text(REPORT_IMPORT_MAX_BYTES)}, {REPORT_MAX_ROWS} units and {MAX_CELL_CHARS} characters in a cell."""

UNIT_HEADERS = {"unit", "填报单位"}
PREAMBLE_KEYS = {"county": "county", "县(区)": "county", "县（区）": "county", "month": "month", "报告期": "month"}
TOTAL_UNITS = {"合计", "total"}


class CsvError(ValueError):
    """A CSV that does not follow CSV_LAYOUT, with the reason in zh and en."""

    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.message = {"zh": zh, "en": en}


@dataclass(frozen=True)
class TableCsv:
    """What a CSV holds: the preamble's county and month (None when absent) and the rows in
    the calculator's shape, values in column order and still as text."""

    county: str | None
    month: str | None
    rows: list[dict[str, Any]]


def shown(cell: str, limit: int = 30) -> str:
    """A cell quoted in a message, cut short when long: an error stays one readable line."""
    return cell if len(cell) <= limit else cell[: limit - 1] + "…"


def malformed(line: int, reason: str) -> CsvError:
    """What the csv module found wrong with the record that starts on `line`, in words."""
    if "end of data" in reason:
        return CsvError(
            f'第 {line} 行：引号（"）没有闭合。请补上结尾的引号，或删去这个引号。',
            f'Line {line}: a quote (") is opened and never closed. Close it, or remove it.',
        )
    if "field limit" in reason:
        return CsvError(
            f"第 {line} 行：有一格超过 {MAX_CELL_CHARS} 个字符。请检查这一行。",
            f"Line {line}: a cell is longer than {MAX_CELL_CHARS} characters. Check this line.",
        )
    if "expected after" in reason:
        return CsvError(
            f"第 {line} 行：结尾的引号后面应是逗号或行尾。",
            f"Line {line}: a closing quote must be followed by a comma or the end of the line.",
        )
    return CsvError(f"第 {line} 行不是有效的 CSV（{reason}）。", f"Line {line} is not valid CSV ({reason}).")


def records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(the line each record starts on, its cells with the apostrophe rule applied). A quote never
    closed, a stray quote or a cell longer than MAX_CELL_CHARS is a CsvError naming its line."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise malformed(line, str(error)) from None
        start, line = line, reader.line_num + 1
        for number, cell in enumerate(cells, start=1):
            if len(cell) > MAX_CELL_CHARS:
                raise CsvError(
                    f"第 {start} 行第 {number} 格有 {len(cell)} 个字符，一格最多 {MAX_CELL_CHARS} 个（“{shown(cell)}”）。",
                    f"Line {start}, cell {number}: {len(cell)} characters, more than the {MAX_CELL_CHARS} a cell may hold ('{shown(cell)}').",
                )
        yield start, [unescape_cell(cell) for cell in cells]


def column_number(header: str, columns: list[dict[str, Any]]) -> int | None:
    """The column a header cell names: its number, "(n)", or its label in zh or en."""
    name = header.strip().lstrip(RECONSTRUCTED).strip()
    match = re.fullmatch(r"[(（]?\s*(\d+)\s*[)）]?", name)
    if match:
        number = int(match.group(1))
        return number if 1 <= number <= len(columns) else None
    for column in columns:
        if name in (column["label"]["zh"], column["label"]["en"]):
            return column["number"]
    return None


def header_order(header: list[str], columns: list[dict[str, Any]]) -> list[int]:
    """The column number of each header cell after "unit"; every column exactly once."""
    numbers = [column_number(cell, columns) for cell in header[1:]]
    unknown = [shown(cell) for cell, number in zip(header[1:], numbers, strict=True) if number is None]
    if unknown:
        raise CsvError(f"表头中有不认识的栏目：{'、'.join(unknown)}", f"Unknown columns in the header: {', '.join(unknown)}")
    found = [number for number in numbers if number is not None]
    if sorted(found) != list(range(1, len(columns) + 1)):
        raise CsvError(f"表头应有第 1 至第 {len(columns)} 栏，每栏一次。", f"The header must name columns 1 to {len(columns)}, each once.")
    return found


def data_row(line: int, cells: list[str], order: list[int]) -> dict[str, Any]:
    """One unit's row, values moved into column order; trailing empty cells may be missing."""
    unit, values = cells[0].strip(), cells[1:]
    if unit.lower() in TOTAL_UNITS:
        raise CsvError(f"第 {line} 行：请删去合计行，合计由程序计算。", f"Line {line}: leave out the total row; it is computed.")
    if len(values) > len(order) and any(v.strip() for v in values[len(order) :]):
        raise CsvError(
            f"第 {line} 行：数值多于表头的 {len(order)} 栏。", f"Line {line}: more values than the header's {len(order)} columns."
        )
    values = (values + [""] * len(order))[: len(order)]
    ordered = [""] * len(order)
    for number, value in zip(order, values, strict=True):
        ordered[number - 1] = value
    return {"unit": unit, "columns": ordered}


def read_csv(text: str, table: dict[str, Any]) -> TableCsv:
    """Read a table laid out as CSV_LAYOUT. Values are left as text for the calculator to
    check, so the CSV and the site report bad cells in the same words."""
    preamble: dict[str, str] = {}
    order: list[int] | None = None
    rows: list[dict[str, Any]] = []
    for line, cells in records(text):
        if not any(cell.strip() for cell in cells):
            continue
        first = cells[0].strip()
        if order is None and first.lower() in PREAMBLE_KEYS:
            preamble[PREAMBLE_KEYS[first.lower()]] = cells[1].strip() if len(cells) > 1 else ""
        elif order is None and first.lower() in UNIT_HEADERS:
            order = header_order(cells, table["columns"])
        elif order is None:
            raise CsvError(
                f"第 {line} 行：表头应以 unit（或 填报单位）开头，之前只能有 county、month 行。",
                f"Line {line}: the header must start with 'unit'; only 'county' and 'month' lines may come before it.",
            )
        else:
            rows.append(data_row(line, cells, order))
            if len(rows) > REPORT_MAX_ROWS:
                raise CsvError(
                    f"第 {line} 行：表中最多 {REPORT_MAX_ROWS} 个填报单位。",
                    f"Line {line}: a table has at most {REPORT_MAX_ROWS} reporting units.",
                )
    if order is None:
        raise CsvError("没有找到表头（unit,1,2,…）。", "No header line (unit,1,2,…) was found.")
    return TableCsv(preamble.get("county"), preamble.get("month"), rows)
