"""CSV and other delimited text: the encoding and the delimiter are guessed, never asked."""

from __future__ import annotations

import csv
import io
from collections import Counter

from .sheet import Sheet

# Tried in order; the first that decodes the whole file strictly wins. UTF-8 first: valid
# UTF-8 Chinese is practically never valid GB18030 of the same length, the reverse is common.
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),  # Excel's "Unicode text" export
    (b"\xfe\xff", "utf-16"),
)
_ENCODINGS = ("utf-8", "gb18030")
_DELIMITERS = (",", "\t", ";")
_SAMPLE_LINES = 50


class UndecodableText(ValueError):
    pass


class FieldTooLong(ValueError):
    """One field passes the csv module's limit: most often a quote that is never closed,
    which swallows the rest of the file into one field."""

    def __init__(self, line: int, limit: int):
        super().__init__(line, limit)
        self.line, self.limit = line, limit


def decode(data: bytes) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise UndecodableText from None
    for encoding in _ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UndecodableText


def guess_delimiter(text: str) -> str:
    """The delimiter giving the most sample lines the same number (> 1) of fields.

    Counting characters is not enough: title rows have no delimiter at all, and free text
    (a duty's description) may hold any of them.
    """
    sample = text.splitlines()[:_SAMPLE_LINES]
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        try:
            widths = Counter(len(fields) for fields in csv.reader(sample, delimiter=delimiter))
        except csv.Error:
            continue  # reading the whole file says which line, and why
        widths.pop(1, None)
        widths.pop(0, None)
        if not widths:
            continue
        width, lines = widths.most_common(1)[0]
        if (lines, width) > best_score:
            best, best_score = delimiter, (lines, width)
    return best


def read_delimited(data: bytes, name: str) -> Sheet:
    """One sheet named ``name``; every value a str, empty fields None."""
    text = decode(data)
    delimiter = guess_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [[value if value else None for value in record] for record in reader]
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise FieldTooLong(reader.line_num, csv.field_size_limit()) from None
        raise csv.Error(str(exc), reader.line_num) from None
    return Sheet(name=name, rows=rows)
