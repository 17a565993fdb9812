"""Charts inside the Word report: Word's own charts (a chart part in the document with
its data as a small workbook inside, as Word itself saves them), so the office can
restyle a chart or edit its numbers in Word or WPS.

A template places a chart by naming its field (``{{ duty.section_chart }}``): the field
writes a marker, and after the template is filled each marker becomes the chart. A
chart whose figures are unknown (a point would be drawn as 0) is left out, and so is
its marker. python-docx has no chart API: the parts are added through its package API
(``Part``, ``relate_to``) and the chart XML is DrawingML's, written here.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from .report_content import Chart

_NS = (
    'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
_COLOURS = ("4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47")
EMU_PER_MM = 36000


def _column(index: int) -> str:
    return chr(ord("A") + index)


def _text_cache(sheet_range: str, values: list[str]) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{escape(v)}</c:v></c:pt>' for i, v in enumerate(values))
    return (
        f'<c:strRef><c:f>{sheet_range}</c:f><c:strCache><c:ptCount val="{len(values)}"/>'
        f"{points}</c:strCache></c:strRef>"
    )


def _number_cache(sheet_range: str, values: list[float]) -> str:
    points = "".join(f'<c:pt idx="{i}"><c:v>{v:g}</c:v></c:pt>' for i, v in enumerate(values))
    return (
        f"<c:numRef><c:f>{sheet_range}</c:f><c:numCache><c:formatCode>General</c:formatCode>"
        f'<c:ptCount val="{len(values)}"/>{points}</c:numCache></c:numRef>'
    )


def _series(chart: Chart) -> str:
    rows = len(chart.categories)
    out = []
    for index, (name, values) in enumerate(chart.series):
        column = _column(index + 1)
        colour = _COLOURS[index % len(_COLOURS)]
        solid = f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
        fill = {
            "bar": f"<c:spPr>{solid}</c:spPr>",
            "line": f'<c:spPr><a:ln w="28575">{solid}</a:ln></c:spPr>',
        }.get(chart.kind, "")
        labels = (
            '<c:dLbls><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/>'
            '<c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/></c:dLbls>'
            if chart.kind == "pie"
            else ""
        )
        out.append(
            f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>'
            f"<c:tx>{_text_cache(f'Sheet1!${column}$1', [name])}</c:tx>{fill}{labels}"
            f"<c:cat>{_text_cache(f'Sheet1!$A$2:$A${rows + 1}', chart.categories)}</c:cat>"
            f"<c:val>{_number_cache(f'Sheet1!${column}$2:${column}${rows + 1}', values)}</c:val>"
            + ('<c:smooth val="0"/>' if chart.kind == "line" else "")
            + "</c:ser>"
        )
    return "".join(out)


def _axes() -> str:
    return (
        '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="b"/><c:tickLblPos val="nextTo"/><c:crossAx val="2"/>'
        '<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>'
        '</c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>'
        '<c:numFmt formatCode="General" sourceLinked="1"/><c:tickLblPos val="nextTo"/>'
        '<c:crossAx val="1"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>'
    )


def chart_xml(chart: Chart, workbook_rel: str) -> bytes:
    if chart.kind == "pie":
        plot = (
            f'<c:pieChart><c:varyColors val="1"/>{_series(chart)}'
            '<c:firstSliceAng val="0"/></c:pieChart>'
        )
    elif chart.kind == "line":
        plot = (
            f'<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{_series(chart)}'
            f'<c:marker val="1"/><c:axId val="1"/><c:axId val="2"/></c:lineChart>{_axes()}'
        )
    else:
        plot = (
            f'<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
            f'{_series(chart)}<c:gapWidth val="80"/><c:axId val="1"/><c:axId val="2"/></c:barChart>'
            f"{_axes()}"
        )
    title = (
        f'<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>'
        f'<a:r><a:rPr lang="zh-CN" sz="1200" b="1"><a:ea typeface="黑体"/></a:rPr>'
        f"<a:t>{escape(chart.title)}</a:t></a:r>"
        f'</a:p></c:rich></c:tx><c:overlay val="0"/></c:title>'
    )
    legend = '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>'
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace {_NS}>'
        f'<c:roundedCorners val="0"/><c:chart>{title}<c:autoTitleDeleted val="0"/>'
        f"<c:plotArea><c:layout/>{plot}</c:plotArea>{legend}"
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:ea typeface="宋体"/>'
        f'</a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>'
        f'<c:externalData r:id="{workbook_rel}"><c:autoUpdate val="0"/></c:externalData>'
        f"</c:chartSpace>"
    ).encode()


def chart_workbook(chart: Chart, when) -> bytes:
    """The chart's numbers as the workbook Word opens to edit them."""
    from datetime import datetime

    from openpyxl import Workbook

    from .report_workbook import workbook_bytes
    from .reproducible_zip import normalise_zip

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    sheet.append(["", *(name for name, _ in chart.series)])
    for row, category in enumerate(chart.categories):
        sheet.append([category, *(values[row] for _, values in chart.series)])
    stamp = datetime(when.year, when.month, when.day)
    workbook.properties.created = workbook.properties.modified = stamp
    workbook.properties.creator = workbook.properties.lastModifiedBy = "orgeval"
    return normalise_zip(workbook_bytes(workbook), when)


def _drawing(rel: str, number: int, width_mm: float, height_mm: float):
    cx, cy = int(width_mm * EMU_PER_MM), int(height_mm * EMU_PER_MM)
    return parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        f'{_NS}><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{1000 + number}" name="图表 {number}"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
        f'<c:chart r:id="{rel}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    )


def place_charts(document, charts: list[Chart], when) -> int:
    """Each chart's marker in the filled document becomes the chart; returns how many
    were drawn."""
    by_marker = {chart.marker: chart for chart in charts}
    package = document.part.package
    drawn = 0
    for text in list(document.element.body.iter(qn("w:t"))):
        markers = [m for m in by_marker if text.text and m in text.text]
        if not markers:
            continue
        run = text.getparent()
        for marker in markers:
            text.text = text.text.replace(marker, "")
            chart = by_marker[marker]
            if not chart.drawable:
                continue
            drawn += 1
            embedded = Part(
                PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{drawn}.xlsx"),
                CONTENT_TYPE.SML_SHEET,
                chart_workbook(chart, when),
                package,
            )
            chart_part = Part(
                PackURI(f"/word/charts/chart{drawn}.xml"),
                CONTENT_TYPE.DML_CHART,
                chart_xml(chart, "rId1"),
                package,
            )
            assert chart_part.relate_to(embedded, RELATIONSHIP_TYPE.PACKAGE) == "rId1"
            rel = document.part.relate_to(chart_part, RELATIONSHIP_TYPE.CHART)
            run.addnext(_drawing(rel, drawn, chart.width_mm, chart.height_mm))
            run = run.getnext()
    return drawn
