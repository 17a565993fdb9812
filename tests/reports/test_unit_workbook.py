"""`orgeval report unit 县工信局 -o FILE.xlsx` on the pilot: a sheet per part, the pilot's
figures as numbers in their formats, and Excel's own charts (chart parts in the file) of
the kinds the pilot shows: pies for shares, bars for sections and for the unit against
the county average, a line for the monthly trend."""

from __future__ import annotations

import zipfile
from xml.etree import ElementTree

import openpyxl
import pytest

CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"


@pytest.fixture
def workbook_path(cli, demo_db, tmp_path):
    path = tmp_path / "县工信局评估报告.xlsx"
    done = cli("--db", str(demo_db), "--lang", "zh", "report", "unit", "县工信局", "-o", str(path),
               "--on", "2021-08-01")  # fmt: skip
    assert done.code == 0, done.err
    return path


def _figures(sheet) -> dict[str, tuple]:
    """Label → (value, number format) of the first value beside each label."""
    found = {}
    for row in sheet.iter_rows():
        cells = [c for c in row if c.value is not None]
        if len(cells) >= 2 and isinstance(cells[0].value, str):
            found.setdefault(cells[0].value, (cells[1].value, cells[1].number_format))
    return found


def test_the_workbook_has_a_sheet_per_part_with_the_pilots_figures_as_numbers(workbook_path):
    workbook = openpyxl.load_workbook(workbook_path)
    assert workbook.sheetnames == [
        "概况",
        "人员结构",
        "履职情况",
        "业务办理",
        "三项评议",
        "评分表",
        "问题及整改",
    ]
    duties = _figures(workbook["履职情况"])
    assert duties["岗位职责数"] == (132, "0") and duties["已执行职责数"] == (94, "0")
    assert duties["执行率"][1] == "0.00%" and f"{duties['执行率'][0]:.4%}" == "71.2121%"
    assert round(duties["填报率"][0], 4) == 0.8267 and round(duties["工作量比率"][0], 4) == 0.7894
    cells = [c.value for row in workbook["业务办理"].iter_rows() for c in row]
    assert 110 in cells and 44 in cells
    reviews = [c.value for row in workbook["三项评议"].iter_rows() for c in row]
    assert 99.28 in reviews


def test_the_workbook_draws_native_pie_bar_and_line_charts(workbook_path):
    kinds = []
    with zipfile.ZipFile(workbook_path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/charts/chart"):
                plot = ElementTree.fromstring(archive.read(name)).find(
                    f"{CHART}chart/{CHART}plotArea"
                )
                kinds += [
                    child.tag.removeprefix(CHART) for child in plot if child.tag.endswith("Chart")
                ]
    assert {"pieChart", "barChart", "lineChart"} <= set(kinds)
    assert kinds.count("lineChart") == 2  # a monthly trend for each period


def test_the_same_data_gives_the_same_workbook(cli, demo_db, workbook_path, tmp_path):
    again = tmp_path / "again.xlsx"
    done = cli(
        "--db", str(demo_db), "report", "unit", "县工信局", "-o", str(again), "--on", "2021-08-01"
    )
    assert done.code == 0
    assert again.read_bytes() == workbook_path.read_bytes()
