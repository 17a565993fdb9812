"""A unit's report as an Excel workbook: what the office sees when it opens the file."""

from __future__ import annotations

import errno
import zipfile
from dataclasses import replace
from datetime import date, datetime

import openpyxl
import pytest

from orgeval_tui.domain.errors import UserError
from orgeval_tui.export import report_workbook
from orgeval_tui.export.report_content import Figure, MonthRow
from orgeval_tui.export.report_workbook import unit_report_workbook

from .report_samples import FORMULA_MEASURE, FORMULA_TITLE, MONTH_HOURS, unit_report, without_roster
from .workbook_reading import beside, cells_of, charts_by_sheet, row_of, texts

DAY = date(2026, 11, 29)
SHEETS = ["概况", "人员结构", "履职情况", "业务办理", "三项评议", "评分表", "问题及整改"]
NO_CHART = "部分数据为无数据，未绘制图表。"


def write(tmp_path, report=None, day=DAY, name="报告.xlsx"):
    path = tmp_path / name
    unit_report_workbook(report or unit_report(), path, day)
    return path


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = write(tmp_path_factory.mktemp("report"))
    return path, openpyxl.load_workbook(path)


def test_one_sheet_per_part_of_the_report_in_its_order(sample):
    _, book = sample

    assert book.sheetnames == SHEETS
    overview = book["概况"]
    assert overview["A1"].value == "县工业和信息化局机构编制执行情况和使用效益评估报告"
    assert beside(overview, "评估项目").value == "2021年度机构编制执行情况和使用效益评估"
    assert beside(overview, "单位名称").value == "县工业和信息化局"
    assert beside(overview, "内设机构").value == "办公室、工业发展股、信息化股、中小企业股"
    assert beside(overview, "等次").value == "良好"
    assert [beside(overview, label).value for label in ("排名", "参评单位数")] == [2, 3]


@pytest.mark.parametrize(
    ("sheet", "label", "value", "shown"),
    [
        ("履职情况", "执行率", 94 / 132, "0.00%"),
        ("履职情况", "填报率", 0.8267, "0.00%"),
        ("履职情况", "工作量比率", 0.7894, "0.00%"),
        ("履职情况", "岗位职责数", 132, "0"),
        ("履职情况", "时长（小时）", 5053.0, "0.0"),
        ("概况", "编制使用率", 19 / 22, "0.00%"),
        ("概况", "总分（百分制）", 86.1, "0.0"),
        ("人员结构", "平均年龄", 44.6, "0.0"),
        ("三项评议", "互评得分", 99.28, "0.00"),
    ],
)
def test_figures_are_numbers_shown_as_the_screens_show_them(sample, sheet, label, value, shown):
    _, book = sample
    cell = beside(book[sheet], label)

    assert cell.data_type == "n"
    assert cell.value == pytest.approx(value)
    assert cell.number_format == shown


def test_cases_per_period_and_an_unknown_figure_reads_no_data_never_zero(sample):
    _, book = sample
    sheet = book["业务办理"]

    assert [c.value for c in row_of(sheet, "项目")] == [
        "项目", "2020年度 12345热线", "2021年上半年 12345热线",
    ]  # fmt: skip
    assert [c.value for c in row_of(sheet, "办件数")[1:]] == [110, 44]
    satisfaction = row_of(sheet, "满意度")
    assert satisfaction[1].value == pytest.approx(0.9636)
    assert (satisfaction[2].value, satisfaction[2].data_type) == ("无数据", "s")


def test_texts_that_look_like_formulas_stay_texts(sample):
    path, book = sample
    sheet = book["问题及整改"]
    first, second = row_of(sheet, "2021-001"), row_of(sheet, "2021-002")

    title, measure = first[1], second[9]
    assert (title.value, title.data_type) == (FORMULA_TITLE, "s")
    assert (measure.value, measure.data_type) == (FORMULA_MEASURE, "s")
    assert title.quotePrefix and measure.quotePrefix
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert b"<f>" not in archive.read(name), name


def test_each_chart_plots_the_cells_of_its_table_on_its_own_sheet(sample):
    path, book = sample
    charts = charts_by_sheet(path)

    def plotted(sheet):
        found = []
        for chart in charts[sheet]:
            for series in chart.series:
                values_sheet, values = cells_of(book, series.values)
                labels_sheet, labels = cells_of(book, series.categories)
                assert values_sheet == labels_sheet == sheet
                found.append((chart.kind, chart.title, labels, values))
        return found

    assert plotted("概况") == [
        ("barChart", "各部分得分（百分制）", ["机构编制执行", "编制使用效益", "三项评议"],
         [pytest.approx(85.56), pytest.approx(85.71), pytest.approx(88.0)]),
    ]  # fmt: skip
    roster = {title: (kind, labels, values) for kind, title, labels, values in plotted("人员结构")}
    assert roster["学历结构"] == (
        "pieChart",
        ["研究生", "大学本科", "大专", "高中及以下"],
        [2, 11, 4, 2],
    )
    assert roster["职级结构"] == ("pieChart", ["科级", "一级主任科员及以下"], [6, 13])
    assert roster["各内设机构人数"] == (
        "barChart", ["办公室", "工业发展股", "信息化股", "中小企业股"], [6, 5, 4, 4],
    )  # fmt: skip
    duties = {title: (kind, labels, values) for kind, title, labels, values in plotted("履职情况")}
    assert duties["2020年度各类工作工时占比"] == (
        "pieChart", ["业务工作", "综合事务", "其他"], [0.6735, 0.278, 0.0485],
    )  # fmt: skip
    assert duties["2020年度各内设机构工时"][0] == "barChart"
    assert duties["2020年度各内设机构工时"][2] == [1620.0, 1411.0, 1106.0, 917.0]
    kind, months, hours = duties["2020年度月度工时趋势"]
    assert kind == "lineChart"
    assert months == [f"2020-{m:02d}" for m in range(1, 13)]
    assert hours == MONTH_HOURS
    assert plotted("业务办理") == [
        ("barChart", "办件量与全县平均对比", ["2020年度 12345热线", "2021年上半年 12345热线"],
         [110, 44]),
        ("barChart", "办件量与全县平均对比", ["2020年度 12345热线", "2021年上半年 12345热线"],
         [96.5, 51.0]),
    ]  # fmt: skip
    assert [s.name for s in charts["业务办理"][0].series] == ["'业务办理'!A4", "'业务办理'!A5"]
    assert [charts[name] for name in SHEETS[4:]] == [[], [], []]


def test_an_unknown_figure_is_never_drawn(tmp_path):
    report = unit_report()
    period = report.duties[0]
    months = list(period.months)
    months[4] = MonthRow("2020-05", months[4].entries, Figure("无数据", None, "decimal"))
    cases = [replace(report.cases[0], county_average=Figure("无数据", None, "decimal")),
             report.cases[1]]  # fmt: skip
    report = replace(report, duties=[replace(period, months=months)], cases=cases)

    path = write(tmp_path, report)
    book = openpyxl.load_workbook(path)
    charts = charts_by_sheet(path)

    duties = book["履职情况"]
    assert row_of(duties, "2020-05")[2].value == "无数据"
    assert "lineChart" not in {chart.kind for chart in charts["履职情况"]}
    assert NO_CHART in texts(duties)
    (comparison,) = charts["业务办理"]
    assert [cells_of(book, s.values)[1] for s in comparison.series] == [[110, 44]]
    assert NO_CHART in texts(book["业务办理"])


def test_without_a_roster_the_sheet_says_so_and_draws_nothing(tmp_path):
    path = write(tmp_path, without_roster(unit_report()))
    book = openpyxl.load_workbook(path)

    assert book.sheetnames == SHEETS
    assert "无花名册数据" in texts(book["人员结构"])
    assert "学历结构" not in texts(book["人员结构"])
    assert charts_by_sheet(path)["人员结构"] == []


def test_printed_on_a4_one_page_wide_with_page_numbers(sample):
    _, book = sample

    for sheet in book.worksheets:
        assert sheet.page_setup.paperSize == 9  # A4
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert "&P" in sheet.oddFooter.center.text
    problems = book["问题及整改"]
    header_row = row_of(problems, "问题编号")[0].row
    assert problems.print_title_rows == f"${header_row}:${header_row}"
    assert problems.column_dimensions["F"].width <= 40
    assert row_of(problems, "2021-001")[5].alignment.wrap_text
    assert (
        row_of(problems, "问题编号")[0].font.b
        and row_of(problems, "问题编号")[0].font.name == "宋体"
    )


def test_the_same_report_gives_the_same_bytes_another_day_other_bytes(tmp_path):
    first = write(tmp_path, name="一.xlsx").read_bytes()
    second = write(tmp_path, name="二.xlsx").read_bytes()
    later = write(tmp_path, day=date(2026, 12, 1), name="三.xlsx").read_bytes()

    assert first == second
    assert later != first
    with zipfile.ZipFile(tmp_path / "三.xlsx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 12, 1, 0, 0, 0)}
    properties = openpyxl.load_workbook(tmp_path / "一.xlsx").properties
    assert properties.created == properties.modified == datetime(2026, 11, 29)
    assert properties.creator == properties.lastModifiedBy == "orgeval"


def _failing(error):
    def fail(*_arguments):
        raise error

    return fail


def test_a_failing_save_leaves_no_file_and_no_temporary_file(tmp_path, monkeypatch):
    # The disk fills while the bytes are written to the temporary file.
    from orgeval_tui.export import atomic_file

    monkeypatch.setattr(atomic_file.Path, "write_bytes", _failing(OSError(errno.ENOSPC, "满")))

    with pytest.raises(UserError, match="报告.xlsx"):
        write(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_failing_save_leaves_an_existing_report_as_it_was(tmp_path, monkeypatch):
    path = write(tmp_path)
    before = path.read_bytes()
    monkeypatch.setattr(report_workbook, "normalise_zip", _failing(RuntimeError("broken")))

    with pytest.raises(RuntimeError):
        write(tmp_path, day=date(2026, 12, 1))
    assert list(tmp_path.iterdir()) == [path]
    assert path.read_bytes() == before
