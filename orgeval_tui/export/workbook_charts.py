"""Native spreadsheet charts drawn from the cells of a table on the same sheet.

A chart plots cells, and a spreadsheet plots a text cell (无数据) as 0; so a series is
drawn only when every one of its figures is known (``plottable``), and the writer says
so in words where it leaves a chart out.
"""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.chart import BarChart, LineChart, PieChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.chart.label import DataLabelList

from .report_content import Figure
from .report_sheet import Block

WIDTH_CM = 14
HEIGHT_CM = 7.5


def plottable(figures: Iterable[Figure]) -> bool:
    figures = list(figures)
    return bool(figures) and all(figure.value is not None for figure in figures)


def pie(sheet, title: str, block: Block, label_column: int, value_column: int) -> PieChart:
    """Each row a slice, labelled with its share of the whole."""
    chart = PieChart()
    _add_column(chart, sheet, block, value_column)
    _categories(chart, _labels(sheet, block, label_column))
    chart.dataLabels = _only(showPercent=True)
    return _sized(chart, title)


def bars(
    sheet, title: str, block: Block, label_column: int, value_column: int, top: float | None = None
) -> BarChart:
    """One column per row of the table, its value written on it; ``top`` fixes the
    value axis's end (100 for scores out of 100)."""
    chart = BarChart()
    chart.type = "col"
    _add_column(chart, sheet, block, value_column)
    _categories(chart, _labels(sheet, block, label_column))
    chart.legend = None
    chart.dataLabels = _only(showVal=True)
    chart = _axes(_sized(chart, title))
    chart.y_axis.scaling.max = top
    return chart


def trend(sheet, title: str, block: Block, label_column: int, value_column: int) -> LineChart:
    """The rows in order as a line with a marker on each point."""
    chart = LineChart()
    _add_column(chart, sheet, block, value_column)
    _categories(chart, _labels(sheet, block, label_column))
    chart.legend = None
    for series in chart.series:
        series.marker.symbol = "circle"
        series.smooth = False
    return _axes(_sized(chart, title))


def bars_by_row(sheet, title: str, block: Block, rows: list[int]) -> BarChart:
    """Series from rows of a table whose columns are the categories (periods); the
    first column names each series."""
    chart = BarChart()
    chart.type = "col"
    for row in rows:
        data = Reference(sheet, min_col=1, max_col=block.columns, min_row=row, max_row=row)
        chart.add_data(data, from_rows=True, titles_from_data=True)
    periods = Reference(
        sheet, min_col=2, max_col=block.columns, min_row=block.header_row, max_row=block.header_row
    )
    _categories(chart, periods)
    chart.legend.position = "b"
    chart.dataLabels = _only(showVal=True)
    return _axes(_sized(chart, title))


def _add_column(chart, sheet, block: Block, column: int) -> None:
    data = Reference(sheet, min_col=column, min_row=block.header_row, max_row=block.last_row)
    chart.add_data(data, titles_from_data=True)


def _categories(chart, labels: Reference) -> None:
    """The categories are names, read as text (``set_categories`` would call them
    numbers)."""
    for series in chart.series:
        series.cat = AxDataSource(strRef=StrRef(f=str(labels)))


def _labels(sheet, block: Block, column: int) -> Reference:
    return Reference(sheet, min_col=column, min_row=block.first_row, max_row=block.last_row)


def _only(**shown: bool) -> DataLabelList:
    """Data labels showing just what is asked: left unsaid, a spreadsheet adds the
    series' and the category's names to every label."""
    hidden = ("showLegendKey", "showVal", "showCatName", "showSerName", "showPercent")
    return DataLabelList(**{name: shown.get(name, False) for name in hidden})


def _sized(chart, title: str):
    chart.title = title
    chart.width = WIDTH_CM
    chart.height = HEIGHT_CM
    return chart


def _axes(chart):
    # Newer Excel hides axes that do not say they are kept.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.y_axis.scaling.min = 0  # a bar or a line is read from zero
    chart.y_axis.number_format = "0"  # the scale in whole numbers, whatever the cells show
    return chart
