"""The self-evaluation reports as the units sent them in: 县工业和信息化局's as a Word
document, its evidence in a table (序号, 材料名称) after the signature; 县总工会's as text
saved in GB18030 by an older computer, with Windows line ends; 县气象局's as UTF-8 text.
Each is read by `orgeval import selfreport FILE --unit U`.

A Word document carries the time it was saved in its properties and in its zip entries;
both are set to the one moment the pilot's files were exported, so the same data always
gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .office_files_workbook import EXPORTED_AT
from .pilot_rosters import GXJ, QXJ, ZGH
from .pilot_self_reports import EVIDENCE, REPORTS

# unit → (file name, how it is written)
FILES = {
    ZGH: ("县总工会自查自评报告.txt", "gb18030"),
    GXJ: ("县工业和信息化局自评报告.docx", "docx"),
    QXJ: ("县气象局自评报告.txt", "utf-8"),
}


def write_self_reports(folder: Path) -> list[tuple[str, str]]:
    """Each evaluated unit's report; (file name, unit) in the order written."""
    written = []
    for unit, (name, form) in FILES.items():
        if form == "docx":
            _write_docx(folder / name, REPORTS[unit], EVIDENCE[unit])
        else:
            _write_text(folder / name, REPORTS[unit], EVIDENCE[unit], form)
        written.append((name, unit))
    return written


def _write_text(path: Path, paragraphs: list[str], evidence: list[str], encoding: str) -> None:
    lines = [*paragraphs, "", "附件：佐证材料清单"]
    lines += [f"{number}. {item}" for number, item in enumerate(evidence, start=1)]
    newline = "\r\n" if encoding == "gb18030" else "\n"
    path.write_bytes((newline.join(lines) + newline).encode(encoding))


def _write_docx(path: Path, paragraphs: list[str], evidence: list[str]) -> None:
    import docx

    document = docx.Document()
    title, *body = paragraphs
    document.add_heading(title, level=1)
    for paragraph in body:
        document.add_paragraph(paragraph)
    document.add_paragraph("附件：佐证材料清单")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "序号", "材料名称"
    for number, item in enumerate(evidence, start=1):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = str(number), item
    properties = document.core_properties
    properties.created = properties.modified = EXPORTED_AT
    properties.author = properties.last_modified_by = "沂水县委编办"
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    _with_fixed_times(buffer, path)


def _with_fixed_times(document: io.BytesIO, path: Path) -> None:
    stamp = EXPORTED_AT.timetuple()[:6]
    with zipfile.ZipFile(document) as source, zipfile.ZipFile(path, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(entry))
