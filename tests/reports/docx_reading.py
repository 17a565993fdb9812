"""Reading a written Word document as its reader sees it: the paragraphs in order (table
cells included), and the tables as rows of cell texts."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn

_PIECES = {qn("w:tab"): "\t", qn("w:br"): "\n"}


def _text(paragraph) -> str:
    """A paragraph's text with its tabs and line breaks."""
    return "".join(
        (element.text or "") if element.tag == qn("w:t") else _PIECES[element.tag]
        for element in paragraph.iter(qn("w:t"), *_PIECES)
    )


def paragraphs(path: Path) -> list[str]:
    body = docx.Document(str(path)).element.body
    return [_text(p) for p in body.iter(qn("w:p"))]


def text(path: Path) -> str:
    return "\n".join(paragraphs(path))


def tables(path: Path) -> list[list[list[str]]]:
    return [
        [[cell.text for cell in row.cells] for row in table.rows]
        for table in docx.Document(str(path)).tables
    ]


def table_with(path: Path, header: str) -> list[list[str]]:
    """The first table whose first row holds ``header``."""
    return next(t for t in tables(path) if header in t[0])
