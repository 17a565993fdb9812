"""Reading back what a written workbook shows: a figure beside its label, a row by its
first cell, and each sheet's charts with the cells they plot."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from xml.etree import ElementTree

CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
RELATIONS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DRAWING_TEXT = "{http://schemas.openxmlformats.org/drawingml/2006/main}t"
KINDS = ("pieChart", "barChart", "lineChart")


@dataclass(frozen=True)
class Series:
    values: str  # the formula of the cells it plots: '履职情况'!$C$30:$C$41
    categories: str
    name: str


@dataclass(frozen=True)
class Chart:
    part: str  # xl/charts/chartN.xml
    kind: str  # pieChart / barChart / lineChart
    title: str
    series: list[Series]


def beside(sheet, label: str):
    """The cell right of the first cell (in column A) that reads ``label``."""
    for row in sheet.iter_rows(min_col=1, max_col=1):
        if row[0].value == label:
            return sheet.cell(row=row[0].row, column=2)
    raise AssertionError(f"{label} is not on {sheet.title}")


def row_of(sheet, first: str) -> list:
    for row in sheet.iter_rows():
        if row[0].value == first:
            return list(row)
    raise AssertionError(f"no row starts with {first} on {sheet.title}")


def texts(sheet) -> list[str]:
    return [cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]


def charts_by_sheet(path) -> dict[str, list[Chart]]:
    """Each sheet's charts, following the package's relations from the sheet to its
    drawing to the drawing's charts."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        sheet_names = [s.get("name") for s in workbook.iter() if s.tag.endswith("}sheet")]
        found: dict[str, list[Chart]] = {}
        for index, sheet_name in enumerate(sheet_names, start=1):
            found[sheet_name] = []
            for drawing in _targets(archive, names, f"xl/worksheets/_rels/sheet{index}.xml.rels"):
                folder = PurePosixPath(drawing).parent
                rels = f"{folder}/_rels/{PurePosixPath(drawing).name}.rels"
                for part in _targets(archive, names, rels):
                    found[sheet_name].append(_chart(part, archive.read(part)))
    return found


def _targets(archive, names, rels: str) -> list[str]:
    if rels not in names:
        return []
    tree = ElementTree.fromstring(archive.read(rels))
    return [r.get("Target").lstrip("/") for r in tree.iter(f"{RELATIONS}Relationship")]


def _chart(part: str, xml: bytes) -> Chart:
    tree = ElementTree.fromstring(xml)
    plot = tree.find(f"{CHART}chart/{CHART}plotArea")
    (kind,) = [
        child.tag.removeprefix(CHART) for child in plot if child.tag.removeprefix(CHART) in KINDS
    ]
    title = "".join(
        t.text or "" for t in tree.find(f"{CHART}chart/{CHART}title").iter(DRAWING_TEXT)
    )
    series = [
        Series(
            values=ser.find(f"{CHART}val//{CHART}f").text,
            categories=ser.find(f"{CHART}cat//{CHART}f").text,
            name=ser.find(f"{CHART}tx//{CHART}f").text,
        )
        for ser in plot.find(f"{CHART}{kind}").iter(f"{CHART}ser")
    ]
    return Chart(part, kind, title, series)


_REFERENCE = re.compile(r"^'?(?P<sheet>[^'!]+)'?!(?P<cells>[$A-Z0-9:]+)$")


def cells_of(workbook, formula: str) -> tuple[str, list]:
    """The sheet a chart formula names, and the values of its cells in order."""
    match = _REFERENCE.match(formula)
    assert match, formula
    cells = workbook[match["sheet"]][match["cells"].replace("$", "")]
    if not isinstance(cells, tuple):
        return match["sheet"], [cells.value]
    flat = [cell for row in cells for cell in (row if isinstance(row, tuple) else (row,))]
    return match["sheet"], [cell.value for cell in flat]
