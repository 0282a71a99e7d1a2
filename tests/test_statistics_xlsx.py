"""The monthly statistics table as XLSX (`policypress report xlsx`): the workbook is read back
with openpyxl, because a clerk hands in the file, not our intentions — its title, the merged
two-level header, the column numbers, the values, the 合计 row, the notes, and the marks on a
broken relation. The labels and relations are compared with the data, not with copies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from calculators.core.statistics_table import relation_name
from conftest import ROOT
from policypress.cli import main
from policypress.content import load_site
from policypress.export import export_parameters

SITE = load_site(ROOT)
PARAMETERS = export_parameters(SITE, SITE.documents[0])
TABLE = PARAMETERS["statistics_table"]
TITLE = PARAMETERS["clauses"][TABLE["clause"]]["title"]["zh"]
WIDTH = len(TABLE["columns"])
MONEY = next(c["number"] for c in TABLE["columns"] if c["kind"] == "money")
HEADER, NUMBERS, FIRST_ROW = 3, 5, 6  # 1-based rows as openpyxl counts them

UNITS = {
    "城关镇": [1200, 800, 600, 150, 300, 200, 40, 35, 120, 90, 60, 25, 30, 12, 20, 15, 10, "75.5", 1150, 60, 2],
    "界湖街道": [900, 700, 500, 120, 250, 150, 30, 20, 100, 80, 50, 20, 25, 10, 18, 12, 8, "60.25", 880, 40, 1],
}


def write_csv(path: Path, units: dict[str, list[Any]], preamble: str = "county,沂南县\nmonth,2016-11\n", bom: bool = False) -> Path:
    header = "unit," + ",".join(str(n) for n in range(1, WIDTH + 1))
    lines = [header, *(f"{unit}," + ",".join(str(v) for v in values) for unit, values in units.items())]
    path.write_text(("\ufeff" if bom else "") + preamble + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(tmp_path: Path, units: dict[str, list[Any]], *extra: str, **csv: Any) -> tuple[int, Path]:
    out = tmp_path / "out.xlsx"
    code = main(["--root", str(ROOT), "report", "xlsx", str(write_csv(tmp_path / "in.csv", units, **csv)), "-o", str(out), *extra])
    return code, out


def sheet_of(path: Path) -> Worksheet:
    return openpyxl.load_workbook(path).active


def texts(sheet: Worksheet) -> list[str]:
    return [str(cell.value) for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, Worksheet]:
    code, out = run(tmp_path_factory.mktemp("clean"), UNITS)
    return code, sheet_of(out)


def test_a_clean_table_is_written_with_the_title_county_and_units(clean: tuple[int, Worksheet]) -> None:
    code, sheet = clean
    assert code == 0
    assert sheet["A1"].value == TITLE
    assert "沂南县" in sheet["A2"].value
    assert any(t.startswith("单位：人、万元") for t in texts(sheet))
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 9


def test_the_header_is_merged_in_two_levels_from_the_data(clean: tuple[int, Worksheet]) -> None:
    """Standalone columns span both header rows; consecutive 其中 columns share one 其中 cell."""
    _, sheet = clean
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert "A1:V1" in merged and "A3:A4" in merged and "B3:B4" in merged
    assert {"L3:M3", "Q3:R3"} <= merged  # (11)–(12) and (16)–(17) are 其中 of (10) and (15)
    for column in TABLE["columns"]:
        label = column["label"]["zh"].removeprefix("其中：")
        shown = sheet.cell(HEADER + 1 if column["label"]["zh"].startswith("其中：") else HEADER, column["number"] + 1).value
        assert shown == label  # the form's header as the form has it: a reconstructed label is not marked there


def test_reconstructed_labels_are_named_once_in_a_note_below_the_table(clean: tuple[int, Worksheet]) -> None:
    """The reconstructed labels are not flagged one by one over the form (no ◇ anywhere): one
    line below the table names those columns, from the data, and says why (the source's note)."""
    _, sheet = clean
    reconstructed = [c["number"] for c in TABLE["columns"] if c["reconstructed"]]
    assert reconstructed  # the data has some: otherwise this test proves nothing
    assert not any("◇" in t for t in texts(sheet))
    naming = "、".join(f"({n})" for n in reconstructed)
    notes = [(cell.row, cell.value) for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str) and naming in cell.value]
    assert len(notes) == 1
    row, text = notes[0]
    assert row > FIRST_ROW + len(UNITS)  # below the 合计 row, not in the header
    assert text.startswith(f"第{naming}栏") and TABLE["source"]["note"]["zh"] in text
    assert sum(t.count(TABLE["source"]["note"]["zh"]) for t in texts(sheet)) == 1


def test_the_english_workbook_names_the_reconstructed_columns_in_english(tmp_path: Path) -> None:
    code, out = run(tmp_path, UNITS, "--lang", "en")
    assert code == 0
    lines = texts(sheet_of(out))
    reconstructed = ", ".join(f"({c['number']})" for c in TABLE["columns"] if c["reconstructed"])
    assert [t for t in lines if reconstructed in t] == [
        f"The labels of columns {reconstructed} are inferred: {TABLE['source']['note']['en']}"
    ]
    assert not any("◇" in t for t in lines)


def test_the_column_numbers_row_runs_1_to_21(clean: tuple[int, Worksheet]) -> None:
    _, sheet = clean
    assert [sheet.cell(NUMBERS, n + 1).value for n in range(1, WIDTH + 1)] == list(range(1, WIDTH + 1))


def test_each_unit_row_and_the_total_row(clean: tuple[int, Worksheet]) -> None:
    _, sheet = clean
    for offset, (unit, values) in enumerate(UNITS.items()):
        row = [sheet.cell(FIRST_ROW + offset, n).value for n in range(1, WIDTH + 2)]
        assert row == [unit, *(float(v) for v in values)]
    total = FIRST_ROW + len(UNITS)
    assert sheet.cell(total, 1).value == "合计"
    sums = [sum(float(values[i]) for values in UNITS.values()) for i in range(WIDTH)]
    assert [sheet.cell(total, n + 1).value for n in range(1, WIDTH + 1)] == pytest.approx(sums)
    assert sheet.cell(FIRST_ROW, MONEY + 1).number_format == "0.00"
    assert sheet.cell(total, MONEY + 1).number_format == "0.00"


def test_signature_due_date_and_relations_notes(clean: tuple[int, Worksheet]) -> None:
    _, sheet = clean
    lines = texts(sheet)
    assert any("单位负责人签章" in t and "填表人签章" in t and "联系电话" in t and "填报日期" in t for t in lines)
    assert any("2016-12-05" in t for t in lines)
    assert "栏目关系：" + "；".join(relation_name(r) for r in TABLE["relations"]) + "。" in lines


def test_a_broken_relation_is_marked_and_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = dict(UNITS)
    broken["城关镇"] = [*UNITS["城关镇"]]
    broken["城关镇"][10] = 95  # (11) above (10)=90 breaks (10)≥(11)
    code, out = run(tmp_path, broken)
    assert code == 1 and out.exists()
    assert "(10)≥(11)" in capsys.readouterr().out
    sheet = sheet_of(out)
    for number in (10, 11):
        assert sheet.cell(FIRST_ROW, number + 1).fill.fgColor.rgb.endswith("FFC7CE")
    assert sheet.cell(FIRST_ROW, 9 + 1).fill.fill_type is None
    assert any("第 1 行（城关镇）" in t and "(10)≥(11)" in t for t in texts(sheet))


def test_a_bad_value_exits_2_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = {"城关镇": [*UNITS["城关镇"]]}
    bad["城关镇"][MONEY - 1] = "1.234"
    code, out = run(tmp_path, bad)
    assert code == 2 and not out.exists()
    assert f"({MONEY})" in capsys.readouterr().err


def test_a_csv_with_a_bom_and_options_instead_of_a_preamble(tmp_path: Path) -> None:
    code, out = run(tmp_path, UNITS, "--county", "兰山区", "--month", "2016-10", preamble="", bom=True)
    assert code == 0
    sheet = sheet_of(out)
    assert "兰山区" in sheet["A2"].value
    assert sheet.cell(FIRST_ROW, 1).value == "城关镇"


def test_headers_may_be_labels_in_any_order(tmp_path: Path) -> None:
    """A spreadsheet's own header row (the labels, ◇ included) is accepted as well as numbers."""
    columns = list(reversed(TABLE["columns"]))
    header = "填报单位," + ",".join(("◇" if c["reconstructed"] else "") + c["label"]["zh"] for c in columns)
    row = "城关镇," + ",".join(str(UNITS["城关镇"][c["number"] - 1]) for c in columns)
    path = tmp_path / "in.csv"
    path.write_text(f"county,沂南县\nmonth,2016-11\n{header}\n{row}\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert main(["--root", str(ROOT), "report", "xlsx", str(path), "-o", str(out)]) == 0
    assert [sheet_of(out).cell(FIRST_ROW, n + 1).value for n in range(1, WIDTH + 1)] == [float(v) for v in UNITS["城关镇"]]
