"""The official document style of the shipped Word templates (党政机关公文格式, GB/T 9704 in
spirit): A4 with the standard margins, the title in 方正小标宋 (宋体 where it is not
installed), body text in 仿宋 at 三号 on a fixed 28-point line, headings 一、 in 黑体 and
（一） in 楷体, bordered tables that fit the page, and the page number as "— 1 —" in
the footer.

The East Asian font is set on every style (``w:eastAsia``): Word, WPS and LibreOffice
choose the font of Chinese text from it, not from the Latin font name. Each official
font also names the common font to use where it is missing (the font table's
``altName``), so a computer without the GB2312 fonts still shows 宋体/仿宋/楷体.
"""

from __future__ import annotations

import re

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
TABLE_FONT = "仿宋_GB2312"
PAGE_NUMBER_FONT = "宋体"
# Where an official font is not installed, the font that stands in for it.
FALLBACKS = {TITLE_FONT: "宋体", BODY_FONT: "仿宋", SUBHEADING_FONT: "楷体"}

SIZE_2 = Pt(22)  # 二号
SIZE_3 = Pt(16)  # 三号
SIZE_4 = Pt(14)  # 四号
SIZE_TABLE = Pt(12)  # 小四
LINE = Pt(28)
TEXT_WIDTH_MM = 210 - 28 - 26


def _fonts(style_or_run, east_asian: str, latin: str = "Times New Roman") -> None:
    font = style_or_run.font
    font.name = latin
    properties = style_or_run.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi"):
        fonts.set(qn(attribute), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:hint"), "eastAsia")


def _paragraph_style(document, name: str, font: str, size, *, bold=False, center=False,
                     indent=True, line=LINE, base="Normal"):  # fmt: skip
    styles = document.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, 1)
    style.base_style = styles[base] if name != base else None
    _fonts(style, font)
    style.font.size = size
    style.font.bold = bold
    layout = style.paragraph_format
    layout.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.JUSTIFY
    layout.first_line_indent = Pt(size.pt * 2) if indent else Pt(0)
    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY if line else WD_LINE_SPACING.SINGLE
    if line:
        layout.line_spacing = line
    layout.space_before = layout.space_after = Pt(0)
    return style


def new_document():
    """An empty A4 document with the official styles."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(20)
    _paragraph_style(document, "Normal", BODY_FONT, SIZE_3)
    _paragraph_style(document, "公文标题", TITLE_FONT, SIZE_2, center=True, indent=False,
                     line=Pt(36))  # fmt: skip
    _paragraph_style(document, "公文副标题", SUBHEADING_FONT, SIZE_3, center=True, indent=False)
    _paragraph_style(document, "一级标题", HEADING_FONT, SIZE_3)
    _paragraph_style(document, "二级标题", SUBHEADING_FONT, SIZE_3)
    _paragraph_style(document, "三级标题", BODY_FONT, SIZE_3, bold=True)
    _paragraph_style(document, "顶格", BODY_FONT, SIZE_3, indent=False)
    _paragraph_style(document, "落款", BODY_FONT, SIZE_3, indent=False)
    document.styles["落款"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _paragraph_style(document, "表格文字", TABLE_FONT, SIZE_TABLE, indent=False, line=None)
    # Charts sit on their own lines, centred: a fixed line height would cut them off.
    _paragraph_style(document, "图表", BODY_FONT, SIZE_3, center=True, indent=False, line=None)
    # Justified text in a narrow cell spreads a date over the width: cells read left.
    document.styles["表格文字"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _paragraph_style(document, "表格标题", HEADING_FONT, SIZE_TABLE, center=True, indent=False,
                     line=None)  # fmt: skip
    _page_number(section)
    return document


def _page_number(section) -> None:
    """ "— 1 —" centred at the foot of every page (a PAGE field)."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Pt(0)
    for piece in ("— ", None, " —"):
        run = paragraph.add_run(piece or "")
        _fonts(run, PAGE_NUMBER_FONT, PAGE_NUMBER_FONT)
        run.font.size = SIZE_4
        if piece is None:
            field = OxmlElement("w:fldSimple")
            field.set(qn("w:instr"), "PAGE")
            inner = OxmlElement("w:r")
            number = OxmlElement("w:t")
            number.text = "1"
            inner.append(number)
            field.append(inner)
            run.element.addnext(field)


def table(document, widths_mm: list[float], header: list[str], rows: list[list[str]]):
    """A bordered table as wide as the text at most, in the table style, header bold
    and repeated on every page; ``rows`` hold the template's row tags and fields."""
    assert sum(widths_mm) <= TEXT_WIDTH_MM + 0.5, widths_mm
    grid = document.add_table(rows=1 + len(rows), cols=len(widths_mm))
    grid.style = document.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for column, width in zip(grid.columns, widths_mm, strict=True):
        column.width = Mm(width)  # the table grid: LibreOffice and WPS lay out by it
    for r, values in enumerate([header, *rows]):
        row = grid.rows[r]
        for c, width in enumerate(widths_mm):
            cell = row.cells[c]
            cell.width = Mm(width)
            paragraph = cell.paragraphs[0]
            paragraph.style = document.styles["表格标题" if r == 0 else "表格文字"]
            paragraph.text = values[c] if c < len(values) else ""
    # python-docx has no setting for a repeated header row: it is the row's tblHeader.
    element = document.element.body.findall(qn("w:tbl"))[-1]
    first_row = element.find(qn("w:tr"))
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    first_row.get_or_add_trPr().append(repeat)
    return grid


def with_fallback_fonts(font_table_xml: bytes) -> bytes:
    """The font table with each official font and the common font that stands in."""
    text = font_table_xml.decode("utf-8")
    entries = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
        f'<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
        for name, alt in FALLBACKS.items()
        if f'w:name="{name}"' not in text
    )
    return re.sub(r"</w:fonts>\s*$", entries + "</w:fonts>", text).encode("utf-8")
