"""A unit's self-evaluation report (自评报告) read as text, with its list of evidence.

The report comes as a Word document (.docx) or plain text (.txt, UTF-8 or GB18030); any
other kind is refused naming the file. The text is kept as written, line by line (a
table of a Word document as one line per row, its cells apart by a tab).

The evidence (佐证材料) is the numbered lines of the sections headed 佐证材料, 附件,
证明材料 or 佐证资料 (with or without an ordinal, 清单 or 目录 after it, a colon and a
first item on the same line): ``一、佐证材料清单`` then ``1. 2020年度工作总结`` ... A
section ends at the next heading (``六、…``) or the end of the report; without such a
section the list is empty. When a section numbers none of its lines, each of its lines
is an item.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..i18n import t
from .delimited import UndecodableText, decode
from .errors import IngestError
from .workbook import file_bytes

DOCX, TEXT = ".docx", ".txt"
SUFFIXES = (DOCX, TEXT)
MAX_CHARACTERS = 500_000  # some twenty times the longest self-report of the pilot
MAX_ITEM_CHARACTERS = 500

_ORDINAL = r"(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])?"
_EVIDENCE_HEADING = re.compile(
    rf"^\s*{_ORDINAL}\s*(?:附[:：]?\s*)?(?:佐证材料|佐证资料|证明材料|附件)"
    r"(?:清单|目录|列表)?\s*(?:[:：]\s*(?P<rest>.*))?$"
)
# A heading that ends an evidence section: 六、… or （六）… at the start of a line.
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])")
_NUMBERED = re.compile(
    r"^\s*(?:\d+\s*[.、．)）:：]|\d+\t|[（(]\d+[)）]|[\u2460-\u2473]|附件\s*\d+\s*[.、．:：]?)\s*(?P<item>\S.*)$"
)


@dataclass(frozen=True)
class SelfReportText:
    file: str
    text: str
    evidence: tuple[str, ...]


def read_self_report(path: str | Path) -> SelfReportText:
    """The report at ``path``; IngestError naming the file when it is missing, of another
    kind, not what its name says, or holds no text."""
    path = Path(path)
    file = path.name
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise IngestError.about(file, t("review.file.kind", suffixes="、".join(SUFFIXES)))
    data = file_bytes(path, file)
    if not data.strip():
        raise IngestError.about(file, t("ingest.file.empty"))
    lines = _docx_lines(path, file) if suffix == DOCX else _text_lines(data, file)
    text = _tidy(lines)
    if not text:
        raise IngestError.about(file, t("review.file.no_text"))
    if len(text) > MAX_CHARACTERS:
        message = t("review.file.too_long", length=len(text), limit=MAX_CHARACTERS)
        raise IngestError.about(file, message)
    return SelfReportText(file, text, evidence_of(text))


def _text_lines(data: bytes, file: str) -> list[str]:
    try:
        return decode(data).splitlines()
    except UndecodableText:
        raise IngestError.about(file, t("review.file.encoding")) from None


def _docx_lines(path: Path, file: str) -> list[str]:
    """The paragraphs and table rows of the document's body, in order."""
    import docx
    from docx.table import Table

    if not zipfile.is_zipfile(path):
        raise IngestError.about(file, t("review.file.not_docx"))
    try:
        with zipfile.ZipFile(path) as archive:
            if "word/document.xml" not in archive.namelist():
                raise IngestError.about(file, t("review.file.not_docx"))
        document = docx.Document(str(path))
    except IngestError:
        raise
    except Exception:  # noqa: BLE001 - python-docx reports a bad package in many ways
        raise IngestError.about(file, t("review.file.not_docx")) from None
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = list(dict.fromkeys(cell.text.strip() for cell in row.cells))
                lines.append("\t".join(cell for cell in cells if cell))
        else:
            lines.extend(block.text.splitlines() or [""])
    return lines


def _tidy(lines: list[str]) -> str:
    """Lines without trailing spaces, runs of blank lines made one, none at the ends."""
    kept: list[str] = []
    for line in lines:
        line = line.replace("\r", "").rstrip()
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip("\n")


def evidence_of(text: str) -> tuple[str, ...]:
    """The items of the report's evidence sections (see the module's docstring)."""
    items: list[str] = []
    section: list[str] | None = None
    for line in [*text.splitlines(), None]:
        heading = _EVIDENCE_HEADING.match(line) if line is not None else None
        if line is None or heading or (section is not None and _HEADING.match(line)):
            if section is not None:
                items += _section_items(section)
            section = None
            if heading:
                rest = (heading.group("rest") or "").strip()
                section = [rest] if rest else []
            continue
        if section is not None and line.strip():
            section.append(line)
    return tuple(dict.fromkeys(item[:MAX_ITEM_CHARACTERS] for item in items))


def _section_items(lines: list[str]) -> list[str]:
    numbered = [m.group("item").strip() for m in map(_NUMBERED.match, lines) if m]
    if numbered:
        return numbered
    return [" ".join(line.split()) for line in lines]
