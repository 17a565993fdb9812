"""Cell parsers: raw cell value in, clean Python value out, or ValueError with a message.

The message is short, in the current language, and quotes the value as written; the
importer puts it into a RowProblem with the sheet, row and column.
"""

from __future__ import annotations

from .dates import month_only, parse_date, parse_datetime
from .idnumber import IdFacts, parse_id_number
from .quantities import parse_amount, parse_count
from .text import clean_name, clean_text
from .words import parse_category, parse_education, parse_gender, parse_rank, parse_rating

__all__ = [
    "IdFacts",
    "clean_name",
    "clean_text",
    "month_only",
    "parse_amount",
    "parse_category",
    "parse_count",
    "parse_date",
    "parse_datetime",
    "parse_education",
    "parse_gender",
    "parse_id_number",
    "parse_rank",
    "parse_rating",
]
